#include "progress.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "output.hpp"

namespace cchc::cli {

progress::progress(const context& ctx, std::uintmax_t total_bytes) : total_(total_bytes), lang_(ctx.lang) {
  const char* force = std::getenv("CCHC_PROGRESS");
  const bool forced = force != nullptr && std::strcmp(force, "1") == 0;
  const bool big = total_bytes >= (8u << 20);
  enabled_ = ctx.stderr_is_terminal && (big || forced);
}

progress::~progress() { finish(); }

void progress::redraw(std::int64_t bytes, std::int64_t rows) {
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  drawn_ = true;
  std::string line = "\r" + label_ + " ";
  if (total_ > 0) {
    const auto pct = static_cast<unsigned>(static_cast<std::uintmax_t>(bytes) * 100 / total_);
    line += std::to_string(pct > 100 ? 100 : pct) + " %, ";
  }
  line += group_digits(rows, lang_) + (lang_ == language::vi ? " dòng" : " rows");
  line += "\x1b[K";  // clear to the end of the line
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
}

void progress::finish() {
  if (!drawn_) return;
  std::fputs("\r\x1b[K", stderr);
  std::fflush(stderr);
  drawn_ = false;
}

}  // namespace cchc::cli
