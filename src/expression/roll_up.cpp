// Rolling figures up the unit tree as ratios of sums (see cchc/roll_up.hpp).
#include "cchc/roll_up.hpp"

#include <map>
#include <optional>
#include <set>

#include "cchc/error.hpp"

namespace cchc {

namespace {

// Children by parent code, in file order; the parents in order of first appearance.
struct tree {
  std::map<std::string, std::vector<const unit_figures*>, std::less<>> children;
  std::map<std::string, const unit_figures*, std::less<>> by_code;
  std::vector<std::string> parents;

  explicit tree(const figures_table& t) {
    for (const auto& u : t.units) by_code.emplace(u.unit, &u);
    for (const auto& u : t.units) {
      if (u.parent.empty()) continue;
      auto [it, fresh] = children.try_emplace(u.parent);
      if (fresh) parents.push_back(u.parent);
      it->second.push_back(&u);
    }
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
    for (const unit_figures* c : kids->second) {
      const auto v = value(c->unit, name);
      if (!v) {
        complete = false;
        break;
      }
      if (first_kind_unit.empty()) first_kind_unit = c->unit;
      if (v->is_rate() != static_cast<bool>(ratio) && (ratio || number))
        throw argument_error("the figure '" + name + "' is a rate for one unit and a number for another ('" +
                                 first_kind_unit + "', '" + c->unit + "'): they cannot be added",
                             location{"", c->line, 0, "unit " + c->unit, name});
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

}  // namespace

figures_table roll_up(const figures_table& table) {
  const tree t(table);
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
    for (const auto& name : table.names)
      if (auto v = s.value(p, name, /*prefer_published=*/false)) u.figures.set(name, *v);
    out.units.push_back(std::move(u));
  }
  return out;
}

std::vector<finding> check_roll_up(const figures_table& table, const std::string& file) {
  const tree t(table);
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
      for (const unit_figures* c : kids) {
        const figure* v = c->figures.find(name);
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

}  // namespace cchc
