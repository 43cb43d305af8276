// Helpers shared by the AHP reader, analysis, report and apply files.
#ifndef CIRCA_ENGINE_ANALYSIS_AHP_INTERNAL_H_
#define CIRCA_ENGINE_ANALYSIS_AHP_INTERNAL_H_

#include <string>

#include "io/ahp_reader.h"  // kAhpTopGroup, FormatJudgement

namespace circa {

// `value` with exactly `decimals` decimals ("0.580").
std::string FormatFixed(double value, int decimals);

}  // namespace circa

#endif  // CIRCA_ENGINE_ANALYSIS_AHP_INTERNAL_H_
