// Fuzz target: ParseAhp on arbitrary bytes as AHP judgements. Valid
// judgements are checked (positive reciprocal matrices with a unit
// diagonal, one row per criterion), run with both methods (weights positive
// and adding up to 1, CR finite, every pair ranked), rendered as a table
// and as JSON, and applied to a fixed criteria set (the groups of
// samples/office-furniture): a rewritten set must load again.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "circa/circa.h"
#include "fuzz/fuzz_check.h"
#include "io/file.h"

namespace {

constexpr const char* kFile = "ahp.yaml";
constexpr const char* kCriteriaFile = "criteria.yaml";

// The groups of samples/office-furniture/ahp.yaml, with comments and
// layout that ApplyAhpWeights must keep.
constexpr const char* kCriteria = R"(circa: 1
id: office-furniture-circular
version: "1"
title: AHP target  # comment
weights: percent
criteria:
  - id: price
    type: price
    weight: 40  # forty
    scoring: {rule: lowest-ratio}
  - id: circularity
    type: quality
    weight: 35
    criteria:
      - id: recycled_content
        unit: "%"
        weight: 50
        scoring: {rule: linear, worst: 0, best: 60}
      - {id: take_back, weight: 30, scoring: {rule: yes-no}}
      - id: warranty_years
        weight: 20
        scoring: {rule: linear, worst: 2, best: 10}
  - id: plan
    type: quality
    weight: 25
    scoring: {rule: scale, levels: {0: bad, 5: ok, 10: good}}
)";

bool Utf8(const std::string& text) {
  int line = 0;
  int column = 0;
  return circa::io::CheckUtf8(text, &line, &column);
}

void CheckJudgements(const circa::AhpJudgements& j) {
  FUZZ_CHECK(j.source == kFile, "source");
  FUZZ_CHECK(!j.groups.empty(), "valid judgements have a group");
  for (const circa::AhpGroup& g : j.groups) {
    const auto n = static_cast<Eigen::Index>(g.criteria.size());
    FUZZ_CHECK(n >= 1 && n <= 15, "group " + g.id + " size");
    FUZZ_CHECK(g.matrix.rows() == n && g.matrix.cols() == n &&
                   g.written.size() == g.criteria.size(),
               "group " + g.id + ": matrix and criteria disagree in size");
    for (Eigen::Index r = 0; r < n; ++r) {
      FUZZ_CHECK(g.matrix(r, r) == 1, "diagonal of " + g.id);
      for (Eigen::Index c = 0; c < n; ++c) {
        const double a = g.matrix(r, c);
        FUZZ_CHECK(std::isfinite(a) && a > 0,
                   "group " + g.id + ": a judgement is not positive");
        FUZZ_CHECK(a >= 1 / 9.0 - 1e-9 && a <= 9 + 1e-9,
                   "group " + g.id + ": a judgement outside 1/9..9");
        FUZZ_CHECK(std::abs(a * g.matrix(c, r) - 1) <= 1e-5,
                   "group " + g.id + ": not reciprocal");
      }
    }
  }
}

void CheckRun(const circa::AhpJudgements& j, circa::AhpMethod method,
              circa::AhpCompletion completion = circa::AhpCompletion::kNone) {
  circa::AhpOptions options;
  options.method = method;
  options.completion = completion;
  const circa::Result<circa::AhpResult> run = circa::RunAhp(j, options);
  circa_fuzz::CheckResult(run, kFile);
  FUZZ_CHECK(run.ok(), "RunAhp refused valid judgements");
  const circa::AhpResult& r = *run.value;
  FUZZ_CHECK(r.groups.size() == j.groups.size(), "one result per group");
  for (const circa::AhpGroupResult& g : r.groups) {
    const circa::AhpPriorities& p = g.priorities;
    const auto n = static_cast<Eigen::Index>(g.criteria.size());
    FUZZ_CHECK(p.weights.size() == n, "weights of " + g.id);
    FUZZ_CHECK(p.weights.allFinite() && (p.weights.array() > 0).all(),
               "weights of " + g.id + " not positive and finite");
    FUZZ_CHECK(std::abs(p.weights.sum() - 1) <= 1e-9,
               "weights of " + g.id + " do not add up to 1");
    for (const double v : {p.lambda_max, p.ci, p.ri, p.cr}) {
      FUZZ_CHECK(std::isfinite(v) && v >= 0, "lambda, CI, RI or CR of " + g.id);
    }
    FUZZ_CHECK(g.worst.size() == static_cast<std::size_t>(n * (n - 1) / 2),
               "every pair of " + g.id + " in worst");
    for (const circa::AhpInconsistency& c : g.worst) {
      FUZZ_CHECK(std::isfinite(c.error) && c.error >= 0, "pair error");
    }
  }
  const std::string table = circa::RenderAhpTable(r);
  FUZZ_CHECK(!table.empty() && Utf8(table), "RenderAhpTable");
  const std::string json = circa::RenderAhpJson(r);
  FUZZ_CHECK(nlohmann::json::accept(json), "RenderAhpJson wrote invalid JSON");

  const circa::Result<std::string> applied =
      circa::ApplyAhpWeights(kCriteria, kCriteriaFile, r);
  FUZZ_CHECK(applied.ok() == !circa::HasErrors(applied.diagnostics),
             "ApplyAhpWeights: value present although errors were reported, "
             "or the reverse");
  for (const circa::Diagnostic& d : applied.diagnostics) {
    const std::string text = d.ToString();
    FUZZ_CHECK(!d.message.empty() && Utf8(text), text);
    FUZZ_CHECK(d.where.file == kFile || d.where.file == kCriteriaFile, text);
  }
  if (!applied.ok()) return;
  const circa::Result<circa::CriteriaSet> again =
      circa::ParseCriteria(*applied.value, kCriteriaFile);
  circa_fuzz::CheckResult(again, kCriteriaFile);
  FUZZ_CHECK(again.ok(), "the set rewritten by ApplyAhpWeights does not load");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // Incomplete matrices (issue 17): read with a completion, every group's
  // missing judgements are completed into a positive reciprocal matrix.
  for (const circa::AhpCompletion completion :
       {circa::AhpCompletion::kLlsm, circa::AhpCompletion::kHarker}) {
    const circa::Result<circa::AhpJudgements> partial = circa::ParseAhp(
        text, kFile, circa::RandomIndexTable::kSaaty, completion);
    circa_fuzz::CheckResult(partial, kFile);
    if (partial.ok()) {
      CheckRun(*partial.value, circa::AhpMethod::kEigen, completion);
    }
  }
  const circa::Result<circa::AhpJudgements> result =
      circa::ParseAhp(text, kFile);
  circa_fuzz::CheckResult(result, kFile);
  if (!result.ok()) return 0;
  CheckJudgements(*result.value);
  CheckRun(*result.value, circa::AhpMethod::kEigen);
  CheckRun(*result.value, circa::AhpMethod::kGeometric);
  CheckRun(*result.value, circa::AhpMethod::kApproximate);
  return 0;
}
