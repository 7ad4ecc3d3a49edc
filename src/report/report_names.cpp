// The names of the report's enumerations, as the file format writes them (docs/report-format.md).
#include "cchc/report.hpp"

namespace cchc {

std::string_view to_string(org_level l) noexcept {
  switch (l) {
    case org_level::province: return "province";
    case org_level::district: return "district";
    case org_level::commune: return "commune";
  }
  return "unknown";
}

std::string_view to_string(headcount_category c) noexcept {
  switch (c) {
    case headcount_category::civil_servant: return "civil_servant";
    case headcount_category::public_employee: return "public_employee";
    case headcount_category::contract_111: return "contract_111";
  }
  return "unknown";
}

}  // namespace cchc
