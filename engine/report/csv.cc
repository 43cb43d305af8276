// CSV result: one row per bid in rank order, points per leaf criterion.
#include <fmt/format.h>

#include "circa/report.h"
#include "report/text_util.h"

namespace circa {

std::string RenderCsv(const Report& r) {
  const BidSet& bids = *r.bids;
  const Scorer& scorer = *r.scorer;
  const Evaluation& e = *r.evaluation;
  // With an abnormally-low rule, a yes/no column says which bids need a
  // justification (the reason is in the table, Markdown and JSON).
  const bool flags = !e.abnormally_low.empty();
  std::string out = "rank,bid,supplier,status,tied,";
  out += flags ? "abnormally_low,total" : "total";
  for (const Column& c : scorer.columns()) out += "," + report::CsvField(c.id);
  out += "\n";
  for (const int i : e.order) {
    const auto k = static_cast<std::size_t>(i);
    out += std::to_string(e.rank[k]) + "," + report::CsvField(bids.ids[k]) +
           "," + report::CsvField(bids.suppliers[k]) + "," +
           (e.status[k] == BidStatus::kRanked ? "ranked" : "excluded") + "," +
           (e.tied[k] ? "yes" : "no") + ",";
    if (flags) out += e.abnormally_low[k].empty() ? "no," : "yes,";
    out += report::CsvNumber(e.totals[i]);
    for (Eigen::Index j = 0; j < scorer.size(); ++j)
      out += "," + report::CsvNumber(e.Points(i, j));
    out += "\n";
  }
  return out;
}

}  // namespace circa
