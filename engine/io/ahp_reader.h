// What the AHP judgements reader (io/ahp_reader.cc) shares with the AHP
// analysis (engine/analysis/ahp*.cc): the top-level group's key and how a
// judgement is written back in messages.
#ifndef CIRCA_ENGINE_IO_AHP_READER_H_
#define CIRCA_ENGINE_IO_AHP_READER_H_

#include <string>

namespace circa {

// The group key that stands for the top-level criteria. Criterion ids start
// with a letter or digit, so it never collides with one.
inline constexpr char kAhpTopGroup[] = "_top";

// A judgement as a person writes it: "3", "2.5", "1/3", "1/1.73".
std::string FormatJudgement(double value);

}  // namespace circa

#endif  // CIRCA_ENGINE_IO_AHP_READER_H_
