// Rolling figures up the unit tree as ratios of sums (see cchc/roll_up.hpp).
#include "cchc/roll_up.hpp"

#include <map>
#include <optional>
#include <set>

#include "cchc/error.hpp"

namespace cchc {

namespace {

// Children by parent code, in order; the parents in order of first appearance. The links come from
// the table's parent column, or from a units file at a date: the summing below is the same rule.
struct tree {
  std::map<std::string, std::vector<std::string>, std::less<>> children;
  std::map<std::string, const unit_figures*, std::less<>> by_code;
  std::map<std::string, const unit_info*, std::less<>> info;  // from a units file
  std::vector<std::string> parents;

  void link(const std::string& parent, const std::string& child) {
    auto [it, fresh] = children.try_emplace(parent);
    if (fresh) parents.push_back(parent);
    it->second.push_back(child);
  }

  explicit tree(const figures_table& t) {
    for (const auto& u : t.units) by_code.emplace(u.unit, &u);
    for (const auto& u : t.units)
      if (!u.parent.empty()) link(u.parent, u.unit);
  }

  // Every unit valid on `day` is linked to its parent of that day; a table row for a unit the file
  // does not know on that day is an argument_error (its figures would silently drop out of the sums).
  tree(const figures_table& t, const units& tree_file, date::sys_days day) {
    for (const auto& u : t.units) {
      if (!tree_file.find(u.unit, day))
        throw argument_error("the figures table has unit '" + u.unit + "', which the units file " + tree_file.origin() +
                                 " does not list as valid on " + date::format("%Y-%m-%d", day),
                             location{"", u.line, 0, "unit " + u.unit, "unit"});
      by_code.emplace(u.unit, &u);
    }
    for (const unit_info* u : tree_file.on(day)) {
      info.emplace(u->code, u);
      if (!u->parent.empty()) link(u->parent, u->code);
    }
  }

  long line_of(const std::string& code) const {
    const auto it = by_code.find(code);
    return it == by_code.end() ? 0 : it->second->line;
  }
};

class summer {
 public:
  explicit summer(const tree& t) : t_(t) {}

  // The value of `name` for `code`: its published figure, else the sum over its children.
  std::optional<figure> value(const std::string& code, const std::string& name, bool prefer_published = true) {
    if (prefer_published)
      if (auto it = t_.by_code.find(code); it != t_.by_code.end())
        if (const figure* f = it->second->figures.find(name)) return *f;
    const auto kids = t_.children.find(code);
    if (kids == t_.children.end()) return std::nullopt;
    if (!visiting_.insert(code).second)
      throw argument_error("the parent column has a cycle through unit '" + code + "'",
                           location{"", 0, 0, "unit " + code, "parent"});
    std::optional<decimal> number;
    std::optional<rate> ratio;
    std::string first_kind_unit;
    bool complete = true;
    for (const std::string& c : kids->second) {
      const auto v = value(c, name);
      if (!v) {
        complete = false;
        break;
      }
      if (first_kind_unit.empty()) first_kind_unit = c;
      if (v->is_rate() != static_cast<bool>(ratio) && (ratio || number))
        throw argument_error("the figure '" + name + "' is a rate for one unit and a number for another ('" +
                                 first_kind_unit + "', '" + c + "'): they cannot be added",
                             location{"", t_.line_of(c), 0, "unit " + c, name});
      if (v->is_rate()) ratio = ratio ? *ratio + v->as_rate() : v->as_rate();  // ratio of sums
      else number = number ? *number + v->number() : v->number();
    }
    visiting_.erase(code);
    if (!complete) return std::nullopt;
    if (ratio) return figure(*ratio);
    if (number) return figure(*number);
    return std::nullopt;
  }

 private:
  const tree& t_;
  std::set<std::string, std::less<>> visiting_;
};

figures_table roll_up_over(const figures_table& table, const tree& t) {
  summer s(t);
  figures_table out;
  out.names = table.names;
  for (const auto& p : t.parents) {
    unit_figures u;
    u.unit = p;
    if (auto it = t.by_code.find(p); it != t.by_code.end()) {
      u.name = it->second->name;
      u.parent = it->second->parent;
      u.line = it->second->line;
    }
    if (auto it = t.info.find(p); it != t.info.end()) {  // the units file's name and parent win
      if (!it->second->name.empty()) u.name = it->second->name;
      u.parent = it->second->parent;
    }
    for (const auto& name : table.names)
      if (auto v = s.value(p, name, /*prefer_published=*/false)) u.figures.set(name, *v);
    out.units.push_back(std::move(u));
  }
  return out;
}

std::vector<finding> check_roll_up_over(const figures_table& table, const tree& t, const std::string& file) {
  std::vector<finding> out;
  for (const auto& p : t.parents) {
    const auto own = t.by_code.find(p);
    if (own == t.by_code.end()) continue;  // nothing published for the parent: nothing to check
    const auto& kids = t.children.at(p);
    for (const auto& name : table.names) {
      const figure* published = own->second->figures.find(name);
      if (!published) continue;
      std::optional<decimal> num, den;
      bool all = true, is_rate = published->is_rate();
      for (const std::string& code : kids) {
        const auto c = t.by_code.find(code);
        const figure* v = c == t.by_code.end() ? nullptr : c->second->figures.find(name);
        if (!v || v->is_rate() != is_rate) {
          all = false;
          break;
        }
        const rate r = v->as_rate();
        num = num ? *num + r.numerator() : r.numerator();
        den = den ? *den + r.denominator() : r.denominator();
      }
      if (!all || !num) continue;
      const rate mine = published->as_rate();
      const bool same = is_rate ? (mine.numerator() == *num && mine.denominator() == *den) : mine.numerator() == *num;
      if (same) continue;
      const std::string sum = is_rate ? num->to_string() + "/" + den->to_string() : num->to_string();
      finding f;
      f.rule = "units.sum";
      f.severity = severity::error;
      f.where = location{file, own->second->line, 0, "unit " + p, name};
      f.message_vi = "Đơn vị " + p + ": " + name + " = " + to_string(*published) + " nhưng tổng của " +
                     std::to_string(kids.size()) + " đơn vị trực thuộc là " + sum;
      f.message_en = "unit " + p + ": " + name + " is " + to_string(*published) + " but its " +
                     std::to_string(kids.size()) + " children add up to " + sum;
      f.numbers = {{"published", to_string(*published)}, {"children_sum", sum},
                   {"children", std::to_string(kids.size())}};
      out.push_back(std::move(f));
    }
  }
  return out;
}

}  // namespace

figures_table roll_up(const figures_table& table) { return roll_up_over(table, tree(table)); }

figures_table roll_up(const figures_table& table, const units& tree_file, date::sys_days day) {
  return roll_up_over(table, tree(table, tree_file, day));
}

std::vector<finding> check_roll_up(const figures_table& table, const std::string& file) {
  return check_roll_up_over(table, tree(table), file);
}

std::vector<finding> check_roll_up(const figures_table& table, const units& tree_file, date::sys_days day,
                                   const std::string& file) {
  return check_roll_up_over(table, tree(table, tree_file, day), file);
}

}  // namespace cchc
