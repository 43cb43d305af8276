// The tender the batch tests (tests/archive/batch_test.cc) and the batch
// fuzz target (tests/fuzz/fuzz_batch.cc) apply scenarios to: price 50
// points (lowest-ratio), quality 50 points (linear 0..10, a longer-life
// criterion), bids from a CSV text. Header only: the fuzz target links no
// test library.
#ifndef CIRCA_TESTS_BATCH_TENDER_H_
#define CIRCA_TESTS_BATCH_TENDER_H_

#include <string_view>
#include <utility>

#include "circa/circa.h"

namespace circa_test {

inline constexpr const char* kBatchCriteria = R"(circa: 1
id: flip
version: 1.0.0
title: Two bids
scale: 100
criteria:
  - id: price
    type: price
    weight: 50
    scoring: {rule: lowest-ratio}
  - id: quality
    type: quality
    weight: 50
    scoring: {rule: linear, worst: 0, best: 10}
    strategies: [longer-life]
)";

// The tender with `bids_csv` (bid,supplier,price,quality) read against
// kBatchCriteria; no value, with the problems, if either does not load.
inline circa::Result<circa::Tender> BatchTender(std::string_view bids_csv) {
  circa::Result<circa::Tender> out;
  circa::Result<circa::CriteriaSet> set =
      circa::ParseCriteria(kBatchCriteria, "tender.yaml");
  out.diagnostics = std::move(set.diagnostics);
  if (!set.ok()) return out;
  circa::Result<circa::BidSet> bids = circa::ParseBids(
      bids_csv, "bids.csv", circa::BidsFormat::kCsv, *set.value);
  out.diagnostics.insert(out.diagnostics.end(), bids.diagnostics.begin(),
                         bids.diagnostics.end());
  if (!bids.ok()) return out;
  circa::Tender t;
  t.criteria = std::move(*set.value);
  t.bids = std::move(*bids.value);
  out.value = std::move(t);
  return out;
}

}  // namespace circa_test

#endif  // CIRCA_TESTS_BATCH_TENDER_H_
