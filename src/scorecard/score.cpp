// Scoring units against a scorecard (rules in cchc/scorecard.hpp): exact points, rounded once per
// leaf, summed up the tree, graded and ranked, every point explained.
#include <algorithm>
#include <map>

#include "cchc/expression.hpp"
#include "cchc/ranking.hpp"
#include "cchc/scorecard.hpp"

namespace cchc {

namespace {

using value = expression_value;

// The compiled leaves of one score() call: each leaf's expression evaluated for every unit once.
struct leaf_values {
  std::string rule;             // describe(): the same text for every unit
  std::vector<value> values;    // per unit
  std::vector<value> at_mean;   // relative_to_mean: value >= mean(value), per unit
  std::vector<std::string> names;
};

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

// Sign of value − bound for a number value (denominator > 0).
int compare(const value& v, const decimal& bound) { return cchc::compare(v, value::number(bound)); }

bool reaches(const value& v, const decimal& bound, bound_side side) {
  const int c = compare(v, bound);
  return side == bound_side::at_or_above ? c >= 0 : c > 0;
}

std::string side_text(bound_side s) { return s == bound_side::at_or_above ? "≥" : ">"; }

std::string percent_text(const decimal& fraction) { return (fraction * decimal(100)).trimmed().to_string() + "%"; }

std::string describe(const scorecard_node& n) {
  const leaf_rule& r = *n.rule;
  const std::string max = n.max_points.to_string();
  switch (r.kind) {
    case leaf_rule_kind::linear: return "linear: " + max + " × value";
    case leaf_rule_kind::linear_to_threshold:
      return "linear_to_threshold: " + max + " × min(1, value / " + percent_text(r.threshold) + ")";
    case leaf_rule_kind::bands: {
      std::string s = "bands:";
      for (const auto& b : r.bands)
        s += " " + side_text(b.side) + " " + (r.rate_bounds ? percent_text(b.bound) : b.bound.to_string()) + " → " +
             b.points.to_string() + ";";
      return s + " otherwise 0";
    }
    case leaf_rule_kind::yes_no: return "yes_no: yes → " + max + ", no → 0";
    case leaf_rule_kind::relative_to_mean:
      return "relative_to_mean: ≥ the mean of the units scored → " + (r.points ? r.points->to_string() : max) +
             ", below → " + r.points_below.to_string();
    case leaf_rule_kind::manual: return "manual: self-assessed points, at most " + max;
    case leaf_rule_kind::formula: return std::string("formula: the value") + (r.cap ? ", at most " + max : "");
    case leaf_rule_kind::unknown: return "unknown: the rule is not known; not scored";
  }
  return "?";
}

bool is_rate_rule(const leaf_rule& r) {
  return r.kind == leaf_rule_kind::linear || r.kind == leaf_rule_kind::linear_to_threshold ||
         (r.kind == leaf_rule_kind::bands && r.rate_bounds);
}

class scorer {
 public:
  scorer(const scorecard_definition& d, const std::vector<std::pair<std::string, figures>>& units) : d_(d), units_(units) {
    population_.reserve(units.size());
    for (const auto& u : units) population_.push_back(&u.second);
    for (const auto& g : d.groups) compile(g);
  }

  score_table run() {
    score_table table;
    std::size_t nodes = 1;
    for (const auto& g : d_.groups) nodes += count_nodes(g);
    table.rows.reserve(nodes * units_.size());
    std::vector<std::size_t> total_rows;
    total_rows.reserve(units_.size());
    for (std::size_t u = 0; u < units_.size(); ++u) {
      const std::size_t total_at = table.rows.size();
      table.rows.emplace_back();  // the total, filled after its children
      for (const auto& g : d_.groups) score_node(g, u, 1, table.rows);
      node_score total = combine(units_[u].first, d_.id, "total", 0, d_.max_points, table.rows, total_at + 1, 1);
      rescale_and_grade(total);
      table.rows[total_at] = std::move(total);
      total_rows.push_back(total_at);
    }
    rank(table, total_rows);
    return table;
  }

 private:
  static std::size_t count_nodes(const scorecard_node& n) {
    std::size_t k = 1;
    for (const auto& c : n.children) k += count_nodes(c);
    return k;
  }

  void compile(const scorecard_node& n) {
    for (const auto& c : n.children) compile(c);
    if (!n.rule) return;
    leaf_values lv;
    lv.rule = describe(n);
    const leaf_rule& r = *n.rule;
    if (!r.value.empty()) {
      const expression e = expression::parse(r.value);
      lv.values = e.evaluate_all(population_);
      lv.names = e.names();
      if (r.kind == leaf_rule_kind::relative_to_mean)
        lv.at_mean = expression::parse("(" + r.value + ") >= mean(" + r.value + ")").evaluate_all(population_);
    } else {
      lv.values.assign(units_.size(), value::absent());
    }
    for (const auto& i : r.inputs)
      if (std::find(lv.names.begin(), lv.names.end(), i) == lv.names.end()) lv.names.push_back(i);
    leaves_.emplace(&n, std::move(lv));
  }

  decimal round(const value& v, const leaf_rule& r) const {
    return v.rounded(r.scale.value_or(d_.scale), r.mode.value_or(d_.mode));
  }
  decimal round(const decimal& exact, const leaf_rule& r) const {
    return exact.rescale(r.scale.value_or(d_.scale), r.mode.value_or(d_.mode));
  }

  // max × v exactly, rounded once.
  decimal scaled(const decimal& max, const value& v, const leaf_rule& r) const {
    return round(value::ratio(max * v.numerator(), v.denominator()), r);
  }

  node_score score_leaf(const scorecard_node& n, std::size_t u, int depth) const {
    const leaf_rule& r = *n.rule;
    const leaf_values& lv = leaves_.at(&n);
    node_score s;
    s.unit = units_[u].first;
    s.id = n.id;
    s.kind = "leaf";
    s.depth = depth;
    s.max_points = n.max_points;
    s.rule = lv.rule;
    const figures& f = units_[u].second;
    for (const auto& name : lv.names) {
      const figure* v = f.find(name);
      s.inputs.emplace_back(name, v ? to_string(*v) : "absent");
    }
    const value& v = lv.values[u];
    s.value = v.to_string();
    if (v.is_number() && is_rate_rule(r))
      s.rate_percent = decimal::divide(v.numerator() * decimal(100), v.denominator(), 2, rounding::half_away_from_zero);

    auto set_points = [&](decimal p) {
      s.status = score_status::scored;
      s.points = std::move(p);
    };
    if (r.kind == leaf_rule_kind::unknown) {
      s.status = score_status::unknown;
      s.reason = "the scoring rule is not known (inputs shown; no score is guessed)";
      return s;
    }
    if (v.is_absent()) {
      std::vector<std::string> missing;
      for (const auto& name : lv.names)
        if (!f.contains(name)) missing.push_back(name);
      switch (r.absent) {
        case on_absent::absent:
          s.status = score_status::absent;
          s.reason = "missing figure(s): " + join_names(missing);
          return s;
        case on_absent::not_scored:
          s.status = score_status::not_scored;
          s.reason = "not assigned (missing figure(s): " + join_names(missing) + "): not scored";
          return s;
        case on_absent::zero:
          set_points(round(decimal(0), r));
          s.reason = "missing figure(s) " + join_names(missing) + " count as 0 points (the leaf's policy)";
          return s;
      }
    }
    if (v.is_undefined()) {
      switch (r.zero_denominator) {
        case on_zero_denominator::undefined:
          s.status = score_status::absent;
          s.reason = "zero denominator: the rate is undefined";
          return s;
        case on_zero_denominator::zero:
          set_points(round(decimal(0), r));
          s.reason = "zero denominator: 0 points (the leaf's policy)";
          return s;
        case on_zero_denominator::full_points:
          set_points(round(n.max_points, r));
          s.reason = "zero denominator: full points (the leaf's policy)";
          return s;
        case on_zero_denominator::not_scored:
          s.status = score_status::not_scored;
          s.reason = "zero denominator: not scored (the leaf's policy)";
          return s;
        case on_zero_denominator::no_points:
          s.status = score_status::no_points;
          s.reason = "zero denominator: no score shown, the maximum is kept (the leaf's policy)";
          return s;
      }
    }
    switch (r.kind) {
      case leaf_rule_kind::linear:
        if (v.numerator().signum() <= 0) set_points(round(decimal(0), r));
        else if (compare(v, decimal(1)) >= 0) set_points(round(n.max_points, r));
        else set_points(scaled(n.max_points, v, r));
        break;
      case leaf_rule_kind::linear_to_threshold:
        if (v.numerator().signum() <= 0) set_points(round(decimal(0), r));
        else if (compare(v, r.threshold) >= 0) set_points(round(n.max_points, r));
        else set_points(round(value::ratio(n.max_points * v.numerator(), v.denominator() * r.threshold), r));
        break;
      case leaf_rule_kind::bands: {
        decimal p(0);
        for (const auto& b : r.bands)
          if (reaches(v, b.bound, b.side)) {
            p = b.points;
            break;
          }
        set_points(round(p, r));
        break;
      }
      case leaf_rule_kind::yes_no: {
        const bool yes = v.is_boolean() ? v.truth() : !v.numerator().is_zero();
        set_points(round(yes ? n.max_points : decimal(0), r));
        break;
      }
      case leaf_rule_kind::relative_to_mean: {
        const value& above = lv.at_mean[u];
        const bool at_or_above = above.is_boolean() && above.truth();
        set_points(round(at_or_above ? r.points.value_or(n.max_points) : r.points_below, r));
        s.reason = at_or_above ? "at or above the mean of the units scored" : "below the mean of the units scored";
        break;
      }
      case leaf_rule_kind::manual:
        if (v.numerator().signum() < 0 || compare(v, n.max_points) > 0) {
          s.status = score_status::invalid;
          s.reason = "self-assessed " + v.to_string() + " points lie outside 0 … " + n.max_points.to_string();
          return s;
        }
        set_points(round(v, r));
        break;
      case leaf_rule_kind::formula: {
        decimal p = round(v, r);
        if (r.cap && p > n.max_points) {
          s.reason = "capped at the maximum (the formula gives " + p.to_string() + ")";
          p = round(n.max_points, r);
        }
        set_points(std::move(p));
        break;
      }
      case leaf_rule_kind::unknown: break;
    }
    return s;
  }

  // Appends the node's rows (itself, then its subtree) and returns nothing; the node's own row is
  // built from the rows its children appended.
  void score_node(const scorecard_node& n, std::size_t u, int depth, std::vector<node_score>& rows) const {
    if (n.rule) {
      rows.push_back(score_leaf(n, u, depth));
      return;
    }
    const std::size_t at = rows.size();
    rows.emplace_back();
    for (const auto& c : n.children) score_node(c, u, depth + 1, rows);
    rows[at] = combine(units_[u].first, n.id, "group", depth, n.max_points, rows, at + 1, depth + 1);
  }

  // A group (or the total) from its direct children: rows[from…] at depth `child_depth`.
  static node_score combine(const std::string& unit, const std::string& id, const char* kind, int depth,
                            const decimal& max, const std::vector<node_score>& rows, std::size_t from, int child_depth) {
    node_score s;
    s.unit = unit;
    s.id = id;
    s.kind = kind;
    s.depth = depth;
    decimal points(0), reduced(0);
    bool any_scored = false;
    std::vector<std::string> missing, excluded;
    for (std::size_t i = from; i < rows.size() && rows[i].depth >= child_depth; ++i) {
      const node_score& c = rows[i];
      if (c.depth != child_depth) continue;
      if (c.status == score_status::not_scored) {
        excluded.push_back(c.id);
        continue;
      }
      reduced += c.max_points;
      if (c.status == score_status::no_points) {
        any_scored = true;  // counts as scored with nothing added
        continue;
      }
      if (c.points) {
        points += *c.points;
        any_scored = true;
      } else {
        missing.push_back(c.id);
      }
    }
    s.max_points = reduced;
    if (!any_scored && missing.empty()) {
      s.status = score_status::not_scored;
      s.max_points = decimal(0);
      s.reason = "every part is not scored";
      return s;
    }
    if (!missing.empty()) {
      s.status = score_status::absent;
      s.partial_points = points;
      s.reason = "no score for " + join_names(missing) + " (the known parts give " + points.to_string() + ")";
    } else {
      s.status = score_status::scored;
      s.points = points;
    }
    if (!excluded.empty())
      s.reason += std::string(s.reason.empty() ? "" : "; ") + "not scored: " + join_names(excluded) + " (maximum " +
                  reduced.to_string() + " of " + max.to_string() + ")";
    else if (reduced != max)
      s.reason += std::string(s.reason.empty() ? "" : "; ") + "maximum " + reduced.to_string() + " of " +
                  max.to_string() + " (parts not scored further down)";
    return s;
  }

  void rescale_and_grade(node_score& total) const {
    if (d_.not_scored == not_scored_policy::rescale && total.max_points != d_.max_points && total.points &&
        total.max_points.signum() > 0) {
      total.points = decimal::divide(*total.points * d_.max_points, total.max_points, d_.scale, d_.mode);
      total.reason += "; rescaled to " + d_.max_points.to_string() + " points";
      total.max_points = d_.max_points;
    }
    if (!total.points) return;
    const decimal basis = d_.grades_on_percent && total.max_points.signum() > 0
                              ? decimal::divide(*total.points * decimal(100), total.max_points, 10, rounding::half_even)
                              : *total.points;
    total.grade = band_of(value::number(basis), d_.grades);  // the one band rule (cchc/ranking.hpp)
  }

  // Competition ranking of the totals, highest first, on the grades' basis: points, or (grades_on
  // percent) the exact share of the remaining maximum, so that units with not-scored parts compare fairly.
  void rank(score_table& table, const std::vector<std::size_t>& totals) const {
    std::vector<value> basis;  // the one ranking rule (cchc/ranking.hpp); unscored totals stay unranked
    basis.reserve(totals.size());
    for (const std::size_t i : totals) {
      const node_score& r = table.rows[i];
      basis.push_back(!r.points ? value::absent()
                      : d_.grades_on_percent && r.max_points.signum() > 0 ? value::ratio(*r.points, r.max_points)
                                                                         : value::number(*r.points));
    }
    const auto ranks = cchc::rank(basis);
    for (std::size_t k = 0; k < totals.size(); ++k) table.rows[totals[k]].rank = ranks[k];
  }

  const scorecard_definition& d_;
  const std::vector<std::pair<std::string, figures>>& units_;
  std::vector<const figures*> population_;
  std::map<const scorecard_node*, leaf_values> leaves_;
};

}  // namespace

score_table scorecard::score(const std::vector<std::pair<std::string, figures>>& units) const {
  return scorer(definition_, units).run();
}

}  // namespace cchc
