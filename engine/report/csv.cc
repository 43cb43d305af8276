// CSV result: one row per bid in rank order, points per leaf criterion.
#include <fmt/format.h>

#include "circa/report.h"
#include "report/text_util.h"

namespace circa {
namespace {}  // namespace

std::string RenderCsv(const Report& r) {
  const BidSet& bids = *r.bids;
  const Scorer& scorer = *r.scorer;
  const Evaluation& e = *r.evaluation;
  std::string out = "rank,bid,supplier,status,tied,total";
  for (const Column& c : scorer.columns()) out += "," + report::CsvField(c.id);
  out += "\n";
  for (const int i : e.order) {
    const auto k = static_cast<std::size_t>(i);
    out += std::to_string(e.rank[k]) + "," + report::CsvField(bids.ids[k]) +
           "," + report::CsvField(bids.suppliers[k]) + "," +
           (e.status[k] == BidStatus::kRanked ? "ranked" : "excluded") + "," +
           (e.tied[k] ? "yes" : "no") + "," + report::CsvNumber(e.totals[i]);
    for (Eigen::Index j = 0; j < scorer.size(); ++j)
      out += "," + report::CsvNumber(e.Points(i, j));
    out += "\n";
  }
  return out;
}

}  // namespace circa
