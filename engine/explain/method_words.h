// Internal to engine/explain and the renderers: the words that describe a
// comparison method (issue 17), its options, the meaning of its value, the
// objective-weights warning, VIKOR's compromise solution and PROMETHEE I's
// relations, in the language of `m` (keys "compare.*" of the catalogues).
// docs/aggregation.md says the same at length. The method and option names
// ("topsis", "vector", "linear q=0.05") are the command line's values and
// stay as typed; their numbers follow the language's convention.
#ifndef CIRCA_ENGINE_EXPLAIN_METHOD_WORDS_H_
#define CIRCA_ENGINE_EXPLAIN_METHOD_WORDS_H_

#include <string>
#include <vector>

#include "circa/aggregation.h"
#include "explain/messages.h"

namespace circa::explain {

// The section heading: "Ranking by topsis (comparison only; the award ranks
// by weighted sum)".
std::string DescribeComparisonTitle(Aggregation method, const Messages& m);

// "topsis (normalisation vector, distance euclidean)": the method and the
// options that change its result.
std::string DescribeMethod(const AggregationOptions& options,
                           const Messages& m);

// What the value column means, e.g. "closeness to the ideal, 0 to 1,
// higher is better".
std::string DescribeValue(Aggregation method, const Messages& m);

// The warning for weights computed from the data, e.g. "weights from the
// entropy of the bids' scores: for analysis only, never for an award"; empty
// for the published weights.
std::string DescribeObjectiveWeights(const AggregationOptions& options,
                                     const Messages& m);

// VIKOR's compromise solution in one sentence, e.g. "compromise solution:
// B alone (acceptable advantage and stability hold)".
std::string DescribeCompromise(const VikorDetail& vikor,
                               const std::vector<std::string>& names,
                               const Messages& m);

// PROMETHEE I's relation of a bid to another: "outranks", "outranked by",
// "indifferent to", "incomparable with".
std::string DescribeRelation(PartialRelation relation, const Messages& m);

}  // namespace circa::explain

#endif  // CIRCA_ENGINE_EXPLAIN_METHOD_WORDS_H_
