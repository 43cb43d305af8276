// Internal to engine/explain and the renderers: the words that describe a
// comparison method (issue 17), its options, the meaning of its value, the
// objective-weights warning, VIKOR's compromise solution and PROMETHEE I's
// relations. docs/aggregation.md says the same at length.
#ifndef CIRCA_ENGINE_EXPLAIN_METHOD_WORDS_H_
#define CIRCA_ENGINE_EXPLAIN_METHOD_WORDS_H_

#include <string>
#include <string_view>
#include <vector>

#include "circa/aggregation.h"

namespace circa::explain {

// The note every comparison carries.
inline constexpr std::string_view kComparisonOnly =
    "comparison only; the award ranks by weighted sum";

// "topsis (normalisation vector, distance euclidean)": the method and the
// options that change its result.
std::string DescribeMethod(const AggregationOptions& options);

// What the value column means, e.g. "closeness to the ideal, 0 to 1,
// higher is better".
std::string_view DescribeValue(Aggregation method);

// The warning for weights computed from the data, e.g. "weights from the
// entropy of the bids' scores: for analysis only, never for an award"; empty
// for the published weights.
std::string DescribeObjectiveWeights(const AggregationOptions& options);

// VIKOR's compromise solution in one sentence, e.g. "compromise solution:
// B alone (acceptable advantage and stability hold)".
std::string DescribeCompromise(const VikorDetail& vikor,
                               const std::vector<std::string>& names);

// PROMETHEE I's relation of a bid to another: "outranks", "outranked by",
// "indifferent to", "incomparable with".
std::string_view DescribeRelation(PartialRelation relation);

}  // namespace circa::explain

#endif  // CIRCA_ENGINE_EXPLAIN_METHOD_WORDS_H_
