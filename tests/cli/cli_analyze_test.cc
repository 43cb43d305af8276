// `circa analyze`: which analyses run, reproducible SMAA with the seed
// printed, the robustness headline agreeing with the library, bad input,
// bids excluded at any stage left out, and the approved office-furniture
// and furniture-award outputs (tests/golden/approved/analyze/).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "circa/circa.h"
#include "circa/robustness.h"
#include "cli/analyze_support.h"
#include "cli/cli_support.h"

namespace circa_test::cli {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::StartsWith;

const std::string& kSample = kAnalyzeSample;

TEST(CliAnalyze, HelpListsTheOptions) {
  const RunResult run = RunCirca({"analyze", "--help"});
  EXPECT_EQ(run.exit_code, 0) << run.Describe();
  for (const char* option : {"--reversal", "--sensitivity", "--counterfactual",
                             "--smaa", "--seed", "--method", "--format"}) {
    EXPECT_THAT(run.out, HasSubstr(option));
  }
  EXPECT_THAT(RunCirca({"--help"}).out, HasSubstr("analyze"));
}

TEST(CliAnalyze, BidsExcludedAtAnyStageAreLeftOutAndNamed) {
  // samples/furniture-award: D scores below the Circularity minimum and F
  // fails legal_wood; both are out of the award, as `circa score` shows, so
  // the analyses see A, B, C and E only (issue 13, item 3).
  const RunResult run =
      RunCirca({"analyze", "samples/furniture-award", "-f", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.Describe();
  const nlohmann::json j = Json(run);
  EXPECT_EQ(run.err,
            "circa: warning: bid D scored 1.25 of 35 points on Circularity, "
            "below the minimum of 17.5; excluded before price and cost were "
            "scored; it is left out of the analyses\n"
            "circa: warning: bid F does not meet requirement legal_wood "
            "(Legal and sustainable wood): option 1: wood_label is \"none\", "
            "expected one of FSC, PEFC; option 2: wood_equivalent is \"no\", "
            "expected yes; accepted evidence: FSC or PEFC certificate, or "
            "equivalent evidence of legal and sustainable harvesting; it is "
            "left out of the analyses\n");
  EXPECT_EQ(j["bids"], 4);
  ASSERT_EQ(j["left_out"].size(), 2u);
  EXPECT_EQ(j["left_out"][0]["bid"], "D");
  EXPECT_EQ(j["left_out"][0]["stage"], "threshold");
  EXPECT_EQ(j["left_out"][0]["rule"], "circularity");
  EXPECT_EQ(j["left_out"][1]["bid"], "F");
  EXPECT_EQ(j["left_out"][1]["stage"], "requirement");
  EXPECT_EQ(j["left_out"][1]["rule"], "legal_wood");
  for (const auto& probe : j["reversal"]["probes"]) {
    EXPECT_NE(probe["removed_bid"], "D");
    EXPECT_NE(probe["removed_bid"], "F");
  }
  EXPECT_EQ(j["reversal"]["probes"].size(), 4u);  // A, B, E removed; 1 added
  // No debrief sentence for an excluded bid: no price could rescue it.
  for (const auto& bid : j["counterfactual"]["bids"]) {
    EXPECT_NE(bid["bid"], "D");
    EXPECT_NE(bid["bid"], "F");
  }
}

// A set scored on life-cycle cost (from: lcc) is analysed like any other
// once its cost profile is given: found in the tender directory, or named
// with --costs next to two file paths.
TEST(CliAnalyze, CostProfileByDirectoryOrCostsOption) {
  const RunResult dir =
      RunCirca({"analyze", "samples/fleet-lcc", "--reversal"});
  ASSERT_EQ(dir.exit_code, 0) << dir.Describe();
  const RunResult files = RunCirca(
      {"analyze", "samples/fleet-lcc/tender.yaml", "samples/fleet-lcc/bids.csv",
       "--costs", "samples/fleet-lcc/cost-profile.yaml", "--reversal"});
  ASSERT_EQ(files.exit_code, 0) << files.Describe();
  EXPECT_EQ(files.out, dir.out);
  const RunResult missing =
      RunCirca({"analyze", "samples/fleet-lcc/tender.yaml",
                "samples/fleet-lcc/bids.csv", "--reversal"});
  EXPECT_EQ(missing.exit_code, 1) << missing.Describe();
  EXPECT_THAT(missing.err, HasSubstr("give a cost profile"));
}

TEST(CliAnalyze, DefaultRunsTheThreeCheapAnalysesOnly) {
  const nlohmann::json j = Json(Analyze({"-f", "json"}));
  EXPECT_EQ(j["schema"], "circa.analysis/1");
  EXPECT_TRUE(j["reversal"].is_object());
  EXPECT_TRUE(j["sensitivity"].is_object());
  EXPECT_TRUE(j["counterfactual"].is_object());
  EXPECT_TRUE(j["smaa"].is_null());
  EXPECT_TRUE(j["comparison"].is_null());
}

TEST(CliAnalyze, FlagsSelectAnalyses) {
  const nlohmann::json j = Json(Analyze({"--sensitivity", "-f", "json"}));
  EXPECT_TRUE(j["reversal"].is_null());
  EXPECT_TRUE(j["sensitivity"].is_object());
  EXPECT_TRUE(j["counterfactual"].is_null());
  EXPECT_TRUE(j["smaa"].is_null());
}

TEST(CliAnalyze, SmaaDefaultSeedIsOneAndPrinted) {
  const RunResult table = Analyze({"--smaa", "300", "--width", "100"});
  ASSERT_EQ(table.exit_code, 0) << table.Describe();
  EXPECT_THAT(table.out, HasSubstr("seed 1."));
  const nlohmann::json j = Json(Analyze({"--smaa", "300", "-f", "json"}));
  EXPECT_EQ(j["smaa"]["seed"], 1);
  EXPECT_EQ(j["smaa"]["samples"], 300);
}

TEST(CliAnalyze, SameSeedIsByteIdentical) {
  for (const char* format : {"table", "json"}) {
    SCOPED_TRACE(format);
    const std::vector<std::string> args = {"--smaa", "500",  "--seed",  "3",
                                           "-f",     format, "--width", "100"};
    const RunResult first = Analyze(args);
    const RunResult second = Analyze(args);
    ASSERT_EQ(first.exit_code, 0) << first.Describe();
    EXPECT_FALSE(first.out.empty());
    EXPECT_EQ(first.out, second.out);
    EXPECT_EQ(first.err, second.err);
  }
}

TEST(CliAnalyze, DifferentSeedChangesSmaaNumbers) {
  const nlohmann::json a =
      Json(Analyze({"--smaa", "500", "--seed", "3", "-f", "json"}));
  const nlohmann::json b =
      Json(Analyze({"--smaa", "500", "--seed", "4", "-f", "json"}));
  EXPECT_EQ(a["smaa"]["seed"], 3);
  EXPECT_EQ(b["smaa"]["seed"], 4);
  EXPECT_NE(a["smaa"]["bids"], b["smaa"]["bids"]);
  // The deterministic analyses do not depend on the seed.
  EXPECT_EQ(a["sensitivity"], b["sensitivity"]);
  EXPECT_EQ(a["reversal"], b["reversal"]);
  const RunResult t3 = Analyze({"--smaa", "500", "--seed", "3"});
  const RunResult t4 = Analyze({"--smaa", "500", "--seed", "4"});
  EXPECT_THAT(t3.out, HasSubstr("seed 3."));
  EXPECT_THAT(t4.out, HasSubstr("seed 4."));
}

TEST(CliAnalyze, HeadlineMatchesTheLibrary) {
  const std::string dir = (SourceDir() / kSample).string();
  const auto criteria =
      circa::LoadCriteriaFile(dir + "/tender.yaml", circa::LoadOptions{});
  ASSERT_TRUE(criteria.value.has_value());
  const auto bids = circa::LoadBidsFile(dir + "/bids.csv", *criteria.value,
                                        circa::LoadOptions{});
  ASSERT_TRUE(bids.value.has_value());
  const circa::Result<circa::Scorer> compiled =
      circa::Scorer::Compile(*criteria.value);
  ASSERT_TRUE(compiled.ok());
  const circa::Scorer& scorer = *compiled.value;
  const circa::Evaluation e = scorer.Evaluate(*bids.value);
  const circa::RankReversalResult reversal =
      circa::ProbeRankReversal(scorer, bids.value->values, e);
  const circa::SensitivityResult sensitivity =
      circa::AnalyseWeightSensitivity(scorer, e);
  const auto id = [&](int bid) {
    return bids.value->ids[static_cast<std::size_t>(bid)];
  };

  // The smallest winner-changing weight change over all leaves.
  int column = -1;
  double delta = 0;
  int to = -1;
  for (const circa::WeightSensitivity& w : sensitivity.leaves) {
    for (const circa::WeightThreshold* t : {&w.increase, &w.decrease}) {
      if (t->changes && (column < 0 || std::abs(t->delta) < std::abs(delta))) {
        column = w.index;
        delta = t->delta;
        to = t->new_winner;
      }
    }
  }
  ASSERT_GE(column, 0) << "office-furniture should have a weight threshold";
  const circa::Column& c = scorer.columns()[static_cast<std::size_t>(column)];
  char amount[32];
  std::snprintf(amount, sizeof amount, "%+.1f", delta);

  const RunResult table = Analyze({"--width", "100"});
  ASSERT_EQ(table.exit_code, 0) << table.Describe();
  const std::string expected_start =
      "Winner " + id(e.Winner()) +
      (reversal.winner_changes == 0 ? " is robust: " : " is NOT robust: ");
  EXPECT_THAT(table.out, StartsWith(expected_start));
  const std::string weight_clause = (c.name.empty() ? c.id : c.name) + " " +
                                    amount + " points (to " + id(to) + ")";
  // The headline may wrap at 100 columns; compare with spaces for newlines.
  std::string headline = table.out.substr(0, table.out.find("Criteria set"));
  for (char& ch : headline) {
    if (ch == '\n') ch = ' ';
  }
  EXPECT_THAT(headline, HasSubstr(weight_clause));

  const nlohmann::json j = Json(Analyze({"-f", "json"}));
  EXPECT_EQ(j["winner"], id(e.Winner()));
  EXPECT_EQ(j["robust"], reversal.winner_changes == 0);
  EXPECT_EQ(j["reversal"]["winner_changes"], reversal.winner_changes);
  EXPECT_EQ(j["sensitivity"]["smallest_change"]["criterion"], c.id);
  EXPECT_NEAR(j["sensitivity"]["smallest_change"]["delta"].get<double>(), delta,
              1e-6);
  EXPECT_EQ(j["sensitivity"]["smallest_change"]["new_winner"], id(to));
  EXPECT_EQ(j["counterfactual"]["bids"].size(), e.order.size() - 1);
}

TEST(CliAnalyze, MethodAddsALabelledComparison) {
  const RunResult table = Analyze({"--method", "topsis", "--width", "100"});
  ASSERT_EQ(table.exit_code, 0) << table.Describe();
  EXPECT_THAT(table.out,
              HasSubstr("comparison only; the award ranks by weighted sum"));
  const nlohmann::json j =
      Json(Analyze({"--method", "weighted-product", "-f", "json"}));
  EXPECT_EQ(j["comparison"]["method"], "weighted-product");
  EXPECT_EQ(j["comparison"]["note"],
            "comparison only; the award ranks by weighted sum");
  EXPECT_FALSE(j["comparison"]["ranking"].empty());
}

TEST(CliAnalyze, OutputFileHoldsWhatStdoutWould) {
  const TempDir dir;
  const fs::path target = dir.path() / "analysis.json";
  const RunResult to_stdout = Analyze({"-f", "json"});
  const RunResult to_file = Analyze({"-f", "json", "-o", target.string()});
  ASSERT_EQ(to_file.exit_code, 0) << to_file.Describe();
  EXPECT_TRUE(to_file.out.empty());
  EXPECT_EQ(ReadFile(target), to_stdout.out);
}

TEST(CliAnalyze, BadInputExitsOneWithDiagnosticsAndNoStdout) {
  const TempDir dir;
  WriteFile(dir.path() / "tender.yaml",
            ReadFile(SourceDir() / kSample / "tender.yaml"));
  dir.Write("bids.csv", "bid,nonsense\nA,1\n");
  const fs::path out = dir.path() / "out.txt";
  const RunResult run = RunCirca(
      {"analyze", dir.path().string(), "--smaa", "100", "-o", out.string()});
  EXPECT_EQ(run.exit_code, 1) << run.Describe();
  EXPECT_TRUE(run.out.empty()) << run.out;
  EXPECT_THAT(run.err, HasSubstr("bids.csv"));
  EXPECT_FALSE(fs::exists(out));
}

TEST(CliAnalyze, UsageErrorsExitTwo) {
  EXPECT_EQ(Analyze({"--seed", "3"}).exit_code, 2);  // --seed needs --smaa
  EXPECT_EQ(Analyze({"--smaa", "0"}).exit_code, 2);
  EXPECT_EQ(Analyze({"--method", "borda"}).exit_code, 2);
  EXPECT_EQ(Analyze({"-f", "csv"}).exit_code, 2);
}

// A set publishing weight ranges (`weight: [lo, hi]`, docs/criteria-format.md):
// SMAA samples within them and every output says so; the sensitivity
// answers for each range.
TEST(CliAnalyze, PublishedRangesReachSmaaAndSensitivity) {
  const TempDir dir;
  std::string tender = ReadFile(SourceDir() / kSample / "tender.yaml");
  const auto replace = [&](const std::string& from, const std::string& to) {
    const std::size_t at = tender.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    tender.replace(at, from.size(), to);
  };
  replace("    weight: 40\n", "    weight: [26, 54]\n");  // price
  WriteFile(dir.path() / "tender.yaml", tender);
  WriteFile(dir.path() / "bids.csv",
            ReadFile(SourceDir() / kSample / "bids.csv"));
  // The plan has a panel policy: it is scored only from the panel file.
  WriteFile(dir.path() / "panel.csv",
            ReadFile(SourceDir() / kSample / "panel.csv"));
  const RunResult run =
      RunCirca({"analyze", dir.path().string(), "--smaa", "500", "-f", "json"});
  const nlohmann::json j = Json(run);
  EXPECT_EQ(j["smaa"]["sampling"], "published-ranges");
  ASSERT_EQ(j["smaa"]["ranges"].size(), 1u);
  EXPECT_EQ(j["smaa"]["ranges"][0]["criterion"], "price");
  EXPECT_GE(j["smaa"]["draws"].get<int>(), 500);
  const nlohmann::json& price = j["sensitivity"]["criteria"][0];
  EXPECT_EQ(price["id"], "price");
  EXPECT_EQ(price["published_range"]["lo"], 26.0);
  // Price crosses at 51.75 points (the approved output): inside 26-54.
  EXPECT_EQ(price["robust_within_published_range"], false);
  EXPECT_THAT(j["headline"].get<std::string>(),
              HasSubstr("the winner changes within the published weight "
                        "range of Price (26\u201354 points)"));
  const RunResult table = RunCirca(
      {"analyze", dir.path().string(), "--smaa", "500", "--width", "100"});
  EXPECT_THAT(table.out, HasSubstr("within the published weight ranges"));
  // Without ranges the draws are uniform.
  EXPECT_EQ(Json(Analyze({"--smaa", "300", "-f", "json"}))["smaa"]["sampling"],
            "uniform");
}

TEST(CliAnalyze, MatchesApprovedOutput) {
  // office-furniture with SMAA; furniture-award with its two excluded bids
  // (D below a minimum score, F failing a requirement) left out and named.
  struct Case {
    std::string sample;
    std::vector<std::string> extra;
  };
  const std::vector<Case> cases = {
      {"office-furniture", {"--smaa", "2000", "--seed", "7"}},
      {"furniture-award", {}},
  };
  // English in every format; Dutch and French (--lang) in the table and
  // Markdown, <sample>.<format>.<lang>.approved.txt (docs/translating.md).
  for (const Case& c : cases) {
    std::vector<std::string> args = {"analyze", "samples/" + c.sample};
    args.insert(args.end(), c.extra.begin(), c.extra.end());
    ExpectApprovedAnalysis(c.sample, args, {"nl", "fr"});
  }
}

}  // namespace
}  // namespace circa_test::cli
