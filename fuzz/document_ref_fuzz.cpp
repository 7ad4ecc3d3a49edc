// Fuzz target "document_ref": citations of official documents (cchc/document_ref.hpp).
// Input: the text, read both as one citation and as running prose.
// Invariants: parse_document_ref and try_parse_document_ref agree; every citation found in prose is
// a piece of that prose, and reads back alone as a citation with the same symbol and date.
#include <optional>
#include <string>

#include "cchc/document_ref.hpp"
#include "cchc/error.hpp"
#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = cchc_fuzz::text_of(data, size);
  std::string why;
  const std::optional<cchc::document_ref> ref = cchc::try_parse_document_ref(text, &why);
  bool threw = false;
  try {
    const cchc::document_ref got = cchc::parse_document_ref(text);
    CCHC_FUZZ_CHECK(ref && got == *ref);
  } catch (const cchc::parse_error&) {
    threw = true;
  }
  CCHC_FUZZ_CHECK(threw == !ref);
  CCHC_FUZZ_CHECK(ref || !why.empty());
  if (ref) {
    (void)ref->symbol();
    (void)ref->number_value();
    (void)cchc::to_string(ref->type);
    (void)cchc::name_vi(ref->type);
  }
  try {
    for (const cchc::document_ref& found : cchc::find_document_refs(text)) {
      CCHC_FUZZ_CHECK(text.find(found.text) != std::string_view::npos);
      const auto again = cchc::try_parse_document_ref(found.text);
      CCHC_FUZZ_CHECK(again && again->symbol() == found.symbol() && again->date == found.date);
    }
  } catch (const cchc::error&) {
  }
  return 0;
}
