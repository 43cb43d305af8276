// Inputs shared by the CLI tests that need a small tender of their own.
#ifndef CIRCA_TESTS_CLI_FIXTURES_H_
#define CIRCA_TESTS_CLI_FIXTURES_H_

namespace circa_test::cli {

// The repros' tender (issue 12): price (lowest-ratio, 60 points) and q
// (linear 0..10, 40 points), with bid-file columns price and q.
inline constexpr const char* kPriceQualityTender = R"(circa: 1
id: base
version: 1.0.0
title: Base
criteria:
  - id: price
    type: price
    weight: 60
    scoring: {rule: lowest-ratio}
  - id: q
    type: quality
    weight: 40
    scoring: {rule: linear, worst: 0, best: 10}
)";

}  // namespace circa_test::cli

#endif  // CIRCA_TESTS_CLI_FIXTURES_H_
