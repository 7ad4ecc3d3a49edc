// The parsed form of a cchc::expression: a flat array of nodes (children by index), shared by the
// parser (expression_parse.cpp) and the evaluator (expression_evaluate.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cchc/decimal.hpp"
#include "cchc/expression.hpp"
#include "cchc/rounding.hpp"

namespace cchc::expr {

enum class op : std::uint8_t {
  number, boolean, name,                         // leaves
  neg, add, sub, mul, div,                       // arithmetic
  eq, ne, lt, le, gt, ge,                        // comparison
  and_, or_, not_,                               // logic
  if_, min, max, abs, round, ratio, present, coalesce,  // functions
  mean, sum, count, rank                         // over the population
};

struct node {
  op kind = op::number;
  expression::type type = expression::type::number;
  std::vector<int> args;
  decimal value;             // op::number
  bool truth = false;        // op::boolean
  std::string name;          // op::name
  int scale = 0;             // op::round
  rounding mode = rounding::half_even;  // op::round
  long line = 0;
  long column = 0;
  int height = 1;  // 1 + the tallest child: bounds the evaluator's recursion
};

// The tallest tree accepted (a chain of 500 terms `a + b + …`); the evaluator recurses this deep.
inline constexpr int max_height = 500;

[[nodiscard]] inline bool is_population(op o) noexcept {
  return o == op::mean || o == op::sum || o == op::count || o == op::rank;
}

}  // namespace cchc::expr

namespace cchc {
struct expression::impl {
  std::string text;
  std::vector<expr::node> nodes;
  int root = -1;
  std::vector<std::string> names;
  bool population = false;
};
}  // namespace cchc
