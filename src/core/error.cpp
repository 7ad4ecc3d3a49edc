#include "cchc/error.hpp"

namespace cchc {

std::string location::to_string() const {
  std::string out;
  if (!file.empty()) {
    out += file;
    if (line > 0) {
      out += ':' + std::to_string(line);
      if (column > 0) out += ':' + std::to_string(column);
    }
  } else if (line > 0) {
    out += "line " + std::to_string(line);
    if (column > 0) out += ", column " + std::to_string(column);
  } else if (column > 0) {
    out += "column " + std::to_string(column);
  }
  if (!path.empty()) out += (out.empty() ? "" : ": ") + path;
  if (!field.empty()) out += (out.empty() ? "" : ": ") + field;
  return out;
}

namespace {
std::string compose(const std::string& message, const location& where) {
  if (where.empty()) return message;
  return where.to_string() + ": " + message;
}
}  // namespace

error::error(const std::string& message, location where)
    : std::runtime_error(compose(message, where)), where_(std::move(where)), detail_(message) {}

}  // namespace cchc
