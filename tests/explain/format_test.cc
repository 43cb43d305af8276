// FormatNumber (engine/util/number_format.cc): fixed decimals, thousands
// grouped with commas, no "-0".
#include <gtest/gtest.h>

#include "circa/explain.h"

namespace circa {
namespace {

TEST(FormatNumberTest, FixedDecimals) {
  EXPECT_EQ(FormatNumber(1234.5, 2), "1,234.50");
  EXPECT_EQ(FormatNumber(123, 2), "123.00");
  EXPECT_EQ(FormatNumber(0.6666666, 3), "0.667");
  EXPECT_EQ(FormatNumber(999.999, 2), "1,000.00");
  EXPECT_EQ(FormatNumber(1e6, 0), "1,000,000");
  EXPECT_EQ(FormatNumber(-5, 0), "-5");
  EXPECT_EQ(FormatNumber(-1234567.891, 2), "-1,234,567.89");
  EXPECT_EQ(FormatNumber(75.714285714, 3), "75.714");
}

TEST(FormatNumberTest, ShortestUpToSixDecimals) {
  EXPECT_EQ(FormatNumber(100, -1), "100");
  EXPECT_EQ(FormatNumber(0.1, -1), "0.1");
  EXPECT_EQ(FormatNumber(2.5, -1), "2.5");
  EXPECT_EQ(FormatNumber(1234, -1), "1,234");
  EXPECT_EQ(FormatNumber(12.3456789, -1), "12.345679");
  EXPECT_EQ(FormatNumber(-151000, -1), "-151,000");
}

TEST(FormatNumberTest, NoNegativeZero) {
  EXPECT_EQ(FormatNumber(-0.0, -1), "0");
  EXPECT_EQ(FormatNumber(-0.0, 2), "0.00");
  EXPECT_EQ(FormatNumber(-0.0001, 2), "0.00");
  EXPECT_EQ(FormatNumber(-0.0000001, -1), "0");
}

}  // namespace
}  // namespace circa
