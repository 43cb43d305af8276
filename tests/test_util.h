// Shared helpers for circa's unit and reference tests: named tolerances,
// "parse this and fail loudly if it does not load", and small builders.
#ifndef CIRCA_TESTS_TEST_UTIL_H_
#define CIRCA_TESTS_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <Eigen/Core>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "circa/circa.h"

namespace circa_test {

// Tolerances, named for what they absorb.
//
// Floating-point noise only: the same quantity computed along two paths.
inline constexpr double kFloatNoise = 1e-9;
// A figure published to 3 decimals ("0.667", "75.714").
inline constexpr double kThreeDecimals = 0.0005;
// A figure published to 2 decimals (points in award letters).
inline constexpr double kTwoDecimals = 0.005;
// Numbers in result JSON, which are rounded to 6 decimals.
inline constexpr double kSixDecimals = 5e-7 + 1e-12;

// EXPECT_NEAR with the tolerance spelled by name at every call site.
#define EXPECT_NEAR_TOL(actual, expected, tolerance) \
  EXPECT_NEAR((actual), (expected), ::circa_test::tolerance)

// All diagnostics, one ToString() per line (for failure messages).
inline std::string Describe(const std::vector<circa::Diagnostic>& diags) {
  std::string out;
  for (const circa::Diagnostic& d : diags) out += d.ToString() + "\n";
  return out;
}

// Every diagnostic as its ToString() text (for exact-message assertions).
inline std::vector<std::string> Messages(
    const std::vector<circa::Diagnostic>& diags) {
  std::vector<std::string> out;
  for (const circa::Diagnostic& d : diags) out.push_back(d.ToString());
  return out;
}

// The words engine/explain writes for an evaluation's facts (notes,
// exclusions, abnormally-low flags, tie-break steps), for tests that assert
// the sentences.
inline circa::FactContext Words(const circa::Evaluation& e,
                                const circa::CriteriaSet* set = nullptr,
                                const circa::BidSet* bids = nullptr,
                                const circa::Scorer* scorer = nullptr) {
  circa::FactContext f;
  f.set = set;
  f.scorer = scorer;
  f.evaluation = &e;
  f.ids = bids != nullptr ? &bids->ids : nullptr;
  return f;
}
inline std::string NoteText(const circa::Evaluation& e, std::size_t n,
                            const circa::CriteriaSet* set = nullptr,
                            const circa::BidSet* bids = nullptr,
                            const circa::Scorer* scorer = nullptr) {
  return circa::DescribeNote(e.notes.at(n), Words(e, set, bids, scorer));
}
inline std::string Reason(const circa::CriteriaSet& set,
                          const circa::Exclusion& x) {
  circa::FactContext f;
  f.set = &set;
  return circa::DescribeExclusion(x, f);
}
inline std::string FlagText(const circa::CriteriaSet& set,
                            const circa::AbnormallyLowFlag& flag) {
  circa::FactContext f;
  f.set = &set;
  return circa::DescribeAbnormallyLow(flag, f);
}
inline std::vector<std::string> StepTexts(const circa::CriteriaSet& set,
                                          const circa::TieBreakRecord& t,
                                          const circa::BidSet& bids) {
  circa::FactContext f;
  f.set = &set;
  f.ids = &bids.ids;
  std::vector<std::string> out;
  for (const circa::TieBreakStepRecord& s : t.steps) {
    out.push_back(circa::DescribeTieStep(s, f));
  }
  return out;
}

// Compiles a criteria set that must validate without an error (warnings
// are allowed). Throws, naming every diagnostic, otherwise.
inline circa::Scorer CompileOk(const circa::CriteriaSet& set) {
  circa::Result<circa::Scorer> r = circa::Scorer::Compile(set);
  if (!r.ok()) {
    throw std::runtime_error("Scorer::Compile failed:\n" +
                             Describe(r.diagnostics));
  }
  return std::move(*r.value);
}

// Parses a criteria set that must load without any diagnostic. Throws (and
// so fails the calling test, naming every diagnostic) otherwise.
inline circa::CriteriaSet ParseCriteriaOk(
    std::string_view yaml, const std::string& file = "criteria.yaml",
    const circa::LoadOptions& options = {}) {
  circa::Result<circa::CriteriaSet> r =
      circa::ParseCriteria(yaml, file, options);
  if (!r.ok() || !r.diagnostics.empty()) {
    throw std::runtime_error("criteria did not load cleanly:\n" +
                             Describe(r.diagnostics));
  }
  return std::move(*r.value);
}

// Parses bids that must load without any diagnostic (see ParseCriteriaOk).
inline circa::BidSet ParseBidsOk(
    std::string_view text, const circa::CriteriaSet& criteria,
    circa::BidsFormat format = circa::BidsFormat::kCsv,
    const std::string& file = "bids.csv",
    const circa::LoadOptions& options = {}) {
  circa::Result<circa::BidSet> r =
      circa::ParseBids(text, file, format, criteria, options);
  if (!r.ok() || !r.diagnostics.empty()) {
    throw std::runtime_error("bids did not load cleanly:\n" +
                             Describe(r.diagnostics));
  }
  return std::move(*r.value);
}

// A matrix written row by row: Rows({{1, 2}, {3, 4}}).
inline Eigen::MatrixXd Rows(
    std::initializer_list<std::initializer_list<double>> rows) {
  const auto n = static_cast<Eigen::Index>(rows.size());
  const auto m = n == 0 ? Eigen::Index{0}
                        : static_cast<Eigen::Index>(rows.begin()->size());
  Eigen::MatrixXd out(n, m);
  Eigen::Index i = 0;
  for (const auto& row : rows) {
    Eigen::Index j = 0;
    for (const double v : row) out(i, j++) = v;
    ++i;
  }
  return out;
}

inline bool AllFinite(const Eigen::MatrixXd& m) {
  return m.array().isFinite().all();
}

// An absolute path inside the source tree.
inline std::string SourcePath(std::string_view relative) {
  return std::string(CIRCA_SOURCE_DIR) + "/" + std::string(relative);
}

inline std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Code points in UTF-8 text, counted independently of the engine's helper:
// every byte that is not a continuation byte (10xxxxxx) starts one.
inline int CodePoints(std::string_view text) {
  int n = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0u) != 0x80u) ++n;
  }
  return n;
}

// Splits text into lines (without the '\n').
inline std::vector<std::string> Lines(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    out.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace circa_test

#endif  // CIRCA_TESTS_TEST_UTIL_H_
