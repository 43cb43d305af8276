// Small text helpers shared by the renderers.
#ifndef CIRCA_ENGINE_REPORT_TEXT_UTIL_H_
#define CIRCA_ENGINE_REPORT_TEXT_UTIL_H_

#include <string>
#include <string_view>

#include "circa/evaluation.h"

namespace circa::report {

// Display width of UTF-8 text (one column per code point).
int Width(std::string_view text);
// Pads (or cuts with "~") to exactly `width` columns.
std::string PadRight(std::string_view text, int width);
std::string PadLeft(std::string_view text, int width);
// Wraps words at `width` columns; continuation lines start with `indent`.
std::string Wrap(std::string_view text, int width, const std::string& indent);
// "1", "2=" for a shared rank.
std::string RankLabel(const Evaluation& e, std::size_t bid);

// A number as JSON results carry it: rounded to 6 decimals, never -0.
double Round6(double value);

// A CSV field, quoted (with doubled quotes) when it holds , " or a newline.
std::string CsvField(const std::string& text);
// A number in CSV results: 6 decimals, never -0.000000.
std::string CsvNumber(double value);

}  // namespace circa::report

#endif  // CIRCA_ENGINE_REPORT_TEXT_UTIL_H_
