// Checking and evaluating an indicator catalogue (cchc/indicator_catalogue.hpp).
//
// Evaluation is linear in (definitions × rows): each definition reads only the figures its
// expressions name (expression::names(), known once at parse time), copied into a small figures
// object per row, so a table's rows never rescan the unit's figures. Rates stay exact (numerator and
// denominator kept); a value without a finite decimal expansion is rounded once, at the definition's
// scale and rounding mode, and says so.
#include <algorithm>
#include <cctype>
#include <set>

#include "cchc/error.hpp"
#include "cchc/indicator_catalogue.hpp"

namespace cchc {

std::string_view to_string(zero_denominator_policy p) noexcept {
  switch (p) {
    case zero_denominator_policy::undefined: return "undefined";
    case zero_denominator_policy::zero: return "zero";
    case zero_denominator_policy::full_points: return "full_points";
    case zero_denominator_policy::not_scored: return "not_scored";
  }
  return "undefined";
}

zero_denominator_policy parse_zero_denominator_policy(std::string_view name) {
  for (auto p : {zero_denominator_policy::undefined, zero_denominator_policy::zero, zero_denominator_policy::full_points,
                 zero_denominator_policy::not_scored})
    if (to_string(p) == name) return p;
  throw lookup_error("unknown zero-denominator policy \"" + std::string(name) +
                     "\"; expected undefined, zero, full_points or not_scored");
}

namespace {

std::string fill(std::string text, const indicator_row* row) {
  if (!row) return text;
  const std::pair<std::string_view, const std::string*> subs[] = {
      {"{row}", &row->id}, {"{row.key}", &row->key}, {"{row.name}", &row->name}, {"{row.path}", &row->path}};
  const std::string index = std::to_string(row->index);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    bool done = false;
    if (text[i] == '{') {
      for (const auto& [token, value] : subs)
        if (text.compare(i, token.size(), token) == 0) {
          out += *value;
          i += token.size();
          done = true;
          break;
        }
      if (!done && text.compare(i, 11, "{row.index}") == 0) {
        out += index;
        i += 11;
        done = true;
      }
    }
    if (!done) out += text[i++];
  }
  return out;
}

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

// A table's rows found from figure names "<table>.<key>.<rest>" (figures without row metadata).
std::vector<indicator_row> rows_from_names(const figures& f, const std::string& table) {
  const std::string prefix = table + ".";
  std::vector<std::string> keys;
  std::set<std::string> seen;
  for (const std::string& n : f.names()) {
    if (n.size() <= prefix.size() || n.compare(0, prefix.size(), prefix) != 0) continue;
    const auto dot = n.find('.', prefix.size());
    if (dot == std::string::npos) continue;
    std::string key = n.substr(prefix.size(), dot - prefix.size());
    if (seen.insert(key).second) keys.push_back(std::move(key));
  }
  // Positions in numeric order (2 before 10), labels after them in name order.
  std::stable_sort(keys.begin(), keys.end(), [](const std::string& a, const std::string& b) {
    const bool da = all_digits(a), db = all_digits(b);
    if (da != db) return da;
    if (da && a.size() != b.size()) return a.size() < b.size();
    return a < b;
  });
  std::vector<indicator_row> out;
  for (std::size_t i = 0; i < keys.size(); ++i)
    out.push_back(indicator_row{keys[i], keys[i], keys[i], table + "." + keys[i], i});
  return out;
}

// The figures one definition reads, for one row (or none), under the names the expressions use.
class scope {
 public:
  scope(const indicator_input& in, const std::string& table, const indicator_row* row) : in_(in), table_(table), row_(row) {}

  const figure* find(const std::string& name) const {
    if (row_ && name.rfind("row.", 0) == 0) return in_.values.find(table_ + "." + row_->key + "." + name.substr(4));
    return in_.values.find(name);
  }
  std::string full_name(const std::string& name) const {
    if (row_ && name.rfind("row.", 0) == 0) return table_ + "." + row_->key + "." + name.substr(4);
    return name;
  }

  expression_value eval(const expression& e, std::vector<std::pair<std::string, figure>>& inputs) const {
    figures f;
    for (const std::string& n : e.names())
      if (const figure* x = find(n)) {
        f.set(n, *x);
        note(n, *x, inputs);
      }
    return e.evaluate(f);
  }

  void note(const std::string& n, const figure& x, std::vector<std::pair<std::string, figure>>& inputs) const {
    const std::string full = full_name(n);
    for (const auto& [k, v] : inputs)
      if (k == full) return;
    inputs.emplace_back(full, x);
  }

 private:
  const indicator_input& in_;
  const std::string& table_;
  const indicator_row* row_;
};

// One row's (or the unit's) result before policies: a rate's parts or a value, or nothing.
struct partial {
  enum class kind { none, rate, value, undefined_value } k = kind::none;
  decimal numerator, denominator, value;
  std::vector<expression_value> shown;
  bool fallback = false;
  std::vector<std::pair<std::string, figure>> inputs;
};

bool exact_number(const expression_value& v) { return v.is_number(); }

// (a/b) / (c/d) = (a·d) / (b·c), exact; the parts are the plain counts when both are whole numbers.
void as_rate(const expression_value& n, const expression_value& d, partial& p) {
  p.k = partial::kind::rate;
  if (n.denominator() == decimal(1) && d.denominator() == decimal(1)) {
    p.numerator = n.numerator();
    p.denominator = d.numerator();
  } else {
    p.numerator = n.numerator() * d.denominator();
    p.denominator = n.denominator() * d.numerator();
  }
}

template <class R>
partial compute_rule(const R& r, const scope& s) {
  partial p;
  switch (r.rule) {
    case indicator_rule::ratio: {
      const auto n = s.eval(*r.numerator, p.inputs);
      const auto d = s.eval(*r.denominator, p.inputs);
      if (n.is_absent() || d.is_absent()) return partial{};
      if (!exact_number(n) || !exact_number(d)) {
        p.k = partial::kind::undefined_value;
        return p;
      }
      as_rate(n, d, p);
      return p;
    }
    case indicator_rule::rate_figure: {
      const figure* f = s.find(r.rate_figure);
      if (!f) return partial{};
      s.note(r.rate_figure, *f, p.inputs);
      const rate q = f->as_rate();
      p.k = partial::kind::rate;
      p.numerator = q.numerator();
      p.denominator = q.denominator();
      return p;
    }
    case indicator_rule::value: {
      const auto v = s.eval(*r.value, p.inputs);
      if (v.is_absent()) return partial{};
      if (!v.is_number()) {
        p.k = partial::kind::undefined_value;
        return p;
      }
      p.k = partial::kind::value;
      p.numerator = v.numerator();
      p.denominator = v.denominator();
      return p;
    }
  }
  return p;
}

partial compute(const indicator_definition& d, const scope& s) {
  partial p = compute_rule(d, s);
  if (p.k == partial::kind::none && d.fallback) {
    p = compute_rule(*d.fallback, s);
    p.fallback = p.k != partial::kind::none;
  }
  if (p.k == partial::kind::value)
    for (const expression& e : d.shown) p.shown.push_back(s.eval(e, p.inputs));
  return p;
}

std::string rule_text(const indicator_definition& d, bool fallback) {
  auto text = [](indicator_rule r, const std::optional<expression>& n, const std::optional<expression>& den,
                 const std::optional<expression>& v, const std::string& figure_name) {
    switch (r) {
      case indicator_rule::ratio: return "(" + n->text() + ") / (" + den->text() + ")";
      case indicator_rule::rate_figure: return figure_name;
      case indicator_rule::value: return v->text();
    }
    return std::string();
  };
  if (fallback)
    return text(d.fallback->rule, d.fallback->numerator, d.fallback->denominator, d.fallback->value, d.fallback->rate_figure);
  return text(d.rule, d.numerator, d.denominator, d.value, d.rate_figure);
}

}  // namespace

indicator_catalogue indicator_catalogue::build(std::string id, std::vector<indicator_definition> definitions) {
  std::set<std::string> ids;
  for (const auto& d : definitions) {
    if (d.id.empty()) throw parse_error("an indicator needs an id", d.where);
    if (!ids.insert(d.id).second) throw parse_error("duplicate indicator id \"" + d.id + "\"", d.where);
    const int forms = d.rule == indicator_rule::ratio ? (d.numerator && d.denominator) : d.rule == indicator_rule::value ? d.value.has_value() : !d.rate_figure.empty();
    if (!forms) throw parse_error("indicator \"" + d.id + "\": its rule has no expression", d.where);
    if (d.scale < 0 || d.scale > 32) throw parse_error("indicator \"" + d.id + "\": scale " + std::to_string(d.scale) + " is outside 0–32", d.where);
    if (d.zero_denominator == zero_denominator_policy::full_points && d.rule == indicator_rule::value)
      throw parse_error("indicator \"" + d.id + "\": full_points means 100 % for a rate; a value has no full value", d.where);
    if (d.effective_from && d.effective_to && *d.effective_to < *d.effective_from)
      throw parse_error("indicator \"" + d.id + "\": the effective period ends before it starts", d.where);
    if (!d.each.empty() && !d.over.empty())
      throw parse_error("indicator \"" + d.id + "\": \"each\" and \"over\" exclude each other", d.where);
  }
  indicator_catalogue c;
  c.id_ = std::move(id);
  c.defs_ = std::move(definitions);
  return c;
}

std::vector<indicator> indicator_catalogue::evaluate(const indicator_input& in, const indicator_evaluate_options& o) const {
  std::vector<indicator> out;
  std::map<std::string, std::vector<indicator_row>> found;  // rows found from names, once per table
  auto rows_of = [&](const std::string& table) -> const std::vector<indicator_row>& {
    if (auto it = in.rows.find(table); it != in.rows.end()) return it->second;
    auto it = found.find(table);
    if (it == found.end()) it = found.emplace(table, rows_from_names(in.values, table)).first;
    return it->second;
  };

  auto base = [&](const indicator_definition& d, const indicator_row* row) {
    indicator i;
    i.id = fill(d.id, row);
    i.label_vi = fill(d.label_vi, row);
    i.label_en = fill(d.label_en, row);
    i.unit = d.unit;
    i.source = d.source.text;
    i.inferred = d.inferred;
    i.path = fill(d.path, row);
    i.scale = o.scale.value_or(d.scale);
    i.mode = o.mode.value_or(d.mode);
    i.direction = d.direction;
    return i;
  };

  // The definition applies when its effective period holds the last day of the input's period.
  auto applicable = [&](const indicator_definition& d, std::string& why) {
    if (!d.effective_from && !d.effective_to) return true;
    if (!in.period_to) {
      why = "effective period not checked: the input states no period";
      return true;
    }
    const auto day = *in.period_to;
    if ((d.effective_from && day < *d.effective_from) || (d.effective_to && day > *d.effective_to)) {
      why = "in force " + (d.effective_from ? date::format("%F", date::sys_days{*d.effective_from}) : std::string("…")) +
            " – " + (d.effective_to ? date::format("%F", date::sys_days{*d.effective_to}) : std::string("…")) +
            ", the period ends " + date::format("%F", date::sys_days{day});
      return false;
    }
    return true;
  };

  // A partial result → the indicator, with the zero-denominator policy applied.
  auto finish = [&](const indicator_definition& d, const indicator_row* row, partial p, const std::string& formula_text,
                    const std::string& note) {
    indicator i = base(d, row);
    i.inputs = std::move(p.inputs);
    i.rule = rule_text(d, p.fallback);
    i.reason = note;
    if (p.fallback) {
      if (d.fallback->source) i.source = d.fallback->source->text;
      i.inferred = d.fallback->inferred;
    }
    const std::string formula = p.fallback && !d.fallback->formula.empty() ? d.fallback->formula : formula_text;
    auto add_reason = [&](const std::string& r) { i.reason = i.reason.empty() ? r : i.reason + "; " + r; };
    if (p.k == partial::kind::rate) {
      i.formula = formula + " = " + p.numerator.to_string() + " / " + p.denominator.to_string();
      if (p.denominator.signum() < 0)
        throw argument_error("indicator " + i.id + ": the denominator is " + p.denominator.to_string() + "; expected at least 0",
                             location{{}, 0, 0, i.path, d.id});
      i.value = rate(p.numerator, p.denominator);
      if (p.denominator.is_zero()) {
        switch (d.zero_denominator) {
          case zero_denominator_policy::undefined: break;
          case zero_denominator_policy::zero:
            i.value = rate(decimal(0), decimal(1));
            add_reason("0 denominator: 0 by the policy zero");
            break;
          case zero_denominator_policy::full_points:
            i.value = rate(decimal(1), decimal(1));
            add_reason("0 denominator: 100 % by the policy full_points (nothing to do counts as all done)");
            break;
          case zero_denominator_policy::not_scored:
            i.status = indicator_status::not_scored;
            add_reason("0 denominator: not scored by the policy not_scored");
            break;
        }
      }
      return i;
    }
    if (p.k == partial::kind::value) {
      std::string shown;
      for (const auto& v : p.shown) shown += (shown.empty() ? "" : d.shown_separator) + v.to_string();
      i.formula = formula + (shown.empty() ? "" : " = " + shown);
      const auto v = expression_value::ratio(p.numerator, p.denominator);
      if (const auto exact = v.exact()) {
        i.value = *exact;
      } else {
        i.value = v.rounded(i.scale, i.mode);
        add_reason("rounded to " + std::to_string(i.scale) + " decimals, " + std::string(to_string(i.mode)) +
                   " (the exact value " + v.to_string() + " has no finite decimal expansion)");
      }
      return i;
    }
    // An undefined value (a division by zero inside an expression).
    i.formula = formula;
    i.value = rate(decimal(0), decimal(0));
    switch (d.zero_denominator) {
      case zero_denominator_policy::zero:
        i.value = d.rule == indicator_rule::value ? std::variant<decimal, rate>(decimal(0)) : rate(decimal(0), decimal(1));
        add_reason("undefined (division by zero): 0 by the policy zero");
        break;
      case zero_denominator_policy::full_points:
        i.value = rate(decimal(1), decimal(1));
        add_reason("undefined (division by zero): 100 % by the policy full_points");
        break;
      case zero_denominator_policy::not_scored:
        i.status = indicator_status::not_scored;
        add_reason("undefined (division by zero): not scored by the policy not_scored");
        break;
      case zero_denominator_policy::undefined: add_reason("undefined (division by zero)"); break;
    }
    return i;
  };

  auto not_applicable = [&](const indicator_definition& d, const indicator_row* row, const std::string& why) {
    indicator i = base(d, row);
    i.status = indicator_status::not_applicable;
    i.value = rate(decimal(0), decimal(0));
    i.formula = d.formula;
    i.rule = rule_text(d, false);
    i.reason = why;
    out.push_back(std::move(i));
  };

  auto one = [&](const indicator_definition& d, const std::string& table, const indicator_row* row) {
    std::string why;
    if (!applicable(d, why)) return not_applicable(d, row, why);
    const scope s(in, table, row);
    partial p = compute(d, s);
    if (p.k == partial::kind::none) return;  // inputs absent: not produced, never a zero
    out.push_back(finish(d, row, std::move(p), d.formula, why));
  };

  auto over = [&](const indicator_definition& d) {
    std::string why;
    if (!applicable(d, why)) return not_applicable(d, nullptr, why);
    partial total;
    std::size_t used = 0;
    bool undefined = false;
    for (const indicator_row& row : rows_of(d.over)) {
      const scope s(in, d.over, &row);
      partial p = compute_rule(d, s);
      if (p.k == partial::kind::none) {
        if (d.over_all_rows) return;
        continue;
      }
      for (auto& x : p.inputs) total.inputs.push_back(std::move(x));
      if (p.k == partial::kind::undefined_value) {
        undefined = true;
        ++used;
        continue;
      }
      std::vector<expression_value> shown;
      for (const expression& e : d.shown) shown.push_back(s.eval(e, total.inputs));
      if (used == 0 || total.k == partial::kind::none) {
        total.k = p.k;
        total.numerator = p.numerator;
        total.denominator = p.denominator;
        total.shown = std::move(shown);
      } else if (p.k == partial::kind::rate) {
        total.numerator += p.numerator;  // a ratio of sums
        total.denominator += p.denominator;
      } else {
        // a sum of values (exact ratios: a/b + c/d)
        total.numerator = total.numerator * p.denominator + p.numerator * total.denominator;
        total.denominator = total.denominator * p.denominator;
        for (std::size_t k = 0; k < shown.size() && k < total.shown.size(); ++k) {
          const auto& a = total.shown[k];
          const auto& b = shown[k];
          total.shown[k] = a.is_number() && b.is_number()
                               ? expression_value::ratio(a.numerator() * b.denominator() + b.numerator() * a.denominator(),
                                                         a.denominator() * b.denominator())
                               : expression_value::absent();
        }
      }
      ++used;
    }
    if (used < d.min_rows || used == 0) return;
    if (undefined) total.k = partial::kind::undefined_value;
    out.push_back(finish(d, nullptr, std::move(total), d.formula, why));
  };

  for (std::size_t k = 0; k < defs_.size();) {
    const indicator_definition& d = defs_[k];
    if (!d.each.empty()) {
      // A group: the consecutive definitions over the same table, row by row.
      std::size_t end = k + 1;
      while (end < defs_.size() && d.group != 0 && defs_[end].each == d.each && defs_[end].group == d.group) ++end;
      for (const indicator_row& row : rows_of(d.each))
        for (std::size_t j = k; j < end; ++j) one(defs_[j], d.each, &row);
      k = end;
    } else if (!d.over.empty()) {
      over(d);
      ++k;
    } else {
      one(d, std::string(), nullptr);
      ++k;
    }
  }
  return out;
}

}  // namespace cchc
