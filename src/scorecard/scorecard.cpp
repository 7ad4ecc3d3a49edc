// Scorecard definitions: names of the enumerations and the validation done by scorecard::build.
#include <algorithm>
#include <array>
#include <map>

#include "cchc/expression.hpp"
#include "cchc/scorecard.hpp"

namespace cchc {

namespace {

template <class E, std::size_t N>
E parse_name(std::string_view name, const std::array<std::pair<std::string_view, E>, N>& table, const char* what) {
  for (const auto& [n, v] : table)
    if (n == name) return v;
  std::string all;
  for (const auto& [n, v] : table) all += (all.empty() ? "" : ", ") + std::string(n);
  throw lookup_error(std::string("unknown ") + what + " '" + std::string(name) + "' (expected one of " + all + ")");
}

template <class E, std::size_t N>
std::string_view name_of(E value, const std::array<std::pair<std::string_view, E>, N>& table) noexcept {
  for (const auto& [n, v] : table)
    if (v == value) return n;
  return "?";
}

constexpr std::array<std::pair<std::string_view, leaf_rule_kind>, 8> rule_names{{
    {"linear", leaf_rule_kind::linear},
    {"linear_to_threshold", leaf_rule_kind::linear_to_threshold},
    {"bands", leaf_rule_kind::bands},
    {"yes_no", leaf_rule_kind::yes_no},
    {"relative_to_mean", leaf_rule_kind::relative_to_mean},
    {"manual", leaf_rule_kind::manual},
    {"formula", leaf_rule_kind::formula},
    {"unknown", leaf_rule_kind::unknown},
}};
constexpr std::array<std::pair<std::string_view, bound_side>, 2> side_names{{
    {"at_or_above", bound_side::at_or_above}, {"above", bound_side::above}}};
constexpr std::array<std::pair<std::string_view, on_zero_denominator>, 5> zero_names{{
    {"undefined", on_zero_denominator::undefined}, {"zero", on_zero_denominator::zero},
    {"full_points", on_zero_denominator::full_points}, {"not_scored", on_zero_denominator::not_scored},
    {"no_points", on_zero_denominator::no_points}}};
constexpr std::array<std::pair<std::string_view, on_absent>, 3> absent_names{{
    {"absent", on_absent::absent}, {"not_scored", on_absent::not_scored}, {"zero", on_absent::zero}}};
constexpr std::array<std::pair<std::string_view, not_scored_policy>, 2> policy_names{{
    {"exclude", not_scored_policy::exclude}, {"rescale", not_scored_policy::rescale}}};
constexpr std::array<std::pair<std::string_view, score_status>, 6> status_names{{
    {"scored", score_status::scored}, {"not_scored", score_status::not_scored}, {"absent", score_status::absent},
    {"unknown", score_status::unknown}, {"invalid", score_status::invalid}, {"no_points", score_status::no_points}}};

class validator {
 public:
  validator(const scorecard_definition& d, const std::vector<std::string>* known) : d_(d), known_(known) {}

  void run() {
    if (d_.id.empty()) fail(d_.where, "expected a scorecard id, found none");
    if (d_.groups.empty()) fail(d_.where, "scorecard '" + d_.id + "': expected at least one group");
    if (d_.scale < 0 || d_.scale > decimal::max_scale)
      fail(d_.where, "scorecard '" + d_.id + "': expected a scale between 0 and " + std::to_string(decimal::max_scale));
    decimal sum;
    for (const auto& g : d_.groups) {
      node(g);
      sum += g.max_points;
    }
    if (sum != d_.max_points)
      fail(d_.where, "scorecard '" + d_.id + "' is worth " + d_.max_points.to_string() +
                         " points but its groups' maxima add up to " + sum.to_string());
    bands_in_order(d_.where, "grade", [&](std::size_t i) { return d_.grades[i].bound; }, d_.grades.size());
  }

 private:
  [[noreturn]] static void fail(const location& where, const std::string& what) { throw parse_error(what, where); }

  template <class Bound>
  void bands_in_order(const location& where, const std::string& what, Bound bound, std::size_t n) const {
    for (std::size_t i = 1; i < n; ++i)
      if (!(bound(i) < bound(i - 1)))
        fail(where, "the " + what + " bands must run from the highest bound down; " + bound(i).to_string() +
                        " comes after " + bound(i - 1).to_string());
  }

  void check_expression(const scorecard_node& n, const std::string& text) const {
    try {
      if (known_) (void)expression::parse(text, *known_);
      else (void)expression::parse(text);
    } catch (const cchc::error& e) {
      location where = n.where;
      if (where.field.empty()) where.field = "value";
      const std::string pos = e.where().column ? " at column " + std::to_string(e.where().column) +
                                                     (e.where().line > 1 ? " of line " + std::to_string(e.where().line) : "")
                                               : "";
      const std::string msg = "leaf '" + n.id + "': its value `" + text + "`" + pos + ": " + e.detail();
      if (dynamic_cast<const lookup_error*>(&e)) throw lookup_error(msg, where);
      throw parse_error(msg, where);
    }
  }

  void node(const scorecard_node& n) {
    if (n.id.empty()) fail(n.where, "expected an id for every node, found a node without one");
    if (const auto [it, fresh] = seen_.emplace(n.id, n.where); !fresh)
      fail(n.where, "duplicate id '" + n.id + "' (first defined at " +
                        (it->second.empty() ? std::string("an earlier node") : it->second.to_string()) + ")");
    if (n.max_points.signum() < 0) fail(n.where, "'" + n.id + "': expected a maximum of 0 points or more");
    if (!n.children.empty()) {
      if (n.rule) fail(n.where, "'" + n.id + "' has children and a rule: a group's points are its children's");
      decimal sum;
      for (const auto& c : n.children) {
        node(c);
        sum += c.max_points;
      }
      if (sum != n.max_points)
        fail(n.where, "'" + n.id + "' is worth " + n.max_points.to_string() + " points but its children's maxima add up to " +
                          sum.to_string());
      return;
    }
    if (!n.rule) fail(n.where, "leaf '" + n.id + "': expected a rule (" + all_rules() + ")");
    const leaf_rule& r = *n.rule;
    if (r.kind != leaf_rule_kind::unknown) {
      if (r.value.empty()) fail(n.where, "leaf '" + n.id + "': expected a value (an expression over the figures)");
      check_expression(n, r.value);
      const expression e = expression::parse(r.value);
      const bool wants_condition = r.kind == leaf_rule_kind::yes_no;
      if (!wants_condition && e.result_type() == expression::type::boolean)
        fail(n.where, "leaf '" + n.id + "': a " + std::string(to_string(r.kind)) +
                          " rule needs a number as its value, found a condition");
    } else if (!r.value.empty()) {
      check_expression(n, r.value);
    }
    for (const auto& name : r.inputs)
      if (known_ && std::find(known_->begin(), known_->end(), name) == known_->end()) {
        const auto near = nearest_names(name, *known_);
        throw lookup_error("leaf '" + n.id + "': unknown input figure '" + name + "'" +
                               (near.empty() ? "" : "; did you mean '" + near.front() + "'?"),
                           n.where);
      }
    if (r.scale && (*r.scale < 0 || *r.scale > decimal::max_scale))
      fail(n.where, "leaf '" + n.id + "': expected a scale between 0 and " + std::to_string(decimal::max_scale));
    const decimal one(1);
    switch (r.kind) {
      case leaf_rule_kind::linear_to_threshold:
        if (r.threshold.signum() <= 0 || r.threshold > one)
          fail(n.where, "leaf '" + n.id + "': expected a threshold above 0 % and at most 100 %, found " +
                            percent(r.threshold));
        break;
      case leaf_rule_kind::bands:
        if (r.bands.empty()) fail(n.where, "leaf '" + n.id + "': expected at least one band");
        bands_in_order(n.where, "'" + n.id + "'", [&](std::size_t i) { return r.bands[i].bound; }, r.bands.size());
        for (const auto& b : r.bands) {
          if (b.points > n.max_points)
            fail(n.where, "leaf '" + n.id + "': a band worth " + b.points.to_string() + " points exceeds the leaf's maximum " +
                              n.max_points.to_string());
          if (b.points.signum() < 0) fail(n.where, "leaf '" + n.id + "': a band's points must not be negative");
          if (r.rate_bounds && (b.bound.signum() < 0 || b.bound > one))
            fail(n.where, "leaf '" + n.id + "': a threshold outside 0–100 % (" + percent(b.bound) +
                              "); bounds of a rate are 0 … 1 (write 95% for 0.95)");
        }
        break;
      case leaf_rule_kind::relative_to_mean:
        if ((r.points && (*r.points > n.max_points || r.points->signum() < 0)) || r.points_below > n.max_points ||
            r.points_below.signum() < 0)
          fail(n.where, "leaf '" + n.id + "': points must lie between 0 and the leaf's maximum " + n.max_points.to_string());
        break;
      default: break;
    }
  }

  static std::string percent(const decimal& fraction) {
    return (fraction * decimal(100)).trimmed().to_string() + " %";
  }

  static std::string all_rules() {
    std::string all;
    for (const auto& [name, kind] : rule_names) all += (all.empty() ? "" : ", ") + std::string(name);
    return all;
  }

  const scorecard_definition& d_;
  const std::vector<std::string>* known_;
  std::map<std::string, location> seen_;
};

}  // namespace

std::string_view to_string(leaf_rule_kind k) noexcept { return name_of(k, rule_names); }
leaf_rule_kind parse_leaf_rule_kind(std::string_view name) { return parse_name(name, rule_names, "leaf rule"); }
std::string_view to_string(bound_side s) noexcept { return name_of(s, side_names); }
bound_side parse_bound_side(std::string_view name) { return parse_name(name, side_names, "bound side"); }
std::string_view to_string(on_zero_denominator p) noexcept { return name_of(p, zero_names); }
std::string_view to_string(on_absent p) noexcept { return name_of(p, absent_names); }
std::string_view to_string(not_scored_policy p) noexcept { return name_of(p, policy_names); }
std::string_view to_string(score_status s) noexcept { return name_of(s, status_names); }
on_zero_denominator parse_on_zero_denominator(std::string_view name) {
  return parse_name(name, zero_names, "zero-denominator policy");
}
on_absent parse_on_absent(std::string_view name) { return parse_name(name, absent_names, "absent-figure policy"); }
not_scored_policy parse_not_scored_policy(std::string_view name) {
  return parse_name(name, policy_names, "not-scored policy");
}

scorecard scorecard::build(scorecard_definition definition, const std::vector<std::string>* known_figures) {
  validator(definition, known_figures).run();
  return scorecard(std::move(definition));
}

}  // namespace cchc
