// Accessors that return a reference into *this are deleted on temporaries (`f() const&& = delete`), so
// that `const auto& n = make_calendar().name();` — a reference into a calendar that dies at the end
// of the statement — does not compile. CTest compiles this file twice (tests/compile_fail): without
// CCHC_MISUSE, the same calls on objects that live must compile; with it, each function misuse_N
// must be rejected with a "deleted function" diagnostic (gcc: "use of deleted function", clang:
// "call to deleted member function"), like the .fail.cpp tests of Howard Hinnant's date.
#include <cchc/cchc.hpp>

using namespace date::literals;

namespace {
cchc::work_calendar calendar() { return cchc::vietnam::build_civil_service_calendar(); }
cchc::period period() { return cchc::period::annual(2023); }
cchc::rate rate() { return cchc::rate{118, 119}; }
cchc::dossier_log_reader reader() { return cchc::dossier_log_reader::from_text("id\n"); }
cchc::flow_accumulator accumulator() {
  return cchc::flow_accumulator{cchc::period::annual(2023), cchc::vietnam::civil_service_calendar()};
}
cchc::outcome_counts counts() { return cchc::outcome_counts{1}; }
cchc::units units() { return cchc::units::parse("code,level,valid_from,valid_to\nA,x,2020-01-01,\n"); }
cchc::figures figures() { return cchc::figures{}; }
cchc::procedure_catalogue procedures() { return cchc::procedure_catalogue{}; }
cchc::indicator_catalogue indicators() { return cchc::indicator_catalogue::build("x", {}); }
}  // namespace

int main() {
  const auto cal = calendar();
  const auto p = period();
  const auto r = rate();
  const auto log = reader();
  const auto acc = accumulator();
  const auto c = counts();
  int n = 0;
  n += static_cast<int>(cal.name().size() + cal.weekly_pattern().size() + cal.rules().size());
  n += static_cast<int>(cal.exceptions_schedule().entries.size()) + (&cal.index() != nullptr);
  n += static_cast<int>(p.name().size()) + r.numerator().signum() + r.denominator().signum();
  n += static_cast<int>(log.header().size() + log.summary().file.size());
  n += static_cast<int>(acc.table().size() + acc.keys().size()) + (&acc.flow() != nullptr);
  n += static_cast<int>(c.raw().size());
  const auto u = units();
  const auto f = figures();
  const auto pc = procedures();
  const auto ic = indicators();
  n += static_cast<int>(u.rows().size() + u.origin().size()) + (u.find("A", 2021_y / 1 / 1) != nullptr);
  n += (f.find("x") == nullptr) + (pc.find("x") == nullptr);
  n += static_cast<int>(ic.definitions().size() + ic.id().size());
  return n > 0 ? 0 : 1;
}

#ifdef CCHC_MISUSE
// One misuse per function; the test requires a "deleted" diagnostic inside each of them.
void misuse_1() {
  const std::string& dangling = calendar().name();
  (void)dangling;
}
void misuse_2() {
  const auto& dangling = calendar().weekly_pattern();
  (void)dangling;
}
void misuse_3() {
  for (const auto& rule : calendar().rules()) (void)rule;  // the vector dies before the loop runs
}
void misuse_4() {
  const auto& dangling = calendar().exceptions_schedule();
  (void)dangling;
}
void misuse_5() {
  const auto& dangling = calendar().index();
  (void)dangling;
}
void misuse_6() {
  const std::string& dangling = period().name();
  (void)dangling;
}
void misuse_7() {
  const cchc::decimal& dangling = rate().numerator();
  (void)dangling;
}
void misuse_8() {
  const cchc::decimal& dangling = rate().denominator();
  (void)dangling;
}
void misuse_9() {
  const auto& dangling = reader().header();
  (void)dangling;
}
void misuse_10() {
  const auto& dangling = reader().summary();
  (void)dangling;
}
void misuse_11() {
  const auto& dangling = accumulator().flow();
  (void)dangling;
}
void misuse_12() {
  const auto& dangling = accumulator().table();
  (void)dangling;
}
void misuse_13() {
  const auto& dangling = counts().raw();
  (void)dangling;
}
void misuse_14() {
  for (const auto& key : accumulator().keys()) (void)key;  // the accumulator dies before the loop runs
}
void misuse_15() {
  for (const auto& row : units().rows()) (void)row;  // the units die before the loop runs
}
void misuse_16() {
  const cchc::unit_info* dangling = units().find("A", 2021_y / 1 / 1);
  (void)dangling;
}
void misuse_17() {
  const cchc::figure* dangling = figures().find("x");
  (void)dangling;
}
void misuse_18() {
  const cchc::procedure* dangling = procedures().find("x");
  (void)dangling;
}
void misuse_19() {
  const auto& dangling = indicators().definitions();
  (void)dangling;
}
void misuse_20() {
  const std::string& dangling = units().origin();
  (void)dangling;
}
#endif
