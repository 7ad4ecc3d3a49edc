#include "period_arg.hpp"

#include "cchc/error.hpp"
#include "cchc/period.hpp"
#include "cli.hpp"
#include "commands.hpp"

namespace cchc::cli {

period_arg parse_period_argument(const std::string& text) {
  // The grammar lives in the library (cchc::period::parse), shared with Python's Period.parse.
  try {
    const period p = period::parse(text);
    // FROM..TO is named by its ISO ends (the library's name); a named period by the text given.
    return {p.first(), p.last(), p.kind() == period_kind::custom ? p.name() : text};
  } catch (const cchc::parse_error& e) {
    throw usage_error("--period", "invalid --period" + e.detail().substr(std::string("invalid period").size()));
  }
}

}  // namespace cchc::cli
