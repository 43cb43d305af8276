// Render (circa/render.h): an outcome or an analysis in a report format.
// Builds the renderers' views (Report, AwardReport, AnalysisReport) from
// the result, whose values outlive them, and hands over the text.
#include "circa/render.h"

#include <fmt/format.h>

#include <array>
#include <utility>

#include "circa/labels.h"
#include "explain/document_words.h"
#include "report/analysis_report.h"
#include "report/html.h"
#include "report/sink.h"
#include "report/text_util.h"
#include "util/ascii.h"

namespace circa {
namespace {

struct FormatName {
  ReportFormat format;
  std::string_view name;
};
constexpr std::array<FormatName, 7> kFormats = {{
    {ReportFormat::kTable, "table"},
    {ReportFormat::kJson, "json"},
    {ReportFormat::kCsv, "csv"},
    {ReportFormat::kMarkdown, "md"},
    {ReportFormat::kDecision, "decision"},
    {ReportFormat::kHtml, "html"},
    {ReportFormat::kXlsx, "xlsx"},
}};

report::AnalysisReport MakeAnalysisReport(const AnalysisResult& a,
                                          const RenderOptions& options) {
  report::AnalysisReport r;
  r.criteria = &a.tender.criteria;
  r.bids = &a.bids;
  r.scorer = &a.scorer;
  r.evaluation = &a.evaluation;
  r.all_bids = &a.tender.bids;
  r.left_out = &a.left_out;
  r.reversal = a.reversal ? &*a.reversal : nullptr;
  r.sensitivity = a.sensitivity ? &*a.sensitivity : nullptr;
  r.counterfactual = a.counterfactual ? &*a.counterfactual : nullptr;
  r.eligibility = a.eligibility ? &*a.eligibility : nullptr;
  r.all_evaluation = &a.full_evaluation;
  r.smaa = a.smaa ? &*a.smaa : nullptr;
  r.comparison = a.comparison ? &*a.comparison : nullptr;
  r.width = options.width;
  r.language = ResultLanguage(a.tender.criteria, options.language);
  return r;
}

struct DialectName {
  CsvDialect dialect;
  std::string_view name;
};
constexpr std::array<DialectName, 3> kDialects = {{
    {CsvDialect::kAuto, "auto"},
    {CsvDialect::kRfc4180, "rfc4180"},
    {CsvDialect::kExcelBe, "excel-be"},
}};

}  // namespace

std::string_view ToString(CsvDialect dialect) {
  for (const DialectName& d : kDialects) {
    if (d.dialect == dialect) return d.name;
  }
  return "auto";
}

std::optional<CsvDialect> CsvDialectFromString(std::string_view text) {
  const std::string name = util::AsciiLower(text);
  for (const DialectName& d : kDialects) {
    if (d.name == name) return d.dialect;
  }
  return std::nullopt;
}

std::string_view ToString(ReportFormat format) {
  for (const FormatName& f : kFormats) {
    if (f.format == format) return f.name;
  }
  return "table";
}

std::optional<ReportFormat> ReportFormatFromString(std::string_view text) {
  const std::string name = util::AsciiLower(text);
  for (const FormatName& f : kFormats) {
    if (f.name == name) return f.format;
  }
  return std::nullopt;
}

bool RenderOptions::IsValid(std::string* why) const {
  if (width >= 40) return true;
  if (why != nullptr) *why = fmt::format("width = {}: must be >= 40", width);
  return false;
}

void Render(const Outcome& outcome, ReportFormat format, const TextSink& sink,
            const RenderOptions& options) {
  const report::FullPrecisionScope full(options.precision ==
                                            NumberPrecision::kFull &&
                                        format == ReportFormat::kJson);
  const Tender& tender = outcome.tender;
  const Language language = ResultLanguage(tender.criteria, options.language);
  const bool csv_excel = options.csv_dialect == CsvDialect::kExcelBe ||
                         (options.csv_dialect == CsvDialect::kAuto &&
                          language != Language::kEnglish);
  if (outcome.award) {
    // Streamed, like the points report.
    // A money award has no decision document yet: its Markdown report.
    AwardReport award{&tender.criteria, &tender.bids, &*outcome.award,
                      options.width};
    award.language = language;
    award.csv_excel = csv_excel;
    RenderAward(
        award,
        format == ReportFormat::kDecision ? ReportFormat::kMarkdown : format,
        sink);
    return;
  }
  if (!outcome.points) return;
  // The CSV has no reasons, so no explanations are built for it.
  Report report =
      MakeReport(tender.criteria, tender.bids, outcome.points->scorer,
                 outcome.points->evaluation, format != ReportFormat::kCsv,
                 tender.panel ? &*tender.panel : nullptr,
                 tender.lcc ? &*tender.lcc : nullptr, language);
  report.width = options.width;
  report.csv_excel = csv_excel;
  Render(report, format, sink);
}

std::string Render(const Outcome& outcome, ReportFormat format,
                   const RenderOptions& options) {
  std::string out;
  Render(outcome, format, report::CollectInto(&out), options);
  return out;
}

bool HasOutcomeFormat(const Outcome& outcome, ReportFormat format) {
  if (format != ReportFormat::kHtml && format != ReportFormat::kXlsx) {
    return true;
  }
  return outcome.points.has_value() && !outcome.award;
}

bool HasAnalysisFormat(ReportFormat format) {
  return format != ReportFormat::kCsv && format != ReportFormat::kDecision &&
         format != ReportFormat::kXlsx;
}

std::vector<BidderLetter> RenderLetters(const Outcome& outcome,
                                        const RenderOptions& options) {
  std::vector<BidderLetter> out;
  if (!outcome.points) return out;
  const Tender& tender = outcome.tender;
  const Language language = ResultLanguage(tender.criteria, options.language);
  const Report report = MakeReport(
      tender.criteria, tender.bids, outcome.points->scorer,
      outcome.points->evaluation, true, tender.panel ? &*tender.panel : nullptr,
      tender.lcc ? &*tender.lcc : nullptr, language);
  for (std::size_t i = 0; i < tender.bids.ids.size(); ++i) {
    out.push_back(
        {tender.bids.ids[i], RenderLetter(report, static_cast<int>(i))});
  }
  return out;
}

bool Render(const AnalysisResult& analysis, ReportFormat format,
            const TextSink& sink, const RenderOptions& options) {
  const report::FullPrecisionScope full(options.precision ==
                                            NumberPrecision::kFull &&
                                        format == ReportFormat::kJson);
  const report::AnalysisReport r = MakeAnalysisReport(analysis, options);
  switch (format) {
    case ReportFormat::kTable:
      sink(report::RenderAnalysisTable(r));
      return true;
    case ReportFormat::kJson:
      sink(report::RenderAnalysisJson(r));
      return true;
    case ReportFormat::kMarkdown:
      sink(report::RenderAnalysisMarkdown(r));
      return true;
    case ReportFormat::kHtml: {
      // The points report of the bids analysed, with the analyses' charts.
      const Tender& t = analysis.tender;
      // The panel's record is by the tender's bids: used only when no bid
      // was left out of the analyses.
      const bool all = analysis.bids.size() == t.bids.size();
      const Report points = MakeReport(
          t.criteria, analysis.bids, analysis.scorer, analysis.evaluation, true,
          all && t.panel ? &*t.panel : nullptr, t.lcc ? &*t.lcc : nullptr,
          r.language);
      report::HtmlAnalysis extra;
      extra.headline = report::AnalysisHeadline(r);
      extra.sensitivity = r.sensitivity;
      extra.smaa = r.smaa;
      report::RenderHtml(points, &extra, explain::DocumentWordsFor(r.language),
                         sink);
      return true;
    }
    case ReportFormat::kCsv:
    case ReportFormat::kDecision:
    case ReportFormat::kXlsx:
      break;
  }
  return false;
}

std::string Render(const AnalysisResult& analysis, ReportFormat format,
                   const RenderOptions& options) {
  std::string out;
  Render(analysis, format, report::CollectInto(&out), options);
  return out;
}

std::string AnalysisHeadline(const AnalysisResult& analysis) {
  return report::AnalysisHeadline(MakeAnalysisReport(analysis, {}));
}

}  // namespace circa
