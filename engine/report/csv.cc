// CSV result: one row per bid in rank order, points per leaf criterion.
#include <fmt/format.h>

#include "circa/report.h"

namespace circa {
namespace {

std::string Quote(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string Num(double v) {
  std::string s = fmt::format("{:.6f}", v);
  if (s == "-0.000000") s = "0.000000";
  return s;
}

}  // namespace

std::string RenderCsv(const Report& r) {
  const BidSet& bids = *r.bids;
  const Scorer& scorer = *r.scorer;
  const Evaluation& e = *r.evaluation;
  std::string out = "rank,bid,supplier,status,tied,total";
  for (const Column& c : scorer.columns()) out += "," + Quote(c.id);
  out += "\n";
  for (const int i : e.order) {
    const auto k = static_cast<std::size_t>(i);
    out += std::to_string(e.rank[k]) + "," + Quote(bids.ids[k]) + "," +
           Quote(bids.suppliers[k]) + "," +
           (e.status[k] == BidStatus::kRanked ? "ranked" : "excluded") + "," +
           (e.tied[k] ? "yes" : "no") + "," + Num(e.totals[i]);
    for (Eigen::Index j = 0; j < scorer.size(); ++j)
      out += "," + Num(e.Points(i, j));
    out += "\n";
  }
  return out;
}

}  // namespace circa
