// Parsing and type-checking cchc expressions (grammar in cchc/expression.hpp and docs/indicators.md).
#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <string>
#include <string_view>
#include <tuple>

#include "cchc/error.hpp"
#include "cchc/expression.hpp"
#include "expression/tree.hpp"
#include "internal/utf8.hpp"

namespace cchc {

namespace {

using expr::node;
using expr::op;
using type = expression::type;

enum class tok : std::uint8_t { end, number, name, quoted_name, lparen, rparen, comma, plus, minus, star, slash,
                                 percent, eq, ne, lt, le, gt, ge, kw_and, kw_or, kw_not, kw_true, kw_false };

struct token {
  tok kind = tok::end;
  std::string_view text;
  long line = 1;
  long column = 1;
};

constexpr std::size_t max_depth = 200;  // nesting deeper than this is refused (the parser recurses)

struct function_info {
  std::string_view name;
  op kind;
  int min_args;
  int max_args;  // -1: any number ≥ min_args
};

constexpr std::array<function_info, 12> functions{{
    {"if", op::if_, 3, 3},           {"min", op::min, 2, -1},     {"max", op::max, 2, -1},
    {"abs", op::abs, 1, 1},          {"round", op::round, 3, 3},  {"ratio", op::ratio, 2, 2},
    {"present", op::present, 1, 1},  {"coalesce", op::coalesce, 2, -1},
    {"mean", op::mean, 1, 1},        {"sum", op::sum, 1, 1},      {"count", op::count, 1, 1},
    {"rank", op::rank, 1, 1},
}};

std::string show(std::string_view s) {
  constexpr std::size_t max = 40;
  std::string out = "'";
  out.append(s.substr(0, max));
  if (s.size() > max) out += "…";
  return out + "'";
}

std::string describe(const token& t) {
  switch (t.kind) {
    case tok::end: return "the end of the expression";
    case tok::number: return "the number " + show(t.text);
    case tok::name:
    case tok::quoted_name: return "the name " + show(t.text);
    default: return show(t.text);
  }
}

std::string type_name(type t) { return t == type::number ? "a number" : "a condition (true/false)"; }

class parser {
 public:
  explicit parser(std::string_view text) : text_(text) {
    if (const std::size_t bad = internal::utf8_error(text); bad != std::string_view::npos) {
      pos_ = bad;
      fail_here("expected UTF-8 text, found the byte " + hex(static_cast<unsigned char>(text[bad])));
    }
    next();
  }

  expression::impl run() {
    impl_.text = std::string(text_);
    impl_.root = parse_or(0);
    if (cur_.kind != tok::end)
      fail(cur_, "expected an operator (+ - * / == < and or …) or the end, found " + describe(cur_));
    std::set<std::string> names;
    for (const auto& n : impl_.nodes)
      if (n.kind == op::name) names.insert(n.name);
    impl_.names.assign(names.begin(), names.end());
    return std::move(impl_);
  }

 private:
  static std::string hex(unsigned char c) {
    static constexpr char digits[] = "0123456789ABCDEF";
    return std::string("0x") + digits[c >> 4] + digits[c & 15];
  }

  [[noreturn]] void fail(long line, long column, const std::string& what) const {
    throw parse_error(what, location{"", line, column, "", "expression"});
  }
  [[noreturn]] void fail(const token& t, const std::string& what) const { fail(t.line, t.column, what); }
  [[noreturn]] void fail_here(const std::string& what) const {
    const auto [line, column] = position(pos_);
    fail(line, column, what);
  }

  std::pair<long, long> position(std::size_t byte) const {
    long line = 1;
    std::size_t line_begin = 0;
    for (std::size_t i = 0; i < byte && i < text_.size(); ++i)
      if (text_[i] == '\n') {
        ++line;
        line_begin = i + 1;
      }
    return {line, static_cast<long>(internal::count_chars(text_.substr(line_begin, byte - line_begin))) + 1};
  }

  static bool ident_start(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
  static bool ident_char(char c) { return ident_start(c) || (c >= '0' && c <= '9'); }
  static bool digit(char c) { return c >= '0' && c <= '9'; }

  void next() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' ||
                                   text_[pos_] == '\r'))
      ++pos_;
    token t;
    std::tie(t.line, t.column) = position(pos_);
    const std::size_t begin = pos_;
    if (pos_ >= text_.size()) {
      t.kind = tok::end;
      cur_ = t;
      return;
    }
    const char c = text_[pos_];
    auto single = [&](tok k) {
      t.kind = k;
      ++pos_;
    };
    if (digit(c)) {
      while (pos_ < text_.size() && digit(text_[pos_])) ++pos_;
      if (pos_ + 1 < text_.size() && text_[pos_] == '.' && digit(text_[pos_ + 1])) {
        ++pos_;
        while (pos_ < text_.size() && digit(text_[pos_])) ++pos_;
      }
      if (pos_ < text_.size() && (ident_start(text_[pos_]) || text_[pos_] == '.'))
        fail(t, "expected a number such as 12 or 0.85, found " + show(text_.substr(begin, pos_ - begin + 1)));
      t.kind = tok::number;
    } else if (ident_start(c)) {
      while (pos_ < text_.size() && ident_char(text_[pos_])) ++pos_;
      while (pos_ + 1 < text_.size() && text_[pos_] == '.' && ident_char(text_[pos_ + 1])) {
        ++pos_;
        while (pos_ < text_.size() && ident_char(text_[pos_])) ++pos_;
      }
      t.kind = tok::name;
      const std::string_view word = text_.substr(begin, pos_ - begin);
      if (word == "and") t.kind = tok::kw_and;
      else if (word == "or") t.kind = tok::kw_or;
      else if (word == "not") t.kind = tok::kw_not;
      else if (word == "true") t.kind = tok::kw_true;
      else if (word == "false") t.kind = tok::kw_false;
    } else if (c == '`') {
      const std::size_t close = text_.find('`', pos_ + 1);
      if (close == std::string_view::npos) fail(t, "expected a closing '`' for the name that starts here");
      if (close == pos_ + 1) fail(t, "expected a name between the backquotes, found ``");
      t.kind = tok::quoted_name;
      t.text = text_.substr(pos_ + 1, close - pos_ - 1);
      pos_ = close + 1;
      cur_ = t;
      return;
    } else if (c == '(') single(tok::lparen);
    else if (c == ')') single(tok::rparen);
    else if (c == ',') single(tok::comma);
    else if (c == '+') single(tok::plus);
    else if (c == '-') single(tok::minus);
    else if (c == '*') single(tok::star);
    else if (c == '/') single(tok::slash);
    else if (c == '%') single(tok::percent);
    else if (c == '=' || c == '!' || c == '<' || c == '>') {
      const bool eq_next = pos_ + 1 < text_.size() && text_[pos_ + 1] == '=';
      if (c == '=' && !eq_next) fail(t, "expected '==' to compare, found a single '='");
      if (c == '!' && !eq_next) fail(t, "expected '!=' (or the word not), found '!'");
      pos_ += eq_next ? 2 : 1;
      t.kind = c == '=' ? tok::eq : c == '!' ? tok::ne : c == '<' ? (eq_next ? tok::le : tok::lt)
                                                                   : (eq_next ? tok::ge : tok::gt);
    } else {
      std::size_t len = 1;
      const auto u = static_cast<unsigned char>(c);
      if (u >= 0xC0) len = u >= 0xF0 ? 4 : u >= 0xE0 ? 3 : 2;
      fail(t, "expected a number, a name, an operator or a parenthesis, found " + show(text_.substr(pos_, len)) +
                  (u >= 0x80 ? " (names outside A-Z, 0-9, '_' and '.' go between backquotes: `tên`)" : ""));
    }
    t.text = text_.substr(begin, pos_ - begin);
    cur_ = t;
  }

  int add(node n) {
    for (const int a : n.args)
      if (a >= 0) n.height = std::max(n.height, at(a).height + 1);
    if (n.height > expr::max_height)
      fail(n.line, n.column, "expected at most " + std::to_string(expr::max_height) +
                                 " operations in a chain (the expression is too long to evaluate safely here)");
    impl_.nodes.push_back(std::move(n));
    return static_cast<int>(impl_.nodes.size() - 1);
  }
  const node& at(int i) const { return impl_.nodes[static_cast<std::size_t>(i)]; }

  node make(op kind, type t, const token& where, std::vector<int> args = {}) const {
    node n;
    n.kind = kind;
    n.type = t;
    n.args = std::move(args);
    n.line = where.line;
    n.column = where.column;
    return n;
  }

  void expect_type(int arg, type want, const std::string& who, const std::string& side) const {
    const node& a = at(arg);
    if (a.type != want)
      fail(a.line, a.column, who + " needs " + type_name(want) + side + "; found " + type_name(a.type));
  }

  void guard(std::size_t depth) const {
    if (depth > max_depth)
      fail(cur_, "expected an expression nested at most " + std::to_string(max_depth) + " levels deep");
  }

  int parse_or(std::size_t depth) {
    int left = parse_and(depth);
    while (cur_.kind == tok::kw_or) {
      const token o = cur_;
      next();
      const int right = parse_and(depth);
      expect_type(left, type::boolean, "'or'", " on its left");
      expect_type(right, type::boolean, "'or'", " on its right");
      left = add(make(op::or_, type::boolean, o, {left, right}));
    }
    return left;
  }

  int parse_and(std::size_t depth) {
    int left = parse_not(depth);
    while (cur_.kind == tok::kw_and) {
      const token o = cur_;
      next();
      const int right = parse_not(depth);
      expect_type(left, type::boolean, "'and'", " on its left");
      expect_type(right, type::boolean, "'and'", " on its right");
      left = add(make(op::and_, type::boolean, o, {left, right}));
    }
    return left;
  }

  int parse_not(std::size_t depth) {
    guard(depth);
    if (cur_.kind == tok::kw_not) {
      const token o = cur_;
      next();
      const int operand = parse_not(depth + 1);
      expect_type(operand, type::boolean, "'not'", "");
      return add(make(op::not_, type::boolean, o, {operand}));
    }
    return parse_compare(depth);
  }

  int parse_compare(std::size_t depth) {
    const int left = parse_sum(depth);
    static constexpr std::array<std::pair<tok, op>, 6> ops{
        {{tok::eq, op::eq}, {tok::ne, op::ne}, {tok::lt, op::lt}, {tok::le, op::le}, {tok::gt, op::gt}, {tok::ge, op::ge}}};
    for (const auto& [t, o] : ops) {
      if (cur_.kind != t) continue;
      const token where = cur_;
      next();
      const int right = parse_sum(depth);
      const std::string who = "'" + std::string(where.text) + "'";
      if (o == op::eq || o == op::ne) {
        if (at(left).type != at(right).type)
          fail(at(right).line, at(right).column,
               who + " compares values of one kind; its left is " + type_name(at(left).type) + ", its right " +
                   type_name(at(right).type));
      } else {
        expect_type(left, type::number, who, " on its left");
        expect_type(right, type::number, who, " on its right");
      }
      const int n = add(make(o, type::boolean, where, {left, right}));
      for (const auto& [t2, o2] : ops)
        if (cur_.kind == t2)
          fail(cur_, "expected one comparison at a time (write a < b and b < c), found a second " + describe(cur_));
      return n;
    }
    return left;
  }

  int parse_sum(std::size_t depth) {
    int left = parse_product(depth);
    while (cur_.kind == tok::plus || cur_.kind == tok::minus) {
      const token o = cur_;
      next();
      const int right = parse_product(depth);
      const std::string who = "'" + std::string(o.text) + "'";
      expect_type(left, type::number, who, " on its left");
      expect_type(right, type::number, who, " on its right");
      left = add(make(o.kind == tok::plus ? op::add : op::sub, type::number, o, {left, right}));
    }
    return left;
  }

  int parse_product(std::size_t depth) {
    int left = parse_unary(depth);
    while (cur_.kind == tok::star || cur_.kind == tok::slash) {
      const token o = cur_;
      next();
      const int right = parse_unary(depth);
      const std::string who = "'" + std::string(o.text) + "'";
      expect_type(left, type::number, who, " on its left");
      expect_type(right, type::number, who, " on its right");
      left = add(make(o.kind == tok::star ? op::mul : op::div, type::number, o, {left, right}));
    }
    return left;
  }

  int parse_unary(std::size_t depth) {
    guard(depth);
    if (cur_.kind == tok::minus || cur_.kind == tok::plus) {
      const token o = cur_;
      next();
      const int operand = parse_unary(depth + 1);
      expect_type(operand, type::number, "'" + std::string(o.text) + "'", "");
      if (o.kind == tok::plus) return operand;
      return add(make(op::neg, type::number, o, {operand}));
    }
    return parse_primary(depth);
  }

  int parse_primary(std::size_t depth) {
    const token t = cur_;
    switch (t.kind) {
      case tok::number: {
        next();
        node n = make(op::number, type::number, t);
        std::string why;
        auto v = decimal::try_parse(t.text, number_style::plain, &why);
        if (!v) fail(t, "expected a number, found " + show(t.text) + " (" + why + ")");
        if (cur_.kind == tok::percent) {
          next();
          v = decimal::divide(*v, decimal(100), v->scale() + 2, rounding::toward_zero);  // exact
        }
        n.value = *v;
        return add(std::move(n));
      }
      case tok::kw_true:
      case tok::kw_false: {
        next();
        node n = make(op::boolean, type::boolean, t);
        n.truth = t.kind == tok::kw_true;
        return add(std::move(n));
      }
      case tok::lparen: {
        next();
        const int inner = parse_or(depth + 1);
        if (cur_.kind != tok::rparen)
          fail(cur_, "expected ')' to close the '(' at column " + std::to_string(t.column) + ", found " + describe(cur_));
        next();
        return inner;
      }
      case tok::name:
      case tok::quoted_name: {
        next();
        if (cur_.kind == tok::lparen) {
          if (t.kind == tok::quoted_name) fail(t, "expected a function name before '(', found the quoted name " + show(t.text));
          return parse_call(t, depth + 1);
        }
        node n = make(op::name, type::number, t);
        n.name = std::string(t.text);
        return add(std::move(n));
      }
      default:
        fail(t, "expected a number, a figure name, a function or '(', found " + describe(t));
    }
  }

  int parse_call(const token& fname, std::size_t depth) {
    const function_info* f = nullptr;
    for (const auto& fi : functions)
      if (fi.name == fname.text) f = &fi;
    if (!f) {
      std::vector<std::string> known;
      for (const auto& fi : functions) known.emplace_back(fi.name);
      const auto near = nearest_names(fname.text, known);
      std::string all;
      for (const auto& k : known) all += (all.empty() ? "" : ", ") + k;
      std::string msg = "unknown function " + show(fname.text);
      if (!near.empty()) msg += " (did you mean '" + near.front() + "'?)";
      throw lookup_error(msg + "; the functions are " + all, location{"", fname.line, fname.column, "", "expression"});
    }
    next();  // '('
    std::vector<int> args;
    std::vector<token> arg_tokens;
    if (cur_.kind != tok::rparen) {
      for (;;) {
        arg_tokens.push_back(cur_);
        if (f->kind == op::round && args.size() == 2) {
          args.push_back(-1);  // the mode: a name, read below
          if (cur_.kind != tok::name)
            fail(cur_, "expected a rounding mode (half_away_from_zero, half_even, toward_zero, …), found " + describe(cur_));
          next();
        } else {
          args.push_back(parse_or(depth + 1));
        }
        if (cur_.kind == tok::comma) {
          next();
          continue;
        }
        if (cur_.kind == tok::rparen) break;
        fail(cur_, "expected ',' or ')' in the arguments of " + std::string(f->name) + "(, found " + describe(cur_));
      }
    }
    next();  // ')'
    const int n_args = static_cast<int>(args.size());
    if (n_args < f->min_args || (f->max_args >= 0 && n_args > f->max_args)) {
      const std::string want = f->max_args == f->min_args ? std::to_string(f->min_args)
                               : f->max_args < 0          ? "at least " + std::to_string(f->min_args)
                                                          : std::to_string(f->min_args) + " to " + std::to_string(f->max_args);
      fail(fname, "expected " + want + " argument" + (want == "1" ? "" : "s") + " to " + std::string(f->name) +
                      "(), found " + std::to_string(n_args));
    }
    const std::string who = std::string(f->name) + "()";
    auto ordinal = [](std::size_t i) {
      static constexpr std::array<const char*, 4> names{"first", "second", "third", "fourth"};
      return i < names.size() ? std::string(names[i]) : "argument " + std::to_string(i + 1);
    };
    node n = make(f->kind, type::number, fname);
    switch (f->kind) {
      case op::if_:
        expect_type(args[0], type::boolean, who, " as its first argument");
        if (at(args[1]).type != at(args[2]).type)
          fail(at(args[2]).line, at(args[2]).column,
               "if() needs both branches of one kind; its second argument is " + type_name(at(args[1]).type) +
                   ", its third " + type_name(at(args[2]).type));
        n.type = at(args[1]).type;
        break;
      case op::present:
        n.type = type::boolean;
        break;
      case op::coalesce:
        for (std::size_t i = 1; i < args.size(); ++i)
          if (at(args[i]).type != at(args[0]).type)
            fail(at(args[i]).line, at(args[i]).column,
                 "coalesce() needs arguments of one kind; its first is " + type_name(at(args[0]).type) + ", its " +
                     ordinal(i) + " " + type_name(at(args[i]).type));
        n.type = at(args[0]).type;
        break;
      case op::round: {
        expect_type(args[0], type::number, who, " as its first argument");
        const node& s = at(args[1]);
        if (s.kind != op::number || s.value.scale() != 0 || s.value.signum() < 0 || s.value > decimal(decimal::max_scale))
          fail(s.line, s.column, "round() needs a whole number of decimals (0 to " + std::to_string(decimal::max_scale) +
                                     ") as its second argument, written as a plain number");
        n.scale = static_cast<int>(*s.value.small_coefficient());
        const token& m = arg_tokens[2];
        try {
          n.mode = parse_rounding(m.text);
        } catch (const cchc::error&) {
          std::string all;
          for (auto r : all_roundings) all += (all.empty() ? "" : ", ") + std::string(to_string(r));
          fail(m, "expected a rounding mode (" + all + "), found " + show(m.text));
        }
        args.resize(1);
        break;
      }
      default:
        for (std::size_t i = 0; i < args.size(); ++i) expect_type(args[i], type::number, who, " as its " + ordinal(i) + " argument");
        break;
    }
    if (expr::is_population(f->kind)) impl_.population = true;
    n.args = std::move(args);
    return add(std::move(n));
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  token cur_;
  expression::impl impl_;
};

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      const bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) == std::tolower(static_cast<unsigned char>(b[j - 1]));
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (same ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace

std::vector<std::string> nearest_names(std::string_view name, const std::vector<std::string>& known, std::size_t limit) {
  // Names within a third of their length (at least 2 edits) of `name`, nearest first.
  const std::size_t budget = std::max<std::size_t>(2, name.size() / 3);
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (const auto& k : known) {
    if (k.size() > name.size() + budget || name.size() > k.size() + budget) continue;
    const std::size_t d = edit_distance(name, k);
    if (d <= budget) scored.emplace_back(d, k);
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  for (auto& [d, k] : scored) {
    if (out.size() == limit) break;
    out.push_back(std::move(k));
  }
  return out;
}

expression expression::parse(std::string_view text) {
  return expression(std::make_shared<const impl>(parser(text).run()));
}

expression expression::parse(std::string_view text, const std::vector<std::string>& known_names) {
  expression e = parse(text);
  const std::set<std::string_view> known(known_names.begin(), known_names.end());
  for (const auto& n : e.impl_->nodes) {
    if (n.kind != expr::op::name || known.count(n.name)) continue;
    const auto near = nearest_names(n.name, known_names);
    std::string msg = "unknown figure '" + n.name + "'";
    if (!near.empty()) {
      msg += "; did you mean ";
      for (std::size_t i = 0; i < near.size(); ++i) msg += (i ? (i + 1 == near.size() ? " or '" : ", '") : "'") + near[i] + "'";
      msg += "?";
    } else {
      msg += " (no known figure is close; " + std::to_string(known_names.size()) + " names are known)";
    }
    throw lookup_error(msg, location{"", n.line, n.column, "", "expression"});
  }
  return e;
}

const std::string& expression::text() const& noexcept { return impl_->text; }
expression::type expression::result_type() const noexcept { return impl_->nodes[static_cast<std::size_t>(impl_->root)].type; }
const std::vector<std::string>& expression::names() const& noexcept { return impl_->names; }
bool expression::uses_population() const noexcept { return impl_->population; }

}  // namespace cchc
