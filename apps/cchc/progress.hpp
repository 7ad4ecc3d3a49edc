// progress.hpp — a progress line on stderr while reading large files, only when stderr is a terminal.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "cli.hpp"

namespace cchc::cli {

class progress {
 public:
  /// `total_bytes` 0 = unknown size (no percentage). Shown only for files of at least 8 MiB, or when
  /// the environment variable CCHC_PROGRESS=1 forces it, and never when stderr is not a terminal.
  progress(const context& ctx, std::uintmax_t total_bytes);
  ~progress();
  progress(const progress&) = delete;
  progress& operator=(const progress&) = delete;

  void set_pass(std::string label) { label_ = std::move(label); }
  /// Cheap to call for every row: redraws at most 10 times a second.
  void update(std::int64_t bytes, std::int64_t rows) {
    if (!enabled_ || (++calls_ & 0x3FF) != 0) return;
    redraw(bytes, rows);
  }
  /// Erases the line.
  void finish();

 private:
  void redraw(std::int64_t bytes, std::int64_t rows);
  bool enabled_ = false;
  bool drawn_ = false;
  std::uint64_t calls_ = 0;
  std::uintmax_t total_;
  language lang_;
  std::string label_;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace cchc::cli
