// Alternative aggregation methods, for comparison only: the legal ranking is
// always the weighted sum of published points (Scorer::Evaluate). The methods
// here re-aggregate the same criterion scores and weights (or, on request,
// the bids' raw values) with another method so that an analyst can see
// whether an award depended on the method. None of them may decide an award
// unless the tender documents published it. docs/aggregation.md.
#ifndef CIRCA_AGGREGATION_H_
#define CIRCA_AGGREGATION_H_

#include <Eigen/Core>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "circa/evaluation.h"

namespace circa {

enum class Aggregation {
  kWeightedSum,      // sum of w_j * r_ij: the published method
  kTopsis,           // closeness to the ideal (Hwang & Yoon 1981)
  kWeightedProduct,  // prod r_ij ^ (w_j / sum w) (Bridgman 1922; Miller &
                     // Starr 1969)
  kWaspas,           // lambda * sum + (1 - lambda) * product (Zavadskas et al.
                     // 2012)
  kVikor,            // compromise ranking by Q (Opricovic & Tzeng 2004)
  kPromethee,        // PROMETHEE II net flow (Brans & Vincke 1985)
};

// How a column is brought to a common scale before a method aggregates it.
// Every normalisation turns a cost column (lower is better) into a
// higher-is-better one by its own convention (docs/aggregation.md).
enum class Normalisation {
  kVector,  // x / ||x||_2; cost: 1 - x / ||x||_2
  kMinMax,  // (x - min) / (max - min); cost: (max - x) / (max - min)
  kMax,     // x / max; cost: 1 - x / max
  kSum,     // x / sum x; cost: (1 / x) / sum(1 / x)
  kLinear,  // x / max; cost: min / x (WASPAS, Zavadskas et al. 2012)
  kNone,    // raw values; cost: -x (TOPSIS then takes the minimum as ideal)
};

// TOPSIS distance to the ideal and the anti-ideal.
enum class Distance { kEuclidean, kManhattan };

// Exponents of the weighted product, and the weights of both WASPAS parts:
// w_j / sum w (the default), or the weights as given ("raw", for
// comparison with tools that do not divide by their sum).
enum class ProductExponents { kShares, kRaw };

// PROMETHEE preference functions (Brans & Vincke 1985; Brans & Mareschal
// 2005), of the difference d = g(a) - g(b) on one criterion.
enum class PreferenceFunction {
  kUsual,     // 1 if d > 0
  kUShape,    // 1 if d > q
  kVShape,    // d / p up to p, then 1
  kLevel,     // 1/2 if q < d <= p, 1 if d > p
  kLinear,    // (d - q) / (p - q) if q < d <= p, 1 if d > p
  kGaussian,  // 1 - exp(-d^2 / (2 s^2)) if d > 0
};

// Weights computed from the data instead of the published ones. For
// analysis only: they never decide an award (the report says so).
enum class ObjectiveWeights {
  kPublished,  // the criteria set's weights
  kEntropy,    // Shannon entropy of each column (Zeleny 1982; Hwang & Yoon)
  kCritic,     // CRITIC (Diakoulaki, Mavrotas & Papayannakis 1995)
};

// What the method aggregates.
enum class AggregationInput {
  kScores,  // the rules' scores (in [0, 1], higher is better)
  kValues,  // the bids' raw values, cost where the rule prefers lower
};

std::string_view ToString(Aggregation method);
std::optional<Aggregation> AggregationFromString(std::string_view text);
std::string_view ToString(Normalisation normalisation);
std::optional<Normalisation> NormalisationFromString(std::string_view text);
std::string_view ToString(Distance distance);
std::optional<Distance> DistanceFromString(std::string_view text);
std::string_view ToString(ProductExponents exponents);
std::optional<ProductExponents> ProductExponentsFromString(
    std::string_view text);
std::string_view ToString(PreferenceFunction function);
std::optional<PreferenceFunction> PreferenceFunctionFromString(
    std::string_view text);
std::string_view ToString(ObjectiveWeights weights);
std::optional<ObjectiveWeights> ObjectiveWeightsFromString(
    std::string_view text);
std::string_view ToString(AggregationInput input);
std::optional<AggregationInput> AggregationInputFromString(
    std::string_view text);

// A PROMETHEE criterion: its preference function and thresholds, in the
// units of what is aggregated (score points in [0, 1], or raw values).
struct PreferenceCriterion {
  PreferenceFunction function = PreferenceFunction::kUsual;
  double q = 0;  // indifference threshold (u-shape, level, linear)
  double p = 0;  // preference threshold (v-shape, level, linear), p > q
  double s = 0;  // Gaussian parameter, > 0
};

struct AggregationOptions {
  AggregationOptions() = default;
  // A method with its default options (so that an optional<Aggregation
  // Options> can be assigned a method).
  AggregationOptions(Aggregation m) : method(m) {}  // NOLINT: implicit

  Aggregation method = Aggregation::kWeightedSum;
  // The scale per column; unset: the method's own default (TOPSIS vector,
  // WASPAS linear, weighted sum and product none). VIKOR and PROMETHEE
  // use their own scaling and refuse one.
  std::optional<Normalisation> normalisation;
  // TOPSIS only.
  Distance distance = Distance::kEuclidean;
  // Weighted product and WASPAS's product part.
  ProductExponents exponents = ProductExponents::kShares;
  // WASPAS: the share of the weighted sum, in [0, 1].
  double lambda = 0.5;
  // VIKOR: the weight of the strategy of the majority of criteria (S)
  // against the individual regret (R), in [0, 1].
  double v = 0.5;
  // PROMETHEE: one entry per column, or empty for `preference_all` on every
  // column.
  std::vector<PreferenceCriterion> preference;
  PreferenceCriterion preference_all;
  // The weights the method uses.
  ObjectiveWeights weights = ObjectiveWeights::kPublished;
  // Scores (default) or the bids' raw values (Analyze only).
  AggregationInput input = AggregationInput::kScores;

  // True if the options can be used; otherwise writes why to `why`.
  bool IsValid(std::string* why) const;
};

// VIKOR's measures and compromise solution (Opricovic & Tzeng 2004).
struct VikorDetail {
  Eigen::VectorXd s;  // group utility, sum of weighted regrets
  Eigen::VectorXd r;  // individual regret, largest weighted regret
  Eigen::VectorXd q;  // v * S-part + (1 - v) * R-part; lower is better
  double dq = 0;      // acceptable advantage threshold 1 / (n - 1)
  bool acceptable_advantage = true;  // C1: Q(a'') - Q(a') >= DQ
  bool acceptable_stability = true;  // C2: a' also best by S or by R
  // The compromise solution: a' alone when both conditions hold; a' and
  // a'' when only C2 fails; a' .. a(M) with Q(a(M)) - Q(a') < DQ when C1
  // fails. Bid indices, best Q first.
  std::vector<int> compromise;
};

// PROMETHEE flows (Brans & Vincke 1985), each divided by n - 1.
struct PrometheeDetail {
  Eigen::VectorXd positive;  // leaving flow phi+
  Eigen::VectorXd negative;  // entering flow phi-
  Eigen::VectorXd net;       // phi+ - phi-: the PROMETHEE II value
};

// PROMETHEE I's partial order between two bids (from the flows).
enum class PartialRelation {
  kPreferred,     // a outranks b: phi+ not lower and phi- not higher
  kIndifferent,   // equal flows
  kIncomparable,  // one flow favours a, the other b
  kWorse,         // b outranks a
};
PartialRelation PrometheeOne(const PrometheeDetail& flows, int a, int b);

struct AggregationResult {
  Aggregation method = Aggregation::kWeightedSum;
  AggregationOptions options;  // as asked (normalisation filled in)
  // Per bid: weighted sum in points (without normalisation); TOPSIS
  // closeness, weighted product and WASPAS in [0, 1] for scores; VIKOR's
  // Q (lower is better); PROMETHEE's net flow in [-1, 1].
  Eigen::VectorXd value;
  bool lower_is_better = false;  // VIKOR
  std::vector<int> rank;         // 1-based, ties share a rank
  std::vector<bool> tied;
  std::vector<int> order;  // best first, input order inside ties
  // The weights used (the published ones, or the objective ones).
  Eigen::VectorXd weights;
  std::optional<VikorDetail> vikor;
  std::optional<PrometheeDetail> promethee;
};

// Re-aggregates an evaluation's scores (bids x criteria, in [0, 1]) with its
// weights. Scores below 0 (logarithmic with allow-negative) count as 0 for
// the methods that need non-negative values (TOPSIS, product, WASPAS).
AggregationResult Aggregate(const Evaluation& evaluation, Aggregation method);
// `options` must be valid (asserted); input kValues is Analyze's to handle:
// here the scores are aggregated.
AggregationResult Aggregate(const Evaluation& evaluation,
                            const AggregationOptions& options);

// The same on any decision matrix (alternatives x criteria) with weights
// and per-column cost flags (true: lower is better). Used by Analyze for
// raw values, and by the worked examples of the literature.
AggregationResult AggregateMatrix(const Eigen::MatrixXd& matrix,
                                  const Eigen::VectorXd& weights,
                                  const std::vector<bool>& cost,
                                  const AggregationOptions& options);

// Column normalisation as above (a column whose scale is 0 becomes 0).
Eigen::MatrixXd Normalise(const Eigen::MatrixXd& matrix,
                          const std::vector<bool>& cost,
                          Normalisation normalisation);

// Objective weights, summing to 1 (equal weights when no column varies).
// Entropy reads |x| / sum |x| per column, whatever the column's sense;
// CRITIC normalises by min-max with each column's sense.
Eigen::VectorXd EntropyWeights(const Eigen::MatrixXd& matrix);
Eigen::VectorXd CriticWeights(const Eigen::MatrixXd& matrix,
                              const std::vector<bool>& cost);

}  // namespace circa

#endif  // CIRCA_AGGREGATION_H_
