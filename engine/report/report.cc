#include "circa/report.h"

namespace circa {

Report MakeReport(const CriteriaSet& criteria, const BidSet& bids,
                  const Scorer& scorer, const Evaluation& evaluation,
                  bool explain, const PanelResult* panel) {
  Report r;
  r.criteria = &criteria;
  r.bids = &bids;
  r.scorer = &scorer;
  r.evaluation = &evaluation;
  r.panel = panel;
  if (explain) {
    r.explanations = Explain(criteria, scorer, bids, evaluation, panel);
  }
  return r;
}

std::string Render(const Report& report, ReportFormat format) {
  switch (format) {
    case ReportFormat::kTable:
      return RenderTable(report);
    case ReportFormat::kJson:
      return RenderJson(report);
    case ReportFormat::kCsv:
      return RenderCsv(report);
    case ReportFormat::kMarkdown:
      return RenderMarkdown(report);
  }
  return {};
}

}  // namespace circa
