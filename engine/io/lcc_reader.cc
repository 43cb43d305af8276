// Cost profiles written as YAML (docs/lcc.md, "Format"): the document is
// read into the format-neutral CostValue tree (io/cost_profile_input.h),
// each value at its node's position, and checked by the one check both
// formats share (io/cost_profile_build.cc).
#include <map>
#include <tuple>
#include <utility>

#include "circa/lcc.h"
#include "io/cost_profile_input.h"
#include "io/error_cap.h"
#include "io/file.h"
#include "io/yaml_node.h"

namespace circa {
namespace {

// YAML -> CostValue. Values below io::kCostValueDepth levels keep their
// kind and position but not their content: the check reads seven levels
// (offers[i].operating[j].quantity[t]), and through aliases a graph can be
// far deeper than its text, or contain itself (&a [*a]). A node reached
// again through an alias at the same depth is converted once and shared
// (keyed as io/yaml_node.cc's walk keys nodes, by position and kind, and
// by depth), so an alias cannot multiply the tree either.
class YamlToCostValue {
 public:
  explicit YamlToCostValue(const io::YamlReader& r) : r_(r) {}

  io::CostValuePtr Convert(const io::YamlNode& node, int depth = 0) {
    const io::CostValue::Kind kind = KindOf(node);
    const io::YamlMark mark = node.Mark();
    const std::tuple<int, int, int> id{mark.pos, static_cast<int>(kind), depth};
    // (A node without a position is never shared: the key would not be
    // its own.)
    if (!mark.is_null()) {
      if (const auto it = done_.find(id); it != done_.end()) return it->second;
    }
    auto v = std::make_shared<io::CostValue>();
    v->kind = kind;
    v->where = io::PosOf(r_.Where(node));
    if (kind == io::CostValue::Kind::kText) {
      v->text = node.Scalar();
    } else if (depth + 1 >= io::kCostValueDepth) {
      // Too deep for the check to read: the kind and position only.
    } else if (kind == io::CostValue::Kind::kList) {
      v->items.reserve(node.size());
      for (const auto& item : node) {
        v->items.push_back(Convert(item, depth + 1));
      }
    } else if (kind == io::CostValue::Kind::kMap) {
      for (const auto& kv : node) {
        io::CostValue::Key key{KindOf(kv.first), kv.first.Scalar(),
                               io::PosOf(r_.Where(kv.first))};
        v->entries.push_back({std::move(key), Convert(kv.second, depth + 1)});
      }
    }
    if (!mark.is_null()) done_.emplace(id, v);
    return v;
  }

 private:
  static io::CostValue::Kind KindOf(const io::YamlNode& node) {
    if (node.IsMap()) return io::CostValue::Kind::kMap;
    if (node.IsSequence()) return io::CostValue::Kind::kList;
    if (node.IsScalar()) return io::CostValue::Kind::kText;
    return io::CostValue::Kind::kNull;
  }

  const io::YamlReader& r_;
  std::map<std::tuple<int, int, int>, io::CostValuePtr> done_;
};

}  // namespace

Result<CostProfile> ParseCostProfile(std::string_view text,
                                     const std::string& file_name,
                                     const CostProfileOptions& options) {
  Diagnostics diag;
  Result<CostProfile> out;
  const std::optional<io::YamlDocument> root = io::ParseYaml(
      text, file_name, &diag, io::YamlSyntax::kYaml, options.max_errors);
  if (root) {
    try {
      const io::YamlReader r(file_name, &diag);
      const io::CostValuePtr tree = YamlToCostValue(r).Convert(*root);
      CostProfile p = io::BuildCostProfile(*tree, file_name, options, &diag);
      p.sha256 = io::Sha256Hex(text);
      if (!diag.HasErrors()) out.value = std::move(p);
    } catch (const YAML::Exception& e) {
      diag.Error({file_name, 0, 0}, "",
                 std::string("invalid YAML: ") + e.what());
    }
  }
  io::CapErrors(&diag, file_name, options.max_errors);
  out.diagnostics = diag.Take();
  return out;
}

Result<CostProfile> LoadCostProfileFile(const std::string& path,
                                        const CostProfileOptions& options) {
  Diagnostics diag;
  const std::optional<std::string> text =
      io::ReadFile(path, options.max_bytes, &diag);
  if (!text) {
    Result<CostProfile> out;
    out.diagnostics = diag.Take();
    return out;
  }
  const bool csv =
      path.size() >= 4 && (path.compare(path.size() - 4, 4, ".csv") == 0 ||
                           path.compare(path.size() - 4, 4, ".CSV") == 0);
  if (csv) return ParseCostProfileCsv(*text, path, options);
  return ParseCostProfile(*text, path, options);
}

}  // namespace circa
