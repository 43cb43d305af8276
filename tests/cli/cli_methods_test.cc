// `circa analyze --method` with the methods and options of issue 17: every
// method reachable, the approved VIKOR and PROMETHEE outputs
// (tests/golden/approved/analyze/office-furniture-*.approved.txt), the
// objective-weights warning, --precision full and bad input.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "circa/circa.h"
#include "cli/analyze_support.h"
#include "cli/cli_support.h"

namespace circa_test::cli {
namespace {

using ::testing::HasSubstr;

const std::string& kSample = kAnalyzeSample;

TEST(CliMethods, EveryMethodIsReachable) {
  for (const char* method : {"weighted-sum", "topsis", "weighted-product",
                             "waspas", "vikor", "promethee"}) {
    SCOPED_TRACE(method);
    const nlohmann::json j = Json(Analyze({"--method", method, "-f", "json"}));
    EXPECT_EQ(j["comparison"]["method"], method);
    EXPECT_EQ(j["comparison"]["ranking"].size(), 5u);
  }
}

TEST(CliMethods, OptionsReachTheMethod) {
  const nlohmann::json j = Json(
      Analyze({"--method", "topsis", "--normalisation", "min-max", "--distance",
               "manhattan", "--method-input", "values", "-f", "json"}));
  const nlohmann::json& o = j["comparison"]["options"];
  EXPECT_EQ(o["normalisation"], "min-max");
  EXPECT_EQ(o["distance"], "manhattan");
  EXPECT_EQ(o["input"], "values");
  EXPECT_EQ(j["comparison"]["description"],
            "topsis (normalisation min-max, distance manhattan, raw values)");
  const nlohmann::json w =
      Json(Analyze({"--method", "waspas", "--lambda", "0.25", "--exponents",
                    "raw", "-f", "json"}));
  EXPECT_EQ(w["comparison"]["options"]["lambda"], 0.25);
  EXPECT_EQ(w["comparison"]["options"]["exponents"], "raw");
  const nlohmann::json p = Json(
      Analyze({"--method", "promethee", "--preference", "gaussian:s=0.2",
               "--preference", "price=linear:q=0.05:p=0.25", "-f", "json"}));
  const nlohmann::json& prefs = p["comparison"]["options"]["preference"];
  ASSERT_EQ(prefs.size(), 5u);
  EXPECT_EQ(prefs[0]["criterion"], "price");
  EXPECT_EQ(prefs[0]["function"], "linear");
  EXPECT_EQ(prefs[0]["p"], 0.25);
  EXPECT_EQ(prefs[1]["function"], "gaussian");
  EXPECT_EQ(prefs[1]["s"], 0.2);
}

// Weights from the data are never for an award, and every format says so.
TEST(CliMethods, ObjectiveWeightsSayNeverForAnAward) {
  for (const char* format : {"table", "md"}) {
    const RunResult run = Analyze(
        {"--method", "topsis", "--objective-weights", "critic", "-f", format});
    ASSERT_EQ(run.exit_code, 0) << run.Describe();
    EXPECT_THAT(run.out, HasSubstr("for analysis only, never for an award"));
  }
  const nlohmann::json j = Json(Analyze(
      {"--method", "topsis", "--objective-weights", "entropy", "-f", "json"}));
  EXPECT_EQ(j["comparison"]["weights_note"],
            "weights computed from the entropy of the bids' scores, not the "
            "published weights: for analysis only, never for an award");
  double total = 0;
  for (const auto& w : j["comparison"]["weights"])
    total += w["weight"].get<double>();
  EXPECT_NEAR(total, 1.0, 1e-5);
}

// --precision full: every number of the JSON is the library's double, read
// back exactly; the default rounds to 6 decimals.
TEST(CliMethods, PrecisionFullWritesShortestRoundTripDoubles) {
  const auto paths =
      circa::ResolveTenderDirectory((SourceDir() / kSample).string());
  ASSERT_TRUE(paths.ok());
  circa::Result<circa::Tender> tender = circa::LoadTender(*paths.value, {});
  ASSERT_TRUE(tender.ok());
  circa::AnalyzeOptions options;
  options.comparison = circa::Aggregation::kTopsis;
  const auto analysis = circa::Analyze(*tender.value, options);
  ASSERT_TRUE(analysis.ok());
  const circa::AggregationResult& c = *analysis.value->comparison;

  const nlohmann::json full = Json(
      Analyze({"--method", "topsis", "-f", "json", "--precision", "full"}));
  const nlohmann::json fixed =
      Json(Analyze({"--method", "topsis", "-f", "json"}));
  bool some_differs = false;
  for (std::size_t k = 0; k < c.order.size(); ++k) {
    const int bid = c.order[k];
    const double exact = c.value[bid];
    EXPECT_EQ(full["comparison"]["ranking"][k]["value"].get<double>(), exact);
    const double rounded =
        fixed["comparison"]["ranking"][k]["value"].get<double>();
    EXPECT_NEAR(rounded, exact, 5e-7);
    some_differs = some_differs || rounded != exact;
  }
  EXPECT_TRUE(some_differs);
}

// The same switch reaches the score JSON through the API: a bid's total is
// written as the exact double, and the default rounds it; the precision
// does not outlive the render.
TEST(CliMethods, PrecisionFullReachesTheScoreJson) {
  const auto paths =
      circa::ResolveTenderDirectory((SourceDir() / kSample).string());
  ASSERT_TRUE(paths.ok());
  circa::Result<circa::Tender> tender = circa::LoadTender(*paths.value, {});
  ASSERT_TRUE(tender.ok());
  const circa::Result<circa::Outcome> outcome = circa::Evaluate(*tender.value);
  ASSERT_TRUE(outcome.ok());
  circa::RenderOptions full;
  full.precision = circa::NumberPrecision::kFull;
  const std::string before =
      circa::Render(*outcome.value, circa::ReportFormat::kJson);
  const nlohmann::json exact = nlohmann::json::parse(
      circa::Render(*outcome.value, circa::ReportFormat::kJson, full));
  const std::string after =
      circa::Render(*outcome.value, circa::ReportFormat::kJson);
  EXPECT_EQ(before, after);
  const nlohmann::json rounded = nlohmann::json::parse(after);
  const circa::Evaluation& e = outcome.value->points->evaluation;
  bool some_differs = false;
  for (std::size_t k = 0; k < exact["bids"].size(); ++k) {
    const std::string id = exact["bids"][k]["id"];
    const auto it = std::find(outcome.value->tender.bids.ids.begin(),
                              outcome.value->tender.bids.ids.end(), id);
    const auto i = it - outcome.value->tender.bids.ids.begin();
    EXPECT_EQ(exact["bids"][k]["total"].get<double>(), e.totals[i]) << id;
    some_differs = some_differs ||
                   rounded["bids"][k]["total"].get<double>() != e.totals[i];
  }
  EXPECT_TRUE(some_differs);
  // `circa score --precision full` writes the same JSON as the API (the
  // workbooks' LibreOffice check compares against it to 1e-9).
  const RunResult cli = RunCirca({"score", (SourceDir() / kSample).string(),
                                  "-f", "json", "--precision", "full"});
  ASSERT_EQ(cli.exit_code, 0) << cli.Describe();
  EXPECT_EQ(nlohmann::json::parse(cli.out)["bids"], exact["bids"]);
  EXPECT_EQ(RunCirca({"score", (SourceDir() / kSample).string(), "-f", "json",
                      "--precision", "exact"})
                .exit_code,
            2);
}

TEST(CliMethods, BadOptions) {
  RunResult run = Analyze({"--method", "vikor", "--normalisation", "max"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err,
              HasSubstr("invalid options: comparison.normalisation: vikor and "
                        "promethee scale by their own rule"));
  run = Analyze({"--method", "promethee", "--preference", "linear:q=3:p=2"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("comparison.preference: level and linear "
                                 "need 0 <= q < p"));
  run = Analyze({"--method", "promethee", "--preference", "linear:q=x"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err,
              HasSubstr("--preference: expected a number after 'q=', got 'x'"));
  run = Analyze({"--method", "promethee", "--preference", "bell"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("unknown preference function 'bell' (usual, "
                                 "u-shape, v-shape, level, linear, gaussian)"));
  run = Analyze({"--method", "promethee", "--preference", "nope=usual"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.err,
              HasSubstr("comparison.preference: no leaf criterion 'nope' in "
                        "samples/office-furniture/tender.yaml"));
  EXPECT_EQ(Analyze({"--normalisation", "max"}).exit_code, 2);  // no --method
  EXPECT_EQ(Analyze({"--method", "waspas", "--lambda", "2"}).exit_code, 2);
  EXPECT_EQ(Analyze({"--precision", "exact"}).exit_code, 2);
}

TEST(CliMethods, MatchesApprovedOutput) {
  struct Case {
    std::string name;
    std::vector<std::string> extra;
  };
  const std::vector<Case> cases = {
      {"office-furniture-topsis", {"--method", "topsis"}},
      {"office-furniture-vikor", {"--method", "vikor"}},
      {"office-furniture-promethee",
       {"--method", "promethee", "--preference", "linear:q=0.05:p=0.3",
        "--objective-weights", "entropy"}},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args = {"analyze", kSample, "--reversal"};
    args.insert(args.end(), c.extra.begin(), c.extra.end());
    // In English, and the table and Markdown in Dutch and French.
    ExpectApprovedAnalysis(c.name, args, {"nl", "fr"});
  }
}

}  // namespace
}  // namespace circa_test::cli
