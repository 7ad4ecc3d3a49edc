// cchc/detail/number_style.hpp — the number_style enum, shared by decimal.hpp and number_format.hpp.
// Include cchc/number_format.hpp (or cchc/decimal.hpp) rather than this file.
#pragma once

namespace cchc {

/// How a number is written.
///   plain: 1340.5, -0.25            (no grouping; '.' decimal point; what to_string() writes)
///   vi:    1.340,5, 14.083, 97,55    ('.' groups thousands, ',' is the decimal comma)
///   en:    1,340.5                  (',' groups thousands, '.' is the decimal point)
enum class number_style { plain, vi, en };

}  // namespace cchc
