// Reads a panel policy (docs/panels.md, "Policy") from a criteria set: the
// `panel:` map of the set, a group or a leaf criterion.
#ifndef CIRCA_ENGINE_IO_POLICY_READER_H_
#define CIRCA_ENGINE_IO_POLICY_READER_H_

#include <optional>
#include <string>

#include "circa/criteria.h"
#include "io/yaml_node.h"

namespace circa::panel {

// Reads `node` (the value of a `panel:` key) at field path `path` (e.g.
// "criteria[2].panel"). Keys: aggregate (mean|median|consensus), rationale
// (required|optional), complete (true|false), disagreement (a number >= 0).
// Reports every problem through `r` and returns nullopt if there was any.
std::optional<PanelPolicy> ReadPanelPolicy(io::YamlReader& r,
                                           const io::YamlNode& node,
                                           const std::string& path);

}  // namespace circa::panel

#endif  // CIRCA_ENGINE_IO_POLICY_READER_H_
