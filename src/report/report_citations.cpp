// cited_documents: every document_ref of a report with its JSON path, walked over the field lists.
#include "cchc/report.hpp"
#include "report/report_fields.hpp"

namespace cchc {

namespace {

using namespace detail_report;

struct citation_walker {
  std::vector<cited_document>& out;
  std::string path;

  template <class M>
  void operator()(const char* name, const M& m, bool = true) {
    std::string saved = path;
    path += std::string(".") + name;
    walk(m);
    path = saved;
  }
  void walk(const document_ref& d) { out.push_back({path, &d}); }
  template <class T>
  void walk(const std::optional<T>& o) {
    if (o) walk(*o);
  }
  template <class T>
  void walk(const std::vector<T>& v) {
    std::string saved = path;
    for (std::size_t i = 0; i < v.size(); ++i) {
      path = saved + "[" + std::to_string(i) + "]";
      walk(v[i]);
    }
    path = saved;
  }
  void walk(const std::string&) {}
  void walk(const std::int64_t&) {}
  void walk(const int&) {}
  void walk(const decimal&) {}
  void walk(const date::year_month_day&) {}
  void walk(const org_level&) {}
  void walk(const headcount_category&) {}
  template <class T>
  void walk(const T& s) {
    fields(s, *this);
  }
};

}  // namespace

std::vector<cited_document> cited_documents(const report& r) {
  std::vector<cited_document> out;
  citation_walker w{out, "$"};
  fields(r, w);
  return out;
}

}  // namespace cchc
