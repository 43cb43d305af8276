// AHP reports: a text table and JSON, both pure functions of the result,
// with fixed precision and the random-index table that was used.
#include <nlohmann/json.hpp>

#include "analysis/ahp_internal.h"
#include "circa/ahp.h"
#include "util/round.h"

namespace circa {
namespace {

std::string Pad(std::string s, std::size_t width, bool left) {
  if (s.size() >= width) return s;
  const std::string fill(width - s.size(), ' ');
  return left ? s + fill : fill + s;
}

std::string RiList(RandomIndexTable table) {
  std::string out;
  for (const double v : RandomIndexValues(table)) {
    if (!out.empty()) out += ", ";
    out += FormatFixed(v, 2);
  }
  return out;
}

std::string GroupTitle(const std::string& id) {
  return id == kAhpTopGroup ? "top-level criteria (_top)" : "group " + id;
}

}  // namespace

std::string RenderAhpTable(const AhpResult& result) {
  const AhpOptions& o = result.options;
  std::string out = "AHP weights from " + result.source;
  if (!result.criteria_set.empty()) out += " for " + result.criteria_set;
  out += "\nmethod: " + std::string(ToString(o.method)) +
         (o.method == AhpMethod::kEigen       ? " (principal eigenvector)"
          : o.method == AhpMethod::kGeometric ? " (row geometric means)"
                                              : " (row means of the "
                                                "column-normalised matrix)") +
         "\n";
  if (o.completion != AhpCompletion::kNone) {
    out += "missing judgements completed by " +
           std::string(o.completion == AhpCompletion::kLlsm
                           ? "logarithmic least squares (llsm)"
                           : "Harker's method (harker)") +
           "\n";
  }
  out += "\n";
  for (const AhpGroupResult& g : result.groups) {
    const AhpPriorities& p = g.priorities;
    std::size_t width = 9;
    for (const std::string& c : g.criteria) width = std::max(width, c.size());
    out += GroupTitle(g.id) + ": " + std::to_string(g.criteria.size()) +
           " criteria\n";
    out += "  " + Pad("criterion", width, true) + "    weight  percent\n";
    for (std::size_t i = 0; i < g.criteria.size(); ++i) {
      const double w = p.weights[static_cast<Eigen::Index>(i)];
      out += "  " + Pad(g.criteria[i], width, true) + "  " +
             Pad(FormatFixed(w, 4), 8, false) + "  " +
             Pad(FormatFixed(100 * w, 2), 7, false) + "\n";
    }
    out += "  lambda_max " + FormatFixed(p.lambda_max, 4) + "  CI " +
           FormatFixed(p.ci, 4) + "  RI " + FormatFixed(p.ri, 2) + "  CR " +
           FormatFixed(p.cr, 4) +
           (g.consistent ? "  (consistent: CR <= " : "  (INCONSISTENT: CR > ") +
           FormatFixed(o.cr_threshold, 2) + ")\n";
    for (const AhpCompleted& c : g.completed) {
      out += "  completed " + g.criteria[static_cast<std::size_t>(c.i)] +
             " vs " + g.criteria[static_cast<std::size_t>(c.j)] + ": " +
             FormatFixed(c.value, 4) + " (not judged)\n";
    }
    if (!g.consistent) {
      const std::size_t shown =
          std::min(g.worst.size(), static_cast<std::size_t>(o.worst_pairs));
      for (std::size_t k = 0; k < shown; ++k) {
        const AhpInconsistency& c = g.worst[k];
        out += "  revisit " + g.criteria[static_cast<std::size_t>(c.i)] +
               " vs " + g.criteria[static_cast<std::size_t>(c.j)] +
               ": judged " + FormatJudgement(c.judged) + ", weights imply " +
               FormatJudgement(c.implied) + " (|ln| " +
               FormatFixed(c.error, 3) + ")\n";
      }
    }
    out += "\n";
  }
  out += "random index: " + std::string(ToString(o.random_index)) +
         ", n = 1.." +
         std::to_string(RandomIndexValues(o.random_index).size()) + ": " +
         RiList(o.random_index) +
         "\n  source: " + std::string(RandomIndexSource(o.random_index)) + "\n";
  return out;
}

std::string RenderAhpJson(const AhpResult& result) {
  using nlohmann::ordered_json;
  const AhpOptions& o = result.options;
  const auto round6 = [](double v) { return util::RoundDecimal(v, 6); };
  ordered_json root;
  root["source"] = result.source;
  root["criteria_set"] = result.criteria_set;
  root["method"] = ToString(o.method);
  if (o.completion != AhpCompletion::kNone) {
    root["completion"] = ToString(o.completion);
  }
  root["cr_threshold"] = o.cr_threshold;
  ordered_json ri;
  ri["name"] = ToString(o.random_index);
  ri["source"] = RandomIndexSource(o.random_index);
  ri["values"] = RandomIndexValues(o.random_index);
  root["random_index"] = ri;
  ordered_json groups = ordered_json::array();
  for (const AhpGroupResult& g : result.groups) {
    const AhpPriorities& p = g.priorities;
    ordered_json j;
    j["id"] = g.id;
    ordered_json weights = ordered_json::object();
    for (std::size_t i = 0; i < g.criteria.size(); ++i) {
      weights[g.criteria[i]] = round6(p.weights[static_cast<Eigen::Index>(i)]);
    }
    j["weights"] = weights;
    j["lambda_max"] = round6(p.lambda_max);
    j["ci"] = round6(p.ci);
    j["ri"] = p.ri;
    j["cr"] = round6(p.cr);
    j["consistent"] = g.consistent;
    ordered_json worst = ordered_json::array();
    const std::size_t shown =
        std::min(g.worst.size(), static_cast<std::size_t>(o.worst_pairs));
    for (std::size_t k = 0; k < shown; ++k) {
      const AhpInconsistency& c = g.worst[k];
      worst.push_back({{"a", g.criteria[static_cast<std::size_t>(c.i)]},
                       {"b", g.criteria[static_cast<std::size_t>(c.j)]},
                       {"judged", round6(c.judged)},
                       {"implied", round6(c.implied)},
                       {"log_error", round6(c.error)}});
    }
    j["most_inconsistent"] = worst;
    if (o.completion != AhpCompletion::kNone) {
      ordered_json completed = ordered_json::array();
      for (const AhpCompleted& c : g.completed) {
        completed.push_back({{"a", g.criteria[static_cast<std::size_t>(c.i)]},
                             {"b", g.criteria[static_cast<std::size_t>(c.j)]},
                             {"value", round6(c.value)}});
      }
      j["completed"] = completed;
    }
    groups.push_back(j);
  }
  root["groups"] = groups;
  return root.dump(2) + "\n";
}

}  // namespace circa
