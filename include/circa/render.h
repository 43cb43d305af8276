// Rendering the results of the entry points: an Outcome (Evaluate) or an
// AnalysisResult (Analyze) as a table, JSON, CSV or Markdown, written to a
// TextSink in chunks or collected into a string. Pure functions of the
// result. docs/result-format.md describes the formats, docs/api.md the use.
#ifndef CIRCA_RENDER_H_
#define CIRCA_RENDER_H_

#include <optional>
#include <string>
#include <string_view>

#include "circa/analyze.h"
#include "circa/evaluate.h"
#include "circa/report.h"

namespace circa {

// "table", "json", "csv", "md", "html", "xlsx" (the CLI's -f values), and
// back; any case.
std::string_view ToString(ReportFormat format);
std::optional<ReportFormat> ReportFormatFromString(std::string_view text);

struct RenderOptions {
  // Table: the number of terminal columns to fit. Must be >= 40.
  int width = 100;

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
