// Scoring rules: `scoring:` of a leaf criterion (docs/rules.md).
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "circa/library.h"
#include "io/award_reader.h"
#include "io/criteria_reader.h"
#include "io/criteria_reader_internal.h"
#include "io/error_cap.h"
#include "io/file.h"
#include "io/numbers.h"
#include "io/policy_reader.h"
#include "io/reserved_ids.h"
#include "io/yaml_node.h"
#include "util/number_format.h"

namespace circa::io {

std::optional<ScoringRule> CriteriaReader::ReadRule(const io::YamlNode& node,
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
    r_.Error(node["rule"], io::Join(path, "rule"),
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
             "rule " + *name + " scores a quality; this criterion's type is " +
                 std::string(ToString(type)));
    ok = false;
  }
  switch (*rule) {
    case Rule::kLowestRatio:
    case Rule::kPercentOfLowest:
    case Rule::kBelowHighest:
    case Rule::kYesNo:
      r_.CheckKeys(node, path, {"rule"});
      break;
    case Rule::kLinearRange:
    case Rule::kRatioToBest:
    case Rule::kShareOfTotal:
      r_.CheckKeys(node, path, {"rule", "better"});
      ok &= ReadDirection(node, path, &out.better);
      break;
    case Rule::kLinearCeiling:
      r_.CheckKeys(node, path, {"rule", "ceiling"});
      if (const auto v = r_.Number(node, "ceiling", path, true)) {
        if (*v <= 0) {
          r_.Error(
              node["ceiling"], io::Join(path, "ceiling"),
              "expected a price > 0, got \"" + node["ceiling"].Scalar() + "\"");
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
      r_.CheckKeys(node, path, {"rule", "levels", "level-labels"});
      ok &= ReadLevels(node, path, &out.levels);
      if (ok) ok &= ReadLevelLabels(node, path, &out.levels);
      break;
  }
  if (!ok) return std::nullopt;
  return out;
}

bool CriteriaReader::ReadDirection(const io::YamlNode& node,
                                   const std::string& path, Direction* better) {
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

bool CriteriaReader::ReadSteps(const io::YamlNode& node,
                               const std::string& path,
                               std::vector<Step>* steps) {
  const io::YamlNode list = io::MapValue(node, "steps");
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
    const io::YamlNode pair = list[i];
    const std::string at = here + "[" + std::to_string(i) + "]";
    if (!pair.IsSequence() || pair.size() != 2) {
      r_.Error(pair, at,
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
      r_.Error(
          pair[1], at + "[1]",
          "expected a score between 0 and 1, got \"" + pair[1].Scalar() + "\"");
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

bool CriteriaReader::ReadLevels(const io::YamlNode& node,
                                const std::string& path,
                                std::vector<ScaleLevel>* levels) {
  const io::YamlNode map = io::MapValue(node, "levels");
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
  std::set<double> values;  // not a scan of `levels`: 100,000 levels
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
    if (!values.insert(*value).second) {
      r_.Error(kv.first, at,
               "level " + FormatNumber(*value, -1) + " is defined twice");
      ok = false;
    }
    ScaleLevel level;
    level.value = *value;
    level.descriptor = kv.second.Scalar();
    levels->push_back(std::move(level));
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

bool CriteriaReader::ReadLevelLabels(const io::YamlNode& node,
                                     const std::string& path,
                                     std::vector<ScaleLevel>* levels) {
  const io::YamlNode map = io::MapValue(node, "level-labels");
  if (!map.IsDefined() || map.IsNull()) return true;
  const std::string here = io::Join(path, "level-labels");
  if (!map.IsMap()) {
    r_.Error(map, here,
             "expected a map of language codes to {level: descriptor}, such "
             "as {nl: {0: onaanvaardbaar, 5: uitstekend}}, got " +
                 io::Describe(map));
    return false;
  }
  bool ok = true;
  for (const auto& lang_kv : map) {
    const std::string lang =
        lang_kv.first.IsScalar() ? lang_kv.first.Scalar() : "";
    const bool code = lang.size() == 2 &&
                      std::all_of(lang.begin(), lang.end(),
                                  [](char c) { return c >= 'a' && c <= 'z'; });
    if (!code) {
      r_.Error(lang_kv.first, here,
               "expected a two-letter language code such as en or nl, got " +
                   io::Describe(lang_kv.first));
      ok = false;
      continue;
    }
    const std::string in = here + "." + lang;
    if (!lang_kv.second.IsMap()) {
      r_.Error(lang_kv.second, in,
               "expected a map {level: descriptor}, got " +
                   io::Describe(lang_kv.second));
      ok = false;
      continue;
    }
    for (const auto& kv : lang_kv.second) {
      const std::string at =
          in + "." + (kv.first.IsScalar() ? kv.first.Scalar() : "?");
      const auto value = r_.NumberOf(kv.first, at, "a level value (a number)");
      if (!value) {
        ok = false;
        continue;
      }
      const auto level = std::lower_bound(
          levels->begin(), levels->end(), *value,
          [](const ScaleLevel& l, double v) { return l.value < v; });
      if (level == levels->end() || level->value != *value) {
        std::string known;
        for (const ScaleLevel& l : *levels) {
          known += (known.empty() ? "" : ", ") + FormatNumber(l.value, -1);
        }
        r_.Error(kv.first, at,
                 "level " + FormatNumber(*value, -1) +
                     " is not one of the levels (" + known + ")");
        ok = false;
        continue;
      }
      if (!kv.second.IsScalar() || kv.second.Scalar().empty()) {
        r_.Error(kv.second, at,
                 "expected a descriptor, got " + io::Describe(kv.second));
        ok = false;
        continue;
      }
      level->labels[lang] = kv.second.Scalar();
    }
  }
  return ok;
}

}  // namespace circa::io
