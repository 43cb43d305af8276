// ASCII case folding for keywords read from files (column names, evaluator
// names): locale-free, so "CONSENSUS" and "consensus" match everywhere.
#ifndef CIRCA_ENGINE_UTIL_ASCII_H_
#define CIRCA_ENGINE_UTIL_ASCII_H_

#include <string>
#include <string_view>

namespace circa::util {

// `text` with A-Z turned into a-z; every other byte kept.
inline std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace circa::util

#endif  // CIRCA_ENGINE_UTIL_ASCII_H_
