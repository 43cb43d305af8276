// Invariants every fuzz target checks after calling the engine. A broken
// invariant aborts, which libFuzzer (and the replay test) report as a crash
// with the input that caused it. Not assert(): these checks must also run
// in builds with NDEBUG.
#ifndef CIRCA_TESTS_FUZZ_FUZZ_CHECK_H_
#define CIRCA_TESTS_FUZZ_FUZZ_CHECK_H_

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "circa/circa.h"

#define FUZZ_CHECK(condition, what)                                       \
  do {                                                                    \
    if (!(condition)) {                                                   \
      std::fprintf(stderr, "%s:%d: invariant broken: %s: %s\n", __FILE__, \
                   __LINE__, #condition, std::string(what).c_str());      \
      std::abort();                                                       \
    }                                                                     \
  } while (false)

namespace circa_fuzz {

// A result has a value exactly when no diagnostic is an error, and every
// diagnostic names the file, a position that is not negative, and a
// message in valid UTF-8 (it is printed and may be embedded in JSON) on one
// line without raw control characters (CheckDisplayText).
template <typename T>
void CheckResult(const circa::Result<T>& result, const std::string& file);

// The fixed criteria set a target reads its inputs against; it must load.
circa::CriteriaSet LoadFixedCriteria(std::string_view yaml);

// Scores `bids` with `scorer` and renders every report format, checking
// that nothing is NaN, ranks are a ranking, and that input text is data in
// every output (docs/result-format.md, "Text from inputs"): no raw control
// characters anywhere, CSV text fields never start with a formula
// character, Markdown has no unescaped markup and whole table rows, and
// the JSON parses with a number (never null) wherever a number belongs.
void CheckEvaluation(const circa::CriteriaSet& set, const circa::Scorer& scorer,
                     const circa::BidSet& bids);

// Text shown to a person holds no C0 control but newline and tab, no DEL,
// no C1 control and no bidirectional control (U+061C, U+200E, U+200F,
// U+202A..U+202E, U+2066..U+2069): they are written as \u escapes.
void CheckDisplayText(std::string_view text, const std::string& what);

// Explicit instantiations live in fuzz_check.cc.
extern template void CheckResult(const circa::Result<circa::CriteriaSet>&,
                                 const std::string&);
extern template void CheckResult(const circa::Result<circa::BidSet>&,
                                 const std::string&);
extern template void CheckResult(const circa::Result<circa::CostProfile>&,
                                 const std::string&);
extern template void CheckResult(const circa::Result<circa::PanelScores>&,
                                 const std::string&);
extern template void CheckResult(const circa::Result<circa::AhpJudgements>&,
                                 const std::string&);
extern template void CheckResult(const circa::Result<circa::AhpResult>&,
                                 const std::string&);
extern template void CheckResult(const circa::Result<circa::ImportedNotice>&,
                                 const std::string&);

}  // namespace circa_fuzz

#endif  // CIRCA_TESTS_FUZZ_FUZZ_CHECK_H_
