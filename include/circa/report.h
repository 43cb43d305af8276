// Renderers: pure functions from an evaluation to text (table, JSON, CSV,
// Markdown). See docs/result-format.md.
#ifndef CIRCA_REPORT_H_
#define CIRCA_REPORT_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>
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

// kDecision: the motivated award decision (docs/award-decision.md).
// kHtml: one self-contained page with charts; kXlsx: a workbook with live
// formulas (binary: the bytes of an .xlsx file). Both for points
// evaluations only (docs/result-format.md, "HTML" and "Workbook").
enum class ReportFormat {
  kTable,
  kJson,
  kCsv,
  kMarkdown,
  kDecision,
  kHtml,
  kXlsx
};

// Everything a report shows; renderers read it and nothing else.
struct Report {
  const CriteriaSet* criteria = nullptr;
  const BidSet* bids = nullptr;
  const Scorer* scorer = nullptr;
  const Evaluation* evaluation = nullptr;
  const PanelResult* panel = nullptr;  // evaluator panel, when there was one
  // Explains one bid when a renderer writes it (none when MakeReport was
  // told not to explain).
  std::shared_ptr<const Explainer> explainer;
  // Life-cycle costs, when a cost criterion takes its value from a cost
  // profile (`from: lcc`): shown by component and by year.
  const LccEvaluation* lcc = nullptr;
  // For each bid, its index in lcc->offers (-1: none), found once.
  std::vector<int> lcc_offer;
  int width = 100;  // table: terminal columns to fit
  // The language of every word (docs/translating.md); MakeReport's.
  Language language = Language::kEnglish;
  // CSV: the spreadsheet dialect (`;`, decimal comma, BOM) instead of RFC
  // 4180 with decimal points (docs/result-format.md, "CSV").
  bool csv_excel = false;

  // The explanation of bid `bid` (an index into *bids), built on demand;
  // empty when there is no explainer. With `lcc`, each `from: lcc`
  // criterion's sentence starts with the purchase price and the LCC.
  BidExplanation Explanation(int bid) const;
  // What DescribeNote, DescribeExclusion, ... need to word this report's
  // facts.
  FactContext Facts() const;
};

// Builds a report for one scored bid set. Explanations are built unless
// `explain` is false (the CSV output has none; 2 million bids need none).
// With `lcc`, the explanation of each `from: lcc` criterion also gives the
// bid's purchase price and life-cycle cost.
Report MakeReport(const CriteriaSet& criteria, const BidSet& bids,
                  const Scorer& scorer, const Evaluation& evaluation,
                  bool explain = true, const PanelResult* panel = nullptr,
                  const LccEvaluation* lcc = nullptr,
                  Language language = Language::kEnglish);

// Where rendered text goes, in chunks (of about 64 KB), in order: a report
// of a million bids is written as it is rendered, never held whole. The
// chunks concatenated are exactly the text the string overloads return.
using TextSink = std::function<void(std::string_view)>;

void Render(const Report& report, ReportFormat format, const TextSink& sink);
void RenderTable(const Report& report, const TextSink& sink);
void RenderJson(const Report& report, const TextSink& sink);
void RenderCsv(const Report& report, const TextSink& sink);
void RenderMarkdown(const Report& report, const TextSink& sink);
// The motivated award decision, Markdown (docs/award-decision.md).
void RenderDecision(const Report& report, const TextSink& sink);
// The notification letter to the bidder of bid `bid` (an index into
// *report.bids), Markdown: its own scores and reasons and the winning
// bid's, nothing about any other bid.
std::string RenderLetter(const Report& report, int bid);

// The same, collected into one string.
std::string Render(const Report& report, ReportFormat format);
std::string RenderTable(const Report& report);
std::string RenderJson(const Report& report);
std::string RenderCsv(const Report& report);
std::string RenderMarkdown(const Report& report);

// A money-based award (a criteria set with `award:`): the money ranking,
// each bid's adjustments (as numbers, and in words) and sentence, and the
// bids excluded by a requirement.
struct AwardReport {
  const CriteriaSet* criteria = nullptr;
  const BidSet* bids = nullptr;
  const AwardResult* award = nullptr;
  int width = 100;  // table: terminal columns to fit
  // The language of every word (docs/translating.md); JSON stays English.
  Language language = Language::kEnglish;
  // CSV: the spreadsheet dialect (Report::csv_excel).
  bool csv_excel = false;
};

// Written through `sink` in chunks, one bid at a time, as Render does.
void RenderAward(const AwardReport& report, ReportFormat format,
                 const TextSink& sink);
// The same, collected into one string.
std::string RenderAward(const AwardReport& report, ReportFormat format);

// The JSON schema identifier written into every result.
inline constexpr const char* kResultSchema = "circa.result/2";

}  // namespace circa

#endif  // CIRCA_REPORT_H_
