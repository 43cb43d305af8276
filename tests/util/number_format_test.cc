// Number formatting for every stage (engine/util/number_format.cc). The
// digits must stay those circa printed before (fmt's "{:.Nf}" grouped by
// string inserts), byte for byte, since golden files hold them.
#include "util/number_format.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <string>

namespace circa::util {
namespace {

// The formatter circa used until issue 11 (engine/explain/format.cc), kept
// here as the reference the fast one must equal.
std::string ReferenceFormatNumber(double value, int decimals) {
  std::string s;
  if (decimals < 0) {
    s = fmt::format("{:.6f}", value);
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  } else {
    s = fmt::format("{:.{}f}", value, decimals);
  }
  if (s == "-0" || s.find_first_not_of("-0.") == std::string::npos) {
    if (!s.empty() && s.front() == '-') s.erase(0, 1);
  }
  const bool negative = !s.empty() && s.front() == '-';
  const std::size_t start = negative ? 1 : 0;
  std::size_t dot = s.find('.');
  if (dot == std::string::npos) dot = s.size();
  for (std::size_t i = dot; i > start + 3; i -= 3) s.insert(i - 3, ",");
  return s;
}

TEST(NumberFormatTest, EqualsThePreviousFormatterOnRandomValues) {
  std::mt19937_64 random(11);
  std::uniform_real_distribution<double> mantissa(-10.0, 10.0);
  std::uniform_int_distribution<int> exponent(-8, 16);
  std::uniform_int_distribution<int> decimals(-1, 6);
  for (int i = 0; i < 50000; ++i) {
    const double value = mantissa(random) * std::pow(10.0, exponent(random));
    const int d = decimals(random);
    ASSERT_EQ(FormatNumber(value, d), ReferenceFormatNumber(value, d))
        << fmt::format("{:.17g}", value) << " with " << d;
  }
}

TEST(NumberFormatTest, EqualsThePreviousFormatterOnEdges) {
  for (const double value :
       {0.0, -0.0, 0.125, 0.375, 2.5, -2.5, 1.005, 999.9995, 999999.5, -999.999,
        1e15, 1e21, 1e300, -1e308, 5e-7, -5e-7, 4e-7,
        std::numeric_limits<double>::infinity(),
        -std::numeric_limits<double>::infinity()}) {
    for (int d = -1; d <= 17; ++d) {
      EXPECT_EQ(FormatNumber(value, d), ReferenceFormatNumber(value, d))
          << fmt::format("{:.17g}", value) << " with " << d;
    }
  }
}

TEST(NumberFormatTest, AppendsToWhatIsThere) {
  std::string out = "total ";
  AppendNumber(&out, 1234567.891, 2);
  EXPECT_EQ(out, "total 1,234,567.89");
}

TEST(NumberFormatTest, Trimmed) {
  EXPECT_EQ(FormatTrimmed(3.6666, 2), "3.67");
  EXPECT_EQ(FormatTrimmed(7.5, 2), "7.5");
  EXPECT_EQ(FormatTrimmed(10.0, 2), "10");
  EXPECT_EQ(FormatTrimmed(12345.0, 2), "12345");
  EXPECT_EQ(FormatTrimmed(-0.001, 2), "0");
  EXPECT_EQ(FormatTrimmed(-1.25, 1), "-1.2");  // printf: the binary half
}

TEST(NumberFormatTest, Shortest) {
  EXPECT_EQ(FormatShortest(0.1), "0.1");
  EXPECT_EQ(FormatShortest(-0.0), "0");
  EXPECT_EQ(FormatShortest(1e300), "1e+300");
  EXPECT_EQ(FormatShortest(2.675), "2.675");
}

TEST(NumberFormatTest, Percent) {
  EXPECT_EQ(FormatPercent(0.035), "3.5 %");
  EXPECT_EQ(FormatPercent(12.5), "1,250 %");
  EXPECT_EQ(FormatPercent(0.0), "0 %");
}

}  // namespace
}  // namespace circa::util
