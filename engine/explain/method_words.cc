// Words for the comparison methods (engine/explain/method_words.h).
#include "explain/method_words.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace circa::explain {
namespace {

std::string Name(const std::vector<std::string>& names, int bid) {
  const auto i = static_cast<std::size_t>(bid);
  return i < names.size() ? names[i] : "bid " + std::to_string(bid + 1);
}

std::string_view PreferenceOptions(const PreferenceCriterion& c) {
  switch (c.function) {
    case PreferenceFunction::kUsual:
      return "";
    case PreferenceFunction::kUShape:
      return "q";
    case PreferenceFunction::kVShape:
      return "p";
    case PreferenceFunction::kLevel:
    case PreferenceFunction::kLinear:
      return "qp";
    case PreferenceFunction::kGaussian:
      return "s";
  }
  return "";
}

std::string DescribePreference(const PreferenceCriterion& c) {
  std::string out(ToString(c.function));
  for (const char k : PreferenceOptions(c)) {
    const double v = k == 'q' ? c.q : k == 'p' ? c.p : c.s;
    out += fmt::format(" {}={:g}", k, v);
  }
  return out;
}

}  // namespace

std::string DescribeMethod(const AggregationOptions& o) {
  std::vector<std::string> parts;
  switch (o.method) {
    case Aggregation::kTopsis:
      parts.push_back(fmt::format("distance {}", ToString(o.distance)));
      break;
    case Aggregation::kWaspas:
      parts.push_back(fmt::format("lambda {:g}", o.lambda));
      break;
    case Aggregation::kVikor:
      parts.push_back(fmt::format("v {:g}", o.v));
      break;
    case Aggregation::kPromethee:
      parts.push_back(o.preference.empty()
                          ? DescribePreference(o.preference_all) +
                                " on every criterion"
                          : "thresholds per criterion");
      break;
    default:
      break;
  }
  if (o.normalisation) {
    parts.insert(parts.begin(),
                 fmt::format("normalisation {}", ToString(*o.normalisation)));
  }
  if ((o.method == Aggregation::kWeightedProduct ||
       o.method == Aggregation::kWaspas) &&
      o.exponents == ProductExponents::kRaw) {
    parts.push_back("weights as given, not divided by their sum");
  }
  if (o.weights != ObjectiveWeights::kPublished) {
    parts.push_back(fmt::format("{} weights", ToString(o.weights)));
  }
  if (o.input == AggregationInput::kValues) parts.push_back("raw values");
  std::string out(ToString(o.method));
  if (!parts.empty())
    out += " (" + fmt::format("{}", fmt::join(parts, ", ")) + ")";
  return out;
}

std::string_view DescribeValue(Aggregation method) {
  switch (method) {
    case Aggregation::kWeightedSum:
      return "weighted sum of the normalised values, higher is better";
    case Aggregation::kTopsis:
      return "closeness to the ideal, 0 to 1, higher is better";
    case Aggregation::kWeightedProduct:
      return "weighted product, higher is better";
    case Aggregation::kWaspas:
      return "joint sum and product, higher is better";
    case Aggregation::kVikor:
      return "compromise index Q, 0 to 1, lower is better";
    case Aggregation::kPromethee:
      return "net outranking flow, -1 to 1, higher is better";
  }
  return "";
}

std::string DescribeObjectiveWeights(const AggregationOptions& o) {
  if (o.weights == ObjectiveWeights::kPublished) return "";
  const std::string_view of =
      o.input == AggregationInput::kValues ? "values" : "scores";
  const std::string_view how = o.weights == ObjectiveWeights::kEntropy
                                   ? "the entropy of"
                                   : "the contrast and conflict (CRITIC) of";
  return fmt::format(
      "weights computed from {} the bids' {}, not the published weights: "
      "for analysis only, never for an award",
      how, of);
}

std::string DescribeCompromise(const VikorDetail& v,
                               const std::vector<std::string>& names) {
  if (v.compromise.empty()) return "no compromise solution (no bids)";
  std::vector<std::string> set;
  for (const int b : v.compromise) set.push_back(Name(names, b));
  const std::string list = fmt::format("{}", fmt::join(set, ", "));
  if (v.acceptable_advantage && v.acceptable_stability) {
    return fmt::format(
        "compromise solution: {} alone (acceptable advantage and "
        "acceptable stability hold)",
        list);
  }
  if (!v.acceptable_advantage) {
    return fmt::format(
        "compromise set: {} (no acceptable advantage: the second best Q is "
        "within DQ = {:.4f} of the best{})",
        list, v.dq,
        v.acceptable_stability ? "" : "; no acceptable stability either");
  }
  return fmt::format(
      "compromise set: {} (no acceptable stability: the best by Q is best "
      "neither by S nor by R)",
      list);
}

std::string_view DescribeRelation(PartialRelation relation) {
  switch (relation) {
    case PartialRelation::kPreferred:
      return "outranks";
    case PartialRelation::kWorse:
      return "outranked by";
    case PartialRelation::kIndifferent:
      return "indifferent to";
    case PartialRelation::kIncomparable:
      return "incomparable with";
  }
  return "";
}

}  // namespace circa::explain
