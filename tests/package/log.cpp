// Built against the *installed* cchc (tests/package): reads a dossier log. The reader checks its text
// through src/internal/utf8.cpp, which also holds NFC + case folding and so needs utf8proc, a PRIVATE
// dependency of cchc: a consumer of the static library links it only because the package says so
// (the link interface in cchcTargets.cmake, Libs.private in cchc.pc). If the package forgot it, this
// program would not link (undefined reference to utf8proc_map).
#include <cchc/dossier_log.hpp>

#include <iostream>

int main() {
  auto reader = cchc::dossier_log_reader::from_text(
      "m\xc3\xa3 h\xe1\xbb\x93 s\xc6\xa1,channel,received_at,processing_time\n"  // "mã hồ sơ"
      "X1,online,2023-12-15 09:30,3\n",
      "inline.csv");
  cchc::dossier d;
  int rows = 0;
  while (reader.next(d)) ++rows;
  const bool ok = rows == 1 && d.id == "X1";
  std::cout << (ok ? "dossier log read: OK\n" : "dossier log read: WRONG\n");
  return ok ? 0 : 1;
}
