// How circa writes a number for a person: fixed decimals, thousands grouped
// with commas, never "-0". Every report, explanation and message uses it.
#ifndef CIRCA_FORMAT_H_
#define CIRCA_FORMAT_H_

#include <string>

namespace circa {

// Formats a number with a fixed count of decimals, grouping thousands with
// commas ("1,234.56"), as circa prints numbers everywhere. A negative
// `decimals` means up to six decimals with trailing zeros dropped ("2.5").
// The digits are those of printf's "%.*f" (the binary value, correctly
// rounded); round first with the rounding rule where that matters.
std::string FormatNumber(double value, int decimals);

}  // namespace circa

#endif  // CIRCA_FORMAT_H_
