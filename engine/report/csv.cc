// CSV result: one row per bid in rank order, points per leaf criterion.
#include <fmt/format.h>

#include "circa/report.h"
#include "report/sink.h"
#include "report/text_util.h"

namespace circa {

void RenderCsv(const Report& r, const TextSink& sink) {
  const BidSet& bids = *r.bids;
  const Scorer& scorer = *r.scorer;
  const Evaluation& e = *r.evaluation;
  // With an abnormally-low rule, a yes/no column says which bids need a
  // justification (the reason is in the table, Markdown and JSON).
  const bool flags = !e.abnormally_low.empty();
  report::ChunkedWriter out(sink);
  out += "rank,bid,supplier,status,tied,";
  out += flags ? "abnormally_low,total" : "total";
  for (const Column& c : scorer.columns()) {
    out += ',';
    out += report::CsvField(c.id);
  }
  out += "\n";
  for (const int i : e.order) {
    const auto k = static_cast<std::size_t>(i);
    out += std::to_string(e.rank[k]);
    out += ',';
    out += report::CsvField(bids.ids[k]);
    out += ',';
    out += report::CsvField(bids.suppliers[k]);
    out += e.status[k] == BidStatus::kRanked ? ",ranked," : ",excluded,";
    out += e.tied[k] ? "yes," : "no,";
    if (flags) out += e.abnormally_low[k].flagged() ? "yes," : "no,";
    out += report::CsvNumber(e.totals[i]);
    for (Eigen::Index j = 0; j < scorer.size(); ++j) {
      out += ',';
      out += report::CsvNumber(e.Points(i, j));
    }
    out += '\n';
  }
}

}  // namespace circa
