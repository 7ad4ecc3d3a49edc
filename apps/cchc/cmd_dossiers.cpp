// cchc dossiers LOG.csv — the one-stop-shop flow table (Biểu 06) recomputed from a dossier log.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>

#include "cchc/dossier.hpp"
#include "cchc/dossier_log.hpp"
#include "cchc/one_stop_rules.hpp"
#include "cchc/procedure_catalogue.hpp"
#include "cchc/report.hpp"
#include "calendar_options.hpp"
#include "commands.hpp"
#include "flow_view.hpp"
#include "output.hpp"
#include "period_arg.hpp"
#include "progress.hpp"

namespace cchc::cli {

namespace {

std::string key_label(flow_key k, const context& ctx) {
  switch (k) {
    case flow_key::unit: return ctx.tr("Đơn vị", "Unit");
    case flow_key::procedure: return ctx.tr("Thủ tục", "Procedure");
    case flow_key::field: return ctx.tr("Lĩnh vực", "Field");
    case flow_key::level: return ctx.tr("Cấp", "Level");
    case flow_key::channel: return ctx.tr("Kênh", "Channel");
  }
  return std::string(to_string(k));
}

// Levels and channels have fixed names: show them in the chosen language.
std::string key_text(flow_key k, const std::string& key, const context& ctx) {
  if (k == flow_key::level) {
    if (key == "province") return ctx.tr("Cấp tỉnh", "Province");
    if (key == "district") return ctx.tr("Cấp huyện", "District");
    if (key == "commune") return ctx.tr("Cấp xã", "Commune");
  }
  if (k == flow_key::channel) {
    if (key == "online") return ctx.tr("Trực tuyến", "Online");
    if (key == "in_person") return ctx.tr("Trực tiếp", "In person");
    if (key == "post") return ctx.tr("Bưu chính", "Post");
  }
  return key;
}

// The log's receipt span (first pass), used as the period when --period is not given.
std::optional<period_arg> receipt_span(const std::string& path, const dossier_log_options& options, progress& prog) {
  auto reader = dossier_log_reader::open(path, options);
  dossier d;
  std::optional<date::sys_days> first, last;
  while (reader.next(d)) {
    const auto day = day_number_of(d.received_at);
    if (!first || day < *first) first = day;
    if (!last || day > *last) last = day;
    prog.update(reader.summary().bytes, reader.summary().rows);
  }
  if (!first) return std::nullopt;
  return period_arg{*first, *last, iso_date(*first) + ".." + iso_date(*last)};
}

// The published table of a report beside the recomputed one: one row per level and published column.
table comparison_table(const report& r, const flow_table& recomputed, const context& ctx) {
  table t;
  t.key = "comparison";
  t.title = ctx.tr("So sánh với số liệu đã công bố", "Compared with the published figures");
  t.columns = {{"level", ctx.tr("Cấp", "Level")},
               {"column", ctx.tr("Cột", "Column")},
               {"published", ctx.tr("Công bố", "Published"), true},
               {"recomputed", ctx.tr("Tính lại", "Recomputed"), true},
               {"difference", ctx.tr("Chênh lệch", "Difference"), true}};
  std::size_t mismatches = 0;
  for (const flow_row& row : r.one_stop.flows) {
    const std::string level(to_string(row.level));
    auto it = recomputed.find(level);
    const dossier_flow mine = it == recomputed.end() ? dossier_flow::zeros() : it->second;
    const cell level_cell{key_text(flow_key::level, level, ctx), level};
    for (flow_column c : all_flow_columns) {
      const auto published = row.flow.get(c);
      if (!published) continue;
      // A combined figure published as one column is compared with the sum of its recomputed parts.
      const auto again = c == flow_column::resolved_in_time ? mine.in_time_total() : mine.get(c);
      std::vector<cell> cells{level_cell, {flow_column_label(c, ctx), std::string(to_string(c))},
                              count_cell(*published, ctx), optional_count_cell(again, ctx)};
      if (again) {
        const long long diff = *again - *published;
        if (diff != 0) ++mismatches;
        cells.push_back({diff == 0 ? "=" : (diff > 0 ? "+" : "") + group_digits(diff, ctx.lang), diff});
      } else {
        cells.push_back(empty_cell());
      }
      t.rows.push_back(std::move(cells));
    }
    if (row.on_time_rate) {
      cell mine_rate = on_time_rate_cell(mine, ctx);
      std::string diff_text = mine_rate.value.is_string() &&
                                      decimal::parse(mine_rate.value.get<std::string>(), number_style::plain) == row.on_time_rate->value
                                  ? "="
                                  : "≠";
      if (diff_text != "=") ++mismatches;
      t.rows.push_back({level_cell,
                        {ctx.tr("Tỷ lệ đúng hạn", "On-time rate"), "on_time_rate"},
                        {row.on_time_rate->text, row.on_time_rate->value.to_string()},
                        mine_rate,
                        {diff_text, diff_text == "=" ? nlohmann::json(0) : nlohmann::json(nullptr)}});
    }
  }
  t.notes.push_back(mismatches == 0
                        ? ctx.tr("Mọi số liệu đã công bố khớp với số tính lại.", "Every published figure matches the recomputed one.")
                        : std::to_string(mismatches) + ctx.tr(" số liệu công bố khác số tính lại.",
                                                              " published figure(s) differ from the recomputed ones."));
  return t;
}

// --procedures: "builtin" (the library's catalogue) or a catalogue file, merged over the built-in one.
procedure_catalogue catalogue_argument(const std::string& value) {
  if (value == "builtin") return builtin_procedure_catalogue();
  return load_procedure_catalogue(value).merged_over(builtin_procedure_catalogue());
}

// --one-stop-rules: a built-in id, else a rules file.
one_stop_rules rules_argument(const std::string& value) {
  const auto ids = builtin_one_stop_rules();
  if (std::find(ids.begin(), ids.end(), value) != ids.end()) return builtin_one_stop_rules(value);
  if (!std::filesystem::exists(value)) {
    std::string all;
    for (const auto& id : ids) all += (all.empty() ? "" : ", ") + id;
    throw usage_error("--one-stop-rules", "invalid value for --one-stop-rules: '" + value +
                                              "' is neither a built-in rule set (" + all + ") nor a file");
  }
  return load_one_stop_rules(value);
}

// --outcomes FILE.csv: one row per dossier read, in file order.
class outcomes_writer {
 public:
  outcomes_writer(const std::string& path, date::sys_days first, date::sys_days last, work_calendar cal, receipt_rule rule)
      : path_(path), out_(path, std::ios::binary), first_(first), last_(last), cal_(std::move(cal)), rule_(rule) {
    if (!out_) throw io_error("cannot open the outcomes file for writing", location{path, 0, 0, "", ""});
    out_ << "id,unit,level,procedure,field,channel,outcome_code,outcome,due_date,due_time,reason\r\n";
  }

  void write(const dossier& d) {
    std::string code, name, due_day, due_time, reason;
    const date::sys_days received = day_number_of(d.received_at);
    if (received > last_) {
      reason = "not counted: received after the period";
    } else if (d.end && day_number_of(d.end->at) < first_) {
      reason = "not counted: ended before the period";
    } else {
      // The one kernel: the same judgement the flow table counts (docs/dossiers.md §1).
      const judgement j = judge(d, last_, cal_, rule_);
      code = std::to_string(static_cast<int>(j.result));
      name = std::string(to_string(j.result));
      if (j.due) {
        due_day = iso_date(j.due->day);
        if (j.due->time) due_time = format_time(*j.due->time);
      }
      reason = std::string(describe(j.reason));
    }
    out_ << csv_field(d.id) << ',' << csv_field(d.unit) << ',' << csv_field(d.level) << ',' << csv_field(d.procedure)
         << ',' << csv_field(d.field) << ',' << to_string(d.channel) << ',' << code << ',' << name << ',' << due_day << ','
         << due_time << ',' << csv_field(reason) << "\r\n";
    if (!out_) throw io_error("cannot write the outcomes file", location{path_, 0, 0, "", ""});
  }

  void close() {
    out_.close();
    if (!out_) throw io_error("cannot write the outcomes file", location{path_, 0, 0, "", ""});
  }

 private:
  std::string path_;
  std::ofstream out_;
  date::sys_days first_, last_;
  work_calendar cal_;
  receipt_rule rule_;
};

int run_dossiers(const context& ctx, const arguments& args) {
  const std::string path = args.positionals()[0];
  // --by KEY or --by KEY,KEY,… (one row per combination of values).
  std::vector<flow_key> keys;
  {
    const std::string by = args.value("by").value_or("level");
    std::size_t start = 0;
    while (start <= by.size()) {
      const std::size_t comma = std::min(by.find(',', start), by.size());
      const std::string name = by.substr(start, comma - start);
      try {
        const flow_key k = parse_flow_key(name);
        if (std::find(keys.begin(), keys.end(), k) != keys.end())
          throw usage_error("--by", "invalid value for --by: '" + name + "' is given twice");
        keys.push_back(k);
      } catch (const cchc::lookup_error&) {
        throw usage_error("--by", "invalid value for --by: expected unit, level, channel, procedure or field "
                                  "(or several, comma-separated), found '" + name + "'");
      }
      start = comma + 1;
    }
  }
  const flow_key key = keys.front();
  dossier_log_options options;
  options.skip_bad_rows = args.has("skip-bad-rows");
  if (auto sep = args.value("separator")) {
    if (*sep == "," || *sep == "comma") options.separator = ',';
    else if (*sep == ";" || *sep == "semicolon") options.separator = ';';
    else if (*sep == "tab" || *sep == "\t" || *sep == "\\t") options.separator = '\t';
    else throw usage_error("--separator", "invalid value for --separator: expected ',', ';' or tab, found '" + *sep + "'");
  }
  if (auto p = args.value("procedures")) options.procedures = catalogue_argument(*p);
  std::optional<one_stop_rules> chosen_rules;
  if (auto r = args.value("one-stop-rules")) chosen_rules = rules_argument(*r);
  const work_calendar cal = calendar_from_options(args);

  std::uintmax_t size = 0;
  {
    std::error_code ec;
    size = std::filesystem::file_size(path, ec);
    if (ec) size = 0;
  }
  progress prog(ctx, size);

  std::optional<report> published;
  if (auto compare = args.value("compare")) {
    if (keys.size() != 1 || key != flow_key::level)
      throw usage_error("--compare", "--compare compares the table per level: it cannot be used with --by " +
                                         *args.value("by"));
    published = load_report(*compare);
  }

  std::optional<period_arg> period;
  bool period_from_log = false;
  if (auto p = args.value("period")) {
    period = parse_period_argument(*p);
  } else if (published && published->period) {
    // Compared with a report: its own reporting period, unless --period says otherwise.
    const auto& rp = *published->period;
    period = period_arg{date::sys_days{rp.from}, date::sys_days{rp.to}, "report"};
  } else {
    prog.set_pass(ctx.tr("quét kỳ", "scanning"));
    period = receipt_span(path, options, prog);
    period_from_log = true;
  }

  // The one-stop rules: the user's, else the built-in set in force on the period's last day (the
  // earliest set when none is: a period before 2018 is computed under vn.one_stop.2018, and says so).
  std::optional<one_stop_rules> rules = chosen_rules;
  std::string rules_note;
  if (!rules && period) {
    try {
      rules = rules_in_force(period->last);
      rules_note = ctx.tr("chọn theo ngày cuối kỳ", "chosen by the period's last day");
    } catch (const cchc::range_error&) {
      for (const auto& id : builtin_one_stop_rules()) {
        const one_stop_rules& r = builtin_one_stop_rules(id);
        if (!rules || r.effective_from < rules->effective_from) rules = r;
      }
      if (!rules) throw;
      rules_note = ctx.tr("không bộ quy định nào có hiệu lực vào ngày cuối kỳ; dùng bộ sớm nhất",
                          "no built-in set in force on the period's last day; the earliest used");
    }
  } else if (rules) {
    rules_note = ctx.tr("do người dùng chọn", "given by the user");
  }
  const receipt_rule rule = rules ? rules->receipt() : receipt_rule{};

  std::optional<outcomes_writer> outcomes;
  if (auto o = args.value("outcomes")) {
    if (!period) throw usage_error("--outcomes", "--outcomes needs a period: the log has no dossier to take it from; give --period");
    outcomes.emplace(*o, period->first, period->last, cal, rule);
  }

  prog.set_pass(ctx.tr("đọc", "reading"));
  auto reader = dossier_log_reader::open(path, options);
  std::optional<flow_accumulator> acc;
  if (period) acc.emplace(period->first, period->last, cal, keys, rule);
  dossier d;
  // The accumulating next(): a row that cannot be classified (a date outside the calendar) is a bad
  // row of the log, skipped under --skip-bad-rows (and then not written to --outcomes either).
  while (acc ? reader.next(d, *acc) : reader.next(d)) {
    if (outcomes) outcomes->write(d);
    prog.update(reader.summary().bytes, reader.summary().rows);
  }
  if (outcomes) outcomes->close();
  prog.finish();
  const dossier_log_summary& summary = reader.summary();

  for (const auto& col : summary.ignored_columns)
    std::cerr << "cchc dossiers: warning: " << path << ": column '" << col << "' is not a dossier log column, ignored\n";
  if (summary.ignored_columns_total > static_cast<std::int64_t>(summary.ignored_columns.size()))
    std::cerr << "cchc dossiers: warning: " << path << ": " << summary.ignored_columns_total
              << " header fields ignored in all (each distinct name listed once, at most 20)\n";
  if (summary.skipped > 0) {
    std::cerr << "cchc dossiers: warning: " << summary.skipped << " bad row(s) skipped";
    if (summary.errors.size() < static_cast<std::size_t>(summary.skipped))
      std::cerr << " (the first " << summary.errors.size() << " shown)";
    std::cerr << ":\n";
    for (const auto& e : summary.errors) std::cerr << "  " << e.what() << '\n';
  }

  document doc;
  doc.title = ctx.tr("Tình hình, kết quả giải quyết TTHC (Biểu 06/VPCP/KSTT), tính lại từ sổ hồ sơ",
                     "Handling of administrative procedure dossiers (form 06/VPCP/KSTT), recomputed from the log");
  doc.facts.push_back({"log", ctx.tr("Sổ hồ sơ", "Log"), text_cell(path)});
  if (period) {
    doc.facts.push_back({"period_first", ctx.tr("Từ ngày", "From"),
                         {format_date(period->first, ctx.lang), iso_date(period->first)}});
    doc.facts.push_back({"period_last", ctx.tr("Đến ngày", "To"),
                         {format_date(period->last, ctx.lang), iso_date(period->last)}});
    doc.facts.push_back({"period_source", ctx.tr("Kỳ", "Period"),
                         period->name == "report" ? cell{ctx.tr("kỳ báo cáo của ", "reporting period of ") + *args.value("compare"), "report"} :
                         period_from_log ? cell{ctx.tr("từ ngày tiếp nhận đầu đến cuối trong sổ (không có --period)",
                                                       "first to last receipt day in the log (no --period)"),
                                                "log_span"}
                                         : text_cell(period->name)});
  }
  if (rules)
    doc.facts.push_back({"one_stop_rules", ctx.tr("Quy định một cửa", "One-stop rules"),
                         {rules->id + " (" + rules_note + ")", rules->id}});
  if (options.procedures)
    doc.facts.push_back({"procedures", ctx.tr("Danh mục thủ tục", "Procedure catalogue"),
                         {*args.value("procedures") + " (" + std::to_string(options.procedures->size()) +
                              ctx.tr(" thủ tục)", " procedures)"),
                          *args.value("procedures")}});
  doc.facts.push_back({"rows", ctx.tr("Số dòng", "Rows"), count_cell(summary.rows, ctx)});
  doc.facts.push_back({"rows_skipped", ctx.tr("Dòng lỗi bỏ qua", "Bad rows skipped"), count_cell(summary.skipped, ctx)});

  flow_table flows;
  // With several keys the rows are numbered in key order for the table builder, then given one
  // cell per key.
  std::vector<const std::vector<std::string>*> combination;
  if (acc) {
    if (keys.size() == 1) {
      for (const auto& [k, flow] : acc->table()) flows[k] = flow;
    } else {
      for (const auto& [k, flow] : acc->rows()) {
        std::string n = std::to_string(combination.size());
        flows[std::string(12 - n.size(), '0') + n] = flow;
        combination.push_back(&k);
      }
    }
  }
  // json and csv carry every column; the table and markdown show the Biểu 06 ones unless asked.
  const bool all_columns = args.has("all-columns") || ctx.format == output_format::json || ctx.format == output_format::csv;
  table t = flow_output_table(flows, {std::string(to_string(key)), key_label(key, ctx)}, true, all_columns, ctx);
  if (keys.size() == 1) {
    for (auto& row : t.rows)
      if (row[0].value.is_string() && row[0].value != "total") row[0].text = key_text(key, row[0].value.get<std::string>(), ctx);
  } else {
    for (std::size_t k = 1; k < keys.size(); ++k)
      t.columns.insert(t.columns.begin() + static_cast<std::ptrdiff_t>(k),
                       {std::string(to_string(keys[k])), key_label(keys[k], ctx)});
    for (auto& row : t.rows) {
      const bool is_total = row[0].value.is_string() && row[0].value == "total";
      std::vector<cell> cells;
      for (std::size_t k = 0; k < keys.size(); ++k) {
        if (is_total) {
          cells.push_back(k == 0 ? row[0] : empty_cell());
          continue;
        }
        const auto& values = *combination.at(std::stoul(row[0].value.get<std::string>()));
        cell c = text_cell(values[k]);
        c.text = key_text(keys[k], values[k], ctx);
        cells.push_back(std::move(c));
      }
      row.erase(row.begin());
      row.insert(row.begin(), cells.begin(), cells.end());
    }
  }
  t.notes.push_back(ctx.tr("Tỷ lệ đúng hạn = (trước hạn + đúng hạn) / đã giải quyết, làm tròn 2 chữ số thập phân "
                           "(nửa lên, xa số 0).",
                           "On-time rate = (early + on time) / resolved, rounded to 2 decimals, half away from zero."));
  if (flows.empty())
    t.notes.insert(t.notes.begin(), ctx.tr("Không có hồ sơ nào trong kỳ.", "No dossier in the period."));
  if (!summary.complete())
    t.notes.push_back(ctx.tr("Chú ý: bảng thiếu các dòng lỗi đã bỏ qua.", "Note: the table lacks the bad rows skipped."));
  doc.tables.push_back(std::move(t));
  if (published) doc.tables.push_back(comparison_table(*published, flows, ctx));
  render(doc, ctx, std::cout);
  return exit_ok;
}

}  // namespace

extern const command dossiers_command;
const command dossiers_command{
    "dossiers",
    "the flow table (Biểu 06) recomputed from a dossier log (CSV)",
    "cchc dossiers LOG.csv [--period FROM..TO|annual:YYYY] [--by KEY[,KEY…]] [--compare REPORT.json]\n"
    "                     [--procedures FILE.json|builtin] [--one-stop-rules NAME|FILE] [--outcomes FILE.csv]\n"
    "                     [--skip-bad-rows] [--separator SEP] [--all-columns] [--schedule FILE]",
    "Reads a dossier log (one row per dossier, the CSV layout of docs/dossiers.md), classifies every\n"
    "dossier at the end of the period (Decision 766's rule: early, on time, late, pending within the\n"
    "deadline or overdue, returned/withdrawn) on the civil-service work calendar, and prints the\n"
    "Biểu 06 columns per level (or per unit, channel, procedure or field) with a total row.\n"
    "Reading is streaming: logs of any size. When stderr is a terminal, a progress line shows the\n"
    "share of the file read.\n"
    "\n"
    "arguments:\n"
    "  LOG.csv  the dossier log\n",
    {{"period", "PERIOD",
      "the reporting period: FROM..TO (YYYY-MM-DD or dd/mm/yyyy, inclusive),\n"
      "or a Decree 09/2019 period: annual:YYYY (15/12 of YYYY-1 to 14/12/YYYY),\n"
      "6months:YYYY, 9months:YYYY, quarter:YYYY-Qn, month:YYYY-MM; or a calendar\n"
      "period: year:YYYY, calendar-quarter:YYYY-Qn, calendar-month:YYYY-MM.\n"
      "Default: the report's period with --compare, else the first to the last\n"
      "receipt day found in the log"},
     {"by", "KEY[,KEY…]", "group rows by level (default), unit, channel, procedure or field, or by\n"
                         "several of them (--by unit,procedure: one row per combination)"},
     {"all-columns", "", "table/markdown: also show early+on time combined, apology slips, online\n"
                         "resolved and fell due (json and csv always have every column)"},
     {"skip-bad-rows", "", "skip malformed rows (reported on stderr, counted in the output)\n"
                           "instead of stopping at the first one"},
     {"separator", "SEP", "the log's field separator: ',', ';' or tab (default: detected from the\n"
                          "header line)"},
     {"procedures", "FILE.json", "a procedure catalogue (docs/procedures.md), merged over the built-in one, or\n"
                                 "'builtin': rows naming a catalogued procedure but no processing_time take\n"
                                 "its processing time, and its receipt cut-off"},
     {"one-stop-rules", "NAME|FILE", "the one-stop rules: vn.one_stop.2018, vn.one_stop.2025 or a rules file\n"
                                     "(default: the built-in set in force on the period's last day)"},
     {"outcomes", "FILE.csv", "also write each dossier's outcome (code and name), due date and time and\n"
                              "the reason, one row per dossier read"},
     {"compare", "REPORT.json", "also show the report's published flow table beside the recomputed one\n"
                                "(per level; the period defaults to the report's)"},
     calendar_schedule_option()},
    "  cchc dossiers build/examples/tran-de-2023/dossiers.csv --period 2022-12-15..2023-12-13\n"
    "  cchc dossiers log.csv --period annual:2023 --by unit --format csv\n"
    "  cchc dossiers log.csv --period 15/12/2022..13/12/2023 --skip-bad-rows --lang en\n"
    "  cchc dossiers log.csv --period annual:2025 --procedures builtin --outcomes outcomes.csv\n",
    1,
    1,
    {"LOG.csv"},
    run_dossiers};

}  // namespace cchc::cli
