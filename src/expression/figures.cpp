// A unit's figures (see cchc/figures.hpp).
#include "cchc/figures.hpp"

#include <algorithm>

#include "cchc/error.hpp"

namespace cchc {

const decimal& figure::number() const& {
  if (const auto* d = std::get_if<decimal>(&value_)) return *d;
  throw argument_error("figure::number(): the figure is a rate (" + to_string(*this) + "); use as_rate()");
}

rate figure::as_rate() const {
  if (const auto* r = std::get_if<rate>(&value_)) return *r;
  return rate(std::get<decimal>(value_), decimal(1));
}

std::string to_string(const figure& f) {
  if (!f.is_rate()) return f.number().to_string();
  const rate r = f.as_rate();
  return r.numerator().to_string() + "/" + r.denominator().to_string();
}

figures& figures::set(std::string name, figure value) {
  if (name.empty()) throw argument_error("figures::set: a figure needs a name", location{"", 0, 0, "", "name"});
  values_.insert_or_assign(std::move(name), std::move(value));
  return *this;
}

figures& figures::erase(std::string_view name) {
  values_.erase(std::string(name));
  return *this;
}

const figure* figures::find(const std::string& name) const& {
  const auto it = values_.find(name);
  return it == values_.end() ? nullptr : &it->second;
}

std::vector<std::string> figures::names() const {
  std::vector<std::string> out;
  out.reserve(values_.size());
  for (const auto& [name, value] : values_) out.push_back(name);
  std::sort(out.begin(), out.end());
  return out;
}

void figures::gather(const std::vector<std::string>& names, std::vector<const figure*>& out) const {
  out.resize(names.size());
  for (std::size_t i = 0; i < names.size(); ++i) out[i] = find(names[i]);
}

}  // namespace cchc
