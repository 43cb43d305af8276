// Rendering the results of the entry points: an Outcome (Evaluate) or an
// AnalysisResult (Analyze) as a table, JSON, CSV or Markdown, written to a
// TextSink in chunks or collected into a string. Pure functions of the
// result. docs/result-format.md describes the formats, docs/api.md the use.
#ifndef CIRCA_RENDER_H_
#define CIRCA_RENDER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "circa/analyze.h"
#include "circa/evaluate.h"
#include "circa/language.h"
#include "circa/report.h"

namespace circa {

// "table", "json", "csv", "md", "decision", "html", "xlsx" (the CLI's -f
// values), and back; any case.
std::string_view ToString(ReportFormat format);
std::optional<ReportFormat> ReportFormatFromString(std::string_view text);

// How JSON writes numbers: rounded to 6 decimals (the default, stable
// across platforms), or in full, as the shortest text that reads back as
// the same double (to compare with other tools below 1e-6).
enum class NumberPrecision { kFixed, kFull };
// How a CSV result is written (docs/result-format.md, "CSV").
enum class CsvDialect {
  kAuto,     // excel-be for Dutch and French results, rfc4180 for English
  kRfc4180,  // "rfc4180": `,` between fields, decimal point, no BOM
  kExcelBe,  // "excel-be": UTF-8 BOM, `;`, decimal comma, exclusion reason
             // and subtotals: what Belgian Excel opens in columns
};
// "auto", "rfc4180", "excel-be" (the CLI's --csv-dialect values), and back.
std::string_view ToString(CsvDialect dialect);
std::optional<CsvDialect> CsvDialectFromString(std::string_view text);

struct RenderOptions {
  // Table: the number of terminal columns to fit. Must be >= 40.
  int width = 100;
  // JSON numbers (tables and Markdown keep their fixed decimals).
  NumberPrecision precision = NumberPrecision::kFixed;
  // The language of every word a person reads (docs/translating.md). None:
  // the criteria set's `language:`, else English. JSON keys stay English.
  std::optional<Language> language;
  // The CSV dialect (CSV only).
  CsvDialect csv_dialect = CsvDialect::kAuto;

  // True if the options can be used; otherwise writes why to `why` (when
  // not null).
  bool IsValid(std::string* why) const;
};

// An outcome in `format`: the ranking with every bid's reasons (the CSV
// has no reasons), or the money award. The chunks concatenated are the
// string the second overload returns: what `circa score -f FORMAT` writes.
void Render(const Outcome& outcome, ReportFormat format, const TextSink& sink,
            const RenderOptions& options = {});
std::string Render(const Outcome& outcome, ReportFormat format,
                   const RenderOptions& options = {});

// One notification letter (docs/award-decision.md): the bid it is for and
// its text (Markdown).
struct BidderLetter {
  std::string bid;
  std::string text;
};
// A letter for every bid of a points-based outcome, in bid order (none for
// a money award): what `circa score --per-bidder DIR` writes.
std::vector<BidderLetter> RenderLetters(const Outcome& outcome,
                                        const RenderOptions& options = {});

// Whether an outcome can be rendered in `format`: HTML and the workbook
// (binary .xlsx bytes) need a points evaluation, not a money award.
bool HasOutcomeFormat(const Outcome& outcome, ReportFormat format);

// The JSON schema identifier written into every analysis result.
inline constexpr const char* kAnalysisSchema = "circa.analysis/1";

// Whether an analysis can be rendered in `format`: table, JSON, Markdown
// and HTML (the points report with the sensitivity and SMAA charts); an
// analysis has no CSV or workbook form.
bool HasAnalysisFormat(ReportFormat format);

// An analysis in `format` (docs/robustness.md): the headline, then one
// section per analysis that ran, and the bids left out. Writes nothing and
// returns false for a format without an analysis form (CSV). What
// `circa analyze -f FORMAT` writes.
bool Render(const AnalysisResult& analysis, ReportFormat format,
            const TextSink& sink, const RenderOptions& options = {});
std::string Render(const AnalysisResult& analysis, ReportFormat format,
                   const RenderOptions& options = {});

// The first line of an analysis: whether and how far the award is robust.
std::string AnalysisHeadline(const AnalysisResult& analysis);

}  // namespace circa

#endif  // CIRCA_RENDER_H_
