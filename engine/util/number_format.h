// Number formatting for every stage (no dependencies but {fmt}-free
// std::to_chars): the public FormatNumber (include/circa/format.h) and the
// variants that reports and messages write. Fast enough to run once per
// number in a million-bid report: no iostreams, no locale, no allocation
// beyond the result.
#ifndef CIRCA_ENGINE_UTIL_NUMBER_FORMAT_H_
#define CIRCA_ENGINE_UTIL_NUMBER_FORMAT_H_

#include <string>

#include "circa/format.h"

namespace circa::util {

// Appends FormatNumber(value, decimals) to `out`.
void AppendNumber(std::string* out, double value, int decimals);

// printf's "%.*f" without grouping, never "-0": "-0.00" becomes "0.00".
std::string FormatFixed(double value, int decimals);

// Up to `max_decimals` decimals (printf's "%.*f"), trailing zeros and a
// trailing point dropped, no grouping, never "-0": "3.67", "7.5", "10".
std::string FormatTrimmed(double value, int max_decimals);

// The shortest text that reads back as the same double (std::to_chars),
// "0" for zero of either sign: "0.1", "1e+300".
std::string FormatShortest(double value);

// A fraction as a percentage with up to six decimals and " %":
// 0.035 -> "3.5 %" (FormatNumber(100 * fraction, -1)).
std::string FormatPercent(double fraction);

namespace detail {
// For tests: the text std::to_chars gives for printf's "%.*f" (the
// reference of the fast fixed-precision path), FormatNumber through it,
// and the fast path alone ("" where it does not apply).
std::string FixedByToChars(double value, int decimals);
std::string FormatNumberByToChars(double value, int decimals);
std::string FixedFast(double value, int decimals);
}  // namespace detail

}  // namespace circa::util

#endif  // CIRCA_ENGINE_UTIL_NUMBER_FORMAT_H_
