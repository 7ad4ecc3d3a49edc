// Private: the field lists of the report model, shared by loading, saving, comparing and walking.
//
// Each struct lists its fields once, in file order, as f("json_name", member[, required]). Loading,
// saving, equality and the citation walk are generic over these lists, so a field added here is
// loaded, saved, compared and schema-checked (docs/report.schema.json must be updated by hand).
// `required` defaults to: std::optional, std::vector and std::string fields are optional, everything
// else is required.
#pragma once

#include "cchc/report.hpp"

#define CCHC_FIELDS(T, ...)                                  \
  template <class F>                                         \
  void fields(T& x, F&& f) {                                 \
    __VA_ARGS__                                              \
  }                                                          \
  template <class F>                                         \
  void fields(const T& x, F&& f) {                           \
    __VA_ARGS__                                              \
  }

#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace cchc::detail_report {

inline constexpr bool required = true;

// What `required` defaults to, for the reader (a missing field is an error) and the writer (an
// empty optional field is omitted).
template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};
template <class T>
struct is_vector : std::false_type {};
template <class T>
struct is_vector<std::vector<T>> : std::true_type {};
template <class M>
constexpr bool required_by_default() {
  using T = std::remove_const_t<M>;
  return !is_optional<T>::value && !is_vector<T>::value && !std::is_same_v<T, std::string>;
}

// The envelope around the fields of `report`: written first by the writer, checked first by the
// reader ("$schema" is accepted and ignored, so that editors can find the schema).
inline constexpr const char* format_key = "format";
inline constexpr const char* format_name = "cchc.report";
inline constexpr const char* version_key = "version";
inline constexpr const char* schema_key = "$schema";

CCHC_FIELDS(reported_percent, f("text", x.text, required); f("value", x.value);)
CCHC_FIELDS(labelled_count, f("label_vi", x.label_vi, required); f("count", x.count);
            f("unit_vi", x.unit_vi); f("parts", x.parts);)
CCHC_FIELDS(level_count, f("level", x.level); f("count", x.count);)
CCHC_FIELDS(level_breakdown, f("total", x.total); f("parts", x.parts);)
CCHC_FIELDS(labelled_amount, f("label_vi", x.label_vi, required); f("amount", x.amount);)
CCHC_FIELDS(amount_breakdown, f("total", x.total); f("parts", x.parts);)
CCHC_FIELDS(labelled_percent, f("label_vi", x.label_vi, required); f("percent", x.percent);)
CCHC_FIELDS(document_ref, f("text", x.text, required); f("type", x.type);
            f("number", x.number, required); f("symbol_year", x.symbol_year);
            f("issuer_code", x.issuer_code, required); f("issuer_unit", x.issuer_unit);
            f("date", x.date); f("issuer", x.issuer); f("subject_vi", x.subject_vi);)
CCHC_FIELDS(report_unit, f("name", x.name, required); f("issuer", x.issuer); f("level", x.level);
            f("province", x.province);)
CCHC_FIELDS(signer_info, f("name", x.name); f("title_vi", x.title_vi);
            f("on_behalf_of_vi", x.on_behalf_of_vi);)
CCHC_FIELDS(report_header, f("number_text", x.number_text); f("place", x.place);
            f("date_text", x.date_text); f("date", x.date); f("title_vi", x.title_vi);
            f("recipients", x.recipients); f("based_on", x.based_on); f("signer", x.signer);
            f("distribution", x.distribution);)
CCHC_FIELDS(reporting_period, f("from", x.from); f("to", x.to); f("text_vi", x.text_vi);)
CCHC_FIELDS(plan_summary, f("document", x.document); f("content_areas", x.content_areas);
            f("tasks", x.tasks); f("tasks_completed", x.tasks_completed);
            f("completion", x.completion);)
CCHC_FIELDS(inspection_summary, f("plan", x.plan); f("team_decision", x.team_decision);
            f("units_planned", x.units_planned); f("units_planned_parts", x.units_planned_parts);
            f("units_inspected", x.units_inspected); f("completion", x.completion);
            f("shortcomings_found", x.shortcomings_found);
            f("shortcomings_remedied", x.shortcomings_remedied);)
CCHC_FIELDS(propaganda_summary, f("plan", x.plan); f("contents_planned", x.contents_planned);
            f("contents_done", x.contents_done); f("completion", x.completion);
            f("documents", x.documents); f("channels", x.channels);)
CCHC_FIELDS(direction_section, f("plan", x.plan); f("inspection", x.inspection);
            f("propaganda", x.propaganda); f("documents", x.documents);)
CCHC_FIELDS(institutional_section, f("documents", x.documents);
            f("legal_documents_issued", x.legal_documents_issued);
            f("legal_documents_unlawful", x.legal_documents_unlawful);
            f("legal_documents_conflicting", x.legal_documents_conflicting);
            f("legal_documents_to_amend", x.legal_documents_to_amend);
            f("legal_documents_to_repeal", x.legal_documents_to_repeal);
            f("legal_education_sessions", x.legal_education_sessions);
            f("legal_education_attendance", x.legal_education_attendance);)
CCHC_FIELDS(internal_review_summary, f("reviewed", x.reviewed); f("total", x.total);
            f("rate", x.rate); f("parts", x.parts);)
CCHC_FIELDS(feedback_summary, f("received", x.received); f("handled", x.handled);
            f("report", x.report); f("codes", x.codes); f("address", x.address);)
CCHC_FIELDS(procedures_section, f("documents", x.documents); f("catalogue", x.catalogue);
            f("reduction_targets", x.reduction_targets); f("internal_review", x.internal_review);
            f("feedback", x.feedback);)
// The flow columns are flattened into the row under their flow_column names (flow.hpp).
CCHC_FIELDS(flow_row, f("row", x.row); f("name_vi", x.name_vi); f("level", x.level);
            f("received", x.flow.received); f("received_online", x.flow.received_online);
            f("received_offline", x.flow.received_offline);
            f("carried_over", x.flow.carried_over); f("resolved", x.flow.resolved);
            f("resolved_in_time", x.flow.resolved_in_time);
            f("resolved_early", x.flow.resolved_early);
            f("resolved_on_time", x.flow.resolved_on_time);
            f("resolved_late", x.flow.resolved_late); f("pending", x.flow.pending);
            f("pending_in_time", x.flow.pending_in_time);
            f("pending_overdue", x.flow.pending_overdue);
            f("returned_withdrawn", x.flow.returned_withdrawn);
            f("apologies", x.flow.apologies); f("online_resolved", x.flow.online_resolved);
            f("fell_due", x.flow.fell_due); f("on_time_rate", x.on_time_rate);
            f("note_vi", x.note_vi);)
CCHC_FIELDS(one_stop_section, f("documents", x.documents);
            f("communes_compliant", x.communes_compliant); f("communes_total", x.communes_total);
            f("communes_with_decision", x.communes_with_decision);
            f("payment_methods", x.payment_methods); f("pilot_model_vi", x.pilot_model_vi);
            f("late", x.late); f("flows", x.flows); f("flow_total", x.flow_total);)
CCHC_FIELDS(headcount_counts, f("civil_servants", x.civil_servants);
            f("civil_servant_professional_contracts", x.civil_servant_professional_contracts);
            f("public_employees", x.public_employees);
            f("public_employee_professional_contracts", x.public_employee_professional_contracts);
            f("contracts_111", x.contracts_111);)
CCHC_FIELDS(headcount_row, f("group", x.group); f("row", x.row); f("name_vi", x.name_vi, required);
            f("assigned", x.assigned); f("present", x.present);)
CCHC_FIELDS(headcount_line, f("scope_vi", x.scope_vi); f("category", x.category);
            f("present", x.present); f("assigned", x.assigned);)
CCHC_FIELDS(organisation_section, f("documents", x.documents);
            f("departments_with_functions", x.departments_with_functions);
            f("headcount_summary", x.headcount_summary); f("headcount", x.headcount);
            f("headcount_total", x.headcount_total);
            f("decentralisation_inspections", x.decentralisation_inspections);
            f("decentralisation_shortcomings", x.decentralisation_shortcomings);)
CCHC_FIELDS(standard_figure, f("meeting", x.meeting); f("total", x.total); f("rate", x.rate);)
CCHC_FIELDS(rotation_summary, f("plan", x.plan); f("positions", x.positions);)
CCHC_FIELDS(civil_service_section, f("downsized", x.downsized);
            f("personnel_actions", x.personnel_actions); f("rewards", x.rewards);
            f("salary_actions", x.salary_actions); f("training", x.training);
            f("training_needs_next_year", x.training_needs_next_year);
            f("commune_cadres_standard", x.commune_cadres_standard);
            f("commune_civil_servants_standard", x.commune_civil_servants_standard);
            f("rotation", x.rotation); f("documents", x.documents);
            f("service_inspections", x.service_inspections);)
CCHC_FIELDS(admin_autonomy_summary, f("documents", x.documents); f("units", x.units);
            f("units_parts", x.units_parts); f("budget", x.budget);)
CCHC_FIELDS(service_unit_autonomy_summary, f("documents", x.documents); f("units", x.units);
            f("units_parts", x.units_parts); f("revenue_autonomous", x.revenue_autonomous);
            f("revenue_non_autonomous", x.revenue_non_autonomous);)
CCHC_FIELDS(public_finance_section, f("money_unit", x.money_unit);
            f("admin_autonomy", x.admin_autonomy);
            f("service_unit_autonomy", x.service_unit_autonomy);)
CCHC_FIELDS(iso_summary, f("standard", x.standard); f("documents", x.documents);
            f("training_participants", x.training_participants);)
CCHC_FIELDS(egov_section, f("documents", x.documents);
            f("documents_processed_online", x.documents_processed_online);
            f("leaders_with_digital_certificates", x.leaders_with_digital_certificates);
            f("staff_with_official_email", x.staff_with_official_email);
            f("reporting_system_units", x.reporting_system_units);
            f("reporting_system_units_total", x.reporting_system_units_total);
            f("leaders_with_pki_sim", x.leaders_with_pki_sim);
            f("online_procedures_level_3_4", x.online_procedures_level_3_4);
            f("online_dossiers", x.online_dossiers); f("iso", x.iso);)
CCHC_FIELDS(assessment_section, f("strengths_vi", x.strengths_vi);
            f("weaknesses_vi", x.weaknesses_vi); f("catalogue_public", x.catalogue_public);
            f("on_time_above", x.on_time_above);)
CCHC_FIELDS(direction_area, f("area", x.area, required); f("title_vi", x.title_vi);
            f("text_vi", x.text_vi);)
CCHC_FIELDS(directions_section, f("year", x.year); f("areas", x.areas);
            f("documents", x.documents);)
// "format" and "version" are handled by the loader and writer themselves.
CCHC_FIELDS(report, f("unit", x.unit); f("year", x.year); f("header", x.header);
            f("period", x.period); f("direction", x.direction);
            f("institutional", x.institutional); f("procedures", x.procedures);
            f("one_stop", x.one_stop); f("organisation", x.organisation);
            f("civil_service", x.civil_service); f("public_finance", x.public_finance);
            f("egov", x.egov); f("assessment", x.assessment); f("directions", x.directions);)

}  // namespace cchc::detail_report

// ── JSON paths built from the field lists (appended for validation and indicators) ─────────────────
//
// A finding or an indicator names the JSON path of its figures. Spelled as string literals those
// paths drift from the format when a field is renamed; built from member pointers they take the name
// the field list above gives the member, and the chain is checked by the compiler:
//
//     json_path<report>() / &report::civil_service / &civil_service_section::commune_cadres_standard
//                         / &standard_figure::rate                 // "$.civil_service.….rate"
//     (json_path<report>() / &report::one_stop / &one_stop_section::flows)[3]   // "$.one_stop.flows[3]"
//
// std::optional members are looked through (the path does not show them), vectors are entered with
// [i], and a flow row's flattened columns are named by flow_column.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace cchc::detail_report {

/// The JSON name the field list gives `member` of T ("" if the list does not name it — a test
/// builds every path validation and indicators use, so that cannot ship).
template <class T, class M>
std::string_view json_name(M T::*member) {
  static const T prototype{};
  const void* target = &(prototype.*member);
  std::string_view out;
  fields(prototype, [&](const char* name, const auto& m, bool = false) {
    if (std::is_same_v<std::decay_t<decltype(m)>, M> && static_cast<const void*>(&m) == target) out = name;
  });
  return out;
}

template <class T>
struct path_step {
  using type = T;
};
template <class T>
struct path_step<std::optional<T>> {
  using type = T;
};

/// A JSON path whose last step is a T (see above).
template <class T>
class json_path {
 public:
  json_path() : text_("$") {}
  explicit json_path(std::string text) : text_(std::move(text)) {}

  /// One field further: ".name".
  template <class M, class U = T, std::enable_if_t<std::is_class_v<U> && std::is_same_v<U, T>, int> = 0>
  [[nodiscard]] json_path<typename path_step<M>::type> operator/(M U::*member) const {
    return json_path<typename path_step<M>::type>(text_ + "." + std::string(json_name(member)));
  }
  /// A flow row's column (flattened into the row under its flow_column name).
  template <class U = T, class = std::enable_if_t<std::is_same_v<U, flow_row>>>
  [[nodiscard]] json_path<std::int64_t> operator/(flow_column c) const {
    return json_path<std::int64_t>(text_ + "." + std::string(to_string(c)));
  }
  /// The i-th element of a list: "[i]".
  template <class U = T, class = typename U::value_type>
  [[nodiscard]] json_path<typename path_step<typename U::value_type>::type> operator[](std::size_t i) const {
    return json_path<typename path_step<typename U::value_type>::type>(text_ + "[" + std::to_string(i) + "]");
  }

  [[nodiscard]] const std::string& str() const noexcept { return text_; }
  operator const std::string&() const noexcept { return text_; }  // NOLINT: a path is its text

 private:
  std::string text_;
};

}  // namespace cchc::detail_report

#undef CCHC_FIELDS
