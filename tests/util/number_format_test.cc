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

#include "explain/messages.h"

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

// The fast fixed-precision path (exact product by an FMA, ties to even)
// gives std::to_chars's text, which circa printed before it, byte for
// byte: on random values of every magnitude the fast path takes, on
// values a unit in the last place either side of a decimal half, on exact
// binary ties (k + 1/2 over a power of two), on negative zero and on the
// edge of the fast range (2^52 scaled), for 0..15 decimals; and the
// grouped FormatNumber with them, trimmed (-1) too.
TEST(NumberFormatTest, FastFixedEqualsToChars) {
  std::mt19937_64 random(16);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::uniform_int_distribution<int> exponent(-12, 16);
  std::uniform_int_distribution<int> decimals(0, 15);
  int fast = 0;
  int checked = 0;
  const auto check = [&](double value, int d) {
    const std::string by_fast = detail::FixedFast(value, d);
    if (!by_fast.empty()) {
      ++fast;
      ASSERT_EQ(by_fast, detail::FixedByToChars(value, d))
          << fmt::format("{:.17g}", value) << " with " << d;
    }
    ASSERT_EQ(FormatNumber(value, d), detail::FormatNumberByToChars(value, d))
        << fmt::format("{:.17g}", value) << " with " << d;
    ++checked;
  };
  for (int i = 0; i < 150000; ++i) {
    const int d = decimals(random);
    const double sign = (random() & 1) != 0 ? -1.0 : 1.0;
    // Any value.
    check(sign * unit(random) * std::pow(10.0, exponent(random)), d);
    // A decimal half at `d` decimals, and its neighbours.
    const double scale = std::pow(10.0, d);
    const double whole = std::floor(unit(random) * 1e6);
    const double half = sign * (whole + 0.5) / scale;
    check(half, d);
    check(std::nextafter(half, 0.0), d);
    check(std::nextafter(half, 2 * half), d);
    // An exact binary tie: (2k + 1) / 2^j, with j - 1 = d decimals... or
    // any j: ties at `d` decimals happen when j <= d + 1.
    const int j = 1 + static_cast<int>(random() % 20);
    const double tie =
        sign * std::ldexp(2.0 * std::floor(unit(random) * 1e5) + 1, -j);
    check(tie, d);
    check(tie, j - 1 <= 15 ? j - 1 : 15);
    // Trimmed, as FormatNumber(value, -1) writes explanations' numbers.
    check(half, -1);
  }
  for (int d = 0; d <= 15; ++d) {
    const double edge = 4503599627370496.0 / std::pow(10.0, d);
    for (const double value : {0.0,
                               -0.0,
                               -1e-300,
                               1e-300,
                               5e-324,
                               0.5,
                               1.5,
                               2.5,
                               -2.5,
                               0.125,
                               -0.125,
                               0.375,
                               1.005,
                               2.675,
                               999.9995,
                               999999.5,
                               -999.999,
                               1e15,
                               edge,
                               std::nextafter(edge, 0.0),
                               -std::nextafter(edge, 0.0),
                               std::nextafter(edge, 1e300),
                               1e300}) {
      check(value, d);
      check(value, -1);
    }
  }
  // The comparison means something: most values took the fast path.
  EXPECT_GT(fast, checked * 3 / 4);
}

// Numbers in the explanations' languages: the fast path's digits grouped
// and localized as before (nl "1.234,56", fr "1 234,56" with U+202F).
TEST(NumberFormatTest, LocalizedNumbersEqualToCharsOnes) {
  using explain::LocalizeNumber;
  using explain::Messages;
  EXPECT_EQ(Messages::Of(Language::kDutch).Number(1234567.891, 2),
            "1.234.567,89");
  EXPECT_EQ(Messages::Of(Language::kFrench).Number(-1234567.891, 2),
            "-1\u202F234\u202F567,89");
  EXPECT_EQ(Messages::Of(Language::kFrench).Number(-0.0001, 2), "0,00");
  std::mt19937_64 random(17);
  std::uniform_real_distribution<double> mantissa(-10.0, 10.0);
  std::uniform_int_distribution<int> exponent(-4, 12);
  std::uniform_int_distribution<int> decimals(-1, 6);
  for (int i = 0; i < 20000; ++i) {
    const double value = mantissa(random) * std::pow(10.0, exponent(random));
    const int d = decimals(random);
    for (const Language language :
         {Language::kEnglish, Language::kDutch, Language::kFrench}) {
      ASSERT_EQ(
          Messages::Of(language).Number(value, d),
          LocalizeNumber(detail::FormatNumberByToChars(value, d), language))
          << fmt::format("{:.17g}", value) << " with " << d;
    }
  }
}

}  // namespace
}  // namespace circa::util
