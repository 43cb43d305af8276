#include "util/suggest.h"

#include <algorithm>

namespace circa::util {
namespace {

std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1,
                         diag + (a[i - 1] == b[j - 1] ? 0u : 1u)});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string Suggest(std::string_view word,
                    std::initializer_list<std::string_view> options) {
  return Suggest(word,
                 std::vector<std::string>(options.begin(), options.end()));
}

std::string Suggest(std::string_view word,
                    const std::vector<std::string>& options) {
  // The edit distance takes time |word| x |option|, and both may be long
  // scalars of the same file (AHP criteria and judgement keys): a word
  // longer than any id or key gets no suggestion, and an option whose
  // length alone puts it too far away is skipped.
  constexpr std::size_t kMaxWord = 64;
  std::string best;
  if (word.size() > kMaxWord) return best;
  std::size_t best_distance = 3;  // at most two edits away
  for (const std::string& option : options) {
    const std::size_t gap = option.size() > word.size()
                                ? option.size() - word.size()
                                : word.size() - option.size();
    if (gap >= best_distance) continue;  // the distance is at least the gap
    const std::size_t d = EditDistance(word, option);
    if (d < best_distance) {
      best_distance = d;
      best = std::string(option);
    }
  }
  return best;
}

}  // namespace circa::util
