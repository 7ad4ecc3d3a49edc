// cchc/roll_up.hpp — units in a tree: a parent's figures from its children's, as ratios of sums,
// and the check that a parent's published figures equal the sum of its children's.
//
// The tree is the figures table's `parent` column (a province row, its districts with parent = the
// province's code, their communes below) — or a units file at a date (cchc/units.hpp), whose parent
// links change with the law (three tiers before 1/7/2025, two after). Both are one summing rule. Rolling up adds counts and amounts, and adds the
// numerators and the denominators of rates separately — a province's on-time rate is the ratio of the
// summed counts, never a mean of its districts' rates (the national portal computes parent rows so).
//
//     auto parents = cchc::roll_up(table);        // one row per unit that has children
//     auto findings = cchc::check_roll_up(table); // rule "units.sum": published ≠ sum of children
//     auto in_2024 = cchc::roll_up(table, cchc::units::load("units.csv"), date::sys_days{2024_y / 12 / 31});
#pragma once

#include "cchc/detail/export.hpp"  // CCHC_EXPORT

#include <vector>

#include "cchc/finding.hpp"
#include "cchc/figures_table.hpp"
#include "cchc/units.hpp"

namespace cchc {

/// Every unit that is some row's parent, with each figure summed over its direct children. A child
/// that has no published value of a figure but children of its own contributes its rolled-up value;
/// when some child has neither, the parent's figure is absent (a sum of unknown parts is unknown).
/// A figure that is a rate for one child and a number for another, or a cycle in the parent column,
/// is a cchc::argument_error naming the units.
[[nodiscard]] CCHC_EXPORT figures_table roll_up(const figures_table& table);

/// One finding (rule "units.sum", severity error) per parent and figure where the parent's published
/// value differs from the sum of its children's published values (checked only when every child
/// publishes the figure). `file` names the table in the findings' locations.
[[nodiscard]] CCHC_EXPORT std::vector<finding> check_roll_up(const figures_table& table, const std::string& file = {});

/// The same roll-up with the parent links of `tree` on `day` (the table's parent column is ignored):
/// one row per unit that has children valid on that day, in the units file's order, named as the file
/// names it. A child the file lists but the table lacks makes its parent's figures absent (a sum of
/// unknown parts is unknown). A table row whose unit the file does not list as valid on `day` is a
/// cchc::argument_error naming the unit (its figures would otherwise drop out of every sum).
[[nodiscard]] CCHC_EXPORT figures_table roll_up(const figures_table& table, const units& tree, date::sys_days day);
/// check_roll_up with the parent links of `tree` on `day`.
[[nodiscard]] CCHC_EXPORT std::vector<finding> check_roll_up(const figures_table& table, const units& tree, date::sys_days day,
                                                             const std::string& file = {});

}  // namespace cchc
