// UTF-8 helpers for every stage: sequence length, byte-order mark, length
// in characters. No dependencies.
#ifndef CIRCA_ENGINE_UTIL_UTF8_H_
#define CIRCA_ENGINE_UTIL_UTF8_H_

#include <cstddef>
#include <string_view>

namespace circa::util {

// Length (1-4) of the well-formed UTF-8 sequence that starts at text[i], or
// 0 when none does (stray continuation bytes, overlong forms, surrogates,
// values past U+10FFFF, a truncated sequence). Requires i < text.size().
std::size_t Utf8SequenceLength(std::string_view text, std::size_t i);

// Removes a UTF-8 byte-order mark.
std::string_view StripBom(std::string_view text);

// Count of UTF-8 characters in text (continuation bytes not counted).
int Utf8Length(std::string_view text);

}  // namespace circa::util

#endif  // CIRCA_ENGINE_UTIL_UTF8_H_
