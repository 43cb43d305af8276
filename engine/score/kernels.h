// Column kernels on raw memory: a scoring rule's parameters are worked out
// once for the column (ColumnPlan), then a chunk of rows is scored four
// lanes at a time with no per-cell branch, its points added into the totals
// and subtotals, and its extremes taken in the same pass. The kernels are
// compiled twice, for any x86-64 (SSE2) and for AVX2, and chosen at run
// time; both builds do the same operations lane by lane, in the same order,
// so they give the same bits (tests/score/kernels_test.cc).
#ifndef CIRCA_ENGINE_SCORE_KERNELS_H_
#define CIRCA_ENGINE_SCORE_KERNELS_H_

#include <Eigen/Core>
#include <cstdint>
#include <optional>
#include <vector>

#include "circa/criteria.h"
#include "circa/evaluation.h"

namespace circa::score {

// One rule on one column, with its degenerate case decided and its
// constants hoisted (the formulas of rules.cc, docs/rules.md).
struct ColumnPlan {
  enum class Op : std::uint8_t {
    kDivideInto,       // a / x
    kPercentOfLowest,  // max(1 - (x - a) / a, 0)
    kLog,              // 1 - ln(x / a) / b, max(., 0) when clamp
    kRangeLower,       // (a - 0.5 x) / b
    kRangeHigher,      // (0.5 x - a) / b
    kCeiling,          // max((a - x) / b, 0)
    kLinear,           // min(max((x - a) / b, 0), 1)
    kDivideBy,         // x / a
    kCopy,             // x
    kIsZero,           // x == 0 ? 1 : 0
    kConstant,         // a
    kSteps,            // the last step met, in application order
    kShareLower,       // (a / x) / b
    kShareHigher,      // (max(x, 0) / a) / b
    kBelow,            // 1 - x / a
  };
  Op op = Op::kCopy;
  double a = 0;
  double b = 0;
  double c = 0;        // kLog: ln(column minimum), for x / a overflowing
  bool clamp = false;  // kLog: scores below 0 become 0
  // kSteps: thresholds and scores in the order they are applied (later
  // writes win), and whether a step is met at x <= threshold (else >=).
  std::vector<double> thresholds;
  std::vector<double> scores;
  bool at_most = false;
  std::optional<NoteKind> note;
};

// `total` is the column's score::ColumnTotal (read by share-of-total only).
ColumnPlan PlanColumn(const ScoringRule& rule, double min, double max,
                      double total = 0);

// What a chunk pass does besides scoring x[0, len) into out[0, len).
struct ChunkTask {
  const double* x = nullptr;
  double* out = nullptr;
  Eigen::Index len = 0;
  // When total is not null: total[r] += out[r] * weight and, when sub is not
  // null, sub[r] += out[r] * weight (the point is rounded once, then added).
  double weight = 0;
  double* total = nullptr;
  double* sub = nullptr;
  // With total: when not null, split[r] += out[r] * weight too (the same
  // point; a third sum, such as the bid's money or quality points).
  double* split = nullptr;
  // When not null: the chunk's least and greatest x.
  double* lo = nullptr;
  double* hi = nullptr;
  // With total: write the scores with streaming stores (past the caches),
  // for a score matrix much larger than the caches.
  bool stream = false;
  // With stream: leave the store fence to the caller (StreamFence once
  // after the last chunk of a pass) instead of one per chunk.
  bool defer_fence = false;
  // When not null: rows to fetch into the cache while this chunk is scored
  // (prefetch[0, len), typically the column's next chunk; only read for
  // the cache, never for the result).
  const double* prefetch = nullptr;
};

void ScoreChunk(const ColumnPlan& plan, const ChunkTask& task);

// Orders the streaming stores of tasks run with defer_fence before any
// later store (an sfence).
void StreamFence();

// dst[0, n) = src[0, n), written past the caches (streaming stores, fenced
// by StreamFence) where the CPU has them.
void StreamCopy(double* dst, const double* src, Eigen::Index n);

// The least and greatest of x[0, n) (n >= 1).
void Extremes(const double* x, Eigen::Index n, double* lo, double* hi);

// For tests and benchmarks: false runs the portable kernels even where the
// CPU has AVX2 (process-wide). Returns the previous setting.
bool UseSimdKernels(bool on);
// Whether the AVX2 kernels run now.
bool SimdKernelsActive();

// How the scoring pass of an evaluation without stages or rounding splits
// its rows over threads. Each thread scores, totals and takes the extremes
// of its own rows (whole blocks of kSplitRows), so results are the same
// bits for any count (tests/score/kernels_test.cc).
struct ScoreThreading {
  // 0, the default, is one per core; 1 keeps the pass on the calling
  // thread.
  int threads = 0;
  // Fewer rows per thread than this, and the pass starts no thread
  // (starting one costs tens of microseconds).
  Eigen::Index min_rows = 16384;
};
inline constexpr Eigen::Index kSplitRows = 4096;
// Process-wide (for tests and benchmarks); returns the previous setting.
ScoreThreading SetScoreThreading(const ScoreThreading& threading);
// The threads a pass over n rows uses now (>= 1).
int ScoreThreadsFor(Eigen::Index n);

}  // namespace circa::score

#endif  // CIRCA_ENGINE_SCORE_KERNELS_H_
