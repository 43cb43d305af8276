// Scores two bids with the installed circa package and prints the winner.
// Its output is checked by tests/package/run_consumer.cmake.
#include <circa/circa.h>

#include <cstdio>
#include <string>
#include <vector>

namespace {

constexpr const char* kCriteria = R"(circa: 1
id: consumer-check
version: "1"
title: Two bids, price and take-back
criteria:
  - id: price
    type: price
    weight: 60
    scoring: {rule: lowest-ratio}
  - id: take_back
    type: quality
    weight: 40
    scoring: {rule: yes-no}
)";

constexpr const char* kBids =
    "bid,supplier,price,take_back\n"
    "A,Cheap Chairs,1000,no\n"
    "B,Circular Chairs,1200,yes\n";

int Fail(const char* stage, const std::vector<circa::Diagnostic>& diagnostics) {
  std::fprintf(stderr, "consumer: %s failed\n", stage);
  for (const circa::Diagnostic& d : diagnostics) {
    std::fprintf(stderr, "%s\n", d.ToString().c_str());
  }
  return 1;
}

}  // namespace

int main() {
  const circa::Result<circa::CriteriaSet> criteria =
      circa::ParseCriteria(kCriteria, "criteria.yaml");
  if (!criteria.ok()) return Fail("ParseCriteria", criteria.diagnostics);
  const circa::Result<circa::BidSet> bids = circa::ParseBids(
      kBids, "bids.csv", circa::BidsFormat::kCsv, *criteria.value);
  if (!bids.ok()) return Fail("ParseBids", bids.diagnostics);

  const circa::Result<circa::Scorer> scorer =
      circa::Scorer::Compile(*criteria.value);
  if (!scorer.ok()) return Fail("Scorer::Compile", scorer.diagnostics);
  const circa::Evaluation evaluation = scorer.value->Evaluate(*bids.value);
  const int winner = evaluation.Winner();
  if (winner < 0) return Fail("Evaluate", {});
  const auto w = static_cast<std::size_t>(winner);
  std::printf("circa %s: winner %s (%s) with %s of %s points\n",
              circa::kVersion, bids.value->ids[w].c_str(),
              bids.value->suppliers[w].c_str(),
              circa::FormatNumber(evaluation.totals[winner], 2).c_str(),
              circa::FormatNumber(scorer.value->scale(), -1).c_str());
  return 0;
}
