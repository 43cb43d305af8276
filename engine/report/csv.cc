// CSV result: one row per bid in rank order, points per leaf criterion.
// Headers and yes/no words from the message catalogues (report.language).
// The spreadsheet dialect (report.csv_excel; docs/result-format.md, "CSV")
// is what Belgian Excel opens in columns: a UTF-8 byte order mark, `;`
// between fields, a decimal comma, and besides the points the exclusion
// reason and the subtotal of every top-level criterion.
#include <fmt/format.h>

#include "circa/report.h"
#include "explain/messages.h"
#include "report/sink.h"
#include "report/text_util.h"

namespace circa {

void RenderCsv(const Report& r, const TextSink& sink) {
  const BidSet& bids = *r.bids;
  const Scorer& scorer = *r.scorer;
  const Evaluation& e = *r.evaluation;
  const explain::Messages& m = explain::Messages::Of(r.language);
  const bool excel = r.csv_excel;
  const char sep = excel ? ';' : ',';
  const auto number = [excel](double v) {
    std::string s = report::CsvNumber(v);
    if (excel) {
      for (char& c : s) {
        if (c == '.') c = ',';
      }
    }
    return s;
  };
  const auto field = [sep](std::string_view text) {
    return report::CsvField(text, sep);
  };
  // With an abnormally-low rule, a yes/no column says which bids need a
  // justification (the reason is in the table, Markdown and JSON).
  const bool flags = !e.abnormally_low.empty();
  const std::string yes = m("csv.yes");
  const std::string no = m("csv.no");
  const std::string ranked = m("csv.ranked");
  const std::string excluded = m("csv.excluded");
  report::ChunkedWriter out(sink);
  if (excel) out += "\xEF\xBB\xBF";
  for (const char* key :
       {"csv.rank", "csv.bid", "csv.supplier", "csv.status", "csv.tied"}) {
    out += field(m(key));
    out += sep;
  }
  if (flags) {
    out += field(m("csv.abnormally_low"));
    out += sep;
  }
  if (excel) {
    out += field(m("csv.reason"));
    out += sep;
  }
  out += field(m("csv.total"));
  if (excel) {
    for (const std::string& name : report::TopLevelNames(r)) {
      out += sep;
      out += field(m("csv.subtotal", {{"name", name}}));
    }
  }
  for (const Column& c : scorer.columns()) {
    out += sep;
    out += field(c.id);
  }
  out += "\n";
  const FactContext facts = r.Facts();
  for (const int i : e.order) {
    const auto k = static_cast<std::size_t>(i);
    const bool is_ranked = e.status[k] == BidStatus::kRanked;
    out += std::to_string(e.rank[k]);
    out += sep;
    out += field(bids.ids[k]);
    out += sep;
    out += field(bids.suppliers[k]);
    out += sep;
    out += field(is_ranked ? ranked : excluded);
    out += sep;
    out += field(e.tied[k] ? yes : no);
    out += sep;
    if (flags) {
      out += field(e.abnormally_low[k].flagged() ? yes : no);
      out += sep;
    }
    if (excel) {
      if (!is_ranked) out += field(DescribeExclusion(e.exclusion[k], facts));
      out += sep;
    }
    out += number(e.totals[i]);
    if (excel) {
      for (Eigen::Index t = 0; t < e.subtotals.cols(); ++t) {
        out += sep;
        out += number(e.subtotals(i, t));
      }
    }
    for (Eigen::Index j = 0; j < scorer.size(); ++j) {
      out += sep;
      out += number(e.Points(i, j));
    }
    out += '\n';
  }
}

}  // namespace circa
