// cchc/document_ref.hpp — a reference to an official document, as Vietnamese reports cite them.
//
// Reports justify almost every sentence with a citation: "Kế hoạch số 09/KH-UBND ngày 16/01/2023",
// "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018", "Công văn số 36/UBND-VP". The citation has a fixed
// anatomy (Decree 30/2020/NĐ-CP on clerical work): the type word, "số", the number, an optional year
// for legal documents, the symbol (type code - issuer code [- issuing unit]) and the date. Official
// letters (công văn) carry no type code: "36/UBND-VP" is issuer UBND, drafting unit VP.
//
// A `document_ref` keeps the original text *and* its parts, so a checker can compare the parts of
// several citations (numbers of one issuer run in the order of their dates) and a reader can always see
// what was printed. The issuer code alone does not identify the body: a district and its province are
// both "UBND"; `issuer` names the body when the report says it ("của UBND tỉnh Sóc Trăng").
//
// The date is a `date::year_month_day` that may be !ok(): a citation of "30/02/2023" parses (the text
// is well formed) and validation reports that the day does not exist, rather than the loader refusing
// the whole report. Everything else about the date follows the library's one civil-date rule
// (cchc/civil_time.hpp): a year outside 1900–2199 ("ngày 16/01/0203"), a month outside 1–12 or a
// day outside 1–31 is a parse error.
//
//     auto d = cchc::parse_document_ref("Quyết định số 1649/QĐ-UBND ngày 18/5/2023");
//     d.type;          // document_type::decision
//     d.number;        // "1649"
//     d.issuer_code;   // "UBND"
//     d.symbol();      // "1649/QĐ-UBND"
//     *d.date;         // 2023-05-18
//     cchc::find_document_refs("… theo Kế hoạch số 09/KH-UBND ngày 16/01/2023 và …");  // one ref
#pragma once
#include "cchc/detail/export.hpp"  // CCHC_EXPORT

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

namespace cchc {

/// Kinds of documents cited in CCHC reports (Decree 30/2020/NĐ-CP, Appendix III abbreviations).
enum class document_type : unsigned char {
  law,              ///< Luật (no number in citations of the seed; accepted as "Luật số 80/2015/QH13")
  resolution,       ///< Nghị quyết (NQ)
  decree,           ///< Nghị định (NĐ)
  decision,         ///< Quyết định (QĐ)
  directive,        ///< Chỉ thị (CT)
  circular,         ///< Thông tư (TT)
  plan,             ///< Kế hoạch (KH)
  report,           ///< Báo cáo (BC)
  notice,           ///< Thông báo (TB)
  submission,       ///< Tờ trình (TTr)
  official_letter,  ///< Công văn (no type code in the symbol; "CV" in cchc files)
};

/// The abbreviation used in symbols and in cchc files: "QĐ", "KH", "CV", …
[[nodiscard]] CCHC_EXPORT std::string_view to_string(document_type t) noexcept;
/// The Vietnamese type word: "Quyết định", "Kế hoạch", …
[[nodiscard]] CCHC_EXPORT std::string_view name_vi(document_type t) noexcept;
/// Inverse of to_string; throws lookup_error naming the known codes.
[[nodiscard]] CCHC_EXPORT document_type parse_document_type(std::string_view code);

struct CCHC_EXPORT document_ref {
  std::string text;                          ///< the citation exactly as printed
  document_type type = document_type::official_letter;
  std::string number;                        ///< digits as printed ("09": leading zeros kept)
  std::optional<int> symbol_year;            ///< 2018 in "61/2018/NĐ-CP"
  std::string issuer_code;                   ///< "UBND", "CP", "TTg", "VPCP", "CAH", "BCĐUBND"
  std::string issuer_unit;                   ///< drafting unit after the issuer code: "VP" in "UBND-VP"
  std::optional<date::year_month_day> date;  ///< may be !ok() if the printed day does not exist
  std::string issuer;                        ///< the issuing body when known (free text)
  std::string subject_vi;                    ///< what it is about ("về …"), when the report says

  /// "09/KH-UBND", "61/2018/NĐ-CP", "36/UBND-VP".
  [[nodiscard]] std::string symbol() const;
  /// The number as an integer (for ordering); nullopt when not all digits or too long.
  [[nodiscard]] std::optional<std::int64_t> number_value() const;

  friend CCHC_EXPORT bool operator==(const document_ref& a, const document_ref& b) noexcept;
  friend bool operator!=(const document_ref& a, const document_ref& b) noexcept { return !(a == b); }
};

/// Parses one whole citation: `<type word> [số] <number>/[<year>/]<symbol> [ngày <d>/<m>/<yyyy> |
/// ngày <d> tháng <m> năm <yyyy>] [của <issuer>]`. A citation may also start at the number
/// ("1649/QĐ-UBND ngày 18/5/2023"): the type then comes from the symbol's type code (none: official
/// letter). Throws parse_error (column = 1-based character in `text`) saying what was expected.
[[nodiscard]] CCHC_EXPORT document_ref parse_document_ref(std::string_view text);
/// Non-throwing form; on failure returns nullopt and, if `why` is given, the reason.
[[nodiscard]] CCHC_EXPORT std::optional<document_ref> try_parse_document_ref(std::string_view text,
                                                                 std::string* why = nullptr);
/// Every citation found in running text, in order of appearance (`text` of each = the matched part,
/// without "của …").
[[nodiscard]] CCHC_EXPORT std::vector<document_ref> find_document_refs(std::string_view prose);

}  // namespace cchc
