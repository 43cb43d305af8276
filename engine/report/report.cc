#include "circa/report.h"

#include "report/lcc_report.h"

namespace circa {

Report MakeReport(const CriteriaSet& criteria, const BidSet& bids,
                  const Scorer& scorer, const Evaluation& evaluation,
                  bool explain, const PanelResult* panel,
                  const LccEvaluation* lcc) {
  Report r;
  r.criteria = &criteria;
  r.bids = &bids;
  r.scorer = &scorer;
  r.evaluation = &evaluation;
  r.panel = panel;
  if (explain) {
    r.explanations = Explain(criteria, scorer, bids, evaluation, panel);
  }
  r.lcc = lcc;
  if (lcc == nullptr) return r;
  // A criterion scored on life-cycle cost: its explanation starts with the
  // purchase price and the LCC it scored.
  for (std::size_t i = 0; i < r.explanations.size() && i < bids.ids.size();
       ++i) {
    const LccOfferResult* offer = nullptr;
    for (const LccOfferResult& o : lcc->offers) {
      if (o.id == bids.ids[i]) offer = &o;
    }
    if (offer == nullptr) continue;
    for (CriterionExplanation& c : r.explanations[i].criteria) {
      const Criterion* leaf = criteria.Find(c.id);
      if (leaf == nullptr || !leaf->from_lcc) continue;
      const std::string prefix = leaf->name + ": ";
      const std::string rest =
          c.text.rfind(prefix, 0) == 0 ? c.text.substr(prefix.size()) : c.text;
      c.text = prefix + report::LccClause(*lcc, *offer) + "; scored on " + rest;
    }
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
