// The comparison methods on a decision matrix: weighted sum, TOPSIS,
// weighted product and WASPAS here as whole-matrix Eigen expressions; VIKOR
// (vikor.cc) and PROMETHEE (promethee.cc) in their own files; normalisations
// and objective weights in normalisation.cc. Ranking reuses the engine's
// tie rule (rank/rank.h).
#include "circa/aggregation.h"

#include <array>
#include <cassert>
#include <cmath>
#include <utility>

#include "analysis/aggregation_internal.h"
#include "rank/rank.h"

namespace circa {
namespace {

template <typename E>
using NameTable = std::pair<E, std::string_view>;

constexpr std::array<NameTable<Aggregation>, 6> kMethods{
    {{Aggregation::kWeightedSum, "weighted-sum"},
     {Aggregation::kTopsis, "topsis"},
     {Aggregation::kWeightedProduct, "weighted-product"},
     {Aggregation::kWaspas, "waspas"},
     {Aggregation::kVikor, "vikor"},
     {Aggregation::kPromethee, "promethee"}}};
constexpr std::array<NameTable<Normalisation>, 6> kNormalisations{
    {{Normalisation::kVector, "vector"},
     {Normalisation::kMinMax, "min-max"},
     {Normalisation::kMax, "max"},
     {Normalisation::kSum, "sum"},
     {Normalisation::kLinear, "linear"},
     {Normalisation::kNone, "none"}}};
constexpr std::array<NameTable<Distance>, 2> kDistances{
    {{Distance::kEuclidean, "euclidean"}, {Distance::kManhattan, "manhattan"}}};
constexpr std::array<NameTable<ProductExponents>, 2> kExponents{
    {{ProductExponents::kShares, "shares"}, {ProductExponents::kRaw, "raw"}}};
constexpr std::array<NameTable<PreferenceFunction>, 6> kFunctions{
    {{PreferenceFunction::kUsual, "usual"},
     {PreferenceFunction::kUShape, "u-shape"},
     {PreferenceFunction::kVShape, "v-shape"},
     {PreferenceFunction::kLevel, "level"},
     {PreferenceFunction::kLinear, "linear"},
     {PreferenceFunction::kGaussian, "gaussian"}}};
constexpr std::array<NameTable<ObjectiveWeights>, 3> kWeights{
    {{ObjectiveWeights::kPublished, "published"},
     {ObjectiveWeights::kEntropy, "entropy"},
     {ObjectiveWeights::kCritic, "critic"}}};
constexpr std::array<NameTable<AggregationInput>, 2> kInputs{
    {{AggregationInput::kScores, "scores"},
     {AggregationInput::kValues, "values"}}};

template <typename E, std::size_t N>
std::string_view Name(const std::array<NameTable<E>, N>& table, E value) {
  for (const auto& [v, name] : table) {
    if (v == value) return name;
  }
  return "?";
}

template <typename E, std::size_t N>
std::optional<E> FromName(const std::array<NameTable<E>, N>& table,
                          std::string_view text) {
  for (const auto& [v, name] : table) {
    if (name == text) return v;
  }
  return std::nullopt;
}

Normalisation DefaultNormalisation(Aggregation method) {
  switch (method) {
    case Aggregation::kTopsis:
      return Normalisation::kVector;
    case Aggregation::kWaspas:
      return Normalisation::kLinear;
    default:
      return Normalisation::kNone;
  }
}

// TOPSIS on columns oriented higher-is-better: weighting, ideal = column
// maximum, anti-ideal = column minimum, closeness D- / (D+ + D-).
Eigen::VectorXd Topsis(const Eigen::MatrixXd& r, const Eigen::VectorXd& w,
                       Distance distance) {
  const Eigen::MatrixXd v = r * w.asDiagonal();
  const Eigen::RowVectorXd ideal = v.colwise().maxCoeff();
  const Eigen::RowVectorXd anti = v.colwise().minCoeff();
  Eigen::ArrayXd d_plus;
  Eigen::ArrayXd d_minus;
  if (distance == Distance::kEuclidean) {
    d_plus = (v.rowwise() - ideal).rowwise().norm().array();
    d_minus = (v.rowwise() - anti).rowwise().norm().array();
  } else {
    d_plus = (v.rowwise() - ideal).cwiseAbs().rowwise().sum().array();
    d_minus = (v.rowwise() - anti).cwiseAbs().rowwise().sum().array();
  }
  const Eigen::ArrayXd sum = d_plus + d_minus;
  // Every alternative equal on every criterion: all are ideal, closeness 1.
  return (sum > 0).select(d_minus / sum, 1.0).matrix();
}

// Weighted product: exp(sum e_j ln r_ij); a value of 0 (or below) under a
// positive exponent gives 0; a weightless criterion is ignored (0^0 = 1).
Eigen::VectorXd WeightedProduct(const Eigen::MatrixXd& r,
                                const Eigen::VectorXd& exponents) {
  Eigen::VectorXd out(r.rows());
  for (Eigen::Index i = 0; i < r.rows(); ++i) {
    bool zero = false;
    double log_sum = 0;
    for (Eigen::Index j = 0; j < r.cols(); ++j) {
      if (exponents[j] == 0) continue;
      if (r(i, j) <= 0) {
        zero = true;
        break;
      }
      log_sum += exponents[j] * std::log(r(i, j));
    }
    out[i] = zero ? 0.0 : std::exp(log_sum);
  }
  return out;
}

Eigen::VectorXd Exponents(const Eigen::VectorXd& w, ProductExponents e) {
  if (e == ProductExponents::kRaw) return w;
  const double total = w.sum();
  return total > 0 ? (w / total).eval() : Eigen::VectorXd::Zero(w.size());
}

}  // namespace

std::string_view ToString(Aggregation v) { return Name(kMethods, v); }
std::optional<Aggregation> AggregationFromString(std::string_view t) {
  return FromName(kMethods, t);
}
std::string_view ToString(Normalisation v) { return Name(kNormalisations, v); }
std::optional<Normalisation> NormalisationFromString(std::string_view t) {
  return FromName(kNormalisations, t);
}
std::string_view ToString(Distance v) { return Name(kDistances, v); }
std::optional<Distance> DistanceFromString(std::string_view t) {
  return FromName(kDistances, t);
}
std::string_view ToString(ProductExponents v) { return Name(kExponents, v); }
std::optional<ProductExponents> ProductExponentsFromString(std::string_view t) {
  return FromName(kExponents, t);
}
std::string_view ToString(PreferenceFunction v) { return Name(kFunctions, v); }
std::optional<PreferenceFunction> PreferenceFunctionFromString(
    std::string_view t) {
  return FromName(kFunctions, t);
}
std::string_view ToString(ObjectiveWeights v) { return Name(kWeights, v); }
std::optional<ObjectiveWeights> ObjectiveWeightsFromString(std::string_view t) {
  return FromName(kWeights, t);
}
std::string_view ToString(AggregationInput v) { return Name(kInputs, v); }
std::optional<AggregationInput> AggregationInputFromString(std::string_view t) {
  return FromName(kInputs, t);
}

namespace {

bool CheckPreference(const PreferenceCriterion& c, std::string* why) {
  auto fail = [&](const char* text) {
    if (why) *why = text;
    return false;
  };
  if (!std::isfinite(c.q) || !std::isfinite(c.p) || !std::isfinite(c.s)) {
    return fail("preference: q, p and s must be finite");
  }
  switch (c.function) {
    case PreferenceFunction::kUsual:
      return true;
    case PreferenceFunction::kUShape:
      return c.q >= 0 || fail("preference: u-shape needs q >= 0");
    case PreferenceFunction::kVShape:
      return c.p > 0 || fail("preference: v-shape needs p > 0");
    case PreferenceFunction::kLevel:
    case PreferenceFunction::kLinear:
      return (c.q >= 0 && c.p > c.q) ||
             fail("preference: level and linear need 0 <= q < p");
    case PreferenceFunction::kGaussian:
      return c.s > 0 || fail("preference: gaussian needs s > 0");
  }
  return true;
}

}  // namespace

bool AggregationOptions::IsValid(std::string* why) const {
  auto fail = [&](const char* text) {
    if (why) *why = text;
    return false;
  };
  if (!(lambda >= 0 && lambda <= 1)) return fail("lambda: must be in [0, 1]");
  if (!(v >= 0 && v <= 1)) return fail("v: must be in [0, 1]");
  if (normalisation &&
      (method == Aggregation::kVikor || method == Aggregation::kPromethee)) {
    return fail("normalisation: vikor and promethee scale by their own rule");
  }
  if (!CheckPreference(preference_all, why)) return false;
  for (const PreferenceCriterion& c : preference) {
    if (!CheckPreference(c, why)) return false;
  }
  return true;
}

PartialRelation PrometheeOne(const PrometheeDetail& flows, int a, int b) {
  constexpr double kTie = 1e-9;
  const double dp = flows.positive[a] - flows.positive[b];
  const double dn = flows.negative[a] - flows.negative[b];
  const bool plus_equal = std::abs(dp) <= kTie;
  const bool minus_equal = std::abs(dn) <= kTie;
  if (plus_equal && minus_equal) return PartialRelation::kIndifferent;
  const bool a_not_worse = dp >= -kTie && dn <= kTie;
  const bool b_not_worse = dp <= kTie && dn >= -kTie;
  if (a_not_worse) return PartialRelation::kPreferred;
  if (b_not_worse) return PartialRelation::kWorse;
  return PartialRelation::kIncomparable;
}

AggregationResult AggregateMatrix(const Eigen::MatrixXd& matrix,
                                  const Eigen::VectorXd& weights,
                                  const std::vector<bool>& cost,
                                  const AggregationOptions& options) {
  assert(options.IsValid(nullptr));
  assert(static_cast<Eigen::Index>(cost.size()) == matrix.cols());
  assert(weights.size() == matrix.cols());
  AggregationResult out;
  out.method = options.method;
  out.options = options;
  switch (options.weights) {
    case ObjectiveWeights::kPublished:
      out.weights = weights;
      break;
    case ObjectiveWeights::kEntropy:
      out.weights = EntropyWeights(matrix);
      break;
    case ObjectiveWeights::kCritic:
      out.weights = CriticWeights(matrix, cost);
      break;
  }
  const Eigen::VectorXd& w = out.weights;
  const Normalisation norm =
      options.normalisation.value_or(DefaultNormalisation(options.method));
  if (options.method != Aggregation::kVikor &&
      options.method != Aggregation::kPromethee) {
    out.options.normalisation = norm;
  }
  Evaluation ranked;
  const Eigen::Index n = matrix.rows();
  switch (options.method) {
    case Aggregation::kWeightedSum:
      ranked.totals = Normalise(matrix, cost, norm) * w;
      break;
    case Aggregation::kTopsis:
      ranked.totals =
          n > 0 ? Topsis(Normalise(matrix, cost, norm), w, options.distance)
                : Eigen::VectorXd();
      break;
    case Aggregation::kWeightedProduct:
      ranked.totals = WeightedProduct(Normalise(matrix, cost, norm),
                                      Exponents(w, options.exponents));
      break;
    case Aggregation::kWaspas: {
      const Eigen::MatrixXd r = Normalise(matrix, cost, norm);
      // Both parts read the same weights: shares, or as given ("raw").
      const Eigen::VectorXd e = Exponents(w, options.exponents);
      ranked.totals = options.lambda * (r * e) +
                      (1 - options.lambda) * WeightedProduct(r, e);
      break;
    }
    case Aggregation::kVikor: {
      VikorDetail detail;
      ranked.totals = -analysis::Vikor(matrix, w, cost, options.v, &detail);
      out.vikor = std::move(detail);
      out.lower_is_better = true;
      break;
    }
    case Aggregation::kPromethee: {
      std::vector<PreferenceCriterion> criteria = options.preference;
      if (criteria.empty()) {
        criteria.assign(static_cast<std::size_t>(matrix.cols()),
                        options.preference_all);
      }
      assert(static_cast<Eigen::Index>(criteria.size()) == matrix.cols());
      out.promethee = analysis::Promethee(matrix, w, cost, criteria);
      ranked.totals = out.promethee->net;
      break;
    }
  }
  rank::Rank(&ranked);
  out.value =
      out.lower_is_better ? (-ranked.totals).eval() : std::move(ranked.totals);
  out.rank = std::move(ranked.rank);
  out.tied = std::move(ranked.tied);
  out.order = std::move(ranked.order);
  return out;
}

AggregationResult Aggregate(const Evaluation& evaluation,
                            const AggregationOptions& options) {
  // Scores are higher-is-better; TOPSIS, the product and WASPAS need them
  // non-negative.
  const Eigen::MatrixXd s = options.method == Aggregation::kWeightedSum
                                ? evaluation.scores
                                : evaluation.scores.cwiseMax(0.0);
  return AggregateMatrix(
      s, evaluation.weights,
      std::vector<bool>(static_cast<std::size_t>(s.cols()), false), options);
}

AggregationResult Aggregate(const Evaluation& evaluation, Aggregation method) {
  AggregationOptions options;
  options.method = method;
  return Aggregate(evaluation, options);
}

}  // namespace circa
