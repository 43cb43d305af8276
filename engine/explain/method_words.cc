// Words for the comparison methods (engine/explain/method_words.h).
#include "explain/method_words.h"

#include <fmt/format.h>

namespace circa::explain {
namespace {

// A number of an option as %g writes it, in the language's convention.
std::string G(double v, const Messages& m) {
  return LocalizeNumber(fmt::format("{:g}", v), m.language());
}

std::string Name(const std::vector<std::string>& names, int bid,
                 const Messages& m) {
  const auto i = static_cast<std::size_t>(bid);
  return i < names.size() ? names[i]
                          : m("bid.numbered", {{"n", std::to_string(bid + 1)}});
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

std::string DescribePreference(const PreferenceCriterion& c,
                               const Messages& m) {
  std::string out(ToString(c.function));
  for (const char k : PreferenceOptions(c)) {
    const double v = k == 'q' ? c.q : k == 'p' ? c.p : c.s;
    out += fmt::format(" {}={}", k, G(v, m));
  }
  return out;
}

std::string Join(const std::vector<std::string>& parts, const Messages& m) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += m("list.comma");
    out += parts[i];
  }
  return out;
}

}  // namespace

std::string DescribeComparisonTitle(Aggregation method, const Messages& m) {
  return m("compare.title", {{"method", ToString(method)}});
}

std::string DescribeMethod(const AggregationOptions& o, const Messages& m) {
  std::vector<std::string> parts;
  switch (o.method) {
    case Aggregation::kTopsis:
      parts.push_back(
          m("compare.opt.distance", {{"name", ToString(o.distance)}}));
      break;
    case Aggregation::kWaspas:
      parts.push_back(m("compare.opt.lambda", {{"value", G(o.lambda, m)}}));
      break;
    case Aggregation::kVikor:
      parts.push_back(m("compare.opt.v", {{"value", G(o.v, m)}}));
      break;
    case Aggregation::kPromethee:
      parts.push_back(
          o.preference.empty()
              ? m("compare.opt.preference_all",
                  {{"function", DescribePreference(o.preference_all, m)}})
              : m("compare.opt.preference_each"));
      break;
    default:
      break;
  }
  if (o.normalisation) {
    parts.insert(parts.begin(), m("compare.opt.normalisation",
                                  {{"name", ToString(*o.normalisation)}}));
  }
  if ((o.method == Aggregation::kWeightedProduct ||
       o.method == Aggregation::kWaspas) &&
      o.exponents == ProductExponents::kRaw) {
    parts.push_back(m("compare.opt.raw_exponents"));
  }
  if (o.weights != ObjectiveWeights::kPublished) {
    parts.push_back(m("compare.opt.weights", {{"name", ToString(o.weights)}}));
  }
  if (o.input == AggregationInput::kValues) {
    parts.push_back(m("compare.opt.raw_values"));
  }
  if (parts.empty()) return std::string(ToString(o.method));
  return m("compare.method",
           {{"method", ToString(o.method)}, {"options", Join(parts, m)}});
}

std::string DescribeValue(Aggregation method, const Messages& m) {
  switch (method) {
    case Aggregation::kWeightedSum:
      return m("compare.value.weighted_sum");
    case Aggregation::kTopsis:
      return m("compare.value.topsis");
    case Aggregation::kWeightedProduct:
      return m("compare.value.weighted_product");
    case Aggregation::kWaspas:
      return m("compare.value.waspas");
    case Aggregation::kVikor:
      return m("compare.value.vikor");
    case Aggregation::kPromethee:
      return m("compare.value.promethee");
  }
  return "";
}

std::string DescribeObjectiveWeights(const AggregationOptions& o,
                                     const Messages& m) {
  if (o.weights == ObjectiveWeights::kPublished) return "";
  return m(
      "compare.objective",
      {{"how", o.weights == ObjectiveWeights::kEntropy ? "entropy" : "critic"},
       {"of", o.input == AggregationInput::kValues ? "values" : "scores"}});
}

std::string DescribeCompromise(const VikorDetail& v,
                               const std::vector<std::string>& names,
                               const Messages& m) {
  if (v.compromise.empty()) return m("compare.compromise.none");
  std::vector<std::string> set;
  for (const int b : v.compromise) set.push_back(Name(names, b, m));
  const std::string list = Join(set, m);
  if (v.acceptable_advantage && v.acceptable_stability) {
    return m("compare.compromise.alone", {{"list", list}});
  }
  if (!v.acceptable_advantage) {
    return m("compare.compromise.advantage",
             {{"list", list},
              {"dq", LocalizeNumber(fmt::format("{:.4f}", v.dq), m.language())},
              {"stability", v.acceptable_stability ? "yes" : "no"}});
  }
  return m("compare.compromise.stability", {{"list", list}});
}

std::string DescribeRelation(PartialRelation relation, const Messages& m) {
  switch (relation) {
    case PartialRelation::kPreferred:
      return m("compare.relation.preferred");
    case PartialRelation::kWorse:
      return m("compare.relation.worse");
    case PartialRelation::kIndifferent:
      return m("compare.relation.indifferent");
    case PartialRelation::kIncomparable:
      return m("compare.relation.incomparable");
  }
  return "";
}

}  // namespace circa::explain
