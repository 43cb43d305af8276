#include "fuzz/fuzz_check.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "io/file.h"

namespace circa_fuzz {

template <typename T>
void CheckResult(const circa::Result<T>& result, const std::string& file) {
  FUZZ_CHECK(result.ok() == !circa::HasErrors(result.diagnostics),
             "value present although errors were reported, or the reverse");
  for (const circa::Diagnostic& d : result.diagnostics) {
    const std::string text = d.ToString();
    FUZZ_CHECK(d.where.file == file, text);
    FUZZ_CHECK(d.where.line >= 0 && d.where.column >= 0, text);
    FUZZ_CHECK(!d.message.empty(), text);
    int line = 0;
    int column = 0;
    FUZZ_CHECK(circa::io::CheckUtf8(text, &line, &column),
               "diagnostic is not valid UTF-8 at column " +
                   std::to_string(column) + ": " + text);
  }
}

template void CheckResult(const circa::Result<circa::CriteriaSet>&,
                          const std::string&);
template void CheckResult(const circa::Result<circa::BidSet>&,
                          const std::string&);
template void CheckResult(const circa::Result<circa::CostProfile>&,
                          const std::string&);
template void CheckResult(const circa::Result<circa::PanelScores>&,
                          const std::string&);
template void CheckResult(const circa::Result<circa::AhpJudgements>&,
                          const std::string&);
template void CheckResult(const circa::Result<circa::AhpResult>&,
                          const std::string&);
template void CheckResult(const circa::Result<circa::ImportedNotice>&,
                          const std::string&);

void CheckEvaluation(const circa::CriteriaSet& set, const circa::Scorer& scorer,
                     const circa::BidSet& bids) {
  const circa::Evaluation e = scorer.Evaluate(bids);
  const auto n = static_cast<std::size_t>(bids.size());
  FUZZ_CHECK(static_cast<std::size_t>(e.totals.size()) == n, "totals size");
  for (Eigen::Index i = 0; i < e.totals.size(); ++i) {
    FUZZ_CHECK(
        !std::isnan(e.totals[i]),
        "total of bid " + bids.ids[static_cast<std::size_t>(i)] + " is NaN");
  }
  FUZZ_CHECK(e.order.size() == n && e.rank.size() == n, "ranking size");
  std::vector<bool> seen(n, false);
  for (const int i : e.order) {
    FUZZ_CHECK(i >= 0 && static_cast<std::size_t>(i) < n &&
                   !seen[static_cast<std::size_t>(i)],
               "order is not a permutation");
    seen[static_cast<std::size_t>(i)] = true;
    const int rank = e.rank[static_cast<std::size_t>(i)];
    const bool ranked =
        e.status[static_cast<std::size_t>(i)] == circa::BidStatus::kRanked;
    FUZZ_CHECK(
        ranked ? rank >= 1 && static_cast<std::size_t>(rank) <= n : rank == 0,
        "rank");
  }

  circa::Report report = circa::MakeReport(set, bids, scorer, e);
  for (const int width : {40, 100}) {
    report.width = width;
    FUZZ_CHECK(!circa::RenderTable(report).empty(), "empty table");
  }
  FUZZ_CHECK(!circa::RenderCsv(report).empty(), "empty csv");
  FUZZ_CHECK(!circa::RenderMarkdown(report).empty(), "empty markdown");
  const std::string json = circa::RenderJson(report);
  FUZZ_CHECK(nlohmann::json::accept(json), "RenderJson wrote invalid JSON");
}

circa::CriteriaSet LoadFixedCriteria(std::string_view yaml) {
  circa::Result<circa::CriteriaSet> r =
      circa::ParseCriteria(yaml, "criteria.yaml");
  FUZZ_CHECK(r.ok(), "the fixed criteria set does not load");
  return std::move(*r.value);
}

}  // namespace circa_fuzz
