// cchc due DATE N — the due date of an N-unit procedure received on DATE.
#include <cstdio>
#include <iostream>

#include "cchc/deadline.hpp"
#include "cchc/error.hpp"
#include "calendar_options.hpp"
#include "commands.hpp"
#include "output.hpp"

namespace cchc::cli {

namespace {

std::string unit_text(time_unit u, long n, const context& ctx) {
  const std::string amount = group_digits(n, ctx.lang) + " ";
  switch (u) {
    case time_unit::working_days: return amount + ctx.tr("ngày làm việc", n == 1 ? "working day" : "working days");
    case time_unit::calendar_days: return amount + ctx.tr("ngày", n == 1 ? "calendar day" : "calendar days");
    case time_unit::working_hours: return amount + ctx.tr("giờ làm việc", n == 1 ? "working hour" : "working hours");
    case time_unit::half_days: return amount + ctx.tr("buổi làm việc", n == 1 ? "half day" : "half days");
    case time_unit::same_day: return ctx.tr("trong ngày", "same day");
  }
  return amount + std::string(to_string(u));
}

std::string weekday_and_date(date::sys_days d, const context& ctx) {
  return weekday_name(d, ctx.lang) + (ctx.lang == language::vi ? ", " : " ") + format_date(d, ctx.lang);
}

std::string reason_text(const day_info& d, const context& ctx) {
  const std::string& reason = ctx.lang == language::vi ? d.reason_vi : d.reason_en;
  return reason.empty() ? kind_label(d.kind, ctx) : reason;
}

std::string unit_name(time_unit u, const context& ctx) {
  switch (u) {
    case time_unit::working_days: return ctx.tr("ngày làm việc", "working days");
    case time_unit::calendar_days: return ctx.tr("ngày (theo lịch)", "calendar days");
    case time_unit::working_hours: return ctx.tr("giờ làm việc", "working hours");
    case time_unit::half_days: return ctx.tr("buổi làm việc", "half days");
    case time_unit::same_day: return ctx.tr("trong ngày", "same day");
  }
  return std::string(to_string(u));
}

int run_due(const context& ctx, const arguments& args) {
  const date::sys_days day = parse_date_argument(args.positionals()[0], "DATE");
  const long n = parse_count_argument(args.positionals()[1], "N", 100000);
  time_unit unit = time_unit::working_days;
  if (auto u = args.value("unit")) {
    try {
      unit = parse_time_unit(*u);
    } catch (const cchc::lookup_error&) {
      throw usage_error("--unit", "invalid value for --unit: expected working_days, calendar_days, working_hours, "
                                  "half_days or same_day, found '" + *u + "'");
    }
  }
  std::optional<std::chrono::minutes> time;
  if (auto t = args.value("time")) time = parse_time_argument(*t, "--time");
  receipt_rule rule;
  if (auto c = args.value("cutoff")) rule = rule.with_cutoff(parse_time_argument(*c, "--cutoff"));
  if (unit == time_unit::same_day && n > 1)
    throw usage_error("N", "invalid N: a same_day procedure takes N = 0 or 1, found " + std::to_string(n));
  const work_calendar cal = calendar_from_options(args);

  const civil_time received = civil_time_at(day, time.value_or(std::chrono::minutes{0}));
  const date::sys_days receipt = receipt_day(received, cal, rule);
  const due_date result = due(received, processing_time{unit, n}, cal, rule);

  document doc;
  doc.title = ctx.tr("Hạn giải quyết hồ sơ", "Due date of a dossier");
  std::string received_text = weekday_and_date(day, ctx);
  if (time) received_text += " " + format_time(*time);
  doc.facts.push_back({"received", ctx.tr("Ngày tiếp nhận", "Received"), {received_text, iso_date(day)}});
  if (rule.cutoff)
    doc.facts.push_back({"cutoff", ctx.tr("Giờ chốt nhận", "Cut-off"), text_cell(format_time(*rule.cutoff))});
  doc.facts.push_back({"receipt_day", ctx.tr("Tính là nhận ngày", "Counted as received on"),
                       {weekday_and_date(receipt, ctx), iso_date(receipt)}});
  doc.facts.push_back({"unit", ctx.tr("Đơn vị thời gian", "Unit"),
                       {unit_name(unit, ctx), std::string(to_string(unit))}});
  doc.facts.push_back({"amount", ctx.tr("Thời hạn", "Processing time"), {unit_text(unit, n, ctx), n}});
  std::string due_text = weekday_and_date(result.day, ctx);
  if (result.time) due_text += " " + format_time(*result.time);
  else due_text += ctx.tr(" (hết ngày)", " (end of day)");
  doc.facts.push_back({"due", ctx.tr("Hạn trả kết quả", "Due"), {due_text, iso_date(result.day)}});
  if (unit == time_unit::working_days)
    doc.facts.push_back({"working_days_counted", ctx.tr("Số ngày làm việc tính", "Working days counted"),
                         count_cell(cal.working_days_between(receipt, result.day), ctx)});
  // json: the times are always present (null when not given / the period ends at 24:00).
  doc.extra_json["received_time"] = time ? nlohmann::json(format_time(*time)) : nlohmann::json(nullptr);
  doc.extra_json["due_time"] = result.time ? nlohmann::json(format_time(*result.time)) : nlohmann::json(nullptr);

  // The days not counted between the receipt day and the due day, with their reasons.
  table t;
  t.key = "days_off";
  t.title = ctx.tr("Ngày nghỉ không tính", "Days off not counted");
  t.columns = {{"date", ctx.tr("Ngày", "Date")},
               {"weekday", ctx.tr("Thứ", "Day")},
               {"kind", ctx.tr("Loại", "Kind")},
               {"reason", ctx.tr("Lý do", "Reason")},
               {"source", ctx.tr("Văn bản", "Document")}};
  for (date::sys_days d = day; d <= result.day; d += date::days{1}) {
    if (cal.is_working_day(d)) continue;
    const day_info info = cal.info(d);
    t.rows.push_back({{format_date(d, ctx.lang), iso_date(d)},
                      {weekday_name(d, ctx.lang), weekday_name(d, language::en)},
                      {kind_label(info.kind, ctx), std::string(to_string(info.kind))},
                      {reason_text(info, ctx), info.reason_en},
                      text_cell(info.source.document)});
  }
  if (!t.rows.empty()) doc.tables.push_back(std::move(t));
  // csv: one row with the result (the days off are in the json and table outputs).
  doc.csv_tables = std::vector<table>{facts_table(doc, "due")};
  render(doc, ctx, std::cout);
  return exit_ok;
}

}  // namespace

extern const command due_command;
const command due_command{
    "due",
    "due date of an N-unit procedure received on DATE",
    "cchc due DATE N [--unit UNIT] [--time HH:MM] [--cutoff HH:MM] [--schedule FILE]",
    "Computes when a dossier received on DATE is due under a processing time of N units, on the\n"
    "civil-service work calendar (holidays, substitute days, swaps and make-up Saturdays from the\n"
    "official notices), and lists the days off that were not counted.\n"
    "\n"
    "The rules (cchc/deadline.hpp): a dossier received on a day off, or after the cut-off hour\n"
    "(--cutoff) of a working day, counts as received on the next working day; the receipt day itself\n"
    "is not counted (Civil Code 2015, Art. 147); a period in days ends at 24:00 of its last day, moved\n"
    "to the next working day when that is a day off (Art. 148).\n"
    "\n"
    "arguments:\n"
    "  DATE    the receipt date: YYYY-MM-DD or dd/mm/yyyy\n"
    "  N       the processing time, a non-negative integer (0 or 1 for same_day)\n",
    {{"unit", "UNIT", "working_days (default), calendar_days, working_hours, half_days, same_day"},
     {"time", "HH:MM", "the receipt time (matters for working_hours, half_days and --cutoff)"},
     {"cutoff", "HH:MM", "dossiers received after this time count as received the next working day\n"
                         "(e.g. 15:00 for certification and civil status); default: none"},
     calendar_schedule_option()},
    "  cchc due 2023-01-19 3                       # across Tết 2023: Tue 31/01/2023\n"
    "  cchc due 03/05/2024 1 --lang en             # the make-up Saturday 04/05/2024\n"
    "  cchc due 2024-04-26 8 --unit working_hours --time 09:00\n"
    "  cchc due 2024-03-01 0 --unit same_day --time 15:30 --cutoff 15:00\n",
    2,
    2,
    {"DATE", "N"},
    run_due};

}  // namespace cchc::cli
