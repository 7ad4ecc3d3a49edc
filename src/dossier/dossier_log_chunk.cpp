// A dossier log read as columns (cchc/dossier_log.hpp): the key dictionaries and the chunk's view as
// a dossier_batch. The rows themselves are decoded by the log reader (dossier_log_reader.cpp), by
// the same cell rules as the record form.
#include <algorithm>

#include "cchc/dossier_log.hpp"

namespace cchc {

namespace {

// FNV-1a: keys are short (unit codes, procedure codes), so a byte loop is as fast as anything.
std::uint64_t hash_of(std::string_view s) noexcept {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

}  // namespace

std::uint32_t text_codes::code(std::string_view text) {
  const std::uint64_t h = hash_of(text);
  if (slots_.empty()) grow();
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = static_cast<std::size_t>(h) & mask;; i = (i + 1) & mask) {
    const std::uint32_t s = slots_[i];
    if (s == 0) {
      const auto c = static_cast<std::uint32_t>(names_.size());
      names_.emplace_back(text);
      hashes_.push_back(h);
      slots_[i] = c + 1;
      if (names_.size() * 2 > slots_.size()) grow();  // at most half full: short probe runs
      return c;
    }
    if (hashes_[s - 1] == h && names_[s - 1] == text) return s - 1;
  }
}

void text_codes::grow() {
  std::vector<std::uint32_t> slots(std::max<std::size_t>(16, slots_.size() * 2), 0);
  const std::size_t mask = slots.size() - 1;
  for (std::size_t c = 0; c < names_.size(); ++c) {
    std::size_t i = static_cast<std::size_t>(hashes_[c]) & mask;
    while (slots[i] != 0) i = (i + 1) & mask;
    slots[i] = static_cast<std::uint32_t>(c + 1);
  }
  slots_ = std::move(slots);
}

dossier_batch dossier_log_chunk::batch() const& {
  dossier_batch b;
  b.received = received;
  b.amount = amount;
  b.unit_of_time = unit_of_time;
  if (any_promised) {
    b.promised = promised;
    b.promised_has_time = promised_has_time;
  }
  if (any_cutoff) b.receipt_cutoff = receipt_cutoff;
  if (!pause_from.empty()) {
    b.pause_offsets = pause_offsets;
    b.pause_from = pause_from;
    b.pause_to = pause_to;
  }
  if (any_requests || !pause_from.empty()) b.supplement_requests = supplement_requests;
  b.end_kind = end_kind;
  b.ended = ended;
  b.channel = channel;
  b.apology = apology;
  for (const auto& k : key_columns) b.keys.push_back(k);
  return b;
}

batch_options dossier_log_chunk::options(unsigned threads) const {
  batch_options o;
  o.threads = threads;
  for (const auto& k : key_codes) o.key_sizes.push_back(static_cast<std::uint32_t>(std::max<std::size_t>(1, k.size())));
  return o;
}

void dossier_log_chunk::clear() {
  received.clear();
  amount.clear();
  unit_of_time.clear();
  promised.clear();
  promised_has_time.clear();
  receipt_cutoff.clear();
  pause_offsets.assign(1, 0);
  pause_from.clear();
  pause_to.clear();
  supplement_requests.clear();
  end_kind.clear();
  ended.clear();
  channel.clear();
  apology.clear();
  for (auto& k : key_columns) k.clear();
  ids.clear();
  id_end.clear();
  any_promised = any_cutoff = any_requests = false;
}

}  // namespace cchc
