// LoadTender and panel criteria (docs/panels.md, "Which criteria a panel
// scores"): a criterion with a panel policy is scored only from a panel
// file; a value for it in the bid file without one is an error (issue 13).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "circa/circa.h"
#include "circa/tender.h"
#include "test_util.h"

namespace circa {
namespace {

using ::testing::ElementsAre;

// samples/office-furniture: `plan` declares
//   panel: {aggregate: consensus, ...} (tender.yaml line 59)
// and bids.csv gives every bid a plan level (A acceptable ... E excellent).
TenderPaths OfficeFurniture(bool with_panel) {
  TenderPaths p;
  p.criteria = circa_test::SourcePath("samples/office-furniture/tender.yaml");
  p.bids = circa_test::SourcePath("samples/office-furniture/bids.csv");
  if (with_panel) {
    p.panel = circa_test::SourcePath("samples/office-furniture/panel.csv");
  }
  return p;
}

TEST(PanelTender, BidFileValueWithoutPanelFileIsAnError) {
  const Result<Tender> t = LoadTender(OfficeFurniture(false), {});
  EXPECT_FALSE(t.ok());
  EXPECT_THAT(
      circa_test::Messages(t.diagnostics),
      ElementsAre(
          circa_test::SourcePath("samples/office-furniture/bids.csv") +
          ":2:1: bids[A].plan: the bid file gives a value for \"plan\" (and "
          "for 4 other bids), which has a panel policy (declared at " +
          circa_test::SourcePath("samples/office-furniture/tender.yaml") +
          ":75): it is scored only from a panel file; give the panel's "
          "scores (panel.csv in the tender directory, or --panel FILE) and "
          "leave the bid file's cells empty, or remove panel: from the "
          "criterion"));
}

TEST(PanelTender, PanelFileScoresThePanelCriterion) {
  const Result<Tender> t = LoadTender(OfficeFurniture(true), {});
  ASSERT_TRUE(t.ok()) << circa_test::Describe(t.diagnostics);
  ASSERT_TRUE(t.value->panel.has_value());
  // The panel's consensus, not the bid file's level, is the cell's value;
  // how it was reached is a fact of the panel, worded by PanelCellText.
  const auto& bids = t.value->bids;
  const std::size_t plan = bids.criteria.size() - 1;
  EXPECT_EQ(bids.criteria[plan], "plan");
  const auto cell =
      std::find_if(t.value->panel->cells.begin(), t.value->panel->cells.end(),
                   [&bids](const PanelCell& c) {
                     return c.bid == bids.ids[0] && c.criterion == "plan";
                   });
  ASSERT_NE(cell, t.value->panel->cells.end());
  EXPECT_TRUE(cell->consensus);
  EXPECT_EQ(bids.text[plan], FormatNumber(cell->value, -1));
  EXPECT_THAT(PanelCellText(*cell), ::testing::HasSubstr("consensus"));
}

}  // namespace
}  // namespace circa
