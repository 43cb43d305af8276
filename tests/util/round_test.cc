// The one rounding rule (engine/util/round.cc, issue 11 item 4): half away
// from zero of the decimal value as written, for points, totals and money.
// The old RoundTo (scorer.cc, a 1e-9 nudge) and RoundMoney (methods.cc,
// plain std::round on the binary value) disagreed on the rows marked below.
#include "util/round.h"

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <limits>
#include <random>
#include <string>

namespace circa::util {
namespace {

struct Row {
  double value;
  int decimals;
  double expected;
};

class RoundDecimalTest : public ::testing::TestWithParam<Row> {};

TEST_P(RoundDecimalTest, RoundsTheDecimalAsWritten) {
  const Row& row = GetParam();
  // Exact equality: the result is the double nearest to the rounded decimal,
  // which is what the literal `expected` denotes.
  EXPECT_EQ(RoundDecimal(row.value, row.decimals), row.expected)
      << row.value << " to " << row.decimals << " decimals";
}

INSTANTIATE_TEST_SUITE_P(
    Table, RoundDecimalTest,
    ::testing::Values(
        // The cases: the binary value lies just below the half
        // (1.00499999999999989...), std::round alone gave 1.00, 0.28, 2.67.
        Row{1.005, 2, 1.01}, Row{0.285, 2, 0.29}, Row{2.675, 2, 2.68},
        Row{-1.005, 2, -1.01}, Row{-0.285, 2, -0.29}, Row{-2.675, 2, -2.68},
        Row{1.45, 1, 1.5}, Row{8.325, 2, 8.33}, Row{1.0005, 3, 1.001},
        Row{1.000005, 5, 1.00001},
        // Written just below the half: the old 1e-9 nudge pushed these over
        // it (RoundTo gave 1.01 and 3), the decimal rule does not.
        Row{1.0049999999, 2, 1.0}, Row{2.4999999999, 0, 2.0},
        Row{-1.0049999999, 2, -1.0},
        // Exact binary halves: away from zero, never to even.
        Row{0.5, 0, 1.0}, Row{1.5, 0, 2.0}, Row{2.5, 0, 3.0},
        Row{-2.5, 0, -3.0}, Row{0.125, 2, 0.13}, Row{-0.125, 2, -0.13},
        // Carries through nines.
        Row{9.995, 2, 10.0}, Row{99.95, 1, 100.0}, Row{-9.995, 2, -10.0},
        Row{0.9999995, 6, 1.0},
        // Zero and values below the last decimal.
        Row{0.0, 2, 0.0}, Row{0.0, 0, 0.0}, Row{0.004, 2, 0.0},
        Row{0.005, 2, 0.01}, Row{0.0005, 3, 0.001}, Row{0.00049, 3, 0.0},
        Row{1e-300, 2, 0.0},
        // Zero and many decimals; values that need no rounding.
        Row{388.1111, 2, 388.11}, Row{42.0, 0, 42.0}, Row{42.4, 0, 42.0},
        Row{42.6, 0, 43.0}, Row{0.1234565, 6, 0.123457},
        Row{0.1234564, 6, 0.123456}, Row{12.5, 4, 12.5},
        // Large values: money in the millions, whole doubles beyond 2^52.
        Row{123456789.125, 2, 123456789.13}, Row{1234567.005, 2, 1234567.01},
        Row{-9876543.215, 2, -9876543.22}, Row{1000000000000000.5, 0, 1e15 + 1},
        Row{4503599627370497.0, 2, 4503599627370497.0}, Row{1e300, 2, 1e300},
        Row{-1e300, 6, -1e300}));

TEST(RoundDecimalEdgeTest, NegativeZeroKeepsItsSign) {
  EXPECT_TRUE(std::signbit(RoundDecimal(-0.001, 2)));
  EXPECT_TRUE(std::signbit(RoundDecimal(-0.4, 0)));
  EXPECT_FALSE(std::signbit(RoundDecimal(0.001, 2)));
}

TEST(RoundDecimalEdgeTest, NonFiniteAndNegativeDecimalsAreUnchanged) {
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(RoundDecimal(inf, 2), inf);
  EXPECT_EQ(RoundDecimal(-inf, 2), -inf);
  EXPECT_TRUE(std::isnan(RoundDecimal(std::nan(""), 2)));
  EXPECT_EQ(RoundDecimal(1.23456, -1), 1.23456);
}

double Parse(const std::string& text) {
  double value = 0.0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

// Every decimal written with a 5 just after the last kept decimal rounds up
// in magnitude, whatever its binary neighbour; one digit less stays.
TEST(RoundDecimalEdgeTest, EveryWrittenHalfRoundsAway) {
  std::mt19937_64 random(11);
  std::uniform_int_distribution<long long> mantissa(0, 99999999);
  std::uniform_int_distribution<int> places(0, 6);
  for (int i = 0; i < 20000; ++i) {
    const long long n = mantissa(random);
    const int d = places(random);
    const double half =
        Parse(std::to_string(n) + "5e-" + std::to_string(d + 1));
    const double below =
        Parse(std::to_string(n) + "4999e-" + std::to_string(d + 4));
    const double up = Parse(std::to_string(n + 1) + "e-" + std::to_string(d));
    const double down = Parse(std::to_string(n) + "e-" + std::to_string(d));
    ASSERT_EQ(RoundDecimal(half, d), up) << n << "5e-" << d + 1;
    ASSERT_EQ(RoundDecimal(-half, d), -up) << "-" << n << "5e-" << d + 1;
    ASSERT_EQ(RoundDecimal(below, d), down) << n << "4999e-" << d + 4;
  }
}

}  // namespace
}  // namespace circa::util
