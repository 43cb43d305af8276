// Fuzz target: ParseBids on arbitrary bytes, read as CSV, YAML and JSON,
// against one fixed criteria set that uses every rule (short ids, so that
// the fuzzer finds the column names). Valid bid sets are scored and
// rendered in every format.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "circa/circa.h"
#include "fuzz/fuzz_check.h"

namespace {

constexpr const char* kCriteria = R"(circa: 1
id: fuzz
version: "1"
title: Every rule once
weights: percent
criteria:
  - id: price
    type: price
    weight: 40
    criteria:
      - {id: p, weight: 40, scoring: {rule: lowest-ratio}}
      - {id: pl, weight: 20, scoring: {rule: percent-of-lowest}}
      - {id: lg, weight: 20, scoring: {rule: logarithmic, zero-at: 2}}
      - {id: c, weight: 20, scoring: {rule: linear-ceiling, ceiling: 1000}}
  - id: quality
    type: quality
    weight: 60
    criteria:
      - {id: pct, unit: "%", weight: 20, scoring: {rule: linear, worst: 0, best: 60}}
      - {id: yn, weight: 15, scoring: {rule: yes-no}}
      - {id: st, weight: 15, scoring: {rule: steps, steps: [[2, 0], [5, 0.5], [10, 1]]}}
      - {id: sc, weight: 15, scoring: {rule: scale, levels: {0: bad, 2.5: ok, 5: top}}}
      - {id: rb, weight: 15, scoring: {rule: ratio-to-best, better: lower}}
      - {id: lr, weight: 20, scoring: {rule: linear-range}}
)";

const circa::CriteriaSet& Criteria() {
  static const circa::CriteriaSet set =
      circa_fuzz::LoadFixedCriteria(kCriteria);
  return set;
}

void ParseAs(std::string_view text, const char* file,
             circa::BidsFormat format) {
  const circa::CriteriaSet& set = Criteria();
  const circa::Result<circa::BidSet> result =
      circa::ParseBids(text, file, format, set);
  circa_fuzz::CheckResult(result, file);
  if (!result.ok()) return;
  const circa::BidSet& bids = *result.value;
  const auto n = static_cast<std::size_t>(bids.size());
  FUZZ_CHECK(n > 0, "a valid bid set has at least one bid");
  FUZZ_CHECK(bids.ids.size() == n && bids.suppliers.size() == n &&
                 bids.rows.size() == n,
             "bid vectors disagree in size");
  FUZZ_CHECK(bids.criteria.size() == set.Leaves().size() &&
                 static_cast<std::size_t>(bids.values.cols()) ==
                     bids.criteria.size() &&
                 bids.text.size() == n * bids.criteria.size(),
             "columns disagree in size");
  FUZZ_CHECK(bids.values.allFinite(), "a value is not finite");
  if (n > 2000) return;  // scoring is linear; reports are long
  const circa::Result<circa::Scorer> scorer = circa::Scorer::Compile(set);
  FUZZ_CHECK(scorer.ok(), "a set that loaded does not compile");
  circa_fuzz::CheckEvaluation(set, *scorer.value, bids);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  ParseAs(text, "bids.csv", circa::BidsFormat::kCsv);
  ParseAs(text, "bids.yaml", circa::BidsFormat::kYaml);
  ParseAs(text, "bids.json", circa::BidsFormat::kJson);
  return 0;
}
