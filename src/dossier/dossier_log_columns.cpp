// The dossier log's layout, its value tables and the matching rule (see dossier_log_columns.hpp).
#include "dossier/dossier_log_columns.hpp"

#include <algorithm>
#include <unordered_map>

#include "internal/utf8.hpp"

namespace cchc {

namespace dossier_log_detail {

const std::vector<dossier_log_column>& layout() {
  // Aliases are matched through match_key: case (also of Vietnamese letters), Unicode normalisation,
  // '_' / '-' / spaces do not matter, so "Mã hồ sơ", "MÃ HỒ SƠ" and "mã_hồ_sơ" all name the id.
  static const std::vector<dossier_log_column> columns{
      {"id", true, {"mã hồ sơ", "số hồ sơ", "mã số hồ sơ", "ma ho so", "so ho so"}},
      {"unit", false, {"đơn vị", "đơn vị giải quyết", "cơ quan giải quyết", "don vi", "don vi giai quyet"}},
      {"level", false, {"cấp", "cấp hành chính", "cấp giải quyết", "cap", "cap hanh chinh"}},
      {"procedure", false, {"thủ tục", "thủ tục hành chính", "tên thủ tục", "mã thủ tục", "thu tuc", "ma thu tuc"}},
      {"field", false, {"lĩnh vực", "linh vuc"}},
      {"channel", true, {"kênh", "kênh tiếp nhận", "hình thức tiếp nhận", "hình thức nộp", "kenh", "kenh tiep nhan"}},
      {"received_at", true, {"ngày tiếp nhận", "thời gian tiếp nhận", "ngày nhận", "ngay tiep nhan", "ngay nhan"}},
      {"processing_time", true, {"thời hạn giải quyết", "thời gian giải quyết", "số ngày giải quyết", "thoi han giai quyet"}},
      {"processing_unit", false, {"đơn vị thời gian", "đơn vị thời hạn", "don vi thoi gian"}},
      {"promised_at", false, {"ngày hẹn trả", "ngày hẹn trả kết quả", "hẹn trả", "ngay hen tra"}},
      {"resolved_at", false, {"ngày trả kết quả", "ngày hoàn thành", "ngày kết thúc", "ngày giải quyết", "ngay tra ket qua", "ngay hoan thanh"}},
      {"end_kind", false, {"kết quả", "hình thức kết thúc", "trạng thái kết thúc", "ket qua"}},
      {"supplement_requests", false, {"số lần bổ sung", "số lần yêu cầu bổ sung", "so lan bo sung"}},
      {"paused_from", false, {"ngày yêu cầu bổ sung", "tạm dừng từ", "ngay yeu cau bo sung"}},
      {"paused_to", false, {"ngày nhận bổ sung", "tạm dừng đến", "ngày bổ sung xong", "ngay nhan bo sung"}},
      {"apology", false, {"xin lỗi", "phiếu xin lỗi", "có phiếu xin lỗi", "xin loi", "phieu xin loi"}},
  };
  return columns;
}

bool is_ascii(std::string_view s) noexcept {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

namespace {

bool is_space(char c) noexcept { return c == ' ' || c == '_' || c == '-' || c == '\t'; }

// The ASCII step of match_key: trims, '_' and '-' as spaces, runs of spaces as one, ASCII lower case.
std::string fold_ascii_layout(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (char c : s) {
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) {
      out.push_back(' ');
      pending_space = false;
    }
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    out.push_back(c);
  }
  return out;
}

// match_key(value) == key for ASCII `value`, without allocating.
bool ascii_key_equals(std::string_view value, std::string_view key) noexcept {
  std::size_t i = 0, j = 0, n = value.size();
  while (i < n && is_space(value[i])) ++i;
  while (n > i && is_space(value[n - 1])) --n;
  bool pending_space = false;
  for (; i < n; ++i) {
    char c = value[i];
    if (is_space(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space) {
      if (j >= key.size() || key[j] != ' ') return false;
      ++j;
      pending_space = false;
    }
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (j >= key.size() || key[j] != c) return false;
    ++j;
  }
  return j == key.size();
}

}  // namespace

std::string match_key(std::string_view s) {
  internal::folded f = internal::fold(s);
  // Invalid UTF-8 matches nothing it was not byte-equal to; the reader reports the bytes elsewhere.
  return fold_ascii_layout(f.ok ? std::string_view(f.text) : s);
}

int find_column(std::string_view header_name) {
  static const std::unordered_map<std::string, int> keys = [] {
    std::unordered_map<std::string, int> m;
    const auto& cols = layout();
    for (std::size_t c = 0; c < cols.size(); ++c) {
      m.emplace(match_key(cols[c].name), static_cast<int>(c));
      for (std::string_view a : cols[c].aliases) m.emplace(match_key(a), static_cast<int>(c));
    }
    return m;
  }();
  const auto it = keys.find(match_key(header_name));
  return it == keys.end() ? -1 : it->second;
}

template <class E>
value_table<E>::value_table(std::initializer_list<entry> entries, std::string_view expected_values)
    : expected(expected_values), entries_(entries) {
  keys_.reserve(entries_.size());
  for (const entry& e : entries_) keys_.push_back(match_key(e.spelling));
}

template <class E>
const E* value_table<E>::find(std::string_view text) const {
  for (const entry& e : entries_)
    if (e.canonical && e.spelling == text) return &e.value;
  if (is_ascii(text)) {
    for (std::size_t k = 0; k < entries_.size(); ++k)
      if (ascii_key_equals(text, keys_[k])) return &entries_[k].value;
    return nullptr;
  }
  return find_key(match_key(text));
}

template <class E>
const E* value_table<E>::find_key(const std::string& key) const {
  for (std::size_t k = 0; k < entries_.size(); ++k)
    if (keys_[k] == key) return &entries_[k].value;
  return nullptr;
}

template class value_table<dossier_channel>;
template class value_table<std::string_view>;
template class value_table<time_unit>;
template class value_table<end_kind>;
template class value_table<bool>;

const value_table<dossier_channel>& channel_values() {
  static const value_table<dossier_channel> t{{{"online", dossier_channel::online, true},
                                               {"trực tuyến", dossier_channel::online},
                                               {"truc tuyen", dossier_channel::online},
                                               {"in_person", dossier_channel::in_person, true},
                                               {"trực tiếp", dossier_channel::in_person},
                                               {"truc tiep", dossier_channel::in_person},
                                               {"post", dossier_channel::post, true},
                                               {"bưu chính", dossier_channel::post},
                                               {"buu chinh", dossier_channel::post},
                                               {"qua bưu chính", dossier_channel::post},
                                               {"bưu điện", dossier_channel::post},
                                               {"buu dien", dossier_channel::post}},
                                              "online, in_person or post (trực tuyến, trực tiếp, bưu chính)"};
  return t;
}

const value_table<std::string_view>& level_values() {
  static const value_table<std::string_view> t{{{"province", "province", true},
                                                {"tỉnh", "province"},
                                                {"cấp tỉnh", "province"},
                                                {"tinh", "province"},
                                                {"district", "district", true},
                                                {"huyện", "district"},
                                                {"cấp huyện", "district"},
                                                {"huyen", "district"},
                                                {"commune", "commune", true},
                                                {"xã", "commune"},
                                                {"cấp xã", "commune"},
                                                {"xa", "commune"}},
                                               "province, district or commune (tỉnh, huyện, xã)"};
  return t;
}

const value_table<time_unit>& unit_values() {
  static const value_table<time_unit> t{
      {{"working_days", time_unit::working_days, true},
       {"ngày làm việc", time_unit::working_days},
       {"ngay lam viec", time_unit::working_days},
       {"calendar_days", time_unit::calendar_days, true},
       {"ngày", time_unit::calendar_days},
       {"ngày lịch", time_unit::calendar_days},
       {"ngay lich", time_unit::calendar_days},
       {"working_hours", time_unit::working_hours, true},
       {"giờ làm việc", time_unit::working_hours},
       {"giờ", time_unit::working_hours},
       {"gio lam viec", time_unit::working_hours},
       {"half_days", time_unit::half_days, true},
       {"buổi", time_unit::half_days},
       {"nửa ngày", time_unit::half_days},
       {"buoi", time_unit::half_days},
       {"same_day", time_unit::same_day, true},
       {"trong ngày", time_unit::same_day}},
      "working_days, calendar_days, working_hours, half_days or same_day (ngày làm việc, ngày, giờ làm việc, "
      "buổi, trong ngày)"};
  return t;
}

const value_table<end_kind>& end_values() {
  static const value_table<end_kind> t{
      {{"resolved", end_kind::resolved, true},
       {"đã giải quyết", end_kind::resolved},
       {"đã trả kết quả", end_kind::resolved},
       {"hoàn thành", end_kind::resolved},
       {"da giai quyet", end_kind::resolved},
       {"returned", end_kind::returned, true},
       {"trả lại", end_kind::returned},
       {"trả lại hồ sơ", end_kind::returned},
       {"withdrawn", end_kind::withdrawn, true},
       {"rút hồ sơ", end_kind::withdrawn},
       {"suspended", end_kind::suspended, true},
       {"dừng xử lý", end_kind::suspended},
       {"từ chối", end_kind::suspended}},
      "resolved, returned, withdrawn or suspended (đã giải quyết, trả lại, rút hồ sơ, dừng xử lý)"};
  return t;
}

const value_table<bool>& apology_values() {
  static const value_table<bool> t{{{"0", false, true},
                                    {"false", false},
                                    {"không", false},
                                    {"no", false},
                                    {"1", true, true},
                                    {"true", true},
                                    {"có", true},
                                    {"yes", true}},
                                   "0 or 1 (also true/false, có/không)"};
  return t;
}

}  // namespace dossier_log_detail

const std::vector<dossier_log_column>& dossier_log_columns() { return dossier_log_detail::layout(); }

}  // namespace cchc
