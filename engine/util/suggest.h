// "Did you mean": the closest known name to a misspelt one, for messages
// in every stage. No dependencies.
#ifndef CIRCA_ENGINE_UTIL_SUGGEST_H_
#define CIRCA_ENGINE_UTIL_SUGGEST_H_

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace circa::util {

// The closest of `options` to `word` by edit distance, or "" if none is close
// (at most two edits) or `word` is longer than 64 bytes.
std::string Suggest(std::string_view word,
                    std::initializer_list<std::string_view> options);
std::string Suggest(std::string_view word,
                    const std::vector<std::string>& options);

}  // namespace circa::util

#endif  // CIRCA_ENGINE_UTIL_SUGGEST_H_
