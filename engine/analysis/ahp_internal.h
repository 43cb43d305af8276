// Helpers shared by the AHP reader, analysis, report and apply files.
#ifndef CIRCA_ENGINE_ANALYSIS_AHP_INTERNAL_H_
#define CIRCA_ENGINE_ANALYSIS_AHP_INTERNAL_H_

#include <string>

namespace circa {

// The group key that stands for the top-level criteria. Criterion ids start
// with a letter or digit, so it never collides with one.
inline constexpr char kAhpTopGroup[] = "_top";

// `value` with exactly `decimals` decimals ("0.580").
std::string FormatFixed(double value, int decimals);

// A judgement as a person writes it: "3", "2.5", "1/3", "1/1.73".
std::string FormatJudgement(double value);

}  // namespace circa

#endif  // CIRCA_ENGINE_ANALYSIS_AHP_INTERNAL_H_
