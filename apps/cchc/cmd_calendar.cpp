// cchc calendar YEAR — the days off and make-up working days of a year, with reasons and sources.
#include <iostream>

#include "cchc/calendar.hpp"
#include "cchc/schedule_file.hpp"
#include "cchc/vietnam_calendar.hpp"
#include "calendar_options.hpp"
#include "commands.hpp"
#include "output.hpp"

namespace cchc::cli {

namespace {

// "notice", "rule" or "rule (inferred)": whether a document says so or the rules imply it.
cell origin_cell(const day_info& d, const context& ctx) {
  std::string key = d.from_notice ? "notice" : "rule";
  std::string text = d.from_notice ? ctx.tr("thông báo", "notice") : ctx.tr("quy tắc", "rule");
  if (d.inferred) {
    key += "_inferred";
    text += ctx.tr(" (suy ra)", " (inferred)");
  }
  return {text, key};
}

int run_calendar(const context& ctx, const arguments& args) {
  const long year = parse_count_argument(args.positionals()[0], "YEAR", 9999);
  const auto first_ymd = date::year{static_cast<int>(year)} / 1 / 1;
  if (date::sys_days{first_ymd} < work_calendar::range_first ||
      date::sys_days{date::year{static_cast<int>(year)} / 12 / 31} > work_calendar::range_last)
    throw usage_error("YEAR", "invalid YEAR: " + args.positionals()[0] + " is outside the supported range 1900..2199");
  const work_calendar cal = calendar_from_options(args);
  const date::sys_days first{first_ymd};
  const date::sys_days last{date::year{static_cast<int>(year)} / 12 / 31};

  document doc;
  doc.title = ctx.tr("Lịch làm việc năm ", "Working calendar ") + std::to_string(year) +
              ctx.tr(" (cơ quan hành chính nhà nước)", " (state administrative bodies)");
  table t;
  t.key = "days";
  t.columns = {{"date", ctx.tr("Ngày", "Date")},
               {"weekday", ctx.tr("Thứ", "Day")},
               {"kind", ctx.tr("Loại", "Kind")},
               {"working", ctx.tr("Làm việc", "Working")},
               {"reason", ctx.tr("Lý do", "Reason")},
               {"source", ctx.tr("Văn bản", "Document")},
               {"origin", ctx.tr("Nguồn", "Origin")}};
  long weekday_days_off = 0;
  long make_up_days = 0;
  for (const day_info& d : cal.exceptions(first, last)) {
    const unsigned wd = date::weekday{d.day}.c_encoding();
    if (!d.working && wd >= 1 && wd <= 5) ++weekday_days_off;
    if (d.kind == day_kind::make_up_working_day) ++make_up_days;
    const std::string& reason = ctx.lang == language::vi && !d.reason_vi.empty() ? d.reason_vi : d.reason_en;
    t.rows.push_back({{format_date(d.day, ctx.lang), iso_date(d.day)},
                      {weekday_name(d.day, ctx.lang), weekday_name(d.day, language::en)},
                      {kind_label(d.kind, ctx), std::string(to_string(d.kind))},
                      {d.working ? ctx.tr("có", "yes") : ctx.tr("không", "no"), d.working},
                      {reason, d.reason_en.empty() ? d.reason_vi : d.reason_en},
                      text_cell(d.source.document),
                      origin_cell(d, ctx)});
  }
  const long working_days = cal.working_days_between(first - date::days{1}, last);
  doc.facts = {{"year", ctx.tr("Năm", "Year"), {std::to_string(year), year}},
               {"working_days", ctx.tr("Số ngày làm việc", "Working days"), count_cell(working_days, ctx)},
               {"weekday_days_off", ctx.tr("Ngày nghỉ rơi vào ngày thường", "Days off on weekdays"),
                count_cell(weekday_days_off, ctx)},
               {"make_up_working_days", ctx.tr("Ngày làm bù", "Make-up working days"), count_cell(make_up_days, ctx)}};
  t.notes = {ctx.tr("Nguồn: \"thông báo\" = theo văn bản công bố lịch nghỉ; \"quy tắc\" = suy từ Bộ luật Lao động; "
                    "\"(suy ra)\" = mặc định khi chưa có văn bản.",
                    "Origin: \"notice\" = from the official notice; \"rule\" = derived from the Labour Code; "
                    "\"(inferred)\" = a default where no document was found.")};
  doc.tables.push_back(std::move(t));
  if (ctx.format == output_format::json) {
    // json: the facts plus the days with English reasons and the Vietnamese reason beside them.
    nlohmann::json j = nlohmann::json::object();
    for (const auto& f : doc.facts) j[f.key] = f.content.value;
    nlohmann::json days = nlohmann::json::array();
    for (const day_info& d : cal.exceptions(first, last)) {
      nlohmann::json src = {{"document", d.source.document}, {"note_vi", d.source.note_vi}, {"note_en", d.source.note_en}};
      if (d.source.issued) src["issued"] = iso_date(date::sys_days{*d.source.issued});
      days.push_back({{"date", iso_date(d.day)},
                      {"weekday", weekday_name(d.day, language::en)},
                      {"kind", std::string(to_string(d.kind))},
                      {"working", d.working},
                      {"reason_vi", d.reason_vi},
                      {"reason_en", d.reason_en},
                      {"source", std::move(src)},
                      {"from_notice", d.from_notice},
                      {"inferred", d.inferred}});
    }
    j["days"] = std::move(days);
    doc.json = std::move(j);
  }
  render(doc, ctx, std::cout);
  return exit_ok;
}

}  // namespace

extern const command calendar_command;
const command calendar_command{
    "calendar",
    "days off and make-up working days of a year, with reasons and documents",
    "cchc calendar YEAR [--schedule FILE]... [--format ...] [--lang ...]",
    "Lists every day of YEAR that differs from the Monday-Friday week of state bodies: public holidays\n"
    "(also those falling on a weekend), substitute days off (nghỉ bù), swapped days off (hoán đổi),\n"
    "extra days off and make-up working Saturdays (làm bù), with the reason and the document (notice\n"
    "or law article). The Origin column says whether the day comes from an official notice shipped\n"
    "with cchc or from a user schedule (\"notice\"), or from the Labour Code rules (\"rule\"), and\n"
    "marks defaults inferred where no document was found.\n"
    "\n"
    "arguments:\n"
    "  YEAR    a year from 1900 to 2199\n",
    {calendar_schedule_option()},
    "  cchc calendar 2024\n"
    "  cchc calendar 2025 --lang en --format markdown\n"
    "  cchc calendar 2027 --schedule notices-2027.json --format json\n",
    1,
    1,
    {"YEAR"},
    run_calendar};

}  // namespace cchc::cli
