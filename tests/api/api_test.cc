// The entry points (include/circa/evaluate.h, analyze.h, render.h): the
// policy they hold (money or points, the automatic rank-reversal probe and
// its limit, which bids are analysed), the options' validity checks, and
// the example of docs/api.md being the compiled one.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "circa/circa.h"
#include "circa/validate.h"
#include "test_util.h"

namespace {

using circa::AnalysisResult;
using circa::AnalyzeOptions;
using circa::EvaluateOptions;
using circa::ExclusionStage;
using circa::Outcome;
using circa::ReportFormat;
using circa::ReversalProbeRun;
using circa::Tender;
using circa_test::Describe;
using circa_test::Messages;
using circa_test::ParseBidsOk;
using circa_test::ParseCriteriaOk;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string SourcePath(const std::string& relative) {
  return std::string(CIRCA_SOURCE_DIR) + "/" + relative;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A sample tender, loaded as `circa score samples/NAME` loads it.
Tender LoadSample(const std::string& name) {
  const auto paths =
      circa::ResolveTenderDirectory(SourcePath("samples/" + name));
  if (!paths.ok()) throw std::runtime_error(Describe(paths.diagnostics));
  auto tender = circa::LoadTender(*paths.value, {});
  if (!tender.ok()) throw std::runtime_error(Describe(tender.diagnostics));
  return std::move(*tender.value);
}

Tender InCode(std::string_view criteria, std::string_view bids) {
  Tender t;
  t.criteria = ParseCriteriaOk(criteria);
  t.bids = ParseBidsOk(bids, t.criteria);
  return t;
}

// --- options
// ------------------------------------------------------------------

template <typename Options>
std::string Why(const Options& options) {
  std::string why = "(valid)";
  options.IsValid(&why);
  return why;
}

TEST(ApiOptions, EveryDefaultIsValid) {
  EXPECT_EQ(Why(circa::EvaluateOptions{}), "(valid)");
  EXPECT_EQ(Why(circa::AnalyzeOptions{}), "(valid)");
  EXPECT_EQ(Why(circa::RenderOptions{}), "(valid)");
  EXPECT_EQ(Why(circa::LoadOptions{}), "(valid)");
  EXPECT_EQ(Why(circa::SmaaOptions{}), "(valid)");
  EXPECT_EQ(Why(circa::ReversalOptions{}), "(valid)");
  EXPECT_EQ(Why(circa::CounterfactualOptions{}), "(valid)");
  EXPECT_EQ(Why(circa::MoneyOptions{}), "(valid)");
  EXPECT_EQ(Why(circa::AhpOptions{}), "(valid)");
  EXPECT_EQ(Why(circa::LintOptions{}), "(valid)");
  EXPECT_EQ(Why(circa::WriteOptions{}), "(valid)");
  EXPECT_EQ(Why(circa::ExportOptions{}), "(valid)");
  EXPECT_EQ(Why(circa::ImportOptions{}), "(valid)");
  EXPECT_EQ(Why(circa::CostProfileOptions{}), "(valid)");
  // A null `why` is allowed.
  EXPECT_TRUE(circa::EvaluateOptions{}.IsValid(nullptr));
}

TEST(ApiOptions, InvalidOptionsSayWhich) {
  EvaluateOptions evaluate;
  evaluate.automatic_probe_limit = -1;
  EXPECT_EQ(Why(evaluate), "automatic_probe_limit = -1: must be >= 0");
  EXPECT_FALSE(evaluate.IsValid(nullptr));

  circa::RenderOptions render;
  render.width = 39;
  EXPECT_EQ(Why(render), "width = 39: must be >= 40");

  AnalyzeOptions analyze;
  analyze.reversal_options.max_withdrawals = 0;
  EXPECT_EQ(Why(analyze), "reversal_options.max_withdrawals: must be >= 1");
  analyze = {};
  analyze.counterfactual_options.search_spans = 0;
  EXPECT_EQ(Why(analyze), "counterfactual_options.search_spans: must be > 0");
  analyze = {};
  analyze.smaa = circa::SmaaOptions{};
  analyze.smaa->samples = 0;
  EXPECT_THAT(Why(analyze), ::testing::StartsWith("smaa.samples"));

  circa::LoadOptions load;
  load.max_errors = 0;
  EXPECT_EQ(Why(load), "max_errors: must be >= 1");
  circa::ExportOptions exported;
  exported.language = "eng";
  EXPECT_EQ(Why(exported),
            "language: expected EU languages such as nl or NLD, "
            "comma-separated (nl,fr), got \"eng\"");
  circa::ImportOptions imported;
  imported.max_bytes = 0;
  EXPECT_EQ(Why(imported), "max_bytes: must be > 0");
  circa::CostProfileOptions costs;
  costs.max_horizon = 0;
  EXPECT_EQ(Why(costs), "max_horizon: must be >= 1");
}

TEST(ApiOptions, EntryPointsRefuseInvalidOptions) {
  EvaluateOptions evaluate;
  evaluate.automatic_probe_limit = -5;
  const auto outcome =
      circa::Evaluate(LoadSample("office-furniture"), evaluate);
  EXPECT_FALSE(outcome.ok());
  EXPECT_THAT(
      Messages(outcome.diagnostics),
      ElementsAre(
          "<input>: options: automatic_probe_limit = -5: must be >= 0"));

  AnalyzeOptions analyze;
  analyze.counterfactual_options.max_bids = 0;
  const auto analysis = circa::Analyze(LoadSample("office-furniture"), analyze);
  EXPECT_FALSE(analysis.ok());
  EXPECT_THAT(Messages(analysis.diagnostics),
              ElementsAre("<input>: options: counterfactual_options.max_bids: "
                          "must be "
                          ">= 1"));

  circa::LoadOptions load;
  load.max_depth = 0;
  const auto tender = circa::LoadTender(
      {SourcePath("samples/office-furniture/tender.yaml"),
       SourcePath("samples/office-furniture/bids.csv"), "", ""},
      load);
  EXPECT_FALSE(tender.ok());
  EXPECT_THAT(Messages(tender.diagnostics),
              ElementsAre("<input>: options: max_depth: must be >= 1"));
}

// --- Evaluate
// -----------------------------------------------------------------

TEST(ApiEvaluate, RelativeRulesAreProbedAndFindingsNameTheTendersBids) {
  // samples/workwear: withdrawing E would make B win instead of C.
  const Tender tender = LoadSample("workwear");
  const auto outcome = circa::Evaluate(tender);
  ASSERT_TRUE(outcome.ok());
  const Outcome& o = *outcome.value;
  ASSERT_TRUE(o.points.has_value());
  EXPECT_FALSE(o.is_award());
  EXPECT_EQ(o.reversal_probe, ReversalProbeRun::kRun);
  EXPECT_EQ(o.probed_bids, 5);
  ASSERT_EQ(o.reversals.size(), 1u);
  EXPECT_EQ(o.reversals[0].kind, circa::ReversalProbe::Kind::kRemoved);
  EXPECT_EQ(tender.bids.ids[4], "E");
  EXPECT_EQ(o.reversals[0].withdrawn_bid, 4);
  EXPECT_EQ(o.reversals[0].old_winner, 2);  // C
  EXPECT_EQ(o.reversals[0].new_winner, 1);  // B
  EXPECT_EQ(o.Winner(), 2);
  EXPECT_THAT(o.Notes(),
              ElementsAre("rank reversal: if bid E were withdrawn, B would "
                          "win instead of C, although no other bid changed "
                          "(relative rules; run circa analyze --reversal for "
                          "the numbers)"));
}

TEST(ApiEvaluate, TheAutomaticProbeStopsAtItsLimit) {
  EvaluateOptions options;
  options.automatic_probe_limit = 4;  // workwear has 5 bids
  const auto skipped = circa::Evaluate(LoadSample("workwear"), options);
  ASSERT_TRUE(skipped.ok());
  EXPECT_EQ(skipped.value->reversal_probe, ReversalProbeRun::kSkippedLarge);
  EXPECT_TRUE(skipped.value->reversals.empty());
  EXPECT_TRUE(skipped.value->Notes().empty());
  EXPECT_EQ(EvaluateOptions{}.automatic_probe_limit, 500);

  options.automatic_probe_limit = 5;
  EXPECT_EQ(
      circa::Evaluate(LoadSample("workwear"), options).value->reversal_probe,
      ReversalProbeRun::kRun);
  options.probe_rank_reversal = false;
  EXPECT_EQ(
      circa::Evaluate(LoadSample("workwear"), options).value->reversal_probe,
      ReversalProbeRun::kNotRun);
  // No relative rule: nothing to probe.
  const auto absolute = circa::Evaluate(InCode(R"(circa: 1
id: a
version: "1"
title: a
criteria:
  - id: price
    type: price
    weight: 100
    scoring: {rule: linear, worst: 200, best: 100}
)",
                                               "bid,price\nA,150\nB,120\n"));
  EXPECT_EQ(absolute.value->reversal_probe, ReversalProbeRun::kNoRelative);
}

TEST(ApiEvaluate, AMoneyAwardIsRankedOnMoneyWithItsTieNotes) {
  Tender tender = LoadSample("value-award");
  const auto plain = circa::Evaluate(tender);
  ASSERT_TRUE(plain.ok());
  EXPECT_TRUE(plain.value->is_award());
  EXPECT_FALSE(plain.value->points.has_value());
  EXPECT_EQ(plain.value->reversal_probe, ReversalProbeRun::kNotRun);
  EXPECT_TRUE(plain.value->Notes().empty());
  // C: 81,000 less 6,500 for its delivery plan and take-back (docs/cli.md).
  EXPECT_EQ(plain.value->Winner(), 2);
  // Two bids with the same evaluated price and no declared tie-break.
  tender.bids = tender.bids.Subset({0, 0});
  tender.bids.ids[1] = "A2";
  const auto tied = circa::Evaluate(std::move(tender));
  ASSERT_TRUE(tied.ok());
  EXPECT_THAT(tied.value->Notes(),
              ElementsAre("bids A, A2 tie on evaluated price; the criteria "
                          "set declares no tie-break, so the tie stands"));
}

// A criteria set with draft criteria (an import skeleton's placeholder
// rules): read as draft, refused by Evaluate and Analyze with one located
// error per draft criterion, scored once the drafts are completed.
constexpr std::string_view kDraftSet = R"(circa: 1
id: skeleton
version: "1"
title: Imported
criteria:
  - id: quality
    type: quality
    weight: 60
    criteria:
      - id: plan
        weight: 30
        draft: true
        scoring: {rule: linear, worst: 0, best: 10}
      - id: team
        weight: 30
        draft: false
        scoring: {rule: linear, worst: 0, best: 10}
  - id: price
    type: price
    weight: 40
    draft: true
    scoring: {rule: lowest-ratio}
)";
constexpr std::string_view kDraftBids =
    "bid,supplier,plan,team,price\nA,Alpha,5,5,100\nB,Beta,9,5,120\n";

TEST(ApiDraft, TheReaderKeepsDraftPerCriterion) {
  const circa::CriteriaSet set = ParseCriteriaOk(kDraftSet, "skeleton.yaml");
  EXPECT_TRUE(set.Find("plan")->draft);
  EXPECT_FALSE(set.Find("team")->draft);
  EXPECT_FALSE(set.Find("quality")->draft);
  EXPECT_TRUE(set.Find("price")->draft);
  const auto bad = circa::ParseCriteria(
      std::string(kDraftSet).replace(kDraftSet.find("draft: false"), 12,
                                     "draft: maybe"),
      "skeleton.yaml");
  EXPECT_FALSE(bad.ok());
  EXPECT_THAT(Messages(bad.diagnostics),
              ElementsAre("skeleton.yaml:16:16: criteria[0].criteria[1].draft: "
                          "expected true or false, got \"maybe\""));
}

TEST(ApiDraft, EvaluateAndAnalyzeRefuseADraftSetNamingEachDraft) {
  Tender tender;
  tender.criteria = ParseCriteriaOk(kDraftSet, "skeleton.yaml");
  tender.bids = ParseBidsOk(kDraftBids, tender.criteria);
  const auto refused = circa::Evaluate(tender);
  EXPECT_FALSE(refused.ok());
  const std::vector<std::string> expected = {
      "skeleton.yaml:10:9: criteria[0].criteria[0].draft: \"plan\" is a draft "
      "(draft: true): complete its scoring rule and remove draft: true "
      "before scoring",
      "skeleton.yaml:18:5: criteria[1].draft: \"price\" is a draft (draft: "
      "true): complete its scoring rule and remove draft: true before "
      "scoring"};
  EXPECT_EQ(Messages(refused.diagnostics), expected);
  const auto analysed = circa::Analyze(tender);
  EXPECT_FALSE(analysed.ok());
  EXPECT_EQ(Messages(analysed.diagnostics), expected);
  // Warnings where the set is only checked.
  const auto warnings =
      circa::DraftCriteria(tender.criteria, circa::Severity::kWarning);
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_EQ(warnings[0].severity, circa::Severity::kWarning);

  // Completed: the same set without its drafts scores.
  std::string done(kDraftSet);
  for (std::size_t at; (at = done.find("draft: true")) != std::string::npos;) {
    done.replace(at, 11, "draft: false");
  }
  tender.criteria = ParseCriteriaOk(done, "skeleton.yaml");
  const auto scored = circa::Evaluate(tender);
  ASSERT_TRUE(scored.ok()) << Describe(scored.diagnostics);
  // A: 15 + 15 + 40 = 70; B: 27 + 15 + 33.33 = 75.33.
  EXPECT_EQ(scored.value->Winner(), 1);
}

// A loaded set is validated once: Compile on it does not validate again
// (the stamp), while a set built or changed in code is still checked.
TEST(ApiCompile, AValidatedSetIsNotValidatedAgainButABrokenOneIsRefused) {
  circa::CriteriaSet set = ParseCriteriaOk(kDraftSet, "skeleton.yaml");
  EXPECT_TRUE(set.validated);
  EXPECT_TRUE(circa::Scorer::Compile(set).ok());
  set.criteria[1].weight = -5;  // changed in code, stamp cleared
  set.validated = false;
  const auto broken = circa::Scorer::Compile(set);
  EXPECT_FALSE(broken.ok());
  set.validated = true;  // a stamp that lies about a missing rule
  set.criteria[1].weight = 40;
  set.criteria[1].scoring.reset();
  const auto no_rule = circa::Scorer::Compile(set);
  EXPECT_FALSE(no_rule.ok());
  EXPECT_THAT(Messages(no_rule.diagnostics),
              ElementsAre("skeleton.yaml:18:5: criteria[1].scoring: price has "
                          "no scoring rule; every leaf criterion needs one "
                          "(docs/rules.md)"));
  const auto valid = circa::ValidateCriteria(ParseCriteriaOk(kDraftSet));
  ASSERT_TRUE(valid.ok());
  EXPECT_TRUE(valid.value->validated);
}

TEST(ApiEvaluate, CopyAndMoveGiveTheSameOutcome) {
  const Tender tender = LoadSample("furniture-award");
  const auto copied = circa::Evaluate(tender);
  const auto moved = circa::Evaluate(LoadSample("furniture-award"));
  ASSERT_TRUE(copied.ok() && moved.ok());
  EXPECT_EQ(circa::Render(*copied.value, ReportFormat::kJson),
            circa::Render(*moved.value, ReportFormat::kJson));
  EXPECT_EQ(copied.value->tender.bids.ids, tender.bids.ids);
}

TEST(ApiEvaluate, TheOutcomeOwnsWhatItRendersAfterBeingMoved) {
  std::optional<Outcome> kept;
  {
    auto outcome = circa::Evaluate(LoadSample("office-furniture"));
    ASSERT_TRUE(outcome.ok());
    kept = std::move(*outcome.value);
  }
  const std::string text = circa::Render(*kept, ReportFormat::kMarkdown);
  EXPECT_THAT(text, HasSubstr("Circular"));
  std::string streamed;
  circa::Render(*kept, ReportFormat::kMarkdown,
                [&streamed](std::string_view chunk) { streamed += chunk; });
  EXPECT_EQ(streamed, text);
}

// --- Analyze
// ------------------------------------------------------------------

constexpr const char* kMaxPass = R"(circa: 1
id: two-stage
version: "1"
title: Two-stage award
max-pass: 2
criteria:
  - id: technical
    type: quality
    weight: 50
    scoring: {rule: linear, worst: 0, best: 50}
  - id: price
    type: price
    weight: 50
    scoring: {rule: lowest-ratio}
)";

TEST(ApiAnalyze, BidsCutByMaxPassAreLeftOut) {
  // B (30) and D (20) are not among the best two on quality.
  const auto analysis = circa::Analyze(InCode(
      kMaxPass, "bid,technical,price\nA,40,100\nB,30,50\nC,45,120\nD,20,40\n"));
  ASSERT_TRUE(analysis.ok()) << Describe(analysis.diagnostics);
  const AnalysisResult& a = *analysis.value;
  EXPECT_THAT(a.analysed, ElementsAre(0, 2));
  EXPECT_THAT(a.bids.ids, ElementsAre("A", "C"));
  ASSERT_EQ(a.left_out.size(), 2u);
  EXPECT_EQ(a.left_out[0].bid, 1);
  EXPECT_EQ(a.left_out[0].exclusion.stage, ExclusionStage::kMaxPass);
  EXPECT_EQ(a.left_out[1].bid, 3);
  EXPECT_EQ(a.full_evaluation.status.size(), 4u);
  EXPECT_EQ(a.evaluation.status.size(), 2u);
  // The counterfactuals concern the one ranked bid that lost: B and D could
  // win at no price.
  ASSERT_TRUE(a.counterfactual.has_value());
  ASSERT_EQ(a.counterfactual->bids.size(), 1u);
  const int loser = a.counterfactual->bids[0].bid;
  EXPECT_NE(loser, a.evaluation.Winner());
  EXPECT_THAT(a.bids.ids[static_cast<std::size_t>(loser)],
              ::testing::AnyOf("A", "C"));
  const std::string json = circa::Render(a, ReportFormat::kJson);
  EXPECT_THAT(json, HasSubstr(R"("stage": "max-pass")"));
  EXPECT_THAT(json, HasSubstr(R"("bids": 2,)"));
  const std::string table = circa::Render(a, ReportFormat::kTable);
  EXPECT_THAT(table, HasSubstr("Bids left out of the analyses"));
  EXPECT_THAT(table, HasSubstr("- Bid B placed 3 of 4 on quality"));
}

TEST(ApiAnalyze, DefaultsRunTheThreeCheapAnalyses) {
  const auto analysis = circa::Analyze(LoadSample("office-furniture"));
  ASSERT_TRUE(analysis.ok());
  EXPECT_TRUE(analysis.value->reversal.has_value());
  EXPECT_TRUE(analysis.value->sensitivity.has_value());
  EXPECT_TRUE(analysis.value->counterfactual.has_value());
  EXPECT_FALSE(analysis.value->smaa.has_value());
  EXPECT_FALSE(analysis.value->comparison.has_value());
  EXPECT_TRUE(analysis.value->left_out.empty());
  EXPECT_THAT(circa::AnalysisHeadline(*analysis.value),
              ::testing::StartsWith("Winner "));
}

TEST(ApiAnalyze, AMoneyAwardHasNoPointsToAnalyse) {
  const auto analysis = circa::Analyze(LoadSample("value-award"));
  EXPECT_FALSE(analysis.ok());
  ASSERT_EQ(analysis.diagnostics.size(), 1u);
  EXPECT_EQ(analysis.diagnostics[0].path, "award");
  EXPECT_THAT(analysis.diagnostics[0].message,
              HasSubstr("ranks bids on money (award: fictitious-price), not "
                        "on points; only points-based sets are analysed"));
}

TEST(ApiAnalyze, AnAnalysisHasNoCsvForm) {
  const auto analysis = circa::Analyze(LoadSample("office-furniture"));
  ASSERT_TRUE(analysis.ok());
  std::string written;
  EXPECT_FALSE(
      circa::Render(*analysis.value, ReportFormat::kCsv,
                    [&written](std::string_view chunk) { written += chunk; }));
  EXPECT_EQ(written, "");
  EXPECT_FALSE(circa::HasAnalysisFormat(ReportFormat::kCsv));
  EXPECT_TRUE(circa::HasAnalysisFormat(ReportFormat::kMarkdown));
}

// --- formats and docs
// ---------------------------------------------------------

TEST(ApiRender, FormatNamesRoundTrip) {
  for (const ReportFormat f : {ReportFormat::kTable, ReportFormat::kJson,
                               ReportFormat::kCsv, ReportFormat::kMarkdown}) {
    EXPECT_EQ(circa::ReportFormatFromString(circa::ToString(f)), f);
  }
  EXPECT_EQ(circa::ReportFormatFromString("JSON"), ReportFormat::kJson);
  EXPECT_EQ(circa::ReportFormatFromString("markdown"), std::nullopt);
}

// docs/api.md's example is tests/package/consumer/main.cc, which the package
// test builds against an installed circa and runs on every sample.
TEST(ApiDocs, TheExampleInTheDocIsTheCompiledConsumer) {
  const std::string doc = ReadFile(SourcePath("docs/api.md"));
  const std::string open = "```cpp\n";
  const std::size_t begin = doc.find(open);
  ASSERT_NE(begin, std::string::npos) << "docs/api.md has no ```cpp block";
  const std::size_t end = doc.find("```\n", begin + open.size());
  ASSERT_NE(end, std::string::npos);
  EXPECT_EQ(doc.substr(begin + open.size(), end - begin - open.size()),
            ReadFile(SourcePath("tests/package/consumer/main.cc")));
}

}  // namespace
