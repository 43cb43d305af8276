// SMAA-2 rank acceptability analysis (Lahdelma & Salminen 2001): how often
// each bid takes each rank when the weights are drawn at random, uniformly
// from all weight vectors (or from those within declared ranges). Takes a
// compiled scorer and an evaluation; never reloads input. docs/smaa.md.
#ifndef CIRCA_SMAA_H_
#define CIRCA_SMAA_H_

#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <vector>

#include "circa/diagnostics.h"
#include "circa/evaluation.h"
#include "circa/scorer.h"

namespace circa {

// A range on the sum of some columns' weights: a group of criteria whose
// weight is published as a range.
struct SmaaGroupRange {
  std::string id;            // for messages: the group's criterion id
  std::vector<int> columns;  // indices into Scorer::columns()
  WeightRange range;         // points
};

struct SmaaOptions {
  // Weight vectors drawn (N). The standard error of an acceptability index
  // b is sqrt(b (1 - b) / N): at most 0.005 with the default.
  int samples = 10000;
  // Seed of the weight draws (SplitMix64 streams, one per block of 256
  // samples; docs/smaa.md, "Seed and reproducibility"). The same seed and
  // options give the same result, bit for bit, on any platform, with any
  // number of threads and with or without SIMD.
  std::uint64_t seed = 1;
  // One range per column, in Scorer::columns() order, in points. Empty: the
  // weights are uniform on the whole simplex (any non-negative weights
  // adding up to the scale), unless group_ranges are given.
  std::vector<WeightRange> ranges;
  // Ranges on the sum of some columns' weights (a group's weight), in
  // points; the groups' columns must not overlap. The weights are then
  // uniform on the part of the simplex that satisfies these and `ranges`.
  std::vector<SmaaGroupRange> group_ranges;
  // Kept for compatibility (must be >= 1): the weights are drawn and
  // scored in fixed blocks of 256 samples whatever it says.
  int block_size = 1024;
  // Rejection sampling budget when ranges are given: at most this many
  // draws per requested sample on average before giving up with an error
  // (the ranges cover too small a part of the simplex).
  int max_draws_per_sample = 1000;
  // Threads sharing the samples; 0: one per core. The result is the same
  // for any number (docs/smaa.md, "Seed and reproducibility").
  int threads = 0;
  // False: the portable kernels even where the CPU has AVX2 (for tests: both
  // give the same bits).
  bool simd = true;

  // True if the options can be used; otherwise writes why to `why`.
  // Checks only what needs no scorer (the range count is checked by Smaa).
  bool IsValid(std::string* why) const;
};

struct SmaaResult {
  std::uint64_t seed = 0;  // the seed the weights were drawn with
  int samples = 0;         // N
  // bids x ranks: acceptability(i, r - 1) = b_i^r, the share of samples in
  // which bid i takes rank r. Bids tied within a sample share the ranks
  // they span equally. Rows of excluded bids are zero.
  Eigen::MatrixXd acceptability;
  // bids x columns, points adding up to the scale: the mean weight vector
  // of the samples in which bid i ranks first (ties: weighted by the share
  // of first place). Zero, and has_central_weight[i] false, if it never
  // ranks first.
  Eigen::MatrixXd central_weights;
  std::vector<bool> has_central_weight;
  // Whether the weights were drawn within ranges (options.ranges or
  // options.group_ranges), and how many candidates were drawn to get
  // `samples` inside them (equal to samples without ranges).
  bool within_ranges = false;
  std::int64_t draws = 0;
  // Confidence factor: bid i's share of first place when the weights are
  // its central weight vector (scores are exact, so 1, 0, or 1/k when k
  // bids tie for first). 0 when there is no central weight.
  Eigen::VectorXd confidence;
};

// Draws options.samples weight vectors (columns x samples, shares adding up
// to 1) exactly as Smaa does for `columns` criteria on `scale` points.
// Errors (bad options, ranges no weight vector fits, rejection budget
// exhausted) are diagnostics with path "smaa" or "smaa.<field>".
Result<Eigen::MatrixXd> SampleSmaaWeights(Eigen::Index columns, double scale,
                                          const SmaaOptions& options);

// Fills options->ranges and options->group_ranges from the weight ranges the
// criteria set publishes (Column::weight_range; TopLevel::weight_range of a
// top-level group). A criterion without a published range is free: a leaf
// may take anything in [0, scale], a group's sum is not constrained beyond
// its leaves'. Returns false, and leaves `options` unchanged, when the set
// publishes no range. docs/smaa.md, "Published weight ranges".
bool UsePublishedRanges(const Scorer& scorer, SmaaOptions* options);

// Rank acceptability, central weights and confidence factors of the ranked
// bids of `evaluation` (computed by `scorer`), from its scores matrix.
Result<SmaaResult> Smaa(const Scorer& scorer, const Evaluation& evaluation,
                        const SmaaOptions& options = {});

}  // namespace circa

#endif  // CIRCA_SMAA_H_
