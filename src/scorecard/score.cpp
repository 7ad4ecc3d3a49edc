// Scoring units against a scorecard (rules in cchc/scorecard.hpp): exact points, rounded once per
// leaf, summed up the tree, graded and ranked, every point explained.
#include <algorithm>
#include <exception>
#include <optional>
#include <thread>
#include <unordered_map>

#include "cchc/expression.hpp"
#include "cchc/ranking.hpp"
#include "cchc/scorecard.hpp"

namespace cchc {

namespace {

using value = expression_value;

// One leaf of the compiled scorecard (built once per score() call, shared read-only by the threads).
// Figure names are resolved to slots: each unit's figures are gathered into an array once (one hash
// look-up per distinct name), and every leaf then reads that array.
struct leaf_values {
  std::string rule;                         // describe(): the same text for every unit
  std::optional<bound_expression> bound;    // the value, per unit, from the slots
  std::vector<value> column;                // or, with population functions: evaluated for every unit first
  std::vector<value> at_mean;               // relative_to_mean: value >= mean(value), per unit
  std::vector<std::string> names;           // the figures shown (the value's names, then extra inputs)
  std::vector<std::size_t> name_slots;      // their slots
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
  scorer(const scorecard_definition& d, const std::vector<std::pair<std::string, figures>>& units, const score_options& o)
      : d_(d), units_(units), explain_(o.explain) {
    threads_ = o.threads == 0 ? std::max(1u, std::thread::hardware_concurrency()) : o.threads;
    nodes_ = 1;
    for (const auto& g : d.groups) nodes_ += count_nodes(g);
    for (const auto& g : d.groups) compile(g);
  }

  score_table run() {
    score_table table;
    table.rows.resize(nodes_ * units_.size());
    in_parallel([&](std::size_t first, std::size_t last) {
      std::vector<const figure*> slots;
      for (std::size_t u = first; u < last; ++u) score_unit(u, slots, table.rows, u * nodes_);
    });
    std::vector<const node_score*> totals(units_.size());
    for (std::size_t u = 0; u < totals.size(); ++u) totals[u] = &table.rows[u * nodes_];
    const auto ranks = rank(totals);
    for (std::size_t u = 0; u < totals.size(); ++u) table.rows[u * nodes_].rank = ranks[u];
    return table;
  }

  // The same scoring, keeping only status, points and maxima: each thread scores a unit into a scratch
  // table of one unit's rows (reused, so it stays in cache and its strings keep their storage).
  score_points run_points() {
    score_points out;
    out.units.reserve(units_.size());
    for (const auto& u : units_) out.units.push_back(u.first);
    out.ids.reserve(nodes_);
    out.ids.push_back(d_.id);
    for (const auto& g : d_.groups) collect_ids(g, out.ids);
    const std::size_t cells = nodes_ * units_.size();
    out.status.resize(cells);
    out.points.resize(cells);
    out.max_points.resize(cells);
    out.grades.resize(units_.size());
    std::vector<node_score> totals(units_.size());
    in_parallel([&](std::size_t first, std::size_t last) {
      std::vector<const figure*> slots;
      std::vector<node_score> scratch(nodes_);
      for (std::size_t u = first; u < last; ++u) {
        for (auto& row : scratch) clear(row);
        score_unit(u, slots, scratch, 0);
        for (std::size_t i = 0; i < nodes_; ++i) {
          out.status[u * nodes_ + i] = scratch[i].status;
          out.points[u * nodes_ + i] = std::move(scratch[i].points);
          out.max_points[u * nodes_ + i] = scratch[i].max_points;
        }
        out.grades[u] = scratch[0].grade;
        totals[u].points = out.points[u * nodes_];
        totals[u].max_points = scratch[0].max_points;
      }
    });
    std::vector<const node_score*> total_ptrs(units_.size());
    for (std::size_t u = 0; u < totals.size(); ++u) total_ptrs[u] = &totals[u];
    out.ranks = rank(total_ptrs);
    return out;
  }

 private:
  static std::size_t count_nodes(const scorecard_node& n) {
    std::size_t k = 1;
    for (const auto& c : n.children) k += count_nodes(c);
    return k;
  }

  std::size_t slot(const std::string& name) {
    const auto [it, fresh] = slot_index_.emplace(name, slot_names_.size());
    if (fresh) slot_names_.push_back(name);
    return it->second;
  }

  // Leaves in tree order (score_node visits them in the same order).
  void compile(const scorecard_node& n) {
    for (const auto& c : n.children) compile(c);
    if (!n.rule) return;
    leaf_values lv;
    lv.rule = describe(n);
    const leaf_rule& r = *n.rule;
    if (!r.value.empty()) {
      const expression e = expression::parse(r.value);
      lv.names = e.names();
      for (const auto& name : lv.names) lv.name_slots.push_back(slot(name));
      if (e.uses_population()) {
        if (population_.empty()) {
          population_.reserve(units_.size());
          for (const auto& u : units_) population_.push_back(&u.second);
        }
        lv.column = e.evaluate_all(population_);
      } else {
        lv.bound.emplace(e, slot_names_);
      }
      if (r.kind == leaf_rule_kind::relative_to_mean) {
        if (population_.empty()) {
          population_.reserve(units_.size());
          for (const auto& u : units_) population_.push_back(&u.second);
        }
        lv.at_mean = expression::parse("(" + r.value + ") >= mean(" + r.value + ")").evaluate_all(population_);
      }
    }
    for (const auto& i : r.inputs)
      if (std::find(lv.names.begin(), lv.names.end(), i) == lv.names.end()) {
        lv.names.push_back(i);
        lv.name_slots.push_back(slot(i));
      }
    leaves_.push_back(std::move(lv));
  }

  // Back to a default row, keeping the strings' storage (a points-only row writes no explanation).
  static void clear(node_score& r) {
    r.status = score_status::scored;
    r.points.reset();
    r.partial_points.reset();
    r.rate_percent.reset();
    r.rank.reset();
    r.value.clear();
    r.rule.clear();
    r.inputs.clear();
    r.reason.clear();
    r.grade.clear();
  }

  static void collect_ids(const scorecard_node& n, std::vector<std::string>& ids) {
    ids.push_back(n.id);
    for (const auto& c : n.children) collect_ids(c, ids);
  }

  // Runs work(first, last) over contiguous ranges of units, one per thread. Each range's rows are
  // written by its thread only. The first error in unit order is rethrown: a thread stops at its
  // first, and the lowest range's wins, as on one thread.
  template <class Work>
  void in_parallel(Work work) const {
    const std::size_t n = units_.size();
    const std::size_t threads = std::min<std::size_t>(threads_, n);
    if (threads <= 1) {
      work(std::size_t{0}, n);
      return;
    }
    std::vector<std::exception_ptr> errors(threads);
    std::vector<std::thread> pool;
    pool.reserve(threads - 1);
    auto range = [&](std::size_t t) {
      try {
        work(n * t / threads, n * (t + 1) / threads);
      } catch (...) {
        errors[t] = std::current_exception();
      }
    };
    for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(range, t);
    range(0);
    for (auto& th : pool) th.join();
    for (const auto& e : errors)
      if (e) std::rethrow_exception(e);
  }

  // One unit: its rows are rows[total_at, total_at + nodes) (the total first, then the tree in order).
  void score_unit(std::size_t u, std::vector<const figure*>& slots, std::vector<node_score>& rows,
                  std::size_t total_at) const {
    units_[u].second.gather(slot_names_, slots);
    const unit_context c{u, slots};
    std::size_t at = total_at + 1, leaf = 0;
    for (const auto& g : d_.groups) score_node(g, c, 1, rows, at, leaf);
    node_score& total = rows[total_at];
    combine(total, units_[u].first, d_.id, "total", 0, d_.max_points, rows, total_at + 1, at, 1);
    rescale_and_grade(total);
  }

  struct unit_context {
    std::size_t unit;
    const std::vector<const figure*>& slots;
  };

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

  // Fills the leaf's row `s` (a default-constructed row of the table).
  void score_leaf(node_score& s, const scorecard_node& n, const leaf_values& lv, const unit_context& c, int depth) const {
    const leaf_rule& r = *n.rule;
    const std::size_t u = c.unit;
    s.unit = units_[u].first;
    s.id = n.id;
    s.kind = "leaf";
    s.depth = depth;
    s.max_points = n.max_points;
    const value v = lv.bound ? lv.bound->evaluate(c.slots) : lv.column.empty() ? value::absent() : lv.column[u];
    if (explain_) {
      s.rule = lv.rule;
      s.inputs.reserve(lv.names.size());
      for (std::size_t i = 0; i < lv.names.size(); ++i) {
        const figure* f = c.slots[lv.name_slots[i]];
        s.inputs.emplace_back(lv.names[i], f ? to_string(*f) : "absent");
      }
      s.value = v.to_string();
      if (v.is_number() && is_rate_rule(r))
        s.rate_percent =
            decimal::divide(v.numerator() * decimal(100), v.denominator(), 2, rounding::half_away_from_zero);
    }

    auto set_points = [&](decimal p) {
      s.status = score_status::scored;
      s.points = std::move(p);
    };
    if (r.kind == leaf_rule_kind::unknown) {
      s.status = score_status::unknown;
      if (explain_) s.reason = "the scoring rule is not known (inputs shown; no score is guessed)";
      return;
    }
    if (v.is_absent()) {
      std::vector<std::string> missing;
      if (explain_)
        for (std::size_t i = 0; i < lv.names.size(); ++i)
          if (!c.slots[lv.name_slots[i]]) missing.push_back(lv.names[i]);
      switch (r.absent) {
        case on_absent::absent:
          s.status = score_status::absent;
          if (explain_) s.reason = "missing figure(s): " + join_names(missing);
          return;
        case on_absent::not_scored:
          s.status = score_status::not_scored;
          if (explain_) s.reason = "not assigned (missing figure(s): " + join_names(missing) + "): not scored";
          return;
        case on_absent::zero:
          set_points(round(decimal(0), r));
          if (explain_) s.reason = "missing figure(s) " + join_names(missing) + " count as 0 points (the leaf's policy)";
          return;
      }
    }
    if (v.is_undefined()) {
      switch (r.zero_denominator) {
        case on_zero_denominator::undefined:
          s.status = score_status::absent;
          if (explain_) s.reason = "zero denominator: the rate is undefined";
          return;
        case on_zero_denominator::zero:
          set_points(round(decimal(0), r));
          if (explain_) s.reason = "zero denominator: 0 points (the leaf's policy)";
          return;
        case on_zero_denominator::full_points:
          set_points(round(n.max_points, r));
          if (explain_) s.reason = "zero denominator: full points (the leaf's policy)";
          return;
        case on_zero_denominator::not_scored:
          s.status = score_status::not_scored;
          if (explain_) s.reason = "zero denominator: not scored (the leaf's policy)";
          return;
        case on_zero_denominator::no_points:
          s.status = score_status::no_points;
          if (explain_) s.reason = "zero denominator: no score shown, the maximum is kept (the leaf's policy)";
          return;
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
        if (explain_) s.reason = at_or_above ? "at or above the mean of the units scored" : "below the mean of the units scored";
        break;
      }
      case leaf_rule_kind::manual:
        if (v.numerator().signum() < 0 || compare(v, n.max_points) > 0) {
          s.status = score_status::invalid;
          if (explain_) s.reason = "self-assessed " + v.to_string() + " points lie outside 0 … " + n.max_points.to_string();
          return;
        }
        set_points(round(v, r));
        break;
      case leaf_rule_kind::formula: {
        decimal p = round(v, r);
        if (r.cap && p > n.max_points) {
          if (explain_) s.reason = "capped at the maximum (the formula gives " + p.to_string() + ")";
          p = round(n.max_points, r);
        }
        set_points(std::move(p));
        break;
      }
      case leaf_rule_kind::unknown: break;
    }
  }

  // Writes the node's rows (itself, then its subtree) from rows[at] on, advancing `at` (and `leaf`,
  // the leaves' tree order); a group's own row is built from the rows its children wrote.
  void score_node(const scorecard_node& n, const unit_context& c, int depth, std::vector<node_score>& rows,
                  std::size_t& at, std::size_t& leaf) const {
    if (n.rule) {
      score_leaf(rows[at++], n, leaves_[leaf++], c, depth);
      return;
    }
    const std::size_t mine = at++;
    for (const auto& child : n.children) score_node(child, c, depth + 1, rows, at, leaf);
    combine(rows[mine], units_[c.unit].first, n.id, "group", depth, n.max_points, rows, mine + 1, at, depth + 1);
  }

  // A group (or the total) from its direct children: rows[from, to) at depth `child_depth`.
  void combine(node_score& s, const std::string& unit, const std::string& id, const char* kind, int depth,
               const decimal& max, const std::vector<node_score>& rows, std::size_t from, std::size_t to,
               int child_depth) const {
    s.unit = unit;
    s.id = id;
    s.kind = kind;
    s.depth = depth;
    decimal points(0), reduced(0);
    bool any_scored = false, any_missing = false;
    std::vector<std::string> missing, excluded;
    for (std::size_t i = from; i < to; ++i) {
      const node_score& c = rows[i];
      if (c.depth != child_depth) continue;
      if (c.status == score_status::not_scored) {
        if (explain_) excluded.push_back(c.id);
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
        any_missing = true;
        if (explain_) missing.push_back(c.id);
      }
    }
    s.max_points = reduced;
    if (!any_scored && !any_missing) {
      s.status = score_status::not_scored;
      s.max_points = decimal(0);
      if (explain_) s.reason = "every part is not scored";
      return;
    }
    if (any_missing) {
      s.status = score_status::absent;
      s.partial_points = points;
      if (explain_)
        s.reason = "no score for " + join_names(missing) + " (the known parts give " + points.to_string() + ")";
    } else {
      s.status = score_status::scored;
      s.points = points;
    }
    if (!explain_) return;
    if (!excluded.empty())
      s.reason += std::string(s.reason.empty() ? "" : "; ") + "not scored: " + join_names(excluded) + " (maximum " +
                  reduced.to_string() + " of " + max.to_string() + ")";
    else if (reduced != max)
      s.reason += std::string(s.reason.empty() ? "" : "; ") + "maximum " + reduced.to_string() + " of " +
                  max.to_string() + " (parts not scored further down)";
  }

  void rescale_and_grade(node_score& total) const {
    if (d_.not_scored == not_scored_policy::rescale && total.max_points != d_.max_points && total.points &&
        total.max_points.signum() > 0) {
      total.points = decimal::divide(*total.points * d_.max_points, total.max_points, d_.scale, d_.mode);
      if (explain_) total.reason += "; rescaled to " + d_.max_points.to_string() + " points";
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
  std::vector<std::optional<std::int64_t>> rank(const std::vector<const node_score*>& totals) const {
    std::vector<value> basis;  // the one ranking rule (cchc/ranking.hpp); unscored totals stay unranked
    basis.reserve(totals.size());
    for (const node_score* t : totals) {
      const node_score& r = *t;
      basis.push_back(!r.points ? value::absent()
                      : d_.grades_on_percent && r.max_points.signum() > 0 ? value::ratio(*r.points, r.max_points)
                                                                         : value::number(*r.points));
    }
    return cchc::rank(basis);
  }

  const scorecard_definition& d_;
  const std::vector<std::pair<std::string, figures>>& units_;
  bool explain_ = true;
  unsigned threads_ = 1;
  std::size_t nodes_ = 1;                  // rows per unit: the total and every node
  std::vector<const figures*> population_;  // only when some leaf needs the whole population
  std::vector<std::string> slot_names_;     // every figure a leaf reads or shows, once
  std::unordered_map<std::string, std::size_t> slot_index_;
  std::vector<leaf_values> leaves_;         // in tree order
};

}  // namespace

score_table scorecard::score(const std::vector<std::pair<std::string, figures>>& units) const {
  return score(units, score_options{});
}

score_table scorecard::score(const std::vector<std::pair<std::string, figures>>& units, const score_options& options) const {
  return scorer(definition_, units, options).run();
}

score_points scorecard::points(const std::vector<std::pair<std::string, figures>>& units, const score_options& options) const {
  score_options o = options;
  o.explain = false;
  return scorer(definition_, units, o).run_points();
}

}  // namespace cchc
