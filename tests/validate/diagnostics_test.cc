// Diagnostics (engine/diagnostics.cc): the "file:line:col: path: message"
// contract and worst-severity-wins counting.
#include "circa/diagnostics.h"

#include <gtest/gtest.h>

#include "circa/criteria.h"

namespace circa {
namespace {

TEST(DiagnosticTest, ToStringWithFullPosition) {
  const Diagnostic d{Severity::kError,
                     {"criteria/furniture.yaml", 12, 7},
                     "criteria[2].weight",
                     "expected a number >= 0, got \"-5\""};
  EXPECT_EQ(d.ToString(),
            "criteria/furniture.yaml:12:7: criteria[2].weight: expected a "
            "number >= 0, got \"-5\"");
}

TEST(DiagnosticTest, ToStringOmitsUnknownParts) {
  EXPECT_EQ((Diagnostic{Severity::kError, {"bids.csv", 3, 0}, "", "bad row"})
                .ToString(),
            "bids.csv:3: bad row");
  EXPECT_EQ((Diagnostic{Severity::kError, {"bids.csv", 0, 0}, "", "no bids"})
                .ToString(),
            "bids.csv: no bids");
  EXPECT_EQ((Diagnostic{Severity::kError, {"", 0, 0}, "x", "y"}).ToString(),
            "<input>: x: y");
}

TEST(DiagnosticTest, WarningsAreMarked) {
  const Diagnostic d{Severity::kWarning, {"t.yaml", 1, 2}, "scale", "odd"};
  EXPECT_EQ(d.ToString(), "t.yaml:1:2: warning: scale: odd");
}

TEST(DiagnosticsTest, WorstSeverityWins) {
  Diagnostics diag;
  diag.Warning({"a", 1, 1}, "", "w");
  EXPECT_FALSE(diag.HasErrors());
  EXPECT_FALSE(HasErrors(diag.items()));
  diag.Error({"a", 2, 1}, "", "e");
  diag.Append(
      {{Severity::kError, {}, "", "e2"}, {Severity::kWarning, {}, "", "w2"}});
  EXPECT_TRUE(diag.HasErrors());
  EXPECT_EQ(diag.ErrorCount(), 2);
  EXPECT_EQ(diag.items().size(), 4u);
  EXPECT_TRUE(HasErrors(diag.items()));
  const std::vector<Diagnostic> taken = diag.Take();
  EXPECT_EQ(taken.size(), 4u);
  EXPECT_EQ(taken[1].message, "e");
}

// Enum names round-trip through the one table (criteria.cc).
TEST(EnumNamesTest, RoundTrip) {
  for (const Rule rule : AllRules()) {
    EXPECT_EQ(RuleFromString(ToString(rule)), rule) << ToString(rule);
  }
  EXPECT_EQ(AllRules().size(), 12u);
  EXPECT_EQ(ToString(Rule::kLowestRatio), "lowest-ratio");
  EXPECT_EQ(ToString(Rule::kYesNo), "yes-no");
  EXPECT_EQ(RuleFromString("Lowest-Ratio"), std::nullopt);
  for (const auto t :
       {CriterionType::kPrice, CriterionType::kCost, CriterionType::kQuality}) {
    EXPECT_EQ(CriterionTypeFromString(ToString(t)), t);
  }
  EXPECT_EQ(WeightModeFromString("percent"), WeightMode::kPercent);
  EXPECT_EQ(ToString(WeightMode::kPoints), "points");
  EXPECT_EQ(DirectionFromString("lower"), Direction::kLowerIsBetter);
  EXPECT_EQ(ToString(Direction::kHigherIsBetter), "higher");
}

TEST(EnumNamesTest, RuleClasses) {
  // DOMAIN.md §3: relative rules depend on the other bids.
  EXPECT_TRUE(IsRelative(Rule::kLowestRatio));
  EXPECT_TRUE(IsRelative(Rule::kPercentOfLowest));
  EXPECT_TRUE(IsRelative(Rule::kLinearRange));
  EXPECT_TRUE(IsRelative(Rule::kLinearCeiling));
  EXPECT_TRUE(IsRelative(Rule::kLogarithmic));
  EXPECT_TRUE(IsRelative(Rule::kRatioToBest));
  EXPECT_FALSE(IsRelative(Rule::kLinear));
  EXPECT_FALSE(IsRelative(Rule::kSteps));
  EXPECT_FALSE(IsRelative(Rule::kYesNo));
  EXPECT_FALSE(IsRelative(Rule::kScale));
  EXPECT_TRUE(IsPriceRule(Rule::kLowestRatio));
  EXPECT_FALSE(IsPriceRule(Rule::kLinear));
  EXPECT_TRUE(IsPriceRule(Rule::kBelowHighest));
  EXPECT_FALSE(IsPriceRule(Rule::kShareOfTotal));  // any type
  EXPECT_TRUE(IsRelative(Rule::kShareOfTotal));
  EXPECT_TRUE(IsRelative(Rule::kBelowHighest));
  EXPECT_FALSE(IsNumericInput(Rule::kScale));
  EXPECT_TRUE(IsNumericInput(Rule::kSteps));
}

}  // namespace
}  // namespace circa
