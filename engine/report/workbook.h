// The workbook (`--format xlsx`, docs/result-format.md, "Workbook"): an
// Office Open XML spreadsheet written with libxlsxwriter in which every
// score, points, total and rank cell is a formula over the bids' values and
// the weights, implementing circa's rule, with circa's value cached so that
// a viewer that does not recalculate shows the same numbers. The bytes are
// deterministic (fixed document creation time).
#ifndef CIRCA_ENGINE_REPORT_WORKBOOK_H_
#define CIRCA_ENGINE_REPORT_WORKBOOK_H_

#include <string>

#include "circa/report.h"
#include "explain/document_words.h"

namespace circa::report {

// The document properties' creation time: 2020-01-01T00:00:00Z.
inline constexpr long long kWorkbookCreated = 1577836800;

// Writes the workbook's bytes to `sink`. False, with why in *why, when the
// library or the temporary file failed.
bool RenderWorkbook(const Report& report, const explain::DocumentWords& words,
                    const TextSink& sink, std::string* why);

// The Excel formula (with its leading "=") that scores `value_cell` on a
// column with `rule` (lowest and highest: the cells holding the column's
// lowest and highest value among the bids scored; values and flags: the
// column's value range and the range of 1/0 flags saying which bids are
// scored, which share-of-total sums over). Exposed for tests.
std::string ScoreFormula(const ScoringRule& rule, const std::string& value_cell,
                         const std::string& lowest, const std::string& highest,
                         const std::string& values = "",
                         const std::string& flags = "");

}  // namespace circa::report

#endif  // CIRCA_ENGINE_REPORT_WORKBOOK_H_
