// Renderers: pure functions from an evaluation to text (table, JSON, CSV,
// Markdown). See docs/result-format.md.
#ifndef CIRCA_REPORT_H_
#define CIRCA_REPORT_H_

#include <string>
#include <vector>

#include "circa/award.h"
#include "circa/bids.h"
#include "circa/criteria.h"
#include "circa/evaluation.h"
#include "circa/explain.h"
#include "circa/lcc.h"
#include "circa/panel.h"
#include "circa/scorer.h"

namespace circa {

enum class ReportFormat { kTable, kJson, kCsv, kMarkdown };

// Everything a report shows; renderers read it and nothing else.
struct Report {
  const CriteriaSet* criteria = nullptr;
  const BidSet* bids = nullptr;
  const Scorer* scorer = nullptr;
  const Evaluation* evaluation = nullptr;
  const PanelResult* panel = nullptr;  // evaluator panel, when there was one
  std::vector<BidExplanation> explanations;
  // Life-cycle costs, when a cost criterion takes its value from a cost
  // profile (`from: lcc`): shown by component and by year.
  const LccEvaluation* lcc = nullptr;
  int width = 100;  // table: terminal columns to fit
};

// Builds a report for one scored bid set. Explanations are built unless
// `explain` is false (the CSV output has none; 2 million bids need none).
// With `lcc`, the explanation of each `from: lcc` criterion also gives the
// bid's purchase price and life-cycle cost.
Report MakeReport(const CriteriaSet& criteria, const BidSet& bids,
                  const Scorer& scorer, const Evaluation& evaluation,
                  bool explain = true, const PanelResult* panel = nullptr,
                  const LccEvaluation* lcc = nullptr);

std::string Render(const Report& report, ReportFormat format);
std::string RenderTable(const Report& report);
std::string RenderJson(const Report& report);
std::string RenderCsv(const Report& report);
std::string RenderMarkdown(const Report& report);

// A money-based award (a criteria set with `award:`): the money ranking,
// each bid's adjustments and sentence, and the bids excluded by a
// requirement.
struct AwardReport {
  const CriteriaSet* criteria = nullptr;
  const BidSet* bids = nullptr;
  const AwardResult* award = nullptr;
  int width = 100;  // table: terminal columns to fit
};

std::string RenderAward(const AwardReport& report, ReportFormat format);

// The JSON schema identifier written into every result.
inline constexpr const char* kResultSchema = "circa.result/1";

}  // namespace circa

#endif  // CIRCA_REPORT_H_
