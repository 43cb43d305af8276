#include "io/policy_reader.h"

#include <cmath>

#include "circa/panel.h"

namespace circa::panel {

std::optional<PanelPolicy> ReadPanelPolicy(io::YamlReader& r,
                                           const io::YamlNode& node,
                                           const std::string& path) {
  if (!node.IsMap()) {
    r.Error(node, path,
            "expected a panel policy such as {aggregate: mean}, got " +
                io::Describe(node));
    return std::nullopt;
  }
  const int errors = r.diag()->ErrorCount();
  r.CheckKeys(node, path,
              {"aggregate", "rationale", "complete", "disagreement"});
  PanelPolicy policy;
  policy.where = r.Where(node);
  if (const auto text = r.String(node, "aggregate", path, false)) {
    if (const auto a = PanelAggregateFromString(*text)) {
      policy.aggregate = *a;
    } else {
      r.Error(node["aggregate"], io::Join(path, "aggregate"),
              "expected mean, median or consensus, got \"" + *text + "\"");
    }
  }
  if (const auto text = r.String(node, "rationale", path, false)) {
    if (*text == "required") {
      policy.rationale_required = true;
    } else if (*text != "optional") {
      r.Error(node["rationale"], io::Join(path, "rationale"),
              "expected required or optional, got \"" + *text + "\"");
    }
  }
  policy.complete = r.Bool(node, "complete", path).value_or(false);
  if (const auto limit = r.Number(node, "disagreement", path, false)) {
    if (*limit < 0 || !std::isfinite(*limit)) {
      r.Error(node["disagreement"], io::Join(path, "disagreement"),
              "expected a spread >= 0 (largest minus smallest score), got " +
                  io::Describe(node["disagreement"]));
    } else {
      policy.disagreement_limit = *limit;
    }
  }
  if (r.diag()->ErrorCount() > errors) return std::nullopt;
  return policy;
}

}  // namespace circa::panel
