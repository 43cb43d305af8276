#include "io/award_reader.h"

#include <cmath>
#include <set>

#include "circa/money.h"
#include "io/numbers.h"
#include "util/number_format.h"

namespace circa::money {
namespace {

constexpr const char* kMethods =
    "fictitious-price, ladder-discount, environmental-cost or "
    "prozorro-features";

bool ValidColumn(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                    (c >= '0' && c <= '9') ||
                    (i > 0 && (c == '_' || c == '-' || c == '.'));
    if (!ok) return false;
  }
  return id != "bid" && id != "id" && id != "supplier";
}

bool AnyThreshold(const std::vector<Criterion>& list) {
  for (const Criterion& c : list) {
    if (c.threshold || c.panel || AnyThreshold(c.children)) return true;
  }
  return false;
}

class AwardReader {
 public:
  AwardReader(const io::YamlReader& r, CriteriaSet* set) : r_(r), set_(set) {}

  std::optional<MoneyAward> Read(const io::YamlNode& n) {
    if (!n.IsMap()) {
      r_.Error(n, "award",
               "expected a map such as {method: fictitious-price, price: "
               "price, criteria: [...]}, got " +
                   io::Describe(n));
      return std::nullopt;
    }
    MoneyAward a;
    a.where = r_.Where(n);
    a.options.currency = set_->currency;
    const auto method = r_.String(n, "method", "award", true);
    if (!method) return std::nullopt;
    const auto m = MoneyMethodFromString(*method);
    if (!m) {
      // Still an award set (its weights need not add up); the error
      // rejects it.
      r_.Error(n["method"], "award.method",
               "unknown method \"" + *method + "\"; expected " + kMethods);
      CheckPointsRules(n);
      return a;
    }
    a.method = *m;
    switch (a.method) {
      case MoneyMethod::kFictitiousPrice:
        r_.CheckKeys(n, "award", {"method", "price", "decimals", "criteria"});
        ReadCriteria(n, &a.fictitious);
        break;
      case MoneyMethod::kLadderDiscount:
        r_.CheckKeys(n, "award",
                     {"method", "price", "decimals", "column", "name",
                      "levels-in", "levels"});
        ReadLadder(n, &a.ladder);
        break;
      case MoneyMethod::kEnvironmentalCost:
        r_.CheckKeys(
            n, "award",
            {"method", "price", "decimals", "column", "name", "factor"});
        ReadEnvironmental(n, &a.environmental);
        break;
      case MoneyMethod::kProzorro:
        r_.CheckKeys(n, "award",
                     {"method", "price", "decimals", "cap", "features"});
        ReadProzorro(n, &a.prozorro);
        break;
    }
    if (const auto d = r_.Number(n, "decimals", "award", false)) {
      if (*d < 0 || *d > 6 || *d != std::floor(*d)) {
        r_.Error(n["decimals"], "award.decimals",
                 "expected a whole number of decimals from 0 to 6, got " +
                     io::Describe(n["decimals"]));
      } else {
        a.options.decimals = static_cast<int>(*d);
      }
    }
    if (const auto price = r_.String(n, "price", "award", true)) {
      a.price = *price;
      const Criterion* c = set_->Find(*price);
      if (c == nullptr || c->is_group() || c->type == CriterionType::kQuality) {
        r_.Error(n["price"], "award.price",
                 "expected the id of a price or cost leaf criterion (the "
                 "bid-file column holding each bid's price), got \"" +
                     *price + "\"");
      }
    } else {
      return std::nullopt;
    }
    CheckMethodAt(a, n);
    CheckColumns(a, n);
    CheckPointsRules(n);
    return a;
  }

 private:
  // `levels-in: percent` (default) or `amount`.
  LevelValue LevelsIn(const io::YamlNode& n, const std::string& path) {
    const auto text = r_.String(n, "levels-in", path, false);
    if (!text || *text == "percent") return LevelValue::kFraction;
    if (*text == "amount") return LevelValue::kAmount;
    r_.Error(n["levels-in"], io::Join(path, "levels-in"),
             "expected percent or amount, got \"" + *text + "\"");
    return LevelValue::kFraction;
  }

  // levels: {name: number, ...}; percentages become fractions.
  std::vector<ValueLevel> Levels(const io::YamlNode& n, const std::string& path,
                                 LevelValue kind, std::string_view what) {
    std::vector<ValueLevel> out;
    const io::YamlNode map = n["levels"];
    const std::string here = io::Join(path, "levels");
    if (!map.IsDefined() || map.IsNull()) {
      r_.Error(n, here,
               "missing; expected a map {level: " + std::string(what) + "}");
      return out;
    }
    if (!map.IsMap() || map.size() == 0) {
      r_.Error(map, here,
               "expected a map {level: " + std::string(what) + "}, got " +
                   io::Describe(map));
      return out;
    }
    std::set<std::string> seen;
    for (const auto& kv : map) {
      const std::string name = kv.first.IsScalar() ? kv.first.Scalar() : "";
      const std::string at = here + "." + name;
      if (name.empty()) {
        r_.Error(kv.first, here,
                 "expected a level name, got " + io::Describe(kv.first));
        continue;
      }
      if (!seen.insert(name).second) {
        r_.Error(kv.first, at, "level \"" + name + "\" is named twice");
        continue;
      }
      const auto v = r_.NumberOf(kv.second, at, what);
      if (!v) continue;
      if (!std::isfinite(*v)) {
        r_.Error(kv.second, at,
                 "expected " + std::string(what) + ", got " +
                     io::Describe(kv.second));
        continue;
      }
      out.push_back({name, kind == LevelValue::kFraction ? *v / 100.0 : *v});
    }
    return out;
  }

  std::string Column(const io::YamlNode& n, const std::string& path,
                     const std::string& fallback) {
    const auto text = r_.String(n, "column", path, false);
    if (!text) return fallback;
    if (!ValidColumn(*text)) {
      r_.Error(n["column"], io::Join(path, "column"),
               "expected a bid-file column name of letters, digits, '_', "
               "'-' or '.' (not bid, id or supplier), got \"" +
                   *text + "\"");
    }
    return *text;
  }

  void ReadCriteria(const io::YamlNode& n, FictitiousPrice* out) {
    const io::YamlNode list = n["criteria"];
    if (!list.IsDefined() || list.IsNull()) {
      r_.Error(n, "award.criteria",
               "missing; expected a list of quality criteria worth money, "
               "such as {id: delivery_plan, value: 2500, levels: {fully: "
               "100, partially: 60, none: 0}}");
      return;
    }
    if (!list.IsSequence() || list.size() == 0) {
      r_.Error(
          list, "award.criteria",
          "expected a non-empty list of criteria, got " + io::Describe(list));
      return;
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
      const io::YamlNode c = list[i];
      const std::string path = "award.criteria[" + std::to_string(i) + "]";
      if (!c.IsMap()) {
        r_.Error(c, path,
                 "expected a criterion such as {id: delivery_plan, value: "
                 "2500, levels: {...}}, got " +
                     io::Describe(c));
        continue;
      }
      r_.CheckKeys(
          c, path,
          {"id", "name", "description", "value", "levels-in", "levels"});
      ValueCriterion v;
      v.where = r_.Where(c);
      if (const auto id = r_.String(c, "id", path, true)) {
        v.id = *id;
        if (!ValidColumn(*id)) {
          r_.Error(c["id"], io::Join(path, "id"),
                   "expected an id of letters, digits, '_', '-' or '.' (the "
                   "bid-file column with each bid's level; not bid, id or "
                   "supplier), got \"" +
                       *id + "\"");
        }
      }
      v.name = r_.String(c, "name", path, false).value_or(v.id);
      v.kind = LevelsIn(c, path);
      if (v.kind == LevelValue::kFraction) {
        if (const auto value = r_.Number(c, "value", path, false)) {
          v.value = *value;
          if (!(*value > 0) || !std::isfinite(*value)) {
            r_.Error(c["value"], io::Join(path, "value"),
                     "expected the criterion's money value at 100 %, > 0, "
                     "got " +
                         io::Describe(c["value"]));
          }
        } else if (!c["value"].IsDefined() || c["value"].IsNull()) {
          r_.Error(c, io::Join(path, "value"),
                   "missing; expected the criterion's money value at 100 % "
                   "(levels are percentages of it; or give levels-in: "
                   "amount)");
        }
        v.levels = Levels(c, path, v.kind,
                          "a percentage of the value (100 = all of it, "
                          "negative = a malus)");
        for (const ValueLevel& l : v.levels) {
          if (l.value > 1 + 1e-12) {
            r_.Error(c["levels"][l.name], path + ".levels." + l.name,
                     "expected at most 100 (% of the value), got " +
                         FormatNumber(l.value * 100, -1));
          }
        }
      } else {
        if (c["value"].IsDefined()) {
          r_.Error(c["value"], io::Join(path, "value"),
                   "levels are amounts of money (levels-in: amount); remove "
                   "value");
        }
        v.levels =
            Levels(c, path, v.kind, "an amount of money (negative = a malus)");
      }
      out->criteria.push_back(std::move(v));
    }
  }

  void ReadLadder(const io::YamlNode& n, LadderDiscount* out) {
    out->where = r_.Where(n);
    out->criterion = Column(n, "award", out->criterion);
    out->name = r_.String(n, "name", "award", false).value_or(out->name);
    out->kind = LevelsIn(n, "award");
    out->levels = Levels(n, "award", out->kind,
                         out->kind == LevelValue::kFraction
                             ? "a discount in percent (5 = 5 %)"
                             : "a discount in money");
    if (out->kind != LevelValue::kFraction) return;
    for (const ValueLevel& l : out->levels) {
      if (l.value >= 1) {
        r_.Error(n["levels"][l.name], "award.levels." + l.name,
                 "expected a discount below 100 (%), got " +
                     FormatNumber(l.value * 100, -1));
      }
    }
  }

  void ReadEnvironmental(const io::YamlNode& n, EnvironmentalCostAdded* out) {
    out->where = r_.Where(n);
    out->criterion = Column(n, "award", out->criterion);
    out->name = r_.String(n, "name", "award", false).value_or(out->name);
    if (const auto f = r_.Number(n, "factor", "award", true)) {
      if (!(*f > 0) || !std::isfinite(*f)) {
        r_.Error(n["factor"], "award.factor",
                 "expected the buyer's factor, a number > 0, got " +
                     io::Describe(n["factor"]));
      } else {
        out->factor = *f;
      }
    }
  }

  void ReadProzorro(const io::YamlNode& n, ProzorroFeatures* out) {
    out->where = r_.Where(n);
    if (const auto cap = r_.Number(n, "cap", "award", false)) {
      if (!(*cap > 0 && *cap < 1)) {
        r_.Error(n["cap"], "award.cap",
                 "expected the cap on the features' maxima, between 0 and 1 "
                 "(ProZorro: 0.30), got " +
                     io::Describe(n["cap"]));
      } else {
        out->cap = *cap;
      }
    }
    const io::YamlNode list = n["features"];
    if (!list.IsDefined() || list.IsNull() || !list.IsSequence() ||
        list.size() == 0) {
      r_.Error(list.IsDefined() && !list.IsNull() ? list : n, "award.features",
               "expected a non-empty list of features such as {code: "
               "delivery, title: Delivery time, enum: [{value: 0.15, title: "
               "up to 10 days}, {value: 0, title: longer}]}");
      return;
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
      const io::YamlNode f = list[i];
      const std::string path = "award.features[" + std::to_string(i) + "]";
      if (!f.IsMap()) {
        r_.Error(
            f, path,
            "expected a feature {code, title, enum}, got " + io::Describe(f));
        continue;
      }
      r_.CheckKeys(f, path, {"code", "title", "enum"});
      ProzorroFeature feature;
      feature.where = r_.Where(f);
      if (const auto code = r_.String(f, "code", path, true)) {
        feature.code = *code;
        if (!ValidColumn(*code)) {
          r_.Error(f["code"], io::Join(path, "code"),
                   "expected a code of letters, digits, '_', '-' or '.' (the "
                   "bid-file column with each bid's value), got \"" +
                       *code + "\"");
        }
      }
      feature.title = r_.String(f, "title", path, false).value_or(feature.code);
      const io::YamlNode values = f["enum"];
      const std::string here = io::Join(path, "enum");
      // A missing key is an invalid node: ask IsDefined() before anything
      // else (IsSequence() would throw).
      if (!values.IsDefined() || values.IsNull() || !values.IsSequence() ||
          values.size() == 0) {
        r_.Error(values.IsDefined() && !values.IsNull() ? values : f, here,
                 "expected a non-empty list of {value, title}");
        out->features.push_back(std::move(feature));
        continue;
      }
      for (std::size_t k = 0; k < values.size(); ++k) {
        const io::YamlNode e = values[k];
        const std::string at = here + "[" + std::to_string(k) + "]";
        if (!e.IsMap()) {
          r_.Error(e, at, "expected {value, title}, got " + io::Describe(e));
          continue;
        }
        r_.CheckKeys(e, at, {"value", "title"});
        const auto v = r_.Number(e, "value", at, true);
        if (!v) continue;
        feature.options.push_back(
            {r_.String(e, "title", at, false).value_or(FormatNumber(*v, -1)),
             *v});
      }
      out->features.push_back(std::move(feature));
    }
  }

  // ProZorro's checks across features (each value within the cap, the
  // maxima's sum within the cap) are the library's, reported under
  // "award."; the other methods' checks were made above, with positions.
  void CheckMethodAt(const MoneyAward& a, const io::YamlNode& n) {
    if (a.method != MoneyMethod::kProzorro) return;
    Diagnostics local;
    CheckMethod(a.prozorro, &local);
    for (const Diagnostic& d : local.items()) {
      // Reported above (CheckColumns, the enum list).
      if (d.message == "feature code used twice" ||
          d.message == "expected at least one value") {
        continue;
      }
      SourceLocation where = d.where;
      if (where.line == 0) where = r_.Where(n);
      r_.diag()->Add({d.severity, where, "award." + d.path, d.message});
    }
  }

  // The method's bid-file columns: unique, and not a criterion's id.
  void CheckColumns(const MoneyAward& a, const io::YamlNode& n) {
    std::set<std::string> seen;
    std::vector<std::string> columns = a.LevelColumns();
    for (const std::string& c : a.ValueColumns()) columns.push_back(c);
    for (const std::string& c : columns) {
      if (c.empty()) continue;
      if (set_->Find(c) != nullptr) {
        r_.Error(n, "award",
                 "\"" + c +
                     "\" is both a criterion of the set and a column of the "
                     "award method; give the award's column another id");
      } else if (!seen.insert(c).second) {
        r_.Error(n, "award", "column \"" + c + "\" is used twice");
      }
    }
  }

  // Rules that need points have no meaning when the set ranks on money.
  void CheckPointsRules(const io::YamlNode& n) {
    const auto refuse = [&](const char* what) {
      r_.Error(n, "award",
               std::string(what) +
                   " needs points; a set with award: ranks on money (remove "
                   "it or the award block)");
    };
    if (AnyThreshold(set_->criteria)) refuse("min-score or panel");
    if (set_->max_pass) refuse("max-pass");
    if (set_->panel) refuse("panel");
    if (set_->abnormally_low.kind != AbnormallyLowRule::Kind::kNone) {
      refuse("abnormally-low");
    }
    for (const TieBreakStep& t : set_->tie_break) {
      if (t.kind == TieBreakStep::Kind::kHigherPoints) {
        refuse("a {higher: ...} tie-break");
      }
    }
  }

  const io::YamlReader& r_;
  CriteriaSet* set_;
};

}  // namespace

void ReadFrom(const io::YamlReader& r, const io::YamlNode& node,
              const std::string& path, Criterion* criterion) {
  const auto from = r.String(node, "from", path, false);
  if (!from) return;
  const std::string here = io::Join(path, "from");
  if (*from != "lcc") {
    r.Error(node["from"], here,
            "expected lcc (the bid's life-cycle cost from the cost "
            "profile), got \"" +
                *from + "\"");
    return;
  }
  if (node["criteria"].IsDefined() || criterion->type != CriterionType::kCost) {
    r.Error(node["from"], here,
            "from: lcc is read on a leaf criterion of type cost; this one "
            "is " +
                std::string(node["criteria"].IsDefined()
                                ? "a group"
                                : ToString(criterion->type)));
    return;
  }
  criterion->from_lcc = true;
}

void ReadAward(const io::YamlReader& r, const io::YamlNode& root,
               CriteriaSet* set) {
  const io::YamlNode n = root["award"];
  if (!n.IsDefined() || n.IsNull()) return;
  AwardReader reader(r, set);
  set->award = reader.Read(n);
}

}  // namespace circa::money
