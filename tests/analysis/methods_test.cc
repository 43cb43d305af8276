// The comparison methods (issue 17) against worked examples published in
// papers and in other MCDA libraries' test suites. Every case names its
// source, the tolerance the source's printed precision allows, and the
// source's cost-criterion convention (sources differ; docs/aggregation.md).
// The numbers are facts of those examples; the code is circa's own.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "analysis/aggregation_internal.h"
#include "circa/aggregation.h"

namespace {

using circa::Aggregation;
using circa::AggregationOptions;
using circa::Distance;
using circa::Normalisation;
using circa::PreferenceCriterion;
using circa::PreferenceFunction;
using ::testing::ElementsAre;

// Rows are alternatives, as the sources print them.
Eigen::MatrixXd Rows(std::initializer_list<std::initializer_list<double>> r) {
  Eigen::MatrixXd m(static_cast<Eigen::Index>(r.size()),
                    static_cast<Eigen::Index>(r.begin()->size()));
  Eigen::Index i = 0;
  for (const auto& row : r) {
    Eigen::Index j = 0;
    for (const double v : row) m(i, j++) = v;
    ++i;
  }
  return m;
}

Eigen::VectorXd Vec(std::initializer_list<double> v) {
  Eigen::VectorXd out(static_cast<Eigen::Index>(v.size()));
  Eigen::Index i = 0;
  for (const double x : v) out[i++] = x;
  return out;
}

// "+" benefit, "-" cost, one character per column.
std::vector<bool> Cost(const std::string& senses) {
  std::vector<bool> out;
  for (const char c : senses) out.push_back(c == '-');
  return out;
}

void ExpectNear(const Eigen::VectorXd& got, const Eigen::VectorXd& want,
                double tolerance) {
  ASSERT_EQ(got.size(), want.size());
  for (Eigen::Index i = 0; i < got.size(); ++i) {
    EXPECT_NEAR(got[i], want[i], tolerance) << "element " << i;
  }
}

AggregationOptions Method(Aggregation method) {
  AggregationOptions o;
  o.method = method;
  return o;
}

// ---------------------------------------------------------------------------
// TOPSIS

// JMcDM test/mcdm/testtopsis.jl (Julia): 3 alternatives x 4 benefit
// criteria, weights 4/2/6/8, vector normalisation, Euclidean distance.
// Convention: cost columns take the column minimum as ideal (none here).
// Tolerance 1e-5 (the test's own).
TEST(TopsisReference, JmcdmVectorEuclidean) {
  const auto r = circa::AggregateMatrix(
      Rows({{9, 7, 6, 7}, {8, 7, 9, 6}, {7, 8, 6, 6}}), Vec({4, 2, 6, 8}),
      Cost("++++"), Method(Aggregation::kTopsis));
  ExpectNear(r.value, Vec({0.3876870, 0.6503238, 0.0834767}), 1e-5);
  EXPECT_THAT(r.order, ElementsAre(1, 0, 2));
}

// Tzeng & Huang (2011), Multiple Attribute Decision Making, CRC Press, as
// scikit-criteria tests/agg/test_topsis.py (test_TOPSIS_tzeng2011multiple)
// reproduces it: vector normalisation, weights 0.3/0.4/0.3, all benefit.
// Printed to 4 decimals: tolerance 1e-4.
TEST(TopsisReference, TzengHuang2011Vector) {
  const auto r = circa::AggregateMatrix(
      Rows({{5, 8, 4}, {7, 6, 8}, {8, 8, 6}, {7, 4, 6}}), Vec({0.3, 0.4, 0.3}),
      Cost("+++"), Method(Aggregation::kTopsis));
  ExpectNear(r.value, Vec({0.5037, 0.6581, 0.7482, 0.3340}), 1e-4);
  EXPECT_THAT(r.rank, ElementsAre(3, 2, 1, 4));
}

// Ersoy (2021), LogForum 17(3), entropy-based TOPSIS, as pyrepo-mcda
// tests/test_mcda_methods_1.py (Test_TOPSIS) reproduces it: two cost
// criteria (price-like), vector normalisation, Euclidean. pyrepo-mcda's
// convention for a cost column under vector normalisation is 1 - x/||x||,
// which gives the same distances as taking the minimum as ideal. The test
// compares at 2 decimals: tolerance 5e-3.
TEST(TopsisReference, Ersoy2021WithCostCriteria) {
  const auto r =
      circa::AggregateMatrix(Rows({{256, 8, 41, 1.6, 1.77, 7347.16},
                                   {256, 8, 32, 1.0, 1.8, 6919.99},
                                   {256, 8, 53, 1.6, 1.9, 8400},
                                   {256, 8, 41, 1.0, 1.75, 6808.9},
                                   {512, 8, 35, 1.6, 1.7, 8479.99},
                                   {256, 4, 35, 1.6, 1.7, 7499.99}}),
                             Vec({0.405, 0.221, 0.134, 0.199, 0.007, 0.034}),
                             Cost("++++--"), Method(Aggregation::kTopsis));
  ExpectNear(r.value, Vec({0.308, 0.254, 0.327, 0.263, 0.857, 0.192}), 5e-3);
}

// No normalisation: scikit-criteria tests/agg/test_topsis.py (test_TOPSIS)
// ranks the raw matrix with unit weights; ideal (1, 5, 6), anti-ideal
// (0, 0, 3). Printed to 8 decimals: tolerance 1e-8.
TEST(TopsisReference, ScikitCriteriaRawValues) {
  AggregationOptions o = Method(Aggregation::kTopsis);
  o.normalisation = Normalisation::kNone;
  const auto r = circa::AggregateMatrix(Rows({{1, 0, 3}, {0, 5, 6}}),
                                        Vec({1, 1, 1}), Cost("+++"), o);
  ExpectNear(r.value, Vec({0.14639248, 0.85360752}), 1e-8);
}

// With no normalisation a cost column is the negated column, so the ideal is
// its minimum, as Hwang & Yoon (1981) define it: flipping the sense of a
// column and negating its values gives the same closeness.
TEST(TopsisReference, RawCostColumnTakesTheMinimumAsIdeal) {
  AggregationOptions o = Method(Aggregation::kTopsis);
  o.normalisation = Normalisation::kNone;
  const auto a = circa::AggregateMatrix(Rows({{1, 0, -3}, {0, 5, -6}}),
                                        Vec({1, 1, 1}), Cost("++-"), o);
  ExpectNear(a.value, Vec({0.14639248, 0.85360752}), 1e-8);
}

// No normalisation, second source: akestoridis/mcdm
// mcdm/tests/scoring/test_topsis_method.py (test_simple_benefit,
// test_simple_cost, test_simple_mixture): TOPSIS applied to an already
// normalised 3 x 5 matrix (helper_testing.py matrix 06) with weights 0, 0.1,
// 0.2, 0.3, 0.4. The source keeps a cost column as it is and takes its
// minimum as the ideal, which is circa's `none` convention (a cost column is
// the negated column). Printed to 7 decimals and compared with
// np.testing.assert_allclose (relative 1e-7): tolerance 1e-7.
TEST(TopsisReference, AkestoridisMcdmRawValues) {
  AggregationOptions o = Method(Aggregation::kTopsis);
  o.normalisation = Normalisation::kNone;
  const Eigen::MatrixXd x = Rows({{0.5, 0.6, 0.3, 0.2, 0.9},
                                  {0.5, 0.5, 0.5, 0.5, 0.5},
                                  {0.5, 0.4, 0.7, 0.8, 0.1}});
  const Eigen::VectorXd w = Vec({0.0, 0.1, 0.2, 0.3, 0.4});
  ExpectNear(circa::AggregateMatrix(x, w, Cost("+++++"), o).value,
             Vec({0.6194425, 0.5, 0.3805575}), 1e-7);
  ExpectNear(circa::AggregateMatrix(x, w, Cost("-----"), o).value,
             Vec({0.3805575, 0.5, 0.6194425}), 1e-7);
  ExpectNear(circa::AggregateMatrix(x, w, Cost("+-+++"), o).value,
             Vec({0.6177727, 0.5, 0.3822273}), 1e-7);
  // The same library's README: rank() without a normalisation method, 5 x 2,
  // weights 0.7 / 0.3 (all benefit), then 0.5 / 0.5 with the second column
  // a cost. Printed to 16 digits: tolerance 1e-12.
  const Eigen::MatrixXd y =
      Rows({{0.0, 1.0}, {0.25, 0.75}, {0.5, 0.5}, {0.75, 0.25}, {1.0, 0.0}});
  ExpectNear(circa::AggregateMatrix(y, Vec({0.7, 0.3}), Cost("++"), o).value,
             Vec({0.3, 0.3495866639029891, 0.5, 0.6504133360970108, 0.7}),
             1e-12);
  ExpectNear(circa::AggregateMatrix(y, Vec({0.5, 0.5}), Cost("+-"), o).value,
             Vec({0.0, 0.25, 0.5, 0.75, 1.0}), 1e-12);
}

// Manhattan distance, worked by hand on the scikit-criteria raw matrix:
// D+ = |1-1| + |0-5| + |3-6| = 8 and D- = 1 for A0; D+ = 1, D- = 8 for A1.
TEST(TopsisReference, ManhattanByHand) {
  AggregationOptions o = Method(Aggregation::kTopsis);
  o.normalisation = Normalisation::kNone;
  o.distance = Distance::kManhattan;
  const auto r = circa::AggregateMatrix(Rows({{1, 0, 3}, {0, 5, 6}}),
                                        Vec({1, 1, 1}), Cost("+++"), o);
  ExpectNear(r.value, Vec({1.0 / 9, 8.0 / 9}), 1e-12);
}

// Manhattan distance, a published example: Guo, Liao, Liu & Zhang (2020),
// Omega 96, 102074, the first 15 of its 25 mobile phones on 11 criteria
// (price a cost), as energyinpython/distance-metrics-for-mcda
// examples/example.ipynb ranks them with TOPSIS, min-max normalisation
// (cost (max - x) / (max - min), circa's convention) and CRITIC weights
// (printed to 6 decimals, used here as printed), for each distance metric.
// Closeness printed to 6 decimals; with the weights rounded: tolerance 2e-6.
// The Euclidean column of the same table is checked too.
TEST(TopsisReference, Guo2020ManhattanDistanceMetricsForMcda) {
  const Eigen::MatrixXd x =
      Rows({{13, 2, 3750, 6, 6.0, 6701, 3.2, 9.8, 0.72, 2.9, 2999},
            {8, 12, 3300, 6, 6.3, 6806, 4.3, 12.7, 0.82, 3.7, 6988},
            {7, 12, 2675, 3, 5.5, 10304, 3.4, 7.8, 0.86, 3.0, 6688},
            {8, 12, 3350, 4, 5.2, 6805, 3.6, 7.3, 0.65, 3.0, 2099},
            {7, 12, 2700, 3, 5.8, 10304, 4.1, 7.8, 0.86, 3.2, 8388},
            {5, 12, 3400, 6, 6.0, 6806, 3.4, 7.3, 0.65, 2.9, 2999},
            {16, 20, 3300, 6, 6.0, 6805, 3.1, 2.0, 0.89, 2.5, 2999},
            {20, 20, 3205, 4, 6.0, 5888, 4.6, 13.3, 0.83, 4.2, 2999},
            {8, 20, 4000, 6, 6.0, 6701, 4.1, 12.3, 0.74, 3.5, 4899},
            {8, 12, 3000, 4, 5.6, 6806, 3.4, 12.7, 0.74, 2.6, 4999},
            {5, 12, 3080, 4, 5.5, 6805, 3.7, 7.3, 0.65, 2.6, 1399},
            {16, 12, 3500, 6, 5.5, 5888, 3.5, 7.3, 0.65, 2.9, 2299},
            {5, 16, 3000, 6, 5.2, 4212, 3.7, 1.8, 0.66, 3.0, 2199},
            {8, 16, 4050, 6, 6.0, 5888, 3.4, 1.4, 0.68, 2.8, 1899},
            {12, 12, 3245, 4, 6.0, 5888, 3.5, 17.4, 0.88, 2.7, 2798}});
  const Eigen::VectorXd w =
      Vec({0.090631, 0.078639, 0.100805, 0.148487, 0.074187, 0.089689, 0.074635,
           0.083033, 0.106157, 0.066252, 0.087486});
  AggregationOptions o = Method(Aggregation::kTopsis);
  o.normalisation = Normalisation::kMinMax;
  o.distance = Distance::kManhattan;
  ExpectNear(circa::AggregateMatrix(x, w, Cost("++++++++++-"), o).value,
             Vec({0.528809, 0.626334, 0.347487, 0.352678, 0.390897, 0.466063,
                  0.608266, 0.685968, 0.661767, 0.360001, 0.333139, 0.506358,
                  0.366788, 0.528326, 0.538333}),
             2e-6);
  o.distance = Distance::kEuclidean;
  ExpectNear(circa::AggregateMatrix(x, w, Cost("++++++++++-"), o).value,
             Vec({0.557878, 0.613773, 0.382911, 0.376623, 0.406067, 0.506174,
                  0.605020, 0.605045, 0.639116, 0.371339, 0.366135, 0.536113,
                  0.452698, 0.546563, 0.523334}),
             2e-6);
}

// Manhattan distance, a second published example: pyrepo-mcda
// docs/example_pyrepo_mcda.ipynb (Baczkiewicz & Watrobski) ranks its 6 x 4
// example (C2 a cost; weights printed 0.2857, 0.3036, 0.2321, 0.1786) with
// TOPSIS, min-max normalisation ((max - x) / (max - min) for the cost,
// circa's convention) and each distance metric; only the rankings are
// printed. Manhattan ranks A2 above A6, Euclidean A6 above A2. Exact ranks
// (the closest pair differs by 0.02 in closeness, far above the weights'
// rounding).
TEST(TopsisReference, PyrepoMcdaManhattanRanking) {
  const Eigen::MatrixXd x = Rows({{45, 3600, 45, 0.9},
                                  {25, 3800, 60, 0.8},
                                  {23, 3100, 35, 0.9},
                                  {14, 3400, 50, 0.7},
                                  {15, 3300, 40, 0.8},
                                  {28, 3000, 30, 0.6}});
  const Eigen::VectorXd w = Vec({0.2857, 0.3036, 0.2321, 0.1786});
  AggregationOptions o = Method(Aggregation::kTopsis);
  o.normalisation = Normalisation::kMinMax;
  o.distance = Distance::kManhattan;
  EXPECT_THAT(circa::AggregateMatrix(x, w, Cost("+-++"), o).rank,
              ElementsAre(1, 3, 2, 6, 5, 4));
  o.distance = Distance::kEuclidean;
  EXPECT_THAT(circa::AggregateMatrix(x, w, Cost("+-++"), o).rank,
              ElementsAre(1, 4, 2, 6, 5, 3));
}

// The default is the behaviour TOPSIS had before its options: vector
// normalisation and Euclidean distance.
TEST(TopsisReference, DefaultIsVectorEuclidean) {
  const AggregationOptions o = Method(Aggregation::kTopsis);
  EXPECT_FALSE(o.normalisation.has_value());
  EXPECT_EQ(o.distance, Distance::kEuclidean);
  const auto r =
      circa::AggregateMatrix(Rows({{9, 7, 6, 7}, {8, 7, 9, 6}, {7, 8, 6, 6}}),
                             Vec({4, 2, 6, 8}), Cost("++++"), o);
  EXPECT_EQ(r.options.normalisation, Normalisation::kVector);
}

// ---------------------------------------------------------------------------
// Normalisations, each against the formulas pyrepo-mcda's normalizations.py
// states (its convention for cost columns is the one circa uses) on the
// Xu (2004) matrix, with hand-computed cells.

TEST(NormalisationReference, CostConventions) {
  const Eigen::MatrixXd x = Rows({{2, 4}, {4, 5}, {8, 10}});
  const auto cost = Cost("+-");
  using circa::Normalise;
  // Sum: x / sum x = 2/14; cost (1/x) / sum(1/x) = (1/4) / (1/4+1/5+1/10).
  EXPECT_NEAR(Normalise(x, cost, Normalisation::kSum)(0, 0), 2.0 / 14, 1e-15);
  EXPECT_NEAR(Normalise(x, cost, Normalisation::kSum)(0, 1), 0.25 / 0.55,
              1e-15);
  // Max: x / max; cost 1 - x / max.
  EXPECT_NEAR(Normalise(x, cost, Normalisation::kMax)(1, 0), 0.5, 1e-15);
  EXPECT_NEAR(Normalise(x, cost, Normalisation::kMax)(1, 1), 0.5, 1e-15);
  // Min-max: cost (max - x) / (max - min).
  EXPECT_NEAR(Normalise(x, cost, Normalisation::kMinMax)(1, 0), 2.0 / 6, 1e-15);
  EXPECT_NEAR(Normalise(x, cost, Normalisation::kMinMax)(1, 1), 5.0 / 6, 1e-15);
  // Linear (WASPAS): cost min / x.
  EXPECT_NEAR(Normalise(x, cost, Normalisation::kLinear)(2, 1), 0.4, 1e-15);
  // Vector: cost 1 - x / ||x||.
  EXPECT_NEAR(Normalise(x, cost, Normalisation::kVector)(0, 1),
              1 - 4 / std::sqrt(141.0), 1e-15);
  // A column without scale becomes 0 rather than a division by zero.
  const Eigen::MatrixXd flat = Rows({{3}, {3}});
  EXPECT_EQ(Normalise(flat, Cost("+"), Normalisation::kMinMax)(0, 0), 0.0);
}

// The normalisations' cells, second source: pymcdm test/test_normalizations.py
// (Kizielewicz, Shekhovtsov & Salabun), a 6 x 3 matrix whose first two
// columns are costs. pymcdm's cost conventions are circa's: max 1 - x/max,
// sum (1/x) / sum(1/x), min-max (max - x) / (max - min), vector
// 1 - x/||x||, linear min / x. Printed to 8 decimals: tolerance 5e-9.
// TOPSIS with max or sum normalisation is then TOPSIS without normalisation
// on these published cells (all columns now benefit): no published TOPSIS
// closeness with max or sum normalisation was found (docs/aggregation.md).
TEST(NormalisationReference, PymcdmCells) {
  const Eigen::MatrixXd x = Rows({{66, 56, 95},
                                  {61, 55, 166},
                                  {65, 49, 113},
                                  {95, 56, 99},
                                  {63, 43, 178},
                                  {74, 59, 140}});
  const auto cost = Cost("--+");
  const Eigen::MatrixXd max = Rows({{0.30526316, 0.05084746, 0.53370787},
                                    {0.35789474, 0.06779661, 0.93258427},
                                    {0.31578947, 0.16949153, 0.63483146},
                                    {0.0, 0.05084746, 0.55617978},
                                    {0.33684211, 0.27118644, 1.0},
                                    {0.22105263, 0.0, 0.78651685}});
  const Eigen::MatrixXd sum = Rows({{0.17447136, 0.155945, 0.12010114},
                                    {0.1887723, 0.15878037, 0.20986094},
                                    {0.17715554, 0.17822286, 0.14285714},
                                    {0.12121168, 0.155945, 0.12515803},
                                    {0.18277952, 0.20309117, 0.22503161},
                                    {0.15560959, 0.1480156, 0.17699115}});
  const Eigen::MatrixXd minmax = Rows({{0.85294118, 0.1875, 0.0},
                                       {1.0, 0.25, 0.85542169},
                                       {0.88235294, 0.625, 0.21686747},
                                       {0.0, 0.1875, 0.04819277},
                                       {0.94117647, 1.0, 1.0},
                                       {0.61764706, 0.0, 0.54216867}});
  const Eigen::MatrixXd vector = Rows({{0.62375904, 0.57085288, 0.28587109},
                                       {0.65226214, 0.57851622, 0.49952212},
                                       {0.62945966, 0.62449627, 0.34003614},
                                       {0.45844104, 0.57085288, 0.29790777},
                                       {0.6408609, 0.67047632, 0.53563215},
                                       {0.57815408, 0.54786285, 0.42128371}});
  const Eigen::MatrixXd linear = Rows({{0.92424242, 0.76785714, 0.53370787},
                                       {1.0, 0.78181818, 0.93258427},
                                       {0.93846154, 0.87755102, 0.63483146},
                                       {0.64210526, 0.76785714, 0.55617978},
                                       {0.96825397, 1.0, 1.0},
                                       {0.82432432, 0.72881356, 0.78651685}});
  struct Case {
    Normalisation n;
    const Eigen::MatrixXd* cells;
  };
  for (const Case& c :
       {Case{Normalisation::kMax, &max}, Case{Normalisation::kSum, &sum},
        Case{Normalisation::kMinMax, &minmax},
        Case{Normalisation::kVector, &vector},
        Case{Normalisation::kLinear, &linear}}) {
    SCOPED_TRACE(std::string(circa::ToString(c.n)));
    const Eigen::MatrixXd got = circa::Normalise(x, cost, c.n);
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
      ExpectNear(got.row(i).transpose(), c.cells->row(i).transpose(), 5e-9);
    }
  }
  AggregationOptions none = Method(Aggregation::kTopsis);
  none.normalisation = Normalisation::kNone;
  const Eigen::VectorXd w = Vec({0.5, 0.3, 0.2});
  for (const Case& c :
       {Case{Normalisation::kMax, &max}, Case{Normalisation::kSum, &sum}}) {
    SCOPED_TRACE(std::string(circa::ToString(c.n)));
    AggregationOptions o = Method(Aggregation::kTopsis);
    o.normalisation = c.n;
    ExpectNear(circa::AggregateMatrix(x, w, cost, o).value,
               circa::AggregateMatrix(*c.cells, w, Cost("+++"), none).value,
               1e-7);
  }
}

// The normalisations' cells, an independent implementation: the Rust crate
// akrutsinger/mcdm tests/normalization.rs, a 3 x 4 matrix whose first and
// last columns are costs. Its cost conventions are circa's (max 1 - x/max,
// sum (1/x) / sum(1/x), min-max (max - x) / (max - min), vector
// 1 - x/||x||, linear min / x). Compared with epsilon 1e-5 (the test's own).
TEST(NormalisationReference, McdmRustCrateCells) {
  const Eigen::MatrixXd x = Rows({{2.9, 2.31, 0.56, 1.89},
                                  {1.2, 1.34, 0.21, 2.48},
                                  {0.3, 2.48, 1.75, 1.69}});
  const auto cost = Cost("-++-");
  const Eigen::MatrixXd max = Rows({{0.0, 0.93145161, 0.32, 0.23790323},
                                    {0.5862069, 0.54032258, 0.12, 0.0},
                                    {0.89655172, 1.0, 1.0, 0.31854839}});
  const Eigen::MatrixXd sum =
      Rows({{0.07643312, 0.37683524, 0.22222222, 0.34716919},
            {0.18471338, 0.21859706, 0.08333333, 0.26457652},
            {0.7388535, 0.4045677, 0.69444444, 0.3882543}});
  const Eigen::MatrixXd minmax =
      Rows({{0.0, 0.85087719, 0.22727273, 0.74683544},
            {0.65384615, 0.0, 0.0, 0.0},
            {1.0, 1.0, 1.0, 1.0}});
  const Eigen::MatrixXd vector =
      Rows({{0.08017585, 0.63383849, 0.30280447, 0.46710009},
            {0.61938311, 0.3676812, 0.11355167, 0.30074509},
            {0.90484578, 0.68048461, 0.94626396, 0.52349161}});
  const Eigen::MatrixXd linear =
      Rows({{0.10344828, 0.93145161, 0.32, 0.89417989},
            {0.25, 0.54032258, 0.12, 0.68145161},
            {1.0, 1.0, 1.0, 1.0}});
  struct Case {
    Normalisation n;
    const Eigen::MatrixXd* cells;
  };
  for (const Case& c :
       {Case{Normalisation::kMax, &max}, Case{Normalisation::kSum, &sum},
        Case{Normalisation::kMinMax, &minmax},
        Case{Normalisation::kVector, &vector},
        Case{Normalisation::kLinear, &linear}}) {
    SCOPED_TRACE(std::string(circa::ToString(c.n)));
    const Eigen::MatrixXd got = circa::Normalise(x, cost, c.n);
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
      ExpectNear(got.row(i).transpose(), c.cells->row(i).transpose(), 1e-5);
    }
  }
  // TOPSIS with max or sum normalisation equals TOPSIS without
  // normalisation on these published cells.
  AggregationOptions none = Method(Aggregation::kTopsis);
  none.normalisation = Normalisation::kNone;
  const Eigen::VectorXd w = Vec({0.25, 0.25, 0.25, 0.25});
  for (const Case& c :
       {Case{Normalisation::kMax, &max}, Case{Normalisation::kSum, &sum}}) {
    SCOPED_TRACE(std::string(circa::ToString(c.n)));
    AggregationOptions o = Method(Aggregation::kTopsis);
    o.normalisation = c.n;
    ExpectNear(circa::AggregateMatrix(x, w, cost, o).value,
               circa::AggregateMatrix(*c.cells, w, Cost("++++"), none).value,
               1e-5);
  }
}

// Sum normalisation with cost columns in a method, a published example:
// Kracka, Brauers & Zavadskas (2010), Inzinerine Ekonomika 21(4) 352-359,
// as scikit-criteria tests/agg/test_simple.py
// (test_WeightedSumModel_kracka2010ranking) reproduces it: InvertMinimize
// (a cost column becomes 1/x) then SumScaler (x / sum x), i.e. circa's
// `sum` convention (1/x) / sum(1/x) for the five cost columns, and the
// weights 20 each scaled to sum 1 (circa's weighted sum uses the weights as
// given, so 1/7 each is passed). Printed to 8 decimals: tolerance 1e-8.
TEST(NormalisationReference, SumWithCostColumnsKracka2010) {
  AggregationOptions o = Method(Aggregation::kWeightedSum);
  o.normalisation = Normalisation::kSum;
  const Eigen::VectorXd w = Eigen::VectorXd::Constant(7, 1.0 / 7);
  const auto r = circa::AggregateMatrix(
      Rows({{33.95, 23.78, 11.45, 39.97, 29.44, 167.10, 3.852},
            {38.9, 4.17, 6.32, 0.01, 4.29, 132.52, 25.184},
            {37.59, 9.36, 8.23, 4.35, 10.22, 136.71, 10.845},
            {30.44, 37.59, 13.91, 74.08, 45.10, 198.34, 2.186},
            {36.21, 14.79, 9.17, 17.77, 17.06, 148.3, 6.610},
            {37.8, 8.55, 7.97, 2.35, 9.25, 134.83, 11.935}}),
      w, Cost("----+-+"), o);
  ExpectNear(r.value,
             Vec({0.12040426, 0.3458235, 0.13838192, 0.12841246, 0.12346084,
                  0.14351701}),
             1e-8);
  EXPECT_THAT(r.rank, ElementsAre(6, 1, 3, 4, 5, 2));
}

// TOPSIS with min-max, max and sum normalisation on the JMcDM matrix. The
// expected closeness is computed here from the definitions step by step
// (an independent spelled-out computation, not the method's code path).
Eigen::VectorXd TopsisByDefinition(const Eigen::MatrixXd& r,
                                   const Eigen::VectorXd& w) {
  Eigen::VectorXd out(r.rows());
  for (Eigen::Index i = 0; i < r.rows(); ++i) {
    double dp = 0;
    double dm = 0;
    for (Eigen::Index j = 0; j < r.cols(); ++j) {
      const double v = w[j] * r(i, j);
      dp += std::pow(v - w[j] * r.col(j).maxCoeff(), 2);
      dm += std::pow(v - w[j] * r.col(j).minCoeff(), 2);
    }
    out[i] = std::sqrt(dm) / (std::sqrt(dp) + std::sqrt(dm));
  }
  return out;
}

TEST(TopsisReference, OtherNormalisationsFollowTheirDefinitions) {
  const Eigen::MatrixXd x = Rows({{9, 7, 6, 7}, {8, 7, 9, 6}, {7, 8, 6, 6}});
  const Eigen::VectorXd w = Vec({4, 2, 6, 8});
  for (const Normalisation n :
       {Normalisation::kMinMax, Normalisation::kMax, Normalisation::kSum}) {
    AggregationOptions o = Method(Aggregation::kTopsis);
    o.normalisation = n;
    const auto r = circa::AggregateMatrix(x, w, Cost("++++"), o);
    ExpectNear(r.value,
               TopsisByDefinition(circa::Normalise(x, Cost("++++"), n), w),
               1e-12);
  }
  // Min-max: closeness of the JMcDM matrix worked by hand. Column ranges
  // 2, 1, 3, 1; r = (1, 0, 0, 1), (1/2, 0, 1, 0), (0, 1, 0, 0).
  AggregationOptions o = Method(Aggregation::kTopsis);
  o.normalisation = Normalisation::kMinMax;
  const auto r = circa::AggregateMatrix(x, w, Cost("++++"), o);
  // A0: D+ = sqrt(2^2 + 6^2) = sqrt(40), D- = sqrt(4^2 + 8^2) = sqrt(80).
  EXPECT_NEAR(r.value[0], std::sqrt(80.0) / (std::sqrt(40.0) + std::sqrt(80.0)),
              1e-12);
}

// Min-max with a cost column, a published figure: the pymcdm README's
// usage example (Kizielewicz, Shekhovtsov & Salabun 2023), TOPSIS with
// pymcdm's default min-max normalisation, 4 x 3, the second column a cost
// ((max - x) / (max - min), circa's convention), weights 0.3 / 0.5 / 0.2:
// closeness 0.469, 0.255, 0.765, 0.747. Printed to 3 decimals: tolerance
// 5e-4.
TEST(TopsisReference, PymcdmReadmeMinMaxWithCostColumn) {
  AggregationOptions o = Method(Aggregation::kTopsis);
  o.normalisation = Normalisation::kMinMax;
  const auto r = circa::AggregateMatrix(
      Rows({{4, 4, 0.2}, {1, 5, 0.5}, {3, 2, 0.3}, {4, 3, 0.5}}),
      Vec({0.3, 0.5, 0.2}), Cost("+-+"), o);
  ExpectNear(r.value, Vec({0.469, 0.255, 0.765, 0.747}), 5e-4);
}

// ---------------------------------------------------------------------------
// WASPAS

// JMcDM test/mcdm/testwaspas.jl: 5 x 6, lambda 0.5, linear normalisation
// (benefit x / max, cost min / x, Zavadskas et al. 2012). Tolerance 1e-4
// (the test's own).
TEST(WaspasReference, Jmcdm) {
  const auto r =
      circa::AggregateMatrix(Rows({{3, 12.5, 2, 120, 14, 3},
                                   {5, 15, 3, 110, 38, 4},
                                   {3, 13, 2, 120, 19, 3},
                                   {4, 14, 2, 100, 31, 4},
                                   {3, 15, 1.5, 125, 40, 4}}),
                             Vec({0.221, 0.159, 0.175, 0.127, 0.117, 0.201}),
                             Cost("+--+-+"), Method(Aggregation::kWaspas));
  ExpectNear(r.value, Vec({0.805021, 0.775060, 0.770181, 0.796424, 0.788239}),
             1e-4);
}

// Chakraborty, Zavadskas & Antucheviciene (2015), Economic Computation and
// Economic Cybernetics Studies and Research 49(1), Example 2, as
// scikit-criteria tests/agg/test_waspas.py reproduces it for lambda 0 .. 1.
// Three cost criteria normalised min / x, one benefit x / max. Printed to 4
// decimals: tolerance 1e-4.
TEST(WaspasReference, Chakraborty2015Example2) {
  const Eigen::MatrixXd x = Rows({{581818, 54.49, 3, 5500},
                                  {595454, 49.73, 3, 4500},
                                  {586060, 51.24, 3, 5000},
                                  {522727, 45.71, 3, 5800},
                                  {561818, 52.66, 3, 5200},
                                  {543030, 74.46, 4, 5600},
                                  {522727, 75.42, 4, 5800},
                                  {486970, 62.62, 4, 5600},
                                  {509394, 65.87, 4, 6400},
                                  {513333, 70.67, 4, 6000}});
  const Eigen::VectorXd w = Vec({0.467, 0.160, 0.095, 0.278});
  struct Row {
    double lambda;
    Eigen::VectorXd q;
  };
  const std::vector<Row> rows = {
      {0.0, Vec({0.8578, 0.8144, 0.8408, 0.9413, 0.8632, 0.8241, 0.8454, 0.8915,
                 0.8987, 0.8697})},
      {0.5, Vec({0.8584, 0.8169, 0.8419, 0.9417, 0.8638, 0.8278, 0.8503, 0.8949,
                 0.9027, 0.8740})},
      {1.0, Vec({0.8590, 0.8194, 0.8430, 0.9420, 0.8645, 0.8315, 0.8552, 0.8983,
                 0.9067, 0.8784})},
  };
  for (const Row& row : rows) {
    AggregationOptions o = Method(Aggregation::kWaspas);
    o.lambda = row.lambda;
    const auto r = circa::AggregateMatrix(x, w, Cost("---+"), o);
    ExpectNear(r.value, row.q, 1e-4);
    EXPECT_THAT(r.rank, ElementsAre(6, 10, 8, 1, 5, 9, 7, 3, 2, 4));
  }
}

// WASPAS's two parts without normalisation: scikit-criteria
// tests/agg/test_waspas.py (verify_intermediate_calculations) gives the
// weighted sum and log10 of the weighted product of an already normalised
// matrix, with the weights as given (they sum to 0.9997; scikit-criteria
// does not divide by their sum: circa's "raw" weights). lambda 1 is the sum,
// lambda 0 the product. Compared with np.allclose: tolerance 1e-8 relative +
// 1e-5.
TEST(WaspasReference, ScikitCriteriaPartsWithoutNormalisation) {
  const Eigen::MatrixXd x = Rows({{0.5099, 0.0465, 0.2427, 0.3246, 0.1166},
                                  {0.2123, 0.7622, 0.2051, 0.3259, 0.5295},
                                  {0.0280, 0.0456, 0.2134, 0.1151, 0.1359},
                                  {0.2496, 0.1455, 0.3386, 0.2342, 0.2177}});
  const Eigen::VectorXd w = Vec({0.3672, 0.0933, 0.2405, 0.2770, 0.0217});
  AggregationOptions o = Method(Aggregation::kWaspas);
  o.normalisation = Normalisation::kNone;
  o.exponents = circa::ProductExponents::kRaw;  // scikit-criteria's weights
  o.lambda = 1;
  ExpectNear(circa::AggregateMatrix(x, w, Cost("+++++"), o).value,
             Vec({0.3423875, 0.30016082, 0.10069051, 0.25625906}), 1e-5);
  o.lambda = 0;
  const Eigen::VectorXd product =
      circa::AggregateMatrix(x, w, Cost("+++++"), o).value;
  ExpectNear(product.array().log10().matrix(),
             Vec({-0.53523796, -0.56448693, -1.13554217, -0.60153986}), 1e-5);
}

// Raw product exponents: the weights as given, not divided by their sum.
TEST(WaspasReference, RawExponentsUseTheWeightsAsGiven) {
  AggregationOptions o = Method(Aggregation::kWeightedProduct);
  o.exponents = circa::ProductExponents::kRaw;
  const auto r =
      circa::AggregateMatrix(Rows({{0.5, 0.25}}), Vec({2, 1}), Cost("++"), o);
  EXPECT_NEAR(r.value[0], 0.25 * 0.25, 1e-15);
  o.exponents = circa::ProductExponents::kShares;
  EXPECT_NEAR(
      circa::AggregateMatrix(Rows({{0.5, 0.25}}), Vec({2, 1}), Cost("++"), o)
          .value[0],
      std::pow(0.5, 2.0 / 3) * std::pow(0.25, 1.0 / 3), 1e-15);
}

// Raw weights in both WASPAS parts, second source: pymcdm
// test/test_mcdm.py (TestWASPAS), Chakraborty, Zavadskas & Antucheviciene
// (2015), 8 x 7, lambda 0.5, linear normalisation (benefit x / max, cost
// min / x, circa's `linear`), the last two columns costs. Its weights sum to
// 1.0155 and pymcdm uses them as given (sum part w x, product part x^w):
// circa's `--exponents raw`. With the weights divided by their sum the
// values would be lower (0.8277 for the first). Printed to 4 decimals:
// tolerance 5e-5.
TEST(WaspasReference, PymcdmChakraborty2015RawWeights) {
  AggregationOptions o = Method(Aggregation::kWaspas);
  o.exponents = circa::ProductExponents::kRaw;
  const auto r = circa::AggregateMatrix(
      Rows({{30, 23, 5, 0.745, 0.745, 1500, 5000},
            {18, 13, 15, 0.745, 0.745, 1300, 6000},
            {15, 12, 10, 0.500, 0.500, 950, 7000},
            {25, 20, 13, 0.745, 0.745, 1200, 4000},
            {14, 18, 14, 0.255, 0.745, 950, 3500},
            {17, 15, 9, 0.745, 0.500, 1250, 5250},
            {23, 18, 20, 0.500, 0.745, 1100, 3000},
            {16, 8, 14, 0.255, 0.500, 1500, 3000}}),
      Vec({0.1181, 0.1181, 0.0445, 0.1181, 0.2861, 0.2861, 0.0445}),
      Cost("+++++--"), o);
  ExpectNear(
      r.value,
      Vec({0.8329, 0.7884, 0.6987, 0.8831, 0.7971, 0.7036, 0.8728, 0.5749}),
      5e-5);
}

// Raw product exponents with sum normalisation: pymcdm test/test_mcdm.py
// (TestWPM, "self-reference"), 5 x 4, the last two columns costs, pymcdm's
// default sum normalisation (benefit x / sum x, cost (1/x) / sum(1/x):
// circa's `sum`) and weights 8/13, 5/13, 6/13, 7/13 (summing to 2) used as
// exponents as given. Printed to 3 decimals: tolerance 5e-4. The weighted
// sum of the same test (TestWSM: 0.609, 0.313, 0.334, 0.265, 0.479) uses the
// weights as given too, as circa's weighted sum (points) does.
TEST(WaspasReference, PymcdmWeightedProductRawExponentsSumNormalisation) {
  const Eigen::MatrixXd x = Rows({{96, 83, 75, 7},
                                  {63, 5, 56, 9},
                                  {72, 30, 32, 48},
                                  {11, 4, 27, 9},
                                  {77, 21, 17, 11}});
  const Eigen::VectorXd w = Vec({8.0 / 13, 5.0 / 13, 6.0 / 13, 7.0 / 13});
  AggregationOptions o = Method(Aggregation::kWeightedProduct);
  o.normalisation = Normalisation::kSum;
  o.exponents = circa::ProductExponents::kRaw;
  ExpectNear(circa::AggregateMatrix(x, w, Cost("++--"), o).value,
             Vec({0.065, 0.017, 0.019, 0.007, 0.052}), 5e-4);
  AggregationOptions s = Method(Aggregation::kWeightedSum);
  s.normalisation = Normalisation::kSum;
  ExpectNear(circa::AggregateMatrix(x, w, Cost("++--"), s).value,
             Vec({0.609, 0.313, 0.334, 0.265, 0.479}), 5e-4);
}

// WASPAS without normalisation, second source: the JMcDM example above
// (testwaspas.jl) normalised here by the source's own rule (benefit
// x / max, cost min / x), cell by cell, and given to WASPAS `none` with
// every column a benefit: the source's values must come back. Tolerance
// 1e-4 (the test's own).
TEST(WaspasReference, JmcdmPreNormalisedWithoutNormalisation) {
  const Eigen::MatrixXd x = Rows({{3, 12.5, 2, 120, 14, 3},
                                  {5, 15, 3, 110, 38, 4},
                                  {3, 13, 2, 120, 19, 3},
                                  {4, 14, 2, 100, 31, 4},
                                  {3, 15, 1.5, 125, 40, 4}});
  const auto cost = Cost("+--+-+");
  Eigen::MatrixXd r(x.rows(), x.cols());
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
      r(i, j) = cost[static_cast<std::size_t>(j)]
                    ? x.col(j).minCoeff() / x(i, j)
                    : x(i, j) / x.col(j).maxCoeff();
    }
  }
  AggregationOptions o = Method(Aggregation::kWaspas);
  o.normalisation = Normalisation::kNone;
  ExpectNear(
      circa::AggregateMatrix(r, Vec({0.221, 0.159, 0.175, 0.127, 0.117, 0.201}),
                             Cost("++++++"), o)
          .value,
      Vec({0.805021, 0.775060, 0.770181, 0.796424, 0.788239}), 1e-4);
}

// ---------------------------------------------------------------------------
// VIKOR. Sources take each column's best as max for benefit and min for
// cost, as circa does.

// Papathanasiou & Ploskas (2018), Multiple Criteria Decision Aid, Springer,
// ch. "VIKOR", as pyrepo-mcda tests/test_mcda_methods_1.py (Test_VIKOR)
// reproduces it with v = 0.625. Compared at 3 decimals: tolerance 5e-4.
TEST(VikorReference, PapathanasiouPloskas2018) {
  AggregationOptions o = Method(Aggregation::kVikor);
  o.v = 0.625;
  const auto r =
      circa::AggregateMatrix(Rows({{8, 7, 2, 1},
                                   {5, 3, 7, 5},
                                   {7, 5, 6, 4},
                                   {9, 9, 7, 3},
                                   {11, 10, 3, 7},
                                   {6, 9, 5, 4}}),
                             Vec({0.4, 0.3, 0.1, 0.2}), Cost("++++"), o);
  ExpectNear(r.value, Vec({0.640, 1.000, 0.693, 0.271, 0.000, 0.694}), 5e-4);
  EXPECT_TRUE(r.lower_is_better);
  EXPECT_EQ(r.order.front(), 4);
}

// JMcDM test/mcdm/testvikor.jl: 4 x 8 benefit criteria, v = 0.5.
// Tolerance 0.01 (the test's own; Q printed to 2 decimals).
TEST(VikorReference, Jmcdm) {
  const auto r = circa::AggregateMatrix(
      Rows({{100, 92, 10, 2, 80, 70, 95, 80},
            {80, 70, 8, 4, 100, 80, 80, 90},
            {90, 85, 5, 0, 75, 95, 70, 70},
            {70, 88, 20, 18, 60, 90, 95, 85}}),
      Vec({0.110, 0.035, 0.379, 0.384, 0.002, 0.002, 0.010, 0.077}),
      Cost("++++++++"), Method(Aggregation::kVikor));
  ExpectNear(r.value, Vec({0.74, 0.73, 1.0, 0.0}), 0.01);
  EXPECT_EQ(r.order.front(), 3);
}

// scikit-criteria tests/agg/test_vikor.py (test_VIKOR): S, R, Q and the
// compromise set when the advantage is not acceptable (Q(a'') - Q(a') =
// 0.25 < DQ = 1/3). Exact decimals: tolerance 1e-12.
TEST(VikorReference, ScikitCriteriaCompromiseSet) {
  const auto r = circa::AggregateMatrix(
      Rows({{5, 8, 4}, {7, 6, 8}, {8, 8, 6}, {7, 4, 6}}), Vec({0.3, 0.4, 0.3}),
      Cost("+++"), Method(Aggregation::kVikor));
  ASSERT_TRUE(r.vikor);
  ExpectNear(r.vikor->r, Vec({0.3, 0.2, 0.15, 0.4}), 1e-12);
  ExpectNear(r.vikor->s, Vec({0.6, 0.3, 0.15, 0.65}), 1e-12);
  ExpectNear(r.vikor->q, Vec({0.75, 0.25, 0.0, 1.0}), 1e-12);
  EXPECT_NEAR(r.vikor->dq, 1.0 / 3, 1e-15);
  EXPECT_FALSE(r.vikor->acceptable_advantage);
  EXPECT_TRUE(r.vikor->acceptable_stability);
  EXPECT_THAT(r.vikor->compromise, ElementsAre(2, 1));
}

// Opricovic & Tzeng (2007), EJOR 178(2) 514-529, the hydro-power example
// with four weight sets, as scikit-criteria tests/agg/test_vikor.py
// (test_VIKOR_opricovic2007extended) reproduces it. Printed to 3 decimals:
// tolerance 1e-3. Four cost criteria (cost, homes, area, villages).
TEST(VikorReference, OpricovicTzeng2007) {
  const Eigen::MatrixXd x =
      Rows({{4184.3, 2914.0, 407.2, 251.0, 195, 244, 15, 2.41},
            {5211.9, 3630.0, 501.7, 308.3, 282, 346, 21, 1.41},
            {5021.3, 3920.5, 504.0, 278.6, 12, 56, 3, 4.42},
            {5566.1, 3957.9, 559.5, 335.3, 167, 268, 16, 3.36},
            {5060.5, 3293.5, 514.1, 284.2, 69, 90, 7, 4.04},
            {4317.9, 2925.9, 432.8, 239.3, 12, 55, 3, 4.36}});
  struct Case {
    Eigen::VectorXd w, r, s, q;
    bool advantage;
    std::vector<int> compromise;
  };
  const std::vector<Case> cases = {
      {Vec({1, 1, 1, 1, 1, 1, 1, 1}),
       Vec({0.125, 0.125, 0.121, 0.125, 0.067, 0.125}),
       Vec({0.692, 0.7, 0.29, 0.423, 0.28, 0.346}),
       Vec({0.991, 1.0, 0.473, 0.670, 0.0, 0.578}),
       true,
       {4}},
      {Vec({2, 2, 2, 2, 1, 1, 1, 1}),
       Vec({0.167, 0.114, 0.161, 0.167, 0.089, 0.167}),
       Vec({0.701, 0.6, 0.386, 0.365, 0.317, 0.459}),
       Vec({1.0, 0.533, 0.552, 0.563, 0.0, 0.686}),
       true,
       {4}},
      {Vec({1, 1, 1, 1, 2, 2, 2, 2}),
       Vec({0.113, 0.167, 0.08, 0.122, 0.044, 0.083}),
       Vec({0.683, 0.8, 0.193, 0.48, 0.243, 0.232}),
       Vec({0.684, 1.0, 0.147, 0.554, 0.041, 0.191}),
       false,
       {4, 2, 5}},
      {Vec({1, 1, 1, 1, 3.2, 3.2, 3.2, 3.2}),
       Vec({0.129, 0.190, 0.057, 0.139, 0.042, 0.060}),
       Vec({0.678, 0.857, 0.138, 0.513, 0.222, 0.167}),
       Vec({0.668, 1.0, 0.051, 0.588, 0.058, 0.078}),
       false,
       {2, 4, 5}},
  };
  for (const Case& c : cases) {
    const auto r = circa::AggregateMatrix(x, c.w, Cost("+-++---+"),
                                          Method(Aggregation::kVikor));
    ASSERT_TRUE(r.vikor);
    ExpectNear(r.vikor->r, c.r, 1e-3);
    ExpectNear(r.vikor->s, c.s, 1e-3);
    ExpectNear(r.vikor->q, c.q, 1e-3);
    EXPECT_EQ(r.vikor->acceptable_advantage, c.advantage);
    EXPECT_TRUE(r.vikor->acceptable_stability);
    EXPECT_EQ(r.vikor->compromise, c.compromise);
  }
}

// Opricovic & Tzeng (2004), EJOR 156(2) 445-455, the two-criterion example
// (risk is a cost), as scikit-criteria test_VIKOR_opricovic2004compromise
// reproduces it: both conditions hold, the compromise is A2 alone.
TEST(VikorReference, OpricovicTzeng2004) {
  const auto r = circa::AggregateMatrix(Rows({{1, 3000}, {2, 3750}, {5, 4500}}),
                                        Vec({0.5, 0.5}), Cost("-+"),
                                        Method(Aggregation::kVikor));
  ExpectNear(r.vikor->r, Vec({0.5, 0.25, 0.5}), 1e-12);
  ExpectNear(r.vikor->s, Vec({0.5, 0.375, 0.5}), 1e-12);
  ExpectNear(r.vikor->q, Vec({1.0, 0.0, 1.0}), 1e-12);
  EXPECT_TRUE(r.vikor->acceptable_advantage);
  EXPECT_TRUE(r.vikor->acceptable_stability);
  EXPECT_THAT(r.vikor->compromise, ElementsAre(1));
}

// Condition C2 failing alone, worked by hand: the compromise is a' and a''.
// Two benefit criteria, weights 1/2, each ranging 0 .. 10, so a cell's
// weighted regret is (10 - x) / 20. A (10, 2): S 0.40 R 0.40; B (4, 4):
// S 0.60 R 0.30; C (8, 3.8): S 0.41 R 0.31; F (0, 10): S 0.5 R 0.5; seven
// bids (0, 0): S 1 R 0.5. n = 11, DQ = 0.1. With v = 0.5: Q(A) = 0.25,
// Q(B) = 1/6, Q(C) = 0.5 (0.01 / 0.6) + 0.5 (0.01 / 0.2) = 1/30. C leads by
// 2/15 >= DQ (advantage holds) but is best neither by S (A) nor by R (B).
TEST(VikorReference, StabilityConditionByHand) {
  Eigen::MatrixXd x = Eigen::MatrixXd::Zero(11, 2);
  x.topRows(4) = Rows({{10, 2}, {4, 4}, {8, 3.8}, {0, 10}});
  const auto r = circa::AggregateMatrix(x, Vec({1, 1}), Cost("++"),
                                        Method(Aggregation::kVikor));
  EXPECT_NEAR(r.vikor->q[0], 0.25, 1e-12);
  EXPECT_NEAR(r.vikor->q[1], 1.0 / 6, 1e-12);
  EXPECT_NEAR(r.vikor->q[2], 1.0 / 30, 1e-12);
  EXPECT_NEAR(r.vikor->dq, 0.1, 1e-15);
  EXPECT_TRUE(r.vikor->acceptable_advantage);
  EXPECT_FALSE(r.vikor->acceptable_stability);
  EXPECT_THAT(r.vikor->compromise, ElementsAre(2, 1));
}

// ---------------------------------------------------------------------------
// PROMETHEE II. Flows are divided by n - 1 in every source below.

// Papathanasiou & Ploskas (2018), Multiple Criteria Decision Aid, Springer,
// ch. "PROMETHEE", as pyrepo-mcda tests/test_mcda_methods_2.py
// (Test_PROMETHEE_II) reproduces it: linear function q = 1, p = 2 on every
// criterion, all benefit. Compared at 2 decimals: tolerance 5e-3.
TEST(PrometheeReference, PapathanasiouPloskas2018Linear) {
  AggregationOptions o = Method(Aggregation::kPromethee);
  o.preference_all = {PreferenceFunction::kLinear, 1, 2, 0};
  const auto r =
      circa::AggregateMatrix(Rows({{8, 7, 2, 1},
                                   {5, 3, 7, 5},
                                   {7, 5, 6, 4},
                                   {9, 9, 7, 3},
                                   {11, 10, 3, 7},
                                   {6, 9, 5, 4}}),
                             Vec({0.4, 0.3, 0.1, 0.2}), Cost("++++"), o);
  ExpectNear(r.value, Vec({-0.26, -0.52, -0.22, 0.36, 0.7, -0.06}), 5e-3);
  ASSERT_TRUE(r.promethee);
  ExpectNear(r.promethee->net, r.promethee->positive - r.promethee->negative,
             1e-15);
}

// Ziemba (2019), Sustainability 11(6) 1555, as pyrepo-mcda
// Test_PROMETHEE_II_2 reproduces it: 9 alternatives, 12 criteria, linear
// functions with per-criterion q and p, six cost criteria (the source
// reverses the difference for a cost criterion, as circa does). Printed to 4
// decimals: tolerance 5e-5.
TEST(PrometheeReference, Ziemba2019LinearPerCriterion) {
  const Eigen::MatrixXd by_criterion =
      Rows({{38723, 34913, 25596, 34842, 22570, 39773, 19500, 34525, 16486},
            {33207, 32085, 2123, 32095, 1445, 17485, 868, 16958, 958},
            {0, 0.2, 5, 0.2, 0.2, 0.2, 99, 99, 99},
            {3375, 3127, 3547, 3115, 3090, 4135, 3160, 4295, 3653},
            {11.36, 12.78, 12.78, 12.86, 12.86, 17, 12.86, 17, 12.86},
            {-320.9, -148.4, -148.4, -9.9, -9.9, 0, -9.9, 0, -9.9},
            {203.7, 463, 356.2, 552.5, 295, 383, 264, 352, 264},
            {0, 11.7, 44.8, 11.7, 95.9, 95.9, 116.8, 116.8, 164.9},
            {0, 4.9, 10.7, 5.4, 11.2, 11.2, 11.2, 11.2, 11.2},
            {1, 1, 1, 3.5, 4, 4, 4, 4, 4},
            {21.5, 47.9, 27.7, 39.7, 1.5, 22.7, 2.7, 23.9, 1},
            {0, 3.7, 4.5, 10.3, 11.5, 11.5, 11.3, 11.3, 11.4}});
  const Eigen::VectorXd p =
      Vec({2100, 5000, 50, 200, 5, 20, 100, 80, 4, 2, 23, 3});
  const Eigen::VectorXd q =
      Vec({420, 1000, 10, 40, 1, 7, 50, 20, 1, 1, 4.6, 1});
  AggregationOptions o = Method(Aggregation::kPromethee);
  for (Eigen::Index j = 0; j < p.size(); ++j) {
    o.preference.push_back({PreferenceFunction::kLinear, q[j], p[j], 0});
  }
  const auto r =
      circa::AggregateMatrix(by_criterion.transpose(),
                             Vec({0.3333, 0.1667, 0.1667, 0.3333, 0.25, 0.75, 1,
                                  1, 0.4, 0.20, 0.40, 1}),
                             Cost("--+-++-++--+"), o);
  ExpectNear(r.value,
             Vec({-0.4143, -0.5056, -0.2317, -0.2892, 0.3313, 0.0619, 0.4296,
                  0.1626, 0.4554}),
             5e-5);
}

// Ziemba, Watrobski, Ziolo & Karczmarczyk (2017), Energies 10(11) 1755, as
// pyrepo-mcda Test_PROMETHEE_II_3 reproduces it: V-shape functions with
// per-criterion p, eight cost criteria. Printed to 4 decimals: 5e-5.
TEST(PrometheeReference, Ziemba2017VShape) {
  const Eigen::MatrixXd by_criterion = Rows({{16347, 14219, 8160, 8160},
                                             {9, 8.5, 9, 8.5},
                                             {73.8, 55, 64.8, 62.5},
                                             {36.7, 36, 28.5, 29.5},
                                             {1.5, 2, 2, 1.5},
                                             {3730, 3240, 1860, 1860},
                                             {2, 1, 2, 1},
                                             {1, 1, 2, 3},
                                             {38.8, 33.1, 45.8, 27.3},
                                             {4, 2, 4, 3},
                                             {1720524, 1496512, 858830, 858830},
                                             {40012, 34803, 19973, 19973}});
  const Eigen::VectorXd p =
      Vec({7280, 4, 13.4, 7.4, 3, 1662, 3, 3, 13.8, 3, 766240, 17820});
  AggregationOptions o = Method(Aggregation::kPromethee);
  for (Eigen::Index j = 0; j < p.size(); ++j) {
    o.preference.push_back({PreferenceFunction::kVShape, 0, p[j], 0});
  }
  const auto r = circa::AggregateMatrix(
      by_criterion.transpose(),
      Vec({20, 5, 5, 1.67, 1.67, 11.67, 11.67, 5, 5, 16.67, 8.33, 8.33}),
      Cost("-----+--+-++"), o);
  ExpectNear(r.value, Vec({-0.0445, 0.1884, -0.0954, -0.0485}), 5e-5);
}

// JMcDM test/mcdm/testpromethee.jl: 8 x 4, linear (q = 49, 45, 30) and
// V-shape functions. JMcDM reports phi- - phi+, the negative of the net
// flow (its best alternative is the one with the largest score); circa's
// value is phi+ - phi-, so the expected values are negated. Tolerance 0.005
// (the test's own).
TEST(PrometheeReference, JmcdmMixedFunctions) {
  AggregationOptions o = Method(Aggregation::kPromethee);
  o.preference = {{PreferenceFunction::kLinear, 49, 100, 0},
                  {PreferenceFunction::kVShape, 0, 98, 0},
                  {PreferenceFunction::kLinear, 45, 95, 0},
                  {PreferenceFunction::kLinear, 30, 80, 0}};
  const auto r =
      circa::AggregateMatrix(Rows({{42, 35, 43, 51},
                                   {89, 72, 92, 85},
                                   {14, 85, 17, 40},
                                   {57, 60, 45, 80},
                                   {48, 32, 43, 40},
                                   {71, 45, 60, 85},
                                   {69, 40, 72, 55},
                                   {64, 35, 70, 60}}),
                             Vec({0.25, 0.35, 0.22, 0.18}), Cost("++++"), o);
  ExpectNear(-r.value, Vec({0.07, -0.15, -0.06, -0.05, 0.10, 0.0, 0.03, 0.06}),
             0.005);
}

// Usual function, second source: the test of the independent Python
// implementation antoinedejonckheere/promethee (run_tests.py): 3 x 2, all
// benefit, weights 0.4 / 0.6; expected phi+ 0.4, 0.6, 0.5, phi- 0.6, 0.4,
// 0.5, net -0.2, 0.2, 0 (flows divided by n - 1, as circa). Exact
// decimals: tolerance 1e-12. The same test's PROMETHEE I matrix
// (expected_prometheeI_matrix: 1 where the row outranks the column, -1 where
// it is outranked) gives a2 > a3 > a1, a second source for PROMETHEE I
// besides py-mcda's (PyMcdaAllSixFunctionsAndPrometheeOne).
TEST(PrometheeReference, UsualFunctionDejonckheere) {
  AggregationOptions o = Method(Aggregation::kPromethee);
  const auto r = circa::AggregateMatrix(Rows({{4, 2}, {1, 5}, {3, 4}}),
                                        Vec({0.4, 0.6}), Cost("++"), o);
  ExpectNear(r.promethee->positive, Vec({0.4, 0.6, 0.5}), 1e-12);
  ExpectNear(r.promethee->negative, Vec({0.6, 0.4, 0.5}), 1e-12);
  ExpectNear(r.value, Vec({-0.2, 0.2, 0.0}), 1e-12);
  using circa::PartialRelation;
  const circa::PrometheeDetail& f = *r.promethee;
  EXPECT_EQ(circa::PrometheeOne(f, 0, 1), PartialRelation::kWorse);
  EXPECT_EQ(circa::PrometheeOne(f, 0, 2), PartialRelation::kWorse);
  EXPECT_EQ(circa::PrometheeOne(f, 1, 0), PartialRelation::kPreferred);
  EXPECT_EQ(circa::PrometheeOne(f, 1, 2), PartialRelation::kPreferred);
  EXPECT_EQ(circa::PrometheeOne(f, 2, 0), PartialRelation::kPreferred);
  EXPECT_EQ(circa::PrometheeOne(f, 2, 1), PartialRelation::kWorse);
}

// Usual function, a published example: Zhao, Peng & Li (2013), "Revised
// PROMETHEE II for improving efficiency in emergency response", Procedia
// Computer Science 17, 181-188, as pymcdm test/test_mcdm.py
// (TestPROMETHEE_II, 'usual') reproduces it: 3 x 3, all benefit, weights
// 0.5 / 0.3 / 0.2, net flows 0.1, -0.3, 0.2 (divided by n - 1, as circa).
// Printed to 2 decimals: tolerance 5e-3.
TEST(PrometheeReference, UsualFunctionZhaoPengLi2013) {
  AggregationOptions o = Method(Aggregation::kPromethee);
  const auto r = circa::AggregateMatrix(Rows({{4, 3, 2}, {3, 2, 4}, {5, 1, 3}}),
                                        Vec({0.5, 0.3, 0.2}), Cost("+++"), o);
  ExpectNear(r.value, Vec({0.1, -0.3, 0.2}), 5e-3);
}

// All six preference functions, a published example: Brans & Mareschal
// (2005), "PROMETHEE methods", in Figueira, Greco & Ehrgott (eds.), Multiple
// Criteria Decision Analysis: State of the Art Surveys, Springer, ch. 5: six
// alternatives, equal weights, f1 min U-shape q = 10, f2 max V-shape p = 30,
// f3 min linear q = 0.5 p = 5, f4 min level q = 1 p = 6, f5 min usual, f6 max
// Gaussian s = 5. Two independent implementations reproduce its preference
// indices pi(a, b) to 3 decimals: eabohorquezg/ProjectMCDM
// test/test/NewEmptyJUnitTest.java (testPreferenceDegree, tolerance 0.001;
// its f3 is in tens with q = 5, p = 45, and its f4 has p = 5, which gives the
// same indices on these values) and WAndraszyk/Construct-your-own-PROMETHEE-
// with-Python-for-MCDA unit_tests/preference/test_PrometheePreference.py
// (atol 0.006). Both sources reverse the difference for a min criterion, as
// circa does. The flows here are the published indices' row and column sums
// divided by n - 1 = 5: tolerance 1e-3 (3 decimals, five terms averaged).
// The Java test also prints the flows as plain sums (1.099, 1.980, ...;
// tolerance 0.01): divided by n - 1, tolerance 0.002.
TEST(PrometheeReference, BransMareschal2005AllSixFunctions) {
  AggregationOptions o = Method(Aggregation::kPromethee);
  o.preference = {{PreferenceFunction::kUShape, 10, 0, 0},
                  {PreferenceFunction::kVShape, 0, 30, 0},
                  {PreferenceFunction::kLinear, 0.5, 5, 0},
                  {PreferenceFunction::kLevel, 1, 6, 0},
                  {PreferenceFunction::kUsual, 0, 0, 0},
                  {PreferenceFunction::kGaussian, 0, 0, 5}};
  const auto r =
      circa::AggregateMatrix(Rows({{80, 90, 6, 5.4, 8, 5},
                                   {65, 58, 2, 9.7, 1, 1},
                                   {83, 60, 4, 7.2, 4, 7},
                                   {40, 80, 10, 7.5, 7, 10},
                                   {52, 72, 6, 2.0, 3, 8},
                                   {94, 96, 7, 3.6, 5, 6}}),
                             Vec({1, 1, 1, 1, 1, 1}), Cost("-+---+"), o);
  const Eigen::MatrixXd pi = Rows({{0.000, 0.296, 0.250, 0.269, 0.100, 0.185},
                                   {0.463, 0.000, 0.389, 0.333, 0.296, 0.500},
                                   {0.235, 0.180, 0.000, 0.333, 0.056, 0.429},
                                   {0.399, 0.506, 0.305, 0.000, 0.224, 0.212},
                                   {0.444, 0.515, 0.487, 0.380, 0.000, 0.448},
                                   {0.287, 0.399, 0.250, 0.431, 0.133, 0.000}});
  ExpectNear(r.promethee->positive, pi.rowwise().sum() / 5, 1e-3);
  ExpectNear(r.promethee->negative, pi.colwise().sum().transpose() / 5, 1e-3);
  ExpectNear(r.promethee->positive,
             Vec({1.099, 1.980, 1.234, 1.644, 2.274, 1.500}) / 5, 2e-3);
  ExpectNear(r.promethee->negative,
             Vec({1.827, 1.895, 1.681, 1.746, 0.808, 1.774}) / 5, 2e-3);
  EXPECT_EQ(r.order.front(), 4);  // a5 ranks first
}

// All six preference functions and PROMETHEE I with an incomparability, a
// second independent implementation: py-mcda (the Python `mcda` package,
// IMT Atlantique DECIDE), its unit test of mcda.outranking.promethee,
// TestPromethee1 and TestPromethee2: 5 x 6, every criterion maximised,
// weights 0.5 / 3 / 1.5 / 0.2 / 2 / 1, usual; U-shape q = 2.5; V-shape p = 3;
// level q = 0.5 p = 1; linear q = 1 p = 2; Gaussian s = 1. py-mcda divides by
// the sum of the weights but not by n - 1, so its flows are circa's times
// n - 1 = 4. Net flows printed to 5 decimals and compared with pandas'
// default relative tolerance 1e-5: tolerance here 2e-5 on the scaled
// values. Positive and negative flows with the test's own atol 0.01 (its
// first positive flow, 0.84607, is 0.84067 with two digits transposed;
// 0.01 covers it).
TEST(PrometheeReference, PyMcdaAllSixFunctionsAndPrometheeOne) {
  AggregationOptions o = Method(Aggregation::kPromethee);
  o.preference = {{PreferenceFunction::kUsual, 0, 0, 0},
                  {PreferenceFunction::kUShape, 2.5, 0, 0},
                  {PreferenceFunction::kVShape, 0, 3, 0},
                  {PreferenceFunction::kLevel, 0.5, 1, 0},
                  {PreferenceFunction::kLinear, 1, 2, 0},
                  {PreferenceFunction::kGaussian, 0, 0, 1}};
  const auto r =
      circa::AggregateMatrix(Rows({{1, 2, -1, 5, 2, 2},
                                   {3, 5, 3, -5, 3, 3},
                                   {3, -5, 3, 4, 3, 2},
                                   {2, -2, 2, 5, 1, 1},
                                   {3, 5, 3, -5, 3, 3}}),
                             Vec({0.5, 3, 1.5, 0.2, 2, 1}), Cost("++++++"), o);
  const circa::PrometheeDetail& f = *r.promethee;
  ExpectNear(4 * f.net, Vec({-0.96261, 1.83557, -0.87726, -1.83127, 1.83557}),
             2e-5);
  ExpectNear(4 * f.positive, Vec({0.84607, 1.90874, 0.70652, 0.67073, 1.90874}),
             0.01);
  ExpectNear(4 * f.negative, Vec({1.80328, 0.07317, 1.58378, 2.50200, 0.07317}),
             0.01);
  // TestPromethee1.test_call: the partial order (bids 0 .. 4 = a1 .. a5).
  using circa::PartialRelation;
  EXPECT_EQ(circa::PrometheeOne(f, 1, 0), PartialRelation::kPreferred);
  EXPECT_EQ(circa::PrometheeOne(f, 0, 2), PartialRelation::kIncomparable);
  EXPECT_EQ(circa::PrometheeOne(f, 0, 3), PartialRelation::kPreferred);
  EXPECT_EQ(circa::PrometheeOne(f, 4, 0), PartialRelation::kPreferred);
  EXPECT_EQ(circa::PrometheeOne(f, 1, 2), PartialRelation::kPreferred);
  EXPECT_EQ(circa::PrometheeOne(f, 1, 3), PartialRelation::kPreferred);
  EXPECT_EQ(circa::PrometheeOne(f, 1, 4), PartialRelation::kIndifferent);
  EXPECT_EQ(circa::PrometheeOne(f, 2, 3), PartialRelation::kPreferred);
  EXPECT_EQ(circa::PrometheeOne(f, 4, 2), PartialRelation::kPreferred);
  EXPECT_EQ(circa::PrometheeOne(f, 4, 3), PartialRelation::kPreferred);
}

// Preference function values: JMcDM's unit checks (testpromethee.jl:
// quasi = circa's u-shape, level, and its V-shape and linear) and Brans &
// Vincke (1985) Table 1 definitions at the thresholds.
TEST(PrometheeReference, PreferenceFunctionValues) {
  using circa::analysis::Preference;
  EXPECT_EQ(Preference({PreferenceFunction::kUShape, 0.5, 0, 0}, 0.0), 0.0);
  EXPECT_EQ(Preference({PreferenceFunction::kUShape, 0.5, 0, 0}, 0.6), 1.0);
  EXPECT_EQ(Preference({PreferenceFunction::kLevel, 0.5, 0.9, 0}, 0.0), 0.0);
  EXPECT_EQ(Preference({PreferenceFunction::kLevel, 0.5, 0.9, 0}, 0.6), 0.5);
  EXPECT_EQ(Preference({PreferenceFunction::kLevel, 0.5, 0.9, 0}, 1.0), 1.0);
  EXPECT_EQ(Preference({PreferenceFunction::kUsual, 0, 0, 0}, 1e-9), 1.0);
  EXPECT_EQ(Preference({PreferenceFunction::kUsual, 0, 0, 0}, -1.0), 0.0);
  EXPECT_EQ(Preference({PreferenceFunction::kVShape, 0, 2, 0}, 1.0), 0.5);
  EXPECT_EQ(Preference({PreferenceFunction::kLinear, 1, 3, 0}, 2.0), 0.5);
  EXPECT_EQ(Preference({PreferenceFunction::kLinear, 1, 3, 0}, 1.0), 0.0);
  // Gaussian at d = s: 1 - e^(-1/2).
  EXPECT_NEAR(Preference({PreferenceFunction::kGaussian, 0, 0, 2}, 2.0),
              1 - std::exp(-0.5), 1e-15);
}

// The sorted O(m n log n) flows equal the pairwise definition for every
// function, on random data with ties (integers) and thresholds that fall on
// differences exactly.
TEST(PrometheeReference, SortedFlowsEqualPairwiseDefinition) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> value(0, 12);
  const int n = 23;
  Eigen::MatrixXd x(n, 6);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < 6; ++j) x(i, j) = value(rng);
  }
  const Eigen::VectorXd w = Vec({1, 2, 3, 1, 2, 3});
  const auto cost = Cost("+-+-+-");
  const std::vector<PreferenceCriterion> criteria = {
      {PreferenceFunction::kUsual, 0, 0, 0},
      {PreferenceFunction::kUShape, 2, 0, 0},
      {PreferenceFunction::kVShape, 0, 4, 0},
      {PreferenceFunction::kLevel, 1, 3, 0},
      {PreferenceFunction::kLinear, 2, 5, 0},
      {PreferenceFunction::kGaussian, 0, 0, 2.5}};
  const circa::PrometheeDetail got =
      circa::analysis::Promethee(x, w, cost, criteria);
  Eigen::VectorXd plus = Eigen::VectorXd::Zero(n);
  Eigen::VectorXd minus = Eigen::VectorXd::Zero(n);
  for (int a = 0; a < n; ++a) {
    for (int b = 0; b < n; ++b) {
      double pi = 0;
      for (int j = 0; j < 6; ++j) {
        const double d = cost[static_cast<std::size_t>(j)] ? x(b, j) - x(a, j)
                                                           : x(a, j) - x(b, j);
        pi += w[j] / w.sum() *
              circa::analysis::Preference(criteria[static_cast<std::size_t>(j)],
                                          d);
      }
      plus[a] += pi / (n - 1);
      minus[b] += pi / (n - 1);
    }
  }
  ExpectNear(got.positive, plus, 1e-12);
  ExpectNear(got.negative, minus, 1e-12);
}

// The Gaussian flows on 300 bids take the blocked path (a truncated Gauss
// transform, engine/analysis/promethee.cc); on 40 bids the direct one. Both
// equal the pairwise definition within 1e-12 (flows lie in [0, 1], so this
// is relative to their range), for s from a hundredth of the spread (most
// pairs beyond the cutoff) to ten times it, with ties and a cost column.
TEST(PrometheeReference, GaussianFlowsEqualPairwiseDefinition) {
  for (const int n : {40, 300}) {
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> value(0, 100);
    std::uniform_int_distribution<int> level(0, 20);
    Eigen::MatrixXd x(n, 6);
    for (int i = 0; i < n; ++i) {
      for (int j = 0; j < 5; ++j) x(i, j) = value(rng);
      x(i, 5) = 5.0 * level(rng);  // ties
    }
    const Eigen::VectorXd w = Vec({1, 2, 3, 1, 2, 3});
    const auto cost = Cost("+-++++");
    std::vector<PreferenceCriterion> criteria;
    for (const double s : {1.0, 5.0, 20.0, 100.0, 1000.0, 7.5}) {
      criteria.push_back({PreferenceFunction::kGaussian, 0, 0, s});
    }
    const circa::PrometheeDetail got =
        circa::analysis::Promethee(x, w, cost, criteria);
    Eigen::VectorXd plus = Eigen::VectorXd::Zero(n);
    Eigen::VectorXd minus = Eigen::VectorXd::Zero(n);
    for (int a = 0; a < n; ++a) {
      for (int b = 0; b < n; ++b) {
        double pi = 0;
        for (int j = 0; j < 6; ++j) {
          const double d = cost[static_cast<std::size_t>(j)]
                               ? x(b, j) - x(a, j)
                               : x(a, j) - x(b, j);
          pi += w[j] / w.sum() *
                circa::analysis::Preference(
                    criteria[static_cast<std::size_t>(j)], d);
        }
        plus[a] += pi / (n - 1);
        minus[b] += pi / (n - 1);
      }
    }
    SCOPED_TRACE(n);
    ExpectNear(got.positive, plus, 1e-12);
    ExpectNear(got.negative, minus, 1e-12);
  }
}

// PROMETHEE I, worked by hand with the usual function: criterion 1
// (weight 2) ranks A > B > C, criterion 2 (weight 1) B > C > A. A leaves
// with 2/3 against B and C and enters with 1/3 from each: phi+ 2/3, phi- 1/3;
// B: phi+ (2/3 + 1/3 + 1/3) / 2 = 2/3, phi- 1/3 (from A): A and B are
// indifferent, both outrank C. Incomparability: constructed flows.
TEST(PrometheeReference, PrometheeOnePartialOrder) {
  AggregationOptions o = Method(Aggregation::kPromethee);
  const auto r = circa::AggregateMatrix(Rows({{3, 1}, {2, 3}, {1, 2}}),
                                        Vec({2, 1}), Cost("++"), o);
  const circa::PrometheeDetail& f = *r.promethee;
  EXPECT_NEAR(f.positive[0], 2.0 / 3, 1e-15);
  EXPECT_NEAR(f.negative[0], 1.0 / 3, 1e-15);
  EXPECT_NEAR(f.positive[1], 2.0 / 3, 1e-15);
  EXPECT_NEAR(f.negative[1], 1.0 / 3, 1e-15);
  EXPECT_EQ(circa::PrometheeOne(f, 0, 1), circa::PartialRelation::kIndifferent);
  EXPECT_EQ(circa::PrometheeOne(f, 0, 2), circa::PartialRelation::kPreferred);
  EXPECT_EQ(circa::PrometheeOne(f, 2, 1), circa::PartialRelation::kWorse);
  // Incomparable: phi+ higher but phi- higher too.
  circa::PrometheeDetail g;
  g.positive = Vec({0.6, 0.5});
  g.negative = Vec({0.4, 0.3});
  g.net = g.positive - g.negative;
  EXPECT_EQ(circa::PrometheeOne(g, 0, 1),
            circa::PartialRelation::kIncomparable);
}

// ---------------------------------------------------------------------------
// Objective weights

// Entropy. JMcDM test/mcdm/testentropy.jl: 6 x 8 (tolerance 1e-4, the
// test's own). The source reads every column as it is (no cost reversal).
TEST(ObjectiveWeightsReference, EntropyJmcdm) {
  const Eigen::MatrixXd by_criterion =
      Rows({{2.0, 4, 3, 5, 4, 3},
            {1, 1, 2, 1, 2, 2},
            {4, 5, 6, 5, 5, 6},
            {7, 6, 6, 7, 6, 6},
            {6, 7, 5, 6, 7, 6},
            {6, 7, 6, 7, 7, 6},
            {7, 6, 8, 7, 6, 6},
            {3000, 3500, 4000, 3000, 3000, 3500}});
  ExpectNear(circa::EntropyWeights(by_criterion.transpose()),
             Vec({0.29967360960, 0.44136733892, 0.07009088720, 0.02123823711,
                  0.04902292895, 0.02308037885, 0.04776330969, 0.04776330969}),
             1e-4);
}

// Entropy. Xu (2004), EJOR 156(2) 530-532, and Zavadskas & Podvezko
// (2016), IJITDM 15(2) 267-283, as pyrepo-mcda tests/test_weighting_methods
// reproduces them (compared at 4 decimals: tolerance 5e-5). Both read each
// column as it is, whatever its sense.
TEST(ObjectiveWeightsReference, EntropyXu2004AndZavadskasPodvezko2016) {
  ExpectNear(circa::EntropyWeights(Rows({{30, 30, 38, 29},
                                         {19, 54, 86, 29},
                                         {19, 15, 85, 28.9},
                                         {68, 70, 60, 29}})),
             Vec({0.4630, 0.3992, 0.1378, 0.0000}), 5e-5);
  ExpectNear(circa::EntropyWeights(Rows({{3.0, 100, 10, 7},
                                         {2.5, 80, 8, 5},
                                         {1.8, 50, 20, 11},
                                         {2.2, 70, 12, 9}})),
             Vec({0.1146, 0.1981, 0.4185, 0.2689}), 5e-5);
}

// CRITIC. JMcDM test/mcdm/testcritic.jl: min-max normalisation with the
// third column a cost (reversed: (max - x) / (max - min)), as circa does.
// Tolerance 1e-4 (the test's own).
TEST(ObjectiveWeightsReference, CriticJmcdmWithCostColumn) {
  ExpectNear(
      circa::CriticWeights(Rows({{12.9918, 0.7264, -1.1009, 1.598139592},
                                 {4.1201, 5.8824, 3.4483, 1.021563567},
                                 {4.1039, 0.0000, -0.5076, 0.984469444}}),
                           Cost("++-+")),
      Vec({0.16883925, 0.418444976, 0.249124763, 0.163591012}), 1e-4);
}

// CRITIC. Tus & Aytac Adali (2019), Opsearch 56(2) 528-538, as pyrepo-mcda
// tests/test_weighting_methods.py (Test_CRITIC) reproduces it. pyrepo-mcda
// normalises every column as a benefit column (its CRITIC takes no
// senses), so the case is run with all columns benefit. Compared at 3
// decimals: tolerance 5e-4. WASPAS with these weights, pyrepo-mcda
// tests/test_mcda_methods_1.py (Test_WASPAS), first column a cost, linear
// normalisation, lambda 0.5: 4 decimals, 5e-5 (0.722: 5e-4).
TEST(ObjectiveWeightsReference, CriticTusAytacAdali2019ThenWaspas) {
  const Eigen::MatrixXd x = Rows({{5000, 3, 3, 4, 3, 2},
                                  {680, 5, 3, 2, 2, 1},
                                  {2000, 3, 2, 3, 4, 3},
                                  {600, 4, 3, 1, 2, 2},
                                  {800, 2, 4, 3, 3, 4}});
  const Eigen::VectorXd w = circa::CriticWeights(x, Cost("++++++"));
  ExpectNear(w, Vec({0.157, 0.249, 0.168, 0.121, 0.154, 0.151}), 5e-4);
  const auto r = circa::AggregateMatrix(x, w, Cost("-+++++"),
                                        Method(Aggregation::kWaspas));
  ExpectNear(r.value, Vec({0.5622, 0.6575, 0.6192, 0.6409, 0.722}), 5e-4);
}

// Objective weights replace the published ones inside a method and are
// reported with the result.
TEST(ObjectiveWeightsReference, MethodUsesAndReportsObjectiveWeights) {
  const Eigen::MatrixXd x = Rows({{30, 30, 38, 29},
                                  {19, 54, 86, 29},
                                  {19, 15, 85, 28.9},
                                  {68, 70, 60, 29}});
  AggregationOptions o = Method(Aggregation::kWeightedSum);
  o.weights = circa::ObjectiveWeights::kEntropy;
  const auto r = circa::AggregateMatrix(x, Vec({1, 1, 1, 1}), Cost("++++"), o);
  ExpectNear(r.weights, circa::EntropyWeights(x), 0);
  ExpectNear(r.value, x * circa::EntropyWeights(x), 1e-12);
}

// ---------------------------------------------------------------------------
// Options

TEST(AggregationOptionsTest, DefaultsAreValidAndBadValuesAreRefused) {
  std::string why;
  EXPECT_TRUE(AggregationOptions{}.IsValid(&why));
  AggregationOptions o;
  o.lambda = 1.5;
  EXPECT_FALSE(o.IsValid(&why));
  EXPECT_EQ(why, "lambda: must be in [0, 1]");
  o = {};
  o.v = -0.1;
  EXPECT_FALSE(o.IsValid(&why));
  EXPECT_EQ(why, "v: must be in [0, 1]");
  o = {};
  o.method = Aggregation::kVikor;
  o.normalisation = Normalisation::kMax;
  EXPECT_FALSE(o.IsValid(&why));
  EXPECT_EQ(why, "normalisation: vikor and promethee scale by their own rule");
  o = {};
  o.preference_all = {PreferenceFunction::kLinear, 2, 1, 0};
  EXPECT_FALSE(o.IsValid(&why));
  EXPECT_EQ(why, "preference: level and linear need 0 <= q < p");
  o.preference_all = {PreferenceFunction::kGaussian, 0, 0, 0};
  EXPECT_FALSE(o.IsValid(&why));
  EXPECT_EQ(why, "preference: gaussian needs s > 0");
}

TEST(AggregationOptionsTest, NamesRoundTrip) {
  for (const char* name : {"weighted-sum", "topsis", "weighted-product",
                           "waspas", "vikor", "promethee"}) {
    ASSERT_TRUE(circa::AggregationFromString(name)) << name;
    EXPECT_EQ(circa::ToString(*circa::AggregationFromString(name)), name);
  }
  for (const char* name :
       {"vector", "min-max", "max", "sum", "linear", "none"}) {
    ASSERT_TRUE(circa::NormalisationFromString(name)) << name;
    EXPECT_EQ(circa::ToString(*circa::NormalisationFromString(name)), name);
  }
  for (const char* name :
       {"usual", "u-shape", "v-shape", "level", "linear", "gaussian"}) {
    ASSERT_TRUE(circa::PreferenceFunctionFromString(name)) << name;
    EXPECT_EQ(circa::ToString(*circa::PreferenceFunctionFromString(name)),
              name);
  }
  EXPECT_FALSE(circa::AggregationFromString("electre"));
}

}  // namespace
