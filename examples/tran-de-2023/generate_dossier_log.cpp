// generate_dossier_log — a reproducible, realistic one-stop-shop dossier log for Trần Đề district
// (Sóc Trăng) over the seed report's period 15/12/2022 – 13/12/2023, whose flow table at the cut-off
// 13/12/2023 is exactly the table the district published (seed report, section II.2.2, "Kết quả giải
// quyết hồ sơ cho tổ chức, công dân tính từ ngày 15/12/2022 đến ngày 13/12/2023"):
//
//   level     received  early+on time  late  pending within  pending overdue  online
//   district    14 083         13 676   343              64                0     999
//   commune     80 878         80 629   249               0                0     747
//
// The individual dossiers are synthetic (the report publishes only these totals); see README.md for
// every modelling choice. How the figures are hit exactly: for each level the generator first fixes
// the multiset of outcome classes and of channels (exact counts), shuffles them, and then, dossier by
// dossier, draws a procedure, a unit and a received day, computes the due day with the Vietnamese
// civil-service calendar (cchc::vietnam::civil_service_calendar()) and places the resolved day
// relative to the due day so that the class is the planned one (redrawing the received day when the
// class is impossible from it, e.g. "late" for a dossier received the day before the cut-off).
//
// Reproducibility: std::mt19937_64 (whose output sequence the C++ standard fixes) with our own
// integer distributions (the std:: distributions differ between standard libraries), no floating
// point, no hash-ordered containers: the same seed gives the same file, byte for byte, everywhere.
//
// Usage: generate_dossier_log [--seed N] [--output FILE]     (default seed 20231213, stdout)
#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include <date/date.h>

#include "cchc/calendar.hpp"
#include "cchc/vietnam_calendar.hpp"

namespace {

using date::days;
using date::sys_days;

constexpr std::uint64_t default_seed = 20231213;

// ------------------------------------------------------------------------------------------------
// Portable integer distributions on top of mt19937_64.

class random_source {
 public:
  explicit random_source(std::uint64_t seed) : engine_(seed) {}

  /// Uniform in [0, bound), bound > 0: rejection of the top partial range, so exactly uniform.
  std::uint64_t below(std::uint64_t bound) {
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
    std::uint64_t x;
    do x = engine_();
    while (x >= limit);
    return x % bound;
  }
  /// True with probability num / den.
  bool chance(std::uint64_t num, std::uint64_t den) { return below(den) < num; }
  /// Index drawn with the given integer weights (at least one positive).
  std::size_t weighted(const std::vector<std::uint64_t>& cumulative) {
    const std::uint64_t x = below(cumulative.back());
    return static_cast<std::size_t>(std::upper_bound(cumulative.begin(), cumulative.end(), x) -
                                    cumulative.begin());
  }
  template <class T>
  void shuffle(std::vector<T>& v) {  // Fisher–Yates
    for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(i)]);
  }

 private:
  std::mt19937_64 engine_;
};

std::vector<std::uint64_t> cumulate(const std::vector<std::uint64_t>& weights) {
  std::vector<std::uint64_t> c(weights.size());
  std::uint64_t s = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) c[i] = s += weights[i];
  return c;
}

// ------------------------------------------------------------------------------------------------
// The district's units and procedures (see README.md: the names are real, the weights invented).

enum class level { district, commune };

struct unit_info {
  const char* code;
  const char* name;
  level lvl;
  std::uint64_t weight;  // share of the level's dossiers (communes only), invented
};

// Trần Đề district (created 2009 from parts of Long Phú and Mỹ Xuyên) has 2 townships and 9 communes,
// "11/11 xã, thị trấn" in the seed report.
const std::array<unit_info, 12> units{{
    {"TD.H", "UBND huyện Trần Đề", level::district, 1},
    {"TD.X01", "Thị trấn Trần Đề", level::commune, 12},
    {"TD.X02", "Thị trấn Lịch Hội Thượng", level::commune, 12},
    {"TD.X03", "Xã Lịch Hội Thượng", level::commune, 8},
    {"TD.X04", "Xã Trung Bình", level::commune, 8},
    {"TD.X05", "Xã Liêu Tú", level::commune, 9},
    {"TD.X06", "Xã Viên An", level::commune, 8},
    {"TD.X07", "Xã Viên Bình", level::commune, 6},
    {"TD.X08", "Xã Tài Văn", level::commune, 9},
    {"TD.X09", "Xã Thạnh Thới An", level::commune, 10},
    {"TD.X10", "Xã Thạnh Thới Thuận", level::commune, 8},
    {"TD.X11", "Xã Đại Ân 2", level::commune, 10},
}};

struct procedure {
  const char* name;
  const char* field;
  int working_days;         // processing time used in the log (typical, see README)
  std::uint64_t weight;     // share of the level's dossiers
  std::uint64_t late;       // relative weight among late dossiers
  bool online;              // offered online
};

// District level. The seed names the fields with most late dossiers: "Đăng ký biện pháp bảo đảm;
// đất đai, bảo trợ xã hội" — the late weights follow that.
const std::vector<procedure> district_procedures{
    {"Đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất", "Đăng ký biện pháp bảo đảm", 3, 180, 120, true},
    {"Xóa đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất", "Đăng ký biện pháp bảo đảm", 1, 80, 40, true},
    {"Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", "Đất đai", 10, 200, 90, false},
    {"Cấp đổi, cấp lại Giấy chứng nhận quyền sử dụng đất", "Đất đai", 7, 60, 25, false},
    {"Chuyển mục đích sử dụng đất phải được phép của cơ quan nhà nước có thẩm quyền", "Đất đai", 15, 30, 15, false},
    {"Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hàng tháng", "Bảo trợ xã hội", 7, 50, 45, false},
    {"Đăng ký thành lập hộ kinh doanh", "Thành lập và hoạt động của hộ kinh doanh", 3, 70, 3, true},
    {"Cấp giấy phép xây dựng nhà ở riêng lẻ", "Hoạt động xây dựng", 15, 30, 3, true},
    {"Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan nước ngoài cấp", "Chứng thực", 1, 100, 0, false},
    {"Chuyển trường đối với học sinh trung học cơ sở", "Giáo dục và Đào tạo", 3, 30, 1, true},
    {"Cấp Giấy phép bán lẻ sản phẩm rượu", "Lưu thông hàng hóa trong nước", 10, 10, 1, true},
    {"Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", "An toàn thực phẩm", 20, 10, 0, true},
    {"Đăng ký kết hôn có yếu tố nước ngoài", "Hộ tịch", 10, 8, 0, false},
    {"Giải quyết chế độ trợ cấp một lần đối với người có công", "Người có công", 5, 12, 4, false},
};

const std::vector<procedure> commune_procedures{
    {"Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp", "Chứng thực", 1, 400, 5, true},
    {"Chứng thực chữ ký trong các giấy tờ, văn bản", "Chứng thực", 1, 100, 5, false},
    {"Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất và nhà ở", "Chứng thực", 3, 60, 60, false},
    {"Đăng ký khai sinh", "Hộ tịch", 1, 80, 5, true},
    {"Đăng ký khai tử", "Hộ tịch", 1, 20, 2, true},
    {"Đăng ký kết hôn", "Hộ tịch", 1, 20, 2, false},
    {"Cấp bản sao trích lục hộ tịch", "Hộ tịch", 1, 60, 3, true},
    {"Cấp Giấy xác nhận tình trạng hôn nhân", "Hộ tịch", 3, 50, 10, true},
    {"Đăng ký lại khai sinh", "Hộ tịch", 5, 10, 8, false},
    {"Thay đổi, cải chính, bổ sung, xác định lại dân tộc", "Hộ tịch", 3, 10, 6, false},
    {"Xác nhận đối tượng hưởng trợ cấp xã hội hàng tháng", "Bảo trợ xã hội", 5, 30, 70, false},
    {"Hòa giải tranh chấp đất đai", "Đất đai", 20, 8, 60, false},
    {"Đăng ký hoạt động tín ngưỡng", "Tín ngưỡng, tôn giáo", 15, 2, 1, false},
    {"Xác nhận hồ sơ hưởng chế độ đối với người có công", "Người có công", 5, 10, 12, false},
};

// ------------------------------------------------------------------------------------------------
// The plan: exact figures per level (published) and the early / on-time split (not published).

enum cls : std::uint8_t { early = 0, on_time = 1, late = 2, pending_in_time = 3, pending_overdue = 4 };

struct level_plan {
  level lvl;
  std::int64_t count[5];
  std::int64_t online;
  const std::vector<procedure>* procedures;
};

// The seed publishes early + on time as one figure (13 676 and 80 629); the split below is our
// choice (about 3 in 4 early at the district, 9 in 10 at the communes, where most procedures take
// one day and are done on the spot).
const std::array<level_plan, 2> plans{{
    {level::district, {10258, 3418, 343, 64, 0}, 999, &district_procedures},
    {level::commune, {72566, 8063, 249, 0, 0}, 747, &commune_procedures},
}};

// ------------------------------------------------------------------------------------------------

struct record {
  std::size_t unit;
  const procedure* proc;
  int channel;  // 0 in person, 1 online, 2 post
  sys_days received;
  sys_days due;
  bool resolved_set;
  sys_days resolved;
  bool apology;
  std::string id;
};

const sys_days period_first = sys_days{date::year{2022} / 12 / 15};
const sys_days cutoff = sys_days{date::year{2023} / 12 / 13};

// Relative load per month (×10): busier before Tết (January) and at the end of the year, quieter
// in the Tết month and in the rainy-season months. Invented, for texture only.
std::uint64_t month_factor(sys_days d) {
  static const std::uint64_t f[13] = {0, 13, 8, 11, 10, 10, 9, 9, 9, 10, 10, 11, 12};
  return f[static_cast<unsigned>(date::year_month_day{d}.month())];
}

class generator {
 public:
  generator(std::uint64_t seed, const cchc::work_calendar& cal) : rng_(seed), cal_(cal) {
    for (sys_days d = period_first; d <= cutoff; d += days{1}) {
      period_days_.push_back(d);
      const bool working = cal_.is_working_day(d);
      in_person_w_.push_back(working ? month_factor(d) : 0);
      // Online dossiers also arrive on days off, at about a third of a working day's rate.
      online_w_.push_back(working ? month_factor(d) : 3);
    }
    in_person_c_ = cumulate(in_person_w_);
    online_c_ = cumulate(online_w_);
  }

  std::vector<record> run() {
    std::vector<record> all;
    for (const level_plan& plan : plans) generate_level(plan, all);
    return all;
  }

 private:
  sys_days receipt_day(sys_days d) const { return cal_.is_working_day(d) ? d : cal_.next_working_day(d); }
  sys_days add(sys_days d, int n) const { return cal_.add_working_days(d, n); }

  std::size_t pick_procedure(const std::vector<procedure>& procs, cls c, bool online) {
    std::vector<std::uint64_t> w(procs.size());
    for (std::size_t i = 0; i < procs.size(); ++i) {
      const procedure& p = procs[i];
      std::uint64_t x = (c == late) ? p.late : p.weight;
      // Pending dossiers are those received recently; long procedures are more often among them.
      if (c == pending_in_time || c == pending_overdue) x = p.weight * static_cast<std::uint64_t>(p.working_days);
      if (online && !p.online) x = 0;
      w[i] = x;
    }
    return rng_.weighted(cumulate(w));
  }

  // Delay of a late dossier in working days: mostly a day or two (the seed: mostly dossiers closed
  // in the software a little late), a tail up to 20.
  int late_delay() {
    static const std::vector<std::uint64_t> c = cumulate(
        {30, 20, 14, 10, 8, 4, 3, 3, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1});
    return static_cast<int>(rng_.weighted(c)) + 1;
  }

  // Tries to place a dossier of class c received on `received`; false when impossible from there.
  bool place(record& r, cls c) {
    const sys_days receipt = receipt_day(r.received);
    r.due = add(receipt, r.proc->working_days);
    r.resolved_set = false;
    switch (c) {
      case early: {
        // Resolved on a working day in [receipt, due), weighted towards the start: n, n-1, ..., 1.
        const int n = r.proc->working_days;
        if (n < 1) return false;
        std::vector<std::uint64_t> w;
        for (int k = 0; k < n; ++k)
          if (add(receipt, k) <= cutoff) w.push_back(static_cast<std::uint64_t>(n - k));
        if (w.empty()) return false;
        r.resolved = add(receipt, static_cast<int>(rng_.weighted(cumulate(w))));
        r.resolved_set = true;
        return true;
      }
      case on_time:
        if (r.due > cutoff) return false;
        r.resolved = r.due;
        r.resolved_set = true;
        return true;
      case late: {
        const sys_days s = add(r.due, late_delay());
        if (s > cutoff) return false;
        r.resolved = s;
        r.resolved_set = true;
        r.apology = rng_.chance(35, 100);
        return true;
      }
      case pending_in_time: {
        if (r.due < cutoff) return false;
        // The log is exported a few days after the cut-off: a quarter of these dossiers already show
        // a resolved day after the cut-off (still pending at the cut-off).
        if (r.due > cutoff && rng_.chance(1, 4)) {
          const sys_days s = add(cutoff, 1 + static_cast<int>(rng_.below(2)));
          if (s <= r.due) {
            r.resolved = s;
            r.resolved_set = true;
          }
        }
        return true;
      }
      case pending_overdue:
        return r.due < cutoff;
    }
    return false;
  }

  void generate_level(const level_plan& plan, std::vector<record>& out) {
    std::vector<cls> classes;
    std::int64_t total = 0;
    for (int c = 0; c < 5; ++c) {
      classes.insert(classes.end(), static_cast<std::size_t>(plan.count[c]), static_cast<cls>(c));
      total += plan.count[c];
    }
    std::vector<int> channel(static_cast<std::size_t>(total), 0);
    std::fill(channel.begin(), channel.begin() + plan.online, 1);
    rng_.shuffle(classes);
    rng_.shuffle(channel);

    std::vector<std::uint64_t> unit_w;
    for (const unit_info& u : units) unit_w.push_back(u.lvl == plan.lvl ? u.weight : 0);
    const std::vector<std::uint64_t> unit_c = cumulate(unit_w);

    const auto& procs = *plan.procedures;
    for (std::size_t i = 0; i < classes.size(); ++i) {
      record r{};
      r.unit = rng_.weighted(unit_c);
      if (channel[i] == 0 && rng_.chance(1, 100)) channel[i] = 2;  // by post: about 1 in 100
      r.channel = channel[i];
      r.proc = &procs[pick_procedure(procs, classes[i], r.channel == 1)];
      const auto& cum = r.channel == 1 ? online_c_ : in_person_c_;
      bool placed = false;
      for (int attempt = 0; attempt < 100000 && !placed; ++attempt) {
        r.received = period_days_[rng_.weighted(cum)];
        placed = place(r, classes[i]);
      }
      if (!placed)
        throw std::runtime_error(std::string("cannot place a dossier of class ") +
                                 std::to_string(static_cast<int>(classes[i])) + " for " + r.proc->name);
      out.push_back(r);
    }
  }

  random_source rng_;
  const cchc::work_calendar& cal_;
  std::vector<sys_days> period_days_;
  std::vector<std::uint64_t> in_person_w_, online_w_, in_person_c_, online_c_;
};

std::string ymd(sys_days d) {
  const date::year_month_day x{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(x.year()), static_cast<unsigned>(x.month()),
                static_cast<unsigned>(x.day()));
  return buf;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + '"';
}

void write_csv(std::ostream& os, std::vector<record>& rows) {
  // Log order: by received day, then unit; ids are numbered per unit and day.
  std::stable_sort(rows.begin(), rows.end(), [](const record& a, const record& b) {
    return a.received != b.received ? a.received < b.received : a.unit < b.unit;
  });
  os << "id,unit,level,procedure,field,channel,received_at,processing_time,processing_unit,promised_at,"
        "resolved_at,end_kind,supplement_requests,apology\n";
  static const char* channel_name[3] = {"in_person", "online", "post"};
  std::size_t seq = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    record& r = rows[i];
    seq = (i > 0 && rows[i - 1].received == r.received && rows[i - 1].unit == r.unit) ? seq + 1 : 1;
    const date::year_month_day x{r.received};
    char id[48];
    std::snprintf(id, sizeof id, "%s-%02d%02u%02u-%04zu", units[r.unit].code, static_cast<int>(x.year()) % 100,
                  static_cast<unsigned>(x.month()), static_cast<unsigned>(x.day()), seq);
    const unit_info& u = units[r.unit];
    os << id << ',' << csv_field(u.name) << ',' << (u.lvl == level::district ? "district" : "commune") << ','
       << csv_field(r.proc->name) << ',' << csv_field(r.proc->field) << ',' << channel_name[r.channel] << ','
       << ymd(r.received) << ',' << r.proc->working_days << ",working_days," << ymd(r.due) << ','
       << (r.resolved_set ? ymd(r.resolved) : std::string()) << ',' << (r.resolved_set ? "resolved" : "")
       << ",0," << (r.apology ? 1 : 0) << '\n';
  }
}

[[noreturn]] void usage(const char* why, int status = 2) {
  (status == 0 ? std::cout : std::cerr)
      << "generate_dossier_log: " << why << "\n"
      << "usage: generate_dossier_log [--seed N] [--output FILE]   (default seed " << default_seed
      << ", output to stdout)\n";
  std::exit(status);
}

}  // namespace

int main(int argc, char** argv) {
  std::uint64_t seed = default_seed;
  std::string output;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--seed" && i + 1 < argc) {
      char* end = nullptr;
      const char* text = argv[++i];
      errno = 0;
      seed = std::strtoull(text, &end, 10);
      if (*text == '\0' || *end != '\0' || *text == '-' || errno == ERANGE)
        usage("expected an integer 0 .. 18446744073709551615 after --seed");
    } else if (a == "--output" && i + 1 < argc) {
      output = argv[++i];
    } else if (a == "--help" || a == "-h") {
      usage("generates the Trần Đề 2023 example dossier log", 0);
    } else {
      usage(("unknown argument '" + a + "'").c_str());
    }
  }
  try {
    const cchc::work_calendar cal = cchc::vietnam::civil_service_calendar();
    generator g(seed, cal);
    std::vector<record> rows = g.run();
    if (output.empty()) {
      write_csv(std::cout, rows);
    } else {
      std::ofstream f(output, std::ios::binary);
      if (!f) {
        std::cerr << "generate_dossier_log: cannot open '" << output << "' for writing\n";
        return 1;
      }
      write_csv(f, rows);
      if (!f.flush()) {
        std::cerr << "generate_dossier_log: cannot write '" << output << "'\n";
        return 1;
      }
    }
  } catch (const std::exception& e) {
    std::cerr << "generate_dossier_log: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
