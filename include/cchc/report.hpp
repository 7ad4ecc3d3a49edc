// cchc/report.hpp — one unit's annual CCHC report as structured, exact data.
//
// A district's or province's annual public-administration-reform report (báo cáo kết quả thực hiện
// công tác cải cách hành chính) is prose around a few hundred figures. `cchc::report` gives every
// figure the report states a typed place, section by section as the reports are written (direction,
// institutions, procedures, one-stop shops, organisation, civil service, public finance,
// e-government, assessment, next year's directions), so that validation and indicators work on
// numbers instead of text.
//
// Conventions, which the file format (docs/report-format.md, docs/report.schema.json) shares:
//  - a figure the report does not state is absent (`std::nullopt`, an empty vector or string) —
//    never zero;
//  - counts are `std::int64_t` (JSON integers, never negative); money and other exact quantities are
//    `cchc::decimal` (JSON strings such as "1340.5", scale kept);
//  - a percentage the report prints is a `reported_percent`: the text exactly as printed ("99,15%",
//    or "97,55" without the sign) and its value in percent units with the printed scale (99.15,
//    scale 2). It is never recomputed on load: checking it is validation's job;
//  - every cited document is a `document_ref` (number, type, issuer, date and the original text);
//  - mistakes in the published report are kept as published.
//
// Loading is strict: a file that is not valid UTF-8 JSON, has duplicate keys, nests too deeply, has
// a number beyond a double (1e400), a field of the wrong type, a negative count or one beyond 2^63−1,
// a float where a decimal string is required, or a malformed date is refused with a
// `cchc::parse_error` naming the file, line, column (in characters) and JSON path; no other exception
// escapes. Unknown fields are an error or, by option, a warning kept in `report::load_warnings`.
// Saving writes the canonical form (fields in model order, two-space indentation, UTF-8, final
// newline): saving the same report always gives the same bytes, and load(save(r)) == r; text that is
// not valid UTF-8 (only possible in a report built in code) is a `cchc::argument_error` naming its
// JSON path.
//
//     cchc::report r = cchc::load_report("examples/tran-de-2023/report.json");
//     r.procedures.internal_review->reviewed;          // 19
//     r.procedures.internal_review->rate->text;        // "30%"
//     r.one_stop.flows[0].flow.received;               // 14083
//     for (const cchc::finding& f : cchc::validate(r)) …   // validate.hpp
//     cchc::save_report(r, "out.json");
#pragma once
#include "cchc/detail/export.hpp"  // CCHC_EXPORT

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "cchc/decimal.hpp"
#include "cchc/document_ref.hpp"
#include "cchc/finding.hpp"
#include "cchc/flow.hpp"

namespace cchc {

/// Government tiers (three until 30/6/2025, two after: the district tier was abolished).
enum class org_level : unsigned char { province, district, commune };
[[nodiscard]] CCHC_EXPORT std::string_view to_string(org_level l) noexcept;

/// Headcount categories (docs/sources.md §7).
enum class headcount_category : unsigned char {
  civil_servant,    ///< biên chế công chức (administrative bodies)
  public_employee,  ///< số lượng người làm việc (public service units)
  contract_111,     ///< hợp đồng theo Nghị định 111/2022/NĐ-CP
};
[[nodiscard]] CCHC_EXPORT std::string_view to_string(headcount_category c) noexcept;

/// A percentage as printed: text and value in percent units with the printed scale.
struct CCHC_EXPORT reported_percent {
  std::string text;  ///< "99,15%", "97,55", "100%"
  decimal value;     ///< 99.15 (scale 2), 97.55, 100 (scale 0)
};

/// A labelled count, optionally split into labelled parts ("08 trường hợp (huyện 01; xã 07)").
struct CCHC_EXPORT labelled_count {
  std::string label_vi;
  std::optional<std::int64_t> count;  ///< absent when the report names the item without a figure
  std::string unit_vi;                ///< "tin, bài", "cá nhân", …
  std::vector<labelled_count> parts;
};

struct CCHC_EXPORT level_count {
  org_level level = org_level::district;
  std::int64_t count = 0;
};

/// A total with its parts by level ("592 hồ sơ trễ hạn (cấp huyện 343, cấp xã 249)").
struct CCHC_EXPORT level_breakdown {
  std::optional<std::int64_t> total;
  std::vector<level_count> parts;
};

struct CCHC_EXPORT labelled_amount {
  std::string label_vi;
  decimal amount;
};

/// An amount of money (in the section's unit) with its parts.
struct CCHC_EXPORT amount_breakdown {
  decimal total;
  std::vector<labelled_amount> parts;
};

struct CCHC_EXPORT labelled_percent {
  std::string label_vi;
  reported_percent percent;
};

// ── header ────────────────────────────────────────────────────────────────────────────────────────

struct CCHC_EXPORT report_unit {
  std::string name;       ///< "Trần Đề"
  std::string issuer;     ///< the committee issuing the report: "Ủy ban nhân dân huyện Trần Đề"
  org_level level = org_level::district;
  std::string province;   ///< "Sóc Trăng"
};

struct CCHC_EXPORT signer_info {
  std::string name;
  std::string title_vi;
  std::string on_behalf_of_vi;
};

struct CCHC_EXPORT report_header {
  std::string number_text;  ///< "Số: /BC-UBND" (blank number kept as printed)
  std::string place;
  std::string date_text;    ///< "ngày tháng 12 năm 2023" (blank day kept as printed)
  std::optional<date::year_month_day> date;  ///< only when the report prints a full date
  std::string title_vi;
  std::vector<std::string> recipients;
  std::vector<document_ref> based_on;
  std::optional<signer_info> signer;
  std::vector<std::string> distribution;
};

/// The reporting period stated by the report (inclusive).
struct CCHC_EXPORT reporting_period {
  date::year_month_day from;
  date::year_month_day to;
  std::string text_vi;
};

// ── I. direction ──────────────────────────────────────────────────────────────────────────────────

struct CCHC_EXPORT plan_summary {
  std::optional<document_ref> document;
  std::optional<std::int64_t> content_areas;
  std::optional<std::int64_t> tasks;
  std::optional<std::int64_t> tasks_completed;
  std::optional<reported_percent> completion;
};

struct CCHC_EXPORT inspection_summary {
  std::optional<document_ref> plan;
  std::optional<document_ref> team_decision;
  std::optional<std::int64_t> units_planned;
  std::vector<labelled_count> units_planned_parts;
  std::optional<std::int64_t> units_inspected;
  std::optional<reported_percent> completion;
  std::optional<std::int64_t> shortcomings_found;
  std::optional<std::int64_t> shortcomings_remedied;
};

struct CCHC_EXPORT propaganda_summary {
  std::optional<document_ref> plan;
  std::optional<std::int64_t> contents_planned;
  std::optional<std::int64_t> contents_done;
  std::optional<reported_percent> completion;
  std::vector<document_ref> documents;
  std::vector<labelled_count> channels;
};

struct CCHC_EXPORT direction_section {
  std::optional<plan_summary> plan;
  std::optional<inspection_summary> inspection;
  std::optional<propaganda_summary> propaganda;
  std::vector<document_ref> documents;
};

// ── II.1 institutions ─────────────────────────────────────────────────────────────────────────────

struct CCHC_EXPORT institutional_section {
  std::vector<document_ref> documents;
  std::optional<std::int64_t> legal_documents_issued;
  std::optional<std::int64_t> legal_documents_unlawful;
  std::optional<std::int64_t> legal_documents_conflicting;
  std::optional<std::int64_t> legal_documents_to_amend;
  std::optional<std::int64_t> legal_documents_to_repeal;
  std::optional<std::int64_t> legal_education_sessions;
  std::optional<std::int64_t> legal_education_attendance;
};

// ── II.2 procedures ───────────────────────────────────────────────────────────────────────────────

struct CCHC_EXPORT internal_review_summary {
  std::optional<std::int64_t> reviewed;
  std::optional<std::int64_t> total;
  std::optional<reported_percent> rate;
  std::vector<level_count> parts;
};

struct CCHC_EXPORT feedback_summary {
  std::optional<std::int64_t> received;
  std::optional<std::int64_t> handled;
  std::optional<document_ref> report;
  std::vector<std::string> codes;
  std::string address;
};

struct CCHC_EXPORT procedures_section {
  std::vector<document_ref> documents;
  std::vector<level_count> catalogue;  ///< procedures in force, by level of competence
  std::vector<labelled_percent> reduction_targets;
  std::optional<internal_review_summary> internal_review;
  std::optional<feedback_summary> feedback;
};

/// One row of the published flow table: the Biểu 06 columns (flow.hpp) plus what the row prints.
struct CCHC_EXPORT flow_row {
  std::string row;      ///< "I", "II"
  std::string name_vi;  ///< "UBND huyện"
  org_level level = org_level::district;
  dossier_flow flow;
  std::optional<reported_percent> on_time_rate;
  std::string note_vi;
};

struct CCHC_EXPORT one_stop_section {
  std::vector<document_ref> documents;
  std::optional<std::int64_t> communes_compliant;
  std::optional<std::int64_t> communes_total;
  std::optional<reported_percent> communes_with_decision;
  std::optional<std::int64_t> payment_methods;
  std::string pilot_model_vi;
  std::optional<level_breakdown> late;  ///< late dossiers as stated in the text
  std::vector<flow_row> flows;
  std::optional<flow_row> flow_total;  ///< the table's total row, when it prints one
};

// ── II.3 organisation ─────────────────────────────────────────────────────────────────────────────

/// Headcount columns of the table; `assigned` uses civil_servants, public_employees, contracts_111.
struct CCHC_EXPORT headcount_counts {
  std::optional<std::int64_t> civil_servants;
  std::optional<std::int64_t> civil_servant_professional_contracts;
  std::optional<std::int64_t> public_employees;
  std::optional<std::int64_t> public_employee_professional_contracts;
  std::optional<std::int64_t> contracts_111;
};

struct CCHC_EXPORT headcount_row {
  std::string group;  ///< "I. PHÒNG, BAN CHUYÊN MÔN"
  std::string row;    ///< "1"
  std::string name_vi;
  headcount_counts assigned;
  headcount_counts present;
};

/// A headcount sentence of the text ("78/83 biên chế").
struct CCHC_EXPORT headcount_line {
  std::string scope_vi;
  headcount_category category = headcount_category::civil_servant;
  std::optional<std::int64_t> present;
  std::optional<std::int64_t> assigned;
};

struct CCHC_EXPORT organisation_section {
  std::vector<document_ref> documents;
  std::optional<std::int64_t> departments_with_functions;
  std::vector<headcount_line> headcount_summary;
  std::vector<headcount_row> headcount;
  std::optional<headcount_row> headcount_total;  ///< the table's total row, when it prints one
  std::optional<std::int64_t> decentralisation_inspections;
  std::optional<std::int64_t> decentralisation_shortcomings;
};

// ── II.4 civil service ────────────────────────────────────────────────────────────────────────────

struct CCHC_EXPORT standard_figure {
  std::optional<std::int64_t> meeting;
  std::optional<std::int64_t> total;
  std::optional<reported_percent> rate;
};

struct CCHC_EXPORT rotation_summary {
  std::optional<document_ref> plan;
  std::optional<std::int64_t> positions;
};

struct CCHC_EXPORT civil_service_section {
  std::optional<std::int64_t> downsized;
  std::vector<labelled_count> personnel_actions;
  std::vector<labelled_count> rewards;
  std::optional<std::int64_t> salary_actions;
  std::vector<labelled_count> training;
  std::vector<labelled_count> training_needs_next_year;
  std::optional<standard_figure> commune_cadres_standard;
  std::optional<standard_figure> commune_civil_servants_standard;
  std::optional<rotation_summary> rotation;
  std::vector<document_ref> documents;
  std::optional<std::int64_t> service_inspections;
};

// ── II.5 public finance ───────────────────────────────────────────────────────────────────────────

struct CCHC_EXPORT admin_autonomy_summary {
  std::vector<document_ref> documents;
  std::optional<std::int64_t> units;
  std::vector<labelled_count> units_parts;
  std::optional<amount_breakdown> budget;
};

struct CCHC_EXPORT service_unit_autonomy_summary {
  std::vector<document_ref> documents;
  std::optional<std::int64_t> units;
  std::vector<labelled_count> units_parts;
  std::optional<amount_breakdown> revenue_autonomous;
  std::optional<amount_breakdown> revenue_non_autonomous;
};

struct CCHC_EXPORT public_finance_section {
  std::string money_unit;  ///< "million_vnd" (triệu đồng)
  std::optional<admin_autonomy_summary> admin_autonomy;
  std::optional<service_unit_autonomy_summary> service_unit_autonomy;
};

// ── II.6 e-government ─────────────────────────────────────────────────────────────────────────────

struct CCHC_EXPORT iso_summary {
  std::string standard;
  std::vector<document_ref> documents;
  std::optional<std::int64_t> training_participants;
};

struct CCHC_EXPORT egov_section {
  std::vector<document_ref> documents;
  std::optional<reported_percent> documents_processed_online;
  std::optional<reported_percent> leaders_with_digital_certificates;
  std::optional<reported_percent> staff_with_official_email;
  std::optional<std::int64_t> reporting_system_units;
  std::optional<std::int64_t> reporting_system_units_total;
  std::optional<reported_percent> leaders_with_pki_sim;
  std::optional<std::int64_t> online_procedures_level_3_4;
  std::optional<std::int64_t> online_dossiers;
  std::optional<iso_summary> iso;
};

// ── III, IV ───────────────────────────────────────────────────────────────────────────────────────

struct CCHC_EXPORT assessment_section {
  std::string strengths_vi;
  std::vector<std::string> weaknesses_vi;
  std::optional<reported_percent> catalogue_public;  ///< "100% danh mục TTHC … niêm yết công khai"
  std::optional<reported_percent> on_time_above;     ///< "tỷ lệ … đúng hạn đạt trên 97%"
};

struct CCHC_EXPORT direction_area {
  std::string area;  ///< section id: "direction", "institutional", …
  std::string title_vi;
  std::string text_vi;
};

struct CCHC_EXPORT directions_section {
  std::optional<int> year;
  std::vector<direction_area> areas;
  std::vector<document_ref> documents;
};

// ── the report ────────────────────────────────────────────────────────────────────────────────────

struct CCHC_EXPORT report {
  static constexpr int format_version = 1;

  report_unit unit;
  int year = 0;
  std::optional<report_header> header;
  std::optional<reporting_period> period;
  direction_section direction;
  institutional_section institutional;
  procedures_section procedures;
  one_stop_section one_stop;
  organisation_section organisation;
  civil_service_section civil_service;
  public_finance_section public_finance;
  egov_section egov;
  assessment_section assessment;
  directions_section directions;

  /// Not part of the data: warnings found while loading (unknown fields under
  /// unknown_field_policy::warn), returned first by validate(). Ignored by ==.
  std::vector<finding> load_warnings;

  /// Every figure, text and citation equal (load warnings are not compared).
  friend CCHC_EXPORT bool operator==(const report& a, const report& b);
  friend bool operator!=(const report& a, const report& b) { return !(a == b); }
};

enum class unknown_field_policy : unsigned char { error, warn };

struct CCHC_EXPORT load_options {
  unknown_field_policy unknown_fields = unknown_field_policy::error;
  /// Larger inputs are refused before parsing (a report is tens of kilobytes).
  std::size_t max_bytes = std::size_t{16} << 20;
  /// Deeper nesting is refused (the format nests at most 6 levels).
  std::size_t max_depth = 32;
};

/// Reads and parses a report file. Throws io_error (cannot read, too large) or parse_error (with the
/// file, line, column and JSON path).
[[nodiscard]] CCHC_EXPORT report load_report(const std::string& path, const load_options& options = {});
/// Parses a report from JSON text; `name` stands for the file name in errors.
[[nodiscard]] CCHC_EXPORT report parse_report(std::string_view json_text, const load_options& options = {},
                                  const std::string& name = "<memory>");
/// The canonical JSON text of a report (UTF-8, fields in model order, 2-space indent, final newline).
/// Throws argument_error (with the JSON path) for text that is not valid UTF-8.
[[nodiscard]] CCHC_EXPORT std::string to_json(const report& r);
/// Writes to_json(r) to `path`; throws io_error (or argument_error, as to_json).
CCHC_EXPORT void save_report(const report& r, const std::string& path);

/// Every document_ref in the report with its JSON path, in file order. The pointers point into `r`
/// and are valid as long as `r` is alive and unchanged.
struct CCHC_EXPORT cited_document {
  std::string path;
  const document_ref* ref = nullptr;
};
[[nodiscard]] CCHC_EXPORT std::vector<cited_document> cited_documents(const report& r);

}  // namespace cchc
