// Text from inputs (bid ids, supplier names, rationales, file names) shown
// to a person: control characters become visible escapes so that they never
// reach a terminal, a spreadsheet or a document raw (docs/result-format.md,
// "Control characters"). No dependencies, so every stage may use it.
#ifndef CIRCA_ENGINE_UTIL_DISPLAY_TEXT_H_
#define CIRCA_ENGINE_UTIL_DISPLAY_TEXT_H_

#include <string>
#include <string_view>

namespace circa::util {

// What happens to a newline (and a tab) in the text.
enum class Newlines {
  kKeep,    // newline and tab stay (CSV fields, JSON, multi-line text)
  kEscape,  // a newline becomes \u000a, a tab stays (one-line messages)
  kSpace,   // newline, carriage return and tab become one space (cells)
};

// Every C0 control character (other than newline and tab, see `newlines`),
// DEL, every C1 control (U+0080..U+009F) and the bidirectional controls
// (U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069) are written as
// \u followed by four lower-case hex digits ("\u001b"). Everything else,
// including bytes that are not valid UTF-8, is copied unchanged. Applying
// it twice gives the same text as applying it once.
std::string SanitizeForDisplay(std::string_view text,
                               Newlines newlines = Newlines::kKeep);

// True when SanitizeForDisplay(text, newlines) would change the text.
bool NeedsSanitizing(std::string_view text,
                     Newlines newlines = Newlines::kKeep);

}  // namespace circa::util

#endif  // CIRCA_ENGINE_UTIL_DISPLAY_TEXT_H_
