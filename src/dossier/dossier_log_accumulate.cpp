// Whole-file forms of the dossier log reader: a callback per dossier, a flow table, a vector.
#include "cchc/dossier_log.hpp"

namespace cchc {

dossier_log_summary read_dossier_log(const std::string& path, const std::function<void(const dossier&)>& on_dossier,
                                     const dossier_log_options& options) {
  auto reader = dossier_log_reader::open(path, options);
  dossier d;
  while (reader.next(d)) on_dossier(d);
  return reader.summary();
}

dossier_log_summary accumulate_dossier_log(const std::string& path, flow_accumulator& into,
                                           const dossier_log_options& options) {
  // Through the reader's accumulating next(): a row the accumulator cannot classify (a date outside
  // the calendar's range) is then a bad row of the file, not an error without a line.
  auto reader = dossier_log_reader::open(path, options);
  dossier d;
  while (reader.next(d, into)) {
  }
  return reader.summary();
}

std::vector<dossier> load_dossier_log(const std::string& path, const dossier_log_options& options,
                                      dossier_log_summary* summary) {
  std::vector<dossier> out;
  const dossier_log_summary s = read_dossier_log(path, [&](const dossier& d) { out.push_back(d); }, options);
  if (summary) *summary = s;
  return out;
}

}  // namespace cchc
