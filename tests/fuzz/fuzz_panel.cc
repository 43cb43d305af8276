// Fuzz target: ParsePanel on arbitrary bytes, against one fixed criteria
// set with a panel leaf of every panel rule (scale, steps, linear with a
// unit of %, yes-no) and a policy of every aggregate (own, group's and the
// set's), and bids A to F. The bytes are read twice: with the default
// options, and with bids E and F excluded, locale nl-BE and a low error
// limit. Valid scores are aggregated, applied to a bid set and described.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "circa/circa.h"
#include "fuzz/fuzz_check.h"
#include "io/file.h"

namespace {

// Leaf ids as in the sample panel files (plan, waste_plan, take_back), so
// that the seeds reach the score checks.
constexpr const char* kCriteria = R"(circa: 1
id: fuzz-panel
version: "1"
title: Every panel rule once
weights: percent
panel: {aggregate: mean, disagreement: 2}
criteria:
  - id: price
    type: price
    weight: 30
    scoring: {rule: lowest-ratio}
  - id: plan
    type: quality
    weight: 20
    panel: {aggregate: consensus, rationale: required, complete: true, disagreement: 5}
    scoring:
      rule: scale
      levels: {0: none, 1: weak, 2: fair, 2.5: basic, 3: good, 4: very good, 5: fine, 7.5: great, 10: excellent}
  - id: circ
    type: quality
    weight: 30
    panel: {aggregate: median, complete: true}
    criteria:
      - {id: waste_plan, weight: 40, scoring: {rule: steps, steps: [[1, 0], [2, 0.5], [4, 1]]}}
      - {id: take_back, weight: 30, scoring: {rule: linear, worst: 0, best: 4}}
      - {id: yn, weight: 15, scoring: {rule: yes-no}}
      - {id: pct, unit: "%", weight: 15, scoring: {rule: linear, worst: 0, best: 60}}
  - id: other
    type: quality
    weight: 20
    scoring: {rule: linear, worst: 10, best: 0}
)";

const circa::CriteriaSet& Criteria() {
  static const circa::CriteriaSet set =
      circa_fuzz::LoadFixedCriteria(kCriteria);
  return set;
}

const std::vector<std::string>& BidIds() {
  static const std::vector<std::string> ids{"A", "B", "C", "D", "E", "F"};
  return ids;
}

// A bid set with every value empty (NaN), as the bid file leaves panel
// cells.
circa::BidSet EmptyBids(const circa::CriteriaSet& set) {
  circa::BidSet bids;
  const std::vector<const circa::Criterion*> leaves = set.Leaves();
  for (const circa::Criterion* leaf : leaves) bids.criteria.push_back(leaf->id);
  const auto n = static_cast<Eigen::Index>(BidIds().size());
  bids.values = Eigen::MatrixXd::Constant(
      n, static_cast<Eigen::Index>(leaves.size()), std::nan(""));
  for (std::size_t i = 0; i < BidIds().size(); ++i) {
    bids.ids.push_back(BidIds()[i]);
    bids.suppliers.push_back("Supplier " + BidIds()[i]);
    bids.rows.push_back({"bids.csv", static_cast<int>(i) + 2, 1});
  }
  bids.text.assign(BidIds().size() * leaves.size(), "");
  bids.locale = "en";
  bids.source = "bids.csv";
  return bids;
}

bool Utf8(const std::string& text) {
  int line = 0;
  int column = 0;
  return circa::io::CheckUtf8(text, &line, &column);
}

void CheckScores(const circa::PanelScores& scores,
                 const std::vector<std::string>& excluded,
                 const std::string& file) {
  const circa::CriteriaSet& set = Criteria();
  FUZZ_CHECK(scores.source == file && scores.sha256.size() == 64,
             "source and sha256");
  FUZZ_CHECK(scores.bids == BidIds() && scores.excluded == excluded,
             "bids and excluded as given");
  for (const circa::PanelScore& s : scores.rows) {
    FUZZ_CHECK(
        std::find(BidIds().begin(), BidIds().end(), s.bid) != BidIds().end(),
        "a row of an unknown bid passed: " + s.bid);
    const circa::Criterion* leaf = set.Find(s.criterion);
    FUZZ_CHECK(
        leaf != nullptr && !leaf->is_group() && leaf->scoring &&
            circa::IsPanelRule(leaf->scoring->rule) &&
            circa::PanelPolicyFor(set, s.criterion) != nullptr,
        "a row of a criterion the panel cannot score passed: " + s.criterion);
    FUZZ_CHECK(std::isfinite(s.score), "score of row " + std::to_string(s.row) +
                                           " is not finite: " + s.text);
    FUZZ_CHECK(!s.evaluator.empty() && s.row >= 1 && s.where.file == file &&
                   s.where.line >= 1,
               "row " + std::to_string(s.row));
    const circa::ScoringRule& rule = *leaf->scoring;
    if (rule.rule == circa::Rule::kScale) {
      FUZZ_CHECK(std::any_of(rule.levels.begin(), rule.levels.end(),
                             [&](const circa::ScaleLevel& l) {
                               return l.value == s.score;
                             }),
                 "a scale score that is not a level: " + s.text);
    } else if (rule.rule == circa::Rule::kYesNo) {
      FUZZ_CHECK(s.score == 0 || s.score == 1, "yes-no score: " + s.text);
    }
  }

  const circa::PanelResult result = circa::AggregatePanel(scores, set);
  FUZZ_CHECK(result.cells.size() <= scores.rows.size(), "more cells than rows");
  std::size_t rows = 0;
  for (const circa::PanelCell& cell : result.cells) {
    rows += cell.scores.size();
    FUZZ_CHECK(!cell.scores.empty(), "a cell without scores");
    FUZZ_CHECK(cell.evaluators + (cell.consensus ? 1 : 0) ==
                   static_cast<int>(cell.scores.size()),
               "evaluators and scores disagree for " + cell.bid + "/" +
                   cell.criterion);
    for (const double v : {cell.value, cell.mean, cell.median, cell.min,
                           cell.max, cell.spread, cell.stddev}) {
      FUZZ_CHECK(std::isfinite(v), "a cell value is not finite for " +
                                       cell.bid + "/" + cell.criterion);
    }
    FUZZ_CHECK(cell.min <= cell.max && cell.spread >= 0 && cell.stddev >= 0,
               "min, max, spread");
    // Rounding of the mean may step just outside [min, max].
    const double slack = 1e-9 * std::max(1.0, std::abs(cell.max));
    FUZZ_CHECK(cell.mean >= cell.min - slack && cell.mean <= cell.max + slack &&
                   cell.median >= cell.min && cell.median <= cell.max,
               "mean or median outside the scores");
    const std::string text = circa::PanelCellText(cell);
    FUZZ_CHECK(!text.empty() && Utf8(text), text);
    const std::string sentence = circa::DescribePanel(cell, set);
    FUZZ_CHECK(!sentence.empty() && Utf8(sentence), "DescribePanel");
  }
  FUZZ_CHECK(rows == scores.rows.size(), "a row in no cell, or in two");

  circa::BidSet bids = EmptyBids(set);
  circa::ApplyPanel(result, &bids);
  const std::vector<circa::Diagnostic> unfilled =
      circa::CheckPanelFilled(bids, set, excluded);
  for (const circa::Diagnostic& d : unfilled) {
    FUZZ_CHECK(!d.message.empty() && Utf8(d.ToString()), d.ToString());
  }
  for (const circa::PanelCell& cell : result.cells) {
    FUZZ_CHECK(!std::isnan(bids.values(
                   static_cast<Eigen::Index>(
                       std::find(bids.ids.begin(), bids.ids.end(), cell.bid) -
                       bids.ids.begin()),
                   static_cast<Eigen::Index>(std::find(bids.criteria.begin(),
                                                       bids.criteria.end(),
                                                       cell.criterion) -
                                             bids.criteria.begin()))),
               "ApplyPanel left a scored cell empty");
  }
}

void Parse(std::string_view text, const std::string& file,
           const std::vector<std::string>& excluded,
           const circa::LoadOptions& options) {
  const circa::Result<circa::PanelScores> result =
      circa::ParsePanel(text, file, Criteria(), BidIds(), excluded, options);
  circa_fuzz::CheckResult(result, file);
  const auto errors =
      std::count_if(result.diagnostics.begin(), result.diagnostics.end(),
                    [](const circa::Diagnostic& d) {
                      return d.severity == circa::Severity::kError;
                    });
  // The CSV layer caps its syntax errors at 50 whatever max_errors says.
  if (errors > std::max(options.max_errors, 50) + 1) {
    std::string all;
    for (const circa::Diagnostic& d : result.diagnostics) {
      all += "\n  " + d.ToString();
    }
    FUZZ_CHECK(false,
               "more errors than max_errors (plus the stop message):" + all);
  }
  if (!result.ok()) return;
  CheckScores(*result.value, excluded, file);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Parse(text, "panel.csv", {}, circa::LoadOptions{});
  circa::LoadOptions nl;
  nl.locale = "nl-BE";
  nl.max_errors = 3;
  Parse(text, "panel-nl.csv", {"E", "F"}, nl);
  return 0;
}
