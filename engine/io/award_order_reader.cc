// The award order: requirements, thresholds (min-score), max-pass,
// rounding, tie-break, abnormally-low and the panel policy
// (docs/criteria-format.md); the money award is award_reader.cc.
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

void CriteriaReader::ReadAwardOrderKeys(const io::YamlNode& root,
                                        CriteriaSet* set) {
  if (const io::YamlNode n = root["max-pass"]; n.IsDefined() && !n.IsNull()) {
    const auto v = r_.NumberOf(n, "max-pass", "a whole number of bids >= 1");
    if (v && (*v < 1 || *v != std::floor(*v) || *v > 1e6)) {
      r_.Error(n, "max-pass",
               "expected a whole number of bids >= 1, got " + io::Describe(n));
    } else if (v) {
      set->max_pass = static_cast<int>(*v);
    }
  }
  ReadRounding(root, &set->rounding);
  ReadTieBreak(root, &set->tie_break);
  ReadAbnormallyLow(root, &set->abnormally_low);
  if (const io::YamlNode n = root["panel"]; n.IsDefined() && !n.IsNull()) {
    set->panel = ReadPanel(n, "panel");
  }
}

std::optional<Threshold> CriteriaReader::ReadThreshold(
    const io::YamlNode& n, const std::string& path) {
  Threshold t;
  t.where = r_.Where(n);
  std::string text = n.IsScalar() ? n.Scalar() : "";
  while (!text.empty() && text.back() == ' ') text.pop_back();
  if (!text.empty() && text.back() == '%') {
    t.percent = true;
    text.pop_back();
    while (!text.empty() && text.back() == ' ') text.pop_back();
  }
  double v = 0;
  if (!n.IsScalar() || !io::ParsePlainNumber(text, &v) || v < 0 ||
      (t.percent && v > 100)) {
    r_.Error(n, path,
             "expected a minimum score in points (e.g. 35) or a percentage "
             "of the criterion's points (e.g. \"50%\"), got " +
                 io::Describe(n));
    return std::nullopt;
  }
  t.value = v;
  return t;
}

std::optional<PanelPolicy> CriteriaReader::ReadPanel(const io::YamlNode& n,
                                                     const std::string& path) {
  return panel::ReadPanelPolicy(r_, n, path);
}

void CriteriaReader::ReadRequirements(const io::YamlNode& root,
                                      CriteriaSet* set) {
  const io::YamlNode list = root["requirements"];
  if (!list.IsDefined() || list.IsNull()) return;
  if (!list.IsSequence()) {
    r_.Error(list, "requirements",
             "expected a list of requirements, got " + io::Describe(list));
    return;
  }
  for (std::size_t i = 0; i < list.size(); ++i) {
    const io::YamlNode n = list[i];
    const std::string path = "requirements[" + std::to_string(i) + "]";
    if (!n.IsMap()) {
      r_.Error(n, path,
               "expected a requirement (a map with id and conditions or "
               "groups), got " +
                   io::Describe(n));
      continue;
    }
    r_.CheckKeys(n, path,
                 {"id", "name", "description", "evidence", "conditions",
                  "groups", "kind", "labels", "level", "source",
                  "anchor-source", "strategies", "descriptions"});
    Requirement req;
    req.where = r_.Where(n);
    req.id = ReadId(n, path);
    ReadKind(
        n, path,
        {CriterionKind::kSelection, CriterionKind::kTechnicalSpecification},
        &req.kind);
    ReadDoc(n, path, &req.doc);
    req.name = r_.String(n, "name", path, false)
                   .value_or(DefaultName(req.doc, req.id));
    req.description = r_.String(n, "description", path, false).value_or("");
    req.evidence = req.doc.evidence;
    const io::YamlNode conditions = n["conditions"];
    const io::YamlNode groups = n["groups"];
    const bool has_c = conditions.IsDefined() && !conditions.IsNull();
    const bool has_g = groups.IsDefined() && !groups.IsNull();
    if (has_c == has_g) {
      r_.Error(n, path,
               has_c ? "give conditions (all must hold) or groups (any "
                       "group of conditions), not both"
                     : "missing conditions (all must hold) or groups (any "
                       "group of conditions)");
    } else if (has_c) {
      req.groups.push_back(
          ReadConditions(conditions, io::Join(path, "conditions")));
    } else if (!groups.IsSequence() || groups.size() == 0) {
      r_.Error(groups, io::Join(path, "groups"),
               "expected a non-empty list of condition lists, got " +
                   io::Describe(groups));
    } else {
      for (std::size_t g = 0; g < groups.size(); ++g) {
        req.groups.push_back(ReadConditions(
            groups[g],
            io::Join(path, "groups") + "[" + std::to_string(g) + "]"));
      }
    }
    set->requirements.push_back(std::move(req));
  }
}

RequirementGroup CriteriaReader::ReadConditions(const io::YamlNode& list,
                                                const std::string& path) {
  RequirementGroup group;
  if (!list.IsSequence() || list.size() == 0) {
    r_.Error(list, path,
             "expected a non-empty list of conditions such as {field: "
             "fsc, equals: yes}, got " +
                 io::Describe(list));
    return group;
  }
  for (std::size_t i = 0; i < list.size(); ++i) {
    const io::YamlNode n = list[i];
    const std::string here = path + "[" + std::to_string(i) + "]";
    if (!n.IsMap()) {
      r_.Error(n, here,
               "expected a condition such as {field: fsc, equals: yes}, got " +
                   io::Describe(n));
      continue;
    }
    r_.CheckKeys(n, here,
                 {"field", "equals", "min", "max", "one-of", "pattern"});
    const auto field = r_.String(n, "field", here, true);
    if (field && !ValidId(*field)) {
      r_.Error(n["field"], io::Join(here, "field"),
               "expected a bid-file column name of letters, digits, '_', "
               "'-' or '.', got \"" +
                   *field + "\"");
    }
    int tests = 0;
    const auto add = [&](Condition c) {
      c.field = field.value_or("");
      c.where = r_.Where(n);
      group.conditions.push_back(std::move(c));
      ++tests;
    };
    if (const io::YamlNode v = n["equals"]; v.IsDefined() && !v.IsNull()) {
      if (!v.IsScalar()) {
        r_.Error(v, io::Join(here, "equals"),
                 "expected a value, got " + io::Describe(v));
      } else {
        Condition c;
        c.op = Condition::Op::kEquals;
        c.text = v.Scalar();
        c.numeric = io::ParsePlainNumber(c.text, &c.number);
        add(std::move(c));
      }
    }
    for (const char* key : {"min", "max"}) {
      if (const io::YamlNode v = n[key]; v.IsDefined() && !v.IsNull()) {
        if (const auto x = r_.NumberOf(v, io::Join(here, key), "a number")) {
          Condition c;
          c.op = std::string_view(key) == "min" ? Condition::Op::kMin
                                                : Condition::Op::kMax;
          c.number = *x;
          c.numeric = true;
          add(std::move(c));
        }
      }
    }
    if (const io::YamlNode v = n["one-of"]; v.IsDefined() && !v.IsNull()) {
      if (!v.IsSequence() || v.size() == 0) {
        r_.Error(v, io::Join(here, "one-of"),
                 "expected a non-empty list of values, got " + io::Describe(v));
      } else {
        Condition c;
        c.op = Condition::Op::kOneOf;
        bool ok = true;
        for (std::size_t k = 0; k < v.size(); ++k) {
          if (!v[k].IsScalar()) {
            r_.Error(v[k],
                     io::Join(here, "one-of") + "[" + std::to_string(k) + "]",
                     "expected a value, got " + io::Describe(v[k]));
            ok = false;
          } else {
            c.one_of.push_back(v[k].Scalar());
          }
        }
        if (ok) add(std::move(c));
      }
    }
    if (const io::YamlNode v = n["pattern"]; v.IsDefined() && !v.IsNull()) {
      if (const auto text = r_.String(n, "pattern", here, false)) {
        if (text->empty() || text->size() > 200) {
          r_.Error(v, io::Join(here, "pattern"),
                   "expected a pattern of 1 to 200 characters where * "
                   "matches any text and ? one character, got " +
                       io::Describe(v));
        } else {
          Condition c;
          c.op = Condition::Op::kPattern;
          c.text = *text;
          add(std::move(c));
        }
      }
    }
    if (tests == 0 && field) {
      r_.Error(n, here,
               "a condition needs one of equals, min, max, one-of or "
               "pattern");
    }
  }
  return group;
}

void CriteriaReader::ReadRounding(const io::YamlNode& root, Rounding* out) {
  const io::YamlNode n = root["rounding"];
  if (!n.IsDefined() || n.IsNull()) return;
  if (!n.IsMap()) {
    r_.Error(n, "rounding",
             "expected a map such as {decimals: 2, apply: [points, "
             "totals]}, got " +
                 io::Describe(n));
    return;
  }
  r_.CheckKeys(n, "rounding", {"decimals", "apply"});
  const auto d = r_.Number(n, "decimals", "rounding", true);
  if (!d) return;
  if (*d < 0 || *d > 6 || *d != std::floor(*d)) {
    r_.Error(n["decimals"], "rounding.decimals",
             "expected a whole number of decimals from 0 to 6, got " +
                 io::Describe(n["decimals"]));
    return;
  }
  bool points = true;
  bool totals = true;
  if (const io::YamlNode a = n["apply"]; a.IsDefined() && !a.IsNull()) {
    points = totals = false;
    const io::YamlNode list = a.IsSequence() ? a : io::YamlNode();
    bool ok = a.IsSequence() && a.size() > 0;
    for (std::size_t i = 0; ok && i < list.size(); ++i) {
      const std::string v = list[i].IsScalar() ? list[i].Scalar() : "";
      if (v == "points") {
        points = true;
      } else if (v == "totals") {
        totals = true;
      } else {
        ok = false;
      }
    }
    if (!ok) {
      r_.Error(
          a, "rounding.apply",
          "expected a list of points and/or totals, got " + io::Describe(a));
      return;
    }
  }
  out->decimals = static_cast<int>(*d);
  out->points = points;
  out->totals = totals;
}

void CriteriaReader::ReadTieBreak(const io::YamlNode& root,
                                  std::vector<TieBreakStep>* out) {
  const io::YamlNode list = root["tie-break"];
  if (!list.IsDefined() || list.IsNull()) return;
  out->clear();  // a derived set's policy replaces its model's
  if (!list.IsSequence() || list.size() == 0) {
    r_.Error(list, "tie-break",
             "expected a non-empty list of rules such as [{higher: "
             "quality}, {lower: price}, {draw: 42}], got " +
                 io::Describe(list));
    return;
  }
  for (std::size_t i = 0; i < list.size(); ++i) {
    const io::YamlNode n = list[i];
    const std::string here = "tie-break[" + std::to_string(i) + "]";
    if (!n.IsMap() || n.size() != 1) {
      r_.Error(n, here,
               "expected one rule: {higher: CRITERION}, {lower: CRITERION}, "
               "{earlier: FIELD} or {draw: SEED}, got " +
                   io::Describe(n));
      continue;
    }
    r_.CheckKeys(n, here, {"higher", "lower", "earlier", "draw"});
    const auto it = n.begin();
    const std::string key = it->first.IsScalar() ? it->first.Scalar() : "";
    TieBreakStep step;
    step.where = r_.Where(n);
    const std::string at = io::Join(here, key);
    if (key == "draw") {
      step.kind = TieBreakStep::Kind::kDraw;
      double seed = 0;
      if (!it->second.IsScalar() ||
          !io::ParsePlainNumber(it->second.Scalar(), &seed) || seed < 0 ||
          seed != std::floor(seed) || seed > 9007199254740992.0) {
        r_.Error(it->second, at,
                 "expected the seed of the draw, a whole number >= 0 "
                 "(printed with the result), got " +
                     io::Describe(it->second));
        continue;
      }
      step.seed = static_cast<std::uint64_t>(seed);
      if (i + 1 != list.size()) {
        r_.Error(n, here, "a draw decides every tie; it must be the last rule");
      }
    } else if (key == "higher" || key == "lower" || key == "earlier") {
      step.kind = key == "higher"  ? TieBreakStep::Kind::kHigherPoints
                  : key == "lower" ? TieBreakStep::Kind::kLowerValue
                                   : TieBreakStep::Kind::kEarlier;
      if (!it->second.IsScalar() || it->second.Scalar().empty()) {
        r_.Error(it->second, at,
                 std::string("expected ") +
                     (key == "earlier" ? "a bid-file column such as submitted"
                                       : "a criterion id") +
                     ", got " + io::Describe(it->second));
        continue;
      }
      step.target = it->second.Scalar();
      if (key == "earlier" && !ValidId(step.target)) {
        r_.Error(it->second, at,
                 "expected a bid-file column name of letters, digits, '_', "
                 "'-' or '.', got \"" +
                     step.target + "\"");
        continue;
      }
    } else {
      continue;  // CheckKeys reported it
    }
    out->push_back(std::move(step));
  }
}

void CriteriaReader::ReadAbnormallyLow(const io::YamlNode& root,
                                       AbnormallyLowRule* out) {
  const io::YamlNode n = root["abnormally-low"];
  if (!n.IsDefined() || n.IsNull()) return;
  const std::string path = "abnormally-low";
  if (!n.IsMap()) {
    r_.Error(n, path,
             "expected a map such as {rule: below-mean, criterion: price, "
             "percent: 20}, got " +
                 io::Describe(n));
    return;
  }
  const auto rule = r_.String(n, "rule", path, true);
  if (!rule) return;
  AbnormallyLowRule a;
  a.where = r_.Where(n);
  if (*rule == "none") {
    r_.CheckKeys(n, path, {"rule"});
    *out = a;
    return;
  }
  if (*rule == "below-mean") {
    a.kind = AbnormallyLowRule::Kind::kBelowMean;
    r_.CheckKeys(n, path, {"rule", "criterion", "percent"});
    if (const auto p = r_.Number(n, "percent", path, true)) {
      if (*p <= 0 || *p >= 100) {
        r_.Error(n["percent"], io::Join(path, "percent"),
                 "expected a percentage between 0 and 100, got " +
                     io::Describe(n["percent"]));
        return;
      }
      a.percent = *p;
    } else {
      return;
    }
  } else if (*rule == "rglcap-85") {
    a.kind = AbnormallyLowRule::Kind::kRglcap85;
    r_.CheckKeys(n, path, {"rule", "criterion", "budget"});
    if (const auto b = r_.Number(n, "budget", path, false)) {
      if (*b <= 0) {
        r_.Error(n["budget"], io::Join(path, "budget"),
                 "expected the tender budget, a price > 0, got " +
                     io::Describe(n["budget"]));
        return;
      }
      a.budget = *b;
    }
  } else if (*rule == "kb-2017-36") {
    a.kind = AbnormallyLowRule::Kind::kKb2017Art36;
    r_.CheckKeys(n, path, {"rule", "criterion", "contract"});
    const auto contract = r_.String(n, "contract", path, true);
    if (!contract) return;
    const auto c = AbnormallyLowContractFromString(*contract);
    if (!c) {
      r_.Error(n["contract"], io::Join(path, "contract"),
               "expected works, supplies, services or "
               "fraud-sensitive-services, got \"" +
                   *contract + "\"");
      return;
    }
    a.contract = *c;
  } else {
    r_.Error(n["rule"], io::Join(path, "rule"),
             "expected none, below-mean, rglcap-85 or kb-2017-36, got \"" +
                 *rule + "\"");
    return;
  }
  const auto criterion = r_.String(n, "criterion", path, true);
  if (!criterion) return;
  a.criterion = *criterion;
  *out = a;
}

}  // namespace circa::io
