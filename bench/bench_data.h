// Synthetic but realistic inputs for the benchmarks: a 30-criterion set that
// uses every rule, and decision matrices / CSV text of any size, generated
// from a fixed seed.
#ifndef CIRCA_BENCH_BENCH_DATA_H_
#define CIRCA_BENCH_BENCH_DATA_H_

#include <Eigen/Core>
#include <string>

#include "circa/criteria.h"
#include "circa/scorer.h"

namespace circa::bench {

// YAML of a criteria set with 30 leaf criteria in 4 groups.
std::string CriteriaYaml30();
// The parsed set (aborts on error: the text is fixed).
const CriteriaSet& Criteria30();
// Scorer::Compile on a set that must be valid (aborts otherwise).
Scorer CompileOk(const CriteriaSet& set);
// A bids x 30 decision matrix whose columns suit their rules.
Eigen::MatrixXd Values(const CriteriaSet& set, Eigen::Index bids,
                       unsigned seed = 42);
// The same values as a bids CSV (header + one row per bid).
std::string BidsCsv(const CriteriaSet& set, Eigen::Index bids,
                    unsigned seed = 42);

}  // namespace circa::bench

#endif  // CIRCA_BENCH_BENCH_DATA_H_
