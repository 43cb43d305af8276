#include "circa/report.h"

#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "explain/document_words.h"
#include "report/html.h"
#include "report/lcc_report.h"
#include "report/sink.h"
#include "report/workbook.h"
#include "util/criteria_index.h"

namespace circa {

Report MakeReport(const CriteriaSet& criteria, const BidSet& bids,
                  const Scorer& scorer, const Evaluation& evaluation,
                  bool explain, const PanelResult* panel,
                  const LccEvaluation* lcc, Language language) {
  Report r;
  r.language = language;
  r.criteria = &criteria;
  r.bids = &bids;
  r.scorer = &scorer;
  r.evaluation = &evaluation;
  r.panel = panel;
  r.lcc = lcc;
  if (lcc != nullptr) {
    // Each bid's offer in the cost profile, looked up once (the last offer
    // with the bid's id, as the explanation has always used).
    std::unordered_map<std::string_view, int> offer_of;
    for (std::size_t o = 0; o < lcc->offers.size(); ++o) {
      offer_of[lcc->offers[o].id] = static_cast<int>(o);
    }
    r.lcc_offer.assign(bids.ids.size(), -1);
    for (std::size_t i = 0; i < bids.ids.size(); ++i) {
      if (const auto it = offer_of.find(bids.ids[i]); it != offer_of.end()) {
        r.lcc_offer[i] = it->second;
      }
    }
  }
  if (explain) {
    // A criterion scored on life-cycle cost: its line starts with the
    // purchase price and the LCC it scored.
    Explainer::CriterionLead lead;
    if (lcc != nullptr) {
      // Which columns are scored on life-cycle cost, looked up once.
      const util::CriteriaIndex index(criteria);
      std::vector<bool> from_lcc;
      for (const Column& c : scorer.columns()) {
        const Criterion* leaf = index.Find(c.id);
        from_lcc.push_back(leaf != nullptr && leaf->from_lcc);
      }
      lead = [lcc, language, offers = r.lcc_offer,
              from_lcc = std::move(from_lcc)](
                 int bid, std::size_t column) -> std::string {
        const auto k = static_cast<std::size_t>(bid);
        if (k >= offers.size() || offers[k] < 0) return "";
        if (column >= from_lcc.size() || !from_lcc[column]) return "";
        return report::LccClause(
            *lcc, lcc->offers[static_cast<std::size_t>(offers[k])], language);
      };
    }
    r.explainer = std::make_shared<const Explainer>(
        criteria, scorer, bids, evaluation, panel, std::move(lead), language);
  }
  return r;
}

BidExplanation Report::Explanation(int bid) const {
  if (explainer == nullptr) return {};
  return explainer->Explain(bid);
}
FactContext Report::Facts() const {
  FactContext f;
  f.set = criteria;
  f.scorer = scorer;
  f.evaluation = evaluation;
  f.ids = bids != nullptr ? &bids->ids : nullptr;
  f.language = language;
  return f;
}

void Render(const Report& report, ReportFormat format, const TextSink& sink) {
  switch (format) {
    case ReportFormat::kTable:
      return RenderTable(report, sink);
    case ReportFormat::kJson:
      return RenderJson(report, sink);
    case ReportFormat::kCsv:
      return RenderCsv(report, sink);
    case ReportFormat::kMarkdown:
      return RenderMarkdown(report, sink);
    case ReportFormat::kDecision:
      return RenderDecision(report, sink);
    case ReportFormat::kHtml:
      return report::RenderHtml(
          report, nullptr, explain::DocumentWordsFor(report.language), sink);
    case ReportFormat::kXlsx: {
      // Only the temporary file or the library can fail: nothing was
      // written, and the caller learns why.
      std::string why;
      if (!report::RenderWorkbook(
              report, explain::DocumentWordsFor(report.language), sink, &why)) {
        throw std::runtime_error("cannot write the workbook: " + why);
      }
      return;
    }
  }
}

std::string Render(const Report& report, ReportFormat format) {
  std::string out;
  Render(report, format, report::CollectInto(&out));
  return out;
}

std::string RenderTable(const Report& report) {
  std::string out;
  RenderTable(report, report::CollectInto(&out));
  return out;
}

std::string RenderJson(const Report& report) {
  std::string out;
  RenderJson(report, report::CollectInto(&out));
  return out;
}

std::string RenderCsv(const Report& report) {
  std::string out;
  RenderCsv(report, report::CollectInto(&out));
  return out;
}

std::string RenderMarkdown(const Report& report) {
  std::string out;
  RenderMarkdown(report, report::CollectInto(&out));
  return out;
}

}  // namespace circa
