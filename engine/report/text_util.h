// Small text helpers shared by the renderers. Text that came from an input
// (bid ids, supplier names, criterion names, rationales, sentences that
// embed them) is data: the table helpers show control characters escaped,
// CsvField neutralises formulas and MdText escapes Markdown
// (docs/result-format.md, "Text from inputs").
#ifndef CIRCA_ENGINE_REPORT_TEXT_UTIL_H_
#define CIRCA_ENGINE_REPORT_TEXT_UTIL_H_

#include <string>
#include <string_view>

#include "circa/evaluation.h"
#include "circa/report.h"

namespace circa::report {

// Text as a terminal shows it on one line: control characters escaped
// ("\u001b"), newlines and tabs as spaces (util::SanitizeForDisplay).
std::string Display(std::string_view text);
// Display width of Display(text): one column per code point.
int Width(std::string_view text);
// Display(text), padded (or cut with "~") to exactly `width` columns.
std::string PadRight(std::string_view text, int width);
std::string PadLeft(std::string_view text, int width);
// Wraps the words of Display(text) at `width` columns; continuation lines
// start with `indent`.
std::string Wrap(std::string_view text, int width, const std::string& indent);
// The top-level criteria's names in the report's language, in order.
std::vector<std::string> TopLevelNames(const Report& report);
// The leaf criteria's names in the report's language, by column.
std::vector<std::string> ColumnNames(const Report& report);
// "1", "2=" for a shared rank.
std::string RankLabel(const Evaluation& e, std::size_t bid);

// A number as JSON results carry it: rounded to 6 decimals, never -0; inside
// a FullPrecisionScope that is on, unrounded (never -0), so that the JSON
// writer's shortest round-trip text carries the double exactly.
double Round6(double value);

// RenderOptions::precision full for the renders inside its scope, on this
// thread (the one switch every JSON number passes through: Round6).
// WriteInBlocks carries it to the thread that renders every other block.
class FullPrecisionScope {
 public:
  explicit FullPrecisionScope(bool on);
  ~FullPrecisionScope();
  FullPrecisionScope(const FullPrecisionScope&) = delete;
  FullPrecisionScope& operator=(const FullPrecisionScope&) = delete;

  // Whether full precision is on, on this thread.
  static bool On();

 private:
  bool previous_;
};
// A JSON document as circa writes it: nlohmann's dump escapes C0 controls;
// DEL, C1 and the bidirectional controls are escaped here too (\u202e),
// which keeps the JSON valid and its strings unchanged.
std::string JsonText(std::string dumped);

// A CSV text field: control characters escaped (newline and tab kept); a
// field starting with =, +, -, @, tab or carriage return gets a leading
// ' (OWASP, CSV injection); quoted (with doubled quotes) when it was
// neutralised or holds , " a newline or `separator`.
std::string CsvField(std::string_view text, char separator = ',');
// A number in CSV results: 6 decimals, never -0.000000.
std::string CsvNumber(double value);

// Text as literal Markdown inline content (a table cell, a heading, a list
// item, a sentence): \ ` * _ [ ] | # ~ $ backslash-escaped, < > & as &lt;
// &gt; &amp;, newlines and tabs as spaces, control characters escaped
// ("\u001b", shown as written), leading spaces dropped, and a leading -,
// + or "1. " that would start a list item escaped.
std::string MdText(std::string_view text);
// Text as a Markdown code span, backticks included: the fence is longer
// than any run of backticks inside, so the text cannot end the span.
std::string MdCode(std::string_view text);

}  // namespace circa::report

#endif  // CIRCA_ENGINE_REPORT_TEXT_UTIL_H_
