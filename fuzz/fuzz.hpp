// Shared helpers of the fuzz targets (fuzz/README.md).
//
// A target turns the fuzzer's bytes into calls of the public API. It catches cchc::error — a
// documented answer to bad input — and nothing else: any other exception escapes (libFuzzer reports
// it through std::terminate; the replay driver prints it). CCHC_FUZZ_CHECK states an invariant the
// API documents (parse and try_parse agree, to_json reads back equal, …); a broken one aborts with
// the condition, the file and the line, so it is a finding like a crash.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace cchc_fuzz {

[[noreturn]] inline void broken(const char* file, int line, const char* condition) {
  std::fprintf(stderr, "%s:%d: fuzz invariant broken: %s\n", file, line, condition);
  std::abort();
}

/// The input as text (any bytes: UTF-8 validity is the API's business).
inline std::string_view text_of(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// Takes the first byte as a selector (0 when empty) and leaves the rest in `rest`.
inline unsigned take_byte(std::string_view& rest) {
  if (rest.empty()) return 0;
  const auto b = static_cast<unsigned char>(rest.front());
  rest.remove_prefix(1);
  return b;
}

}  // namespace cchc_fuzz

#define CCHC_FUZZ_CHECK(condition) \
  ((condition) ? static_cast<void>(0) : ::cchc_fuzz::broken(__FILE__, __LINE__, #condition))
