// Criteria-set reader: YAML -> CriteriaSet, every structural problem
// reported with its position; cross-criterion checks in validate/.
#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "circa/explain.h"
#include "circa/load.h"
#include "io/file.h"
#include "io/yaml_node.h"
#include "validate/criteria_validator.h"

namespace circa {
namespace {

constexpr double kUnreadable = std::numeric_limits<double>::quiet_NaN();

std::string RuleNames() {
  std::string out;
  for (const Rule r : AllRules()) {
    if (!out.empty()) out += ", ";
    out += ToString(r);
  }
  return out;
}

bool ValidId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  const auto ok = [](char c, bool first) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') ||
           (!first && (c == '_' || c == '-' || c == '.'));
  };
  for (std::size_t i = 0; i < id.size(); ++i) {
    if (!ok(id[i], i == 0)) return false;
  }
  return true;
}

class CriteriaReader {
 public:
  CriteriaReader(const std::string& file, Diagnostics* diag,
                 const LoadOptions& options)
      : r_(file, diag), options_(options) {}

  std::optional<CriteriaSet> Read(const YAML::Node& root) {
    if (!root.IsMap()) {
      r_.Error(root, "",
               "expected a criteria set (a map with circa, id, version, "
               "title and criteria), got " +
                   io::Describe(root));
      return std::nullopt;
    }
    r_.CheckKeys(root, "",
                 {"circa", "id", "version", "title", "description", "publisher",
                  "currency", "scale", "weights", "criteria"});
    CriteriaSet set;
    if (const auto format = r_.Number(root, "circa", "", true)) {
      if (*format != 1) {
        r_.Error(root["circa"], "circa",
                 "unsupported format version " + FormatNumber(*format, -1) +
                     "; this circa reads format 1");
      }
    }
    if (const auto id = r_.String(root, "id", "", true)) {
      set.id = *id;
      if (!ValidId(*id)) {
        r_.Error(root["id"], "id",
                 "expected an id of letters, digits, '_', '-' or '.', "
                 "starting with a letter or digit, got \"" +
                     *id + "\"");
      }
    }
    set.version = r_.String(root, "version", "", true).value_or("");
    set.title = r_.String(root, "title", "", true).value_or("");
    set.description = r_.String(root, "description", "", false).value_or("");
    set.publisher = r_.String(root, "publisher", "", false).value_or("");
    if (const auto currency = r_.String(root, "currency", "", false)) {
      const bool iso = currency->size() == 3 &&
                       std::all_of(currency->begin(), currency->end(),
                                   [](char c) { return c >= 'A' && c <= 'Z'; });
      if (!iso) {
        r_.Error(
            root["currency"], "currency",
            "expected an ISO 4217 code such as EUR, got \"" + *currency + "\"");
      }
      set.currency = *currency;
    }
    if (const auto scale = r_.Number(root, "scale", "", false)) {
      if (!(*scale > 0)) {
        r_.Error(
            root["scale"], "scale",
            "expected a number > 0, got \"" + root["scale"].Scalar() + "\"");
      } else {
        set.scale = *scale;
      }
    }
    if (const auto mode = r_.String(root, "weights", "", false)) {
      if (const auto m = WeightModeFromString(*mode)) {
        set.weights = *m;
      } else {
        r_.Error(root["weights"], "weights",
                 "expected points or percent, got \"" + *mode + "\"");
      }
    }
    const YAML::Node list = root["criteria"];
    if (!list.IsDefined() || list.IsNull()) {
      r_.Error(root, "criteria", "missing; expected a list of criteria");
    } else if (!list.IsSequence() || list.size() == 0) {
      r_.Error(
          list, "criteria",
          "expected a non-empty list of criteria, got " + io::Describe(list));
    } else {
      set.criteria = ReadList(list, "criteria", std::nullopt, 1);
    }
    return set;
  }

 private:
  std::vector<Criterion> ReadList(const YAML::Node& list,
                                  const std::string& path,
                                  std::optional<CriterionType> inherited,
                                  int depth) {
    std::vector<Criterion> out;
    for (std::size_t i = 0; i < list.size(); ++i) {
      out.push_back(ReadCriterion(list[i], path + "[" + std::to_string(i) + "]",
                                  inherited, depth));
    }
    return out;
  }

  Criterion ReadCriterion(const YAML::Node& node, const std::string& path,
                          std::optional<CriterionType> inherited, int depth) {
    Criterion c;
    c.weight = kUnreadable;
    c.where = r_.Where(node);
    if (!node.IsMap()) {
      r_.Error(node, path,
               "expected a criterion (a map with id, weight, and scoring or "
               "criteria), got " +
                   io::Describe(node));
      return c;
    }
    r_.CheckKeys(node, path,
                 {"id", "name", "description", "unit", "type", "weight",
                  "scoring", "criteria"});
    if (const auto id = r_.String(node, "id", path, true)) {
      c.id = *id;
      if (!ValidId(*id)) {
        r_.Error(node["id"], io::Join(path, "id"),
                 "expected an id of letters, digits, '_', '-' or '.', "
                 "starting with a letter or digit, got \"" +
                     *id + "\"");
      } else if (validate::IsReservedId(*id)) {
        r_.Error(node["id"], io::Join(path, "id"),
                 "\"" + *id +
                     "\" is reserved for a bid-file column; choose "
                     "another id");
      }
    }
    c.name = r_.String(node, "name", path, false).value_or(c.id);
    c.description = r_.String(node, "description", path, false).value_or("");
    c.unit = r_.String(node, "unit", path, false).value_or("");

    std::optional<CriterionType> type = inherited;
    if (const auto t = r_.String(node, "type", path, false)) {
      const auto parsed = CriterionTypeFromString(*t);
      if (!parsed) {
        r_.Error(node["type"], io::Join(path, "type"),
                 "expected price, cost or quality, got \"" + *t + "\"");
      } else if (inherited && *parsed != *inherited) {
        r_.Error(node["type"], io::Join(path, "type"),
                 "type " + *t + " differs from its group's type " +
                     std::string(ToString(*inherited)));
      } else {
        type = parsed;
      }
    }
    if (const auto w = r_.Number(node, "weight", path, true)) {
      if (*w < 0) {
        r_.Error(
            node["weight"], io::Join(path, "weight"),
            "expected a number >= 0, got \"" + node["weight"].Scalar() + "\"");
      } else {
        c.weight = *w;
      }
    }

    const YAML::Node scoring = node["scoring"];
    const YAML::Node children = node["criteria"];
    const bool has_scoring = scoring.IsDefined() && !scoring.IsNull();
    const bool has_children = children.IsDefined() && !children.IsNull();
    if (has_scoring && has_children) {
      r_.Error(node, path,
               "a criterion has either scoring (a leaf) or criteria (a "
               "group), not both");
    } else if (!has_scoring && !has_children) {
      r_.Error(node, path,
               "missing scoring (for a leaf) or criteria (for a group)");
    } else if (has_children) {
      if (depth >= options_.max_depth) {
        r_.Error(children, io::Join(path, "criteria"),
                 "criteria are nested more than " +
                     std::to_string(options_.max_depth) + " levels deep");
      } else if (!children.IsSequence() || children.size() == 0) {
        r_.Error(children, io::Join(path, "criteria"),
                 "expected a non-empty list of criteria, got " +
                     io::Describe(children));
      } else {
        c.children =
            ReadList(children, io::Join(path, "criteria"), type, depth + 1);
      }
      if (type) c.type = *type;
    } else {
      if (!type) {
        r_.Error(node, io::Join(path, "type"),
                 "missing; expected price, cost or quality");
      } else {
        c.type = *type;
        c.scoring = ReadRule(scoring, io::Join(path, "scoring"), c.type);
      }
    }
    return c;
  }

  std::optional<ScoringRule> ReadRule(const YAML::Node& node,
                                      const std::string& path,
                                      CriterionType type) {
    if (!node.IsMap()) {
      r_.Error(node, path,
               "expected a map such as {rule: lowest-ratio}, got " +
                   io::Describe(node));
      return std::nullopt;
    }
    const auto name = r_.String(node, "rule", path, true);
    if (!name) return std::nullopt;
    const auto rule = RuleFromString(*name);
    if (!rule) {
      r_.Error(
          node["rule"], io::Join(path, "rule"),
          "unknown rule \"" + *name + "\"; expected one of " + RuleNames());
      return std::nullopt;
    }
    ScoringRule out;
    out.rule = *rule;
    const bool money = type != CriterionType::kQuality;
    out.better = money ? Direction::kLowerIsBetter : Direction::kHigherIsBetter;
    bool ok = true;
    if (IsPriceRule(*rule) && !money) {
      r_.Error(node["rule"], io::Join(path, "rule"),
               "rule " + *name +
                   " scores a price or cost; this criterion's "
                   "type is quality");
      ok = false;
    }
    if (!IsNumericInput(*rule) && money) {
      r_.Error(node["rule"], io::Join(path, "rule"),
               "rule " + *name +
                   " scores a quality; this criterion's type is " +
                   std::string(ToString(type)));
      ok = false;
    }
    switch (*rule) {
      case Rule::kLowestRatio:
      case Rule::kPercentOfLowest:
      case Rule::kYesNo:
        r_.CheckKeys(node, path, {"rule"});
        break;
      case Rule::kLinearRange:
      case Rule::kRatioToBest:
        r_.CheckKeys(node, path, {"rule", "better"});
        ok &= ReadDirection(node, path, &out.better);
        break;
      case Rule::kLinearCeiling:
        r_.CheckKeys(node, path, {"rule", "ceiling"});
        if (const auto v = r_.Number(node, "ceiling", path, true)) {
          if (*v <= 0) {
            r_.Error(node["ceiling"], io::Join(path, "ceiling"),
                     "expected a price > 0, got \"" + node["ceiling"].Scalar() +
                         "\"");
            ok = false;
          }
          out.ceiling = *v;
        } else {
          ok = false;
        }
        break;
      case Rule::kLogarithmic:
        r_.CheckKeys(node, path, {"rule", "zero-at", "allow-negative"});
        if (const auto v = r_.Number(node, "zero-at", path, true)) {
          if (*v <= 1) {
            r_.Error(node["zero-at"], io::Join(path, "zero-at"),
                     "expected a multiple of the lowest price > 1 (such as "
                     "1.5, 2 or 3), got \"" +
                         node["zero-at"].Scalar() + "\"");
            ok = false;
          }
          out.zero_at = *v;
        } else {
          ok = false;
        }
        out.allow_negative =
            r_.Bool(node, "allow-negative", path).value_or(false);
        break;
      case Rule::kLinear: {
        r_.CheckKeys(node, path, {"rule", "worst", "best"});
        const auto worst = r_.Number(node, "worst", path, true);
        const auto best = r_.Number(node, "best", path, true);
        if (worst && best) {
          if (*worst == *best) {
            r_.Error(node["best"], io::Join(path, "best"),
                     "best and worst must differ (both are " +
                         FormatNumber(*best, -1) + ")");
            ok = false;
          }
          out.worst = *worst;
          out.best = *best;
          out.better = *best > *worst ? Direction::kHigherIsBetter
                                      : Direction::kLowerIsBetter;
        } else {
          ok = false;
        }
        break;
      }
      case Rule::kSteps:
        r_.CheckKeys(node, path, {"rule", "steps", "better"});
        ok &= ReadDirection(node, path, &out.better);
        ok &= ReadSteps(node, path, &out.steps);
        break;
      case Rule::kScale:
        r_.CheckKeys(node, path, {"rule", "levels"});
        ok &= ReadLevels(node, path, &out.levels);
        break;
    }
    if (!ok) return std::nullopt;
    return out;
  }

  bool ReadDirection(const YAML::Node& node, const std::string& path,
                     Direction* better) {
    const auto text = r_.String(node, "better", path, false);
    if (!text) return true;
    if (const auto d = DirectionFromString(*text)) {
      *better = *d;
      return true;
    }
    r_.Error(node["better"], io::Join(path, "better"),
             "expected higher or lower, got \"" + *text + "\"");
    return false;
  }

  bool ReadSteps(const YAML::Node& node, const std::string& path,
                 std::vector<Step>* steps) {
    const YAML::Node list = node["steps"];
    const std::string here = io::Join(path, "steps");
    if (!list.IsDefined() || list.IsNull()) {
      r_.Error(node, here,
               "missing; expected a list of [threshold, score] pairs");
      return false;
    }
    if (!list.IsSequence() || list.size() == 0) {
      r_.Error(list, here,
               "expected a non-empty list of [threshold, score] pairs, got " +
                   io::Describe(list));
      return false;
    }
    bool ok = true;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const YAML::Node pair = list[i];
      const std::string at = here + "[" + std::to_string(i) + "]";
      if (!pair.IsSequence() || pair.size() != 2) {
        r_.Error(
            pair, at,
            "expected a pair [threshold, score], got " + io::Describe(pair));
        ok = false;
        continue;
      }
      const auto threshold = r_.NumberOf(pair[0], at + "[0]", "a number");
      const auto score =
          r_.NumberOf(pair[1], at + "[1]", "a score between 0 and 1");
      if (!threshold || !score) {
        ok = false;
        continue;
      }
      if (*score < 0 || *score > 1) {
        r_.Error(pair[1], at + "[1]",
                 "expected a score between 0 and 1, got \"" + pair[1].Scalar() +
                     "\"");
        ok = false;
      }
      if (!steps->empty() && *threshold <= steps->back().threshold) {
        r_.Error(pair[0], at + "[0]",
                 "thresholds must increase; " + FormatNumber(*threshold, -1) +
                     " follows " + FormatNumber(steps->back().threshold, -1));
        ok = false;
      }
      steps->push_back({*threshold, *score});
    }
    return ok;
  }

  bool ReadLevels(const YAML::Node& node, const std::string& path,
                  std::vector<ScaleLevel>* levels) {
    const YAML::Node map = node["levels"];
    const std::string here = io::Join(path, "levels");
    if (!map.IsDefined() || map.IsNull()) {
      r_.Error(node, here, "missing; expected a map {value: descriptor}");
      return false;
    }
    if (!map.IsMap() || map.size() == 0) {
      r_.Error(map, here,
               "expected a map {value: descriptor} such as {0: unacceptable, "
               "5: excellent}, got " +
                   io::Describe(map));
      return false;
    }
    bool ok = true;
    std::set<std::string> descriptors;
    for (const auto& kv : map) {
      const std::string at =
          here + "." + (kv.first.IsScalar() ? kv.first.Scalar() : "?");
      const auto value = r_.NumberOf(kv.first, at, "a level value (a number)");
      if (!value) {
        ok = false;
        continue;
      }
      if (*value < 0) {
        r_.Error(kv.first, at, "expected a level value >= 0");
        ok = false;
      }
      if (!kv.second.IsScalar() || kv.second.Scalar().empty()) {
        r_.Error(kv.second, at,
                 "expected a descriptor such as \"good\", got " +
                     io::Describe(kv.second));
        ok = false;
        continue;
      }
      std::string lower = kv.second.Scalar();
      for (char& ch : lower) {
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
      }
      if (!descriptors.insert(lower).second) {
        r_.Error(kv.second, at,
                 "descriptor \"" + kv.second.Scalar() + "\" is used twice");
        ok = false;
      }
      for (const ScaleLevel& l : *levels) {
        if (l.value == *value) {
          r_.Error(kv.first, at,
                   "level " + FormatNumber(*value, -1) + " is defined twice");
          ok = false;
        }
      }
      levels->push_back({*value, kv.second.Scalar()});
    }
    std::sort(levels->begin(), levels->end(),
              [](const ScaleLevel& a, const ScaleLevel& b) {
                return a.value < b.value;
              });
    if (ok && levels->back().value <= 0) {
      r_.Error(map, here, "the top level must be > 0");
      ok = false;
    }
    return ok;
  }

  io::YamlReader r_;
  const LoadOptions& options_;
};

}  // namespace

Result<CriteriaSet> ParseCriteria(std::string_view text,
                                  const std::string& file_name,
                                  const LoadOptions& options) {
  Diagnostics diag;
  Result<CriteriaSet> result;
  if (text.size() > options.max_criteria_bytes) {
    diag.Error({file_name, 0, 0}, "",
               "file is " + std::to_string(text.size()) +
                   " bytes; the limit for a criteria set is " +
                   std::to_string(options.max_criteria_bytes) + " bytes");
    result.diagnostics = diag.Take();
    return result;
  }
  const auto root = io::ParseYaml(text, file_name, &diag);
  if (root) {
    CriteriaReader reader(file_name, &diag, options);
    std::optional<CriteriaSet> set = reader.Read(*root);
    if (set) {
      validate::ValidateCriteria(&*set, &diag);
      set->source = file_name;
      set->sha256 = io::Sha256Hex(text);
      if (!diag.HasErrors()) result.value = std::move(set);
    }
  }
  result.diagnostics = diag.Take();
  return result;
}

Result<CriteriaSet> LoadCriteriaFile(const std::string& path,
                                     const LoadOptions& options) {
  Diagnostics diag;
  const auto text = io::ReadFile(path, options.max_criteria_bytes, &diag);
  if (!text) return {std::nullopt, diag.Take()};
  return ParseCriteria(*text, path, options);
}

}  // namespace circa
