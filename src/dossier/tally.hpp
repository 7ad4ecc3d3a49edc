// dossier/tally.hpp — counts of classified dossiers, and the one place they become a Biểu 06 row
// (private). The flow accumulator (record path) and the columnar classifier both count into a
// `tally` and read rows with `to_flow`, so the two paths cannot disagree on what a column counts.
#pragma once

#include <array>
#include <cstdint>

#include "cchc/dossier.hpp"
#include "cchc/flow.hpp"

namespace cchc::kernel {

struct tally {
  // slot(code, online, carried) = carried * 14 + online * 7 + code; then apologies, fell_due.
  static constexpr unsigned codes = 7;
  static constexpr unsigned apologies = 28;
  static constexpr unsigned fell_due = 29;
  static constexpr unsigned slots = 32;
  std::array<std::int64_t, slots> n{};

  static constexpr unsigned slot(unsigned code, bool online, bool carried) noexcept {
    return (carried ? 14u : 0u) + (online ? 7u : 0u) + code;
  }
  void add(outcome o, bool online, bool carried, bool apology, bool due_in_period) noexcept {
    ++n[slot(static_cast<unsigned>(o), online, carried)];
    n[apologies] += apology ? 1 : 0;
    n[fell_due] += due_in_period ? 1 : 0;
  }
  tally& operator+=(const tally& o) noexcept {
    for (unsigned k = 0; k < slots; ++k) n[k] += o.n[k];
    return *this;
  }
  [[nodiscard]] bool empty() const noexcept {
    for (unsigned k = 0; k < 28; ++k)
      if (n[k] != 0) return false;
    return true;
  }
};

/// The flow row of a tally. Rules (docs/dossiers.md §2 "From dossiers"): received = every counted
/// dossier; carried over = received before the period; online / offline = received in the period by
/// channel (post is offline); outcomes by code; resolved = early + on time + late; returned and
/// withdrawn counted apart; online resolved = online dossiers resolved (carried over or not).
/// Without a channel column the channel figures are absent; without an apology column, apologies.
inline dossier_flow to_flow(const tally& t, bool channel_known = true, bool apology_known = true) {
  auto code = [&](outcome o) {
    std::int64_t s = 0;
    for (unsigned base : {0u, 7u, 14u, 21u}) s += t.n[base + static_cast<unsigned>(o)];
    return s;
  };
  auto range = [&](unsigned from, unsigned to) {
    std::int64_t s = 0;
    for (unsigned k = from; k < to; ++k) s += t.n[k];
    return s;
  };
  dossier_flow f = dossier_flow::zeros();
  f.received = range(0, 28);
  f.carried_over = range(14, 28);
  f.resolved_early = code(outcome::early);
  f.resolved_on_time = code(outcome::on_time);
  f.resolved_late = code(outcome::late);
  f.resolved_in_time = *f.resolved_early + *f.resolved_on_time;
  f.resolved = *f.resolved_in_time + *f.resolved_late;
  f.pending_in_time = code(outcome::pending_in_time);
  f.pending_overdue = code(outcome::pending_overdue);
  f.pending = *f.pending_in_time + *f.pending_overdue;
  f.returned_withdrawn = code(outcome::returned) + code(outcome::withdrawn);
  f.fell_due = t.n[tally::fell_due];
  if (channel_known) {
    f.received_online = range(7, 14);
    f.received_offline = range(0, 7);
    f.online_resolved = t.n[7] + t.n[8] + t.n[9] + t.n[21] + t.n[22] + t.n[23];
  } else {
    f.received_online.reset();
    f.received_offline.reset();
    f.online_resolved.reset();
  }
  if (apology_known)
    f.apologies = t.n[tally::apologies];
  else
    f.apologies.reset();
  return f;
}

}  // namespace cchc::kernel
