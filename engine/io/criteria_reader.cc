// Criteria-set reader: YAML -> CriteriaSet, every structural problem
// reported with its position; cross-criterion checks in validate/.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <filesystem>
#include <limits>
#include <set>

#include "circa/library.h"
#include "circa/load.h"
#include "io/award_reader.h"
#include "io/error_cap.h"
#include "io/file.h"
#include "io/numbers.h"
#include "io/policy_reader.h"
#include "io/yaml_node.h"
#include "util/number_format.h"
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
                 {"circa",         "id",        "version",        "title",
                  "description",   "publisher", "currency",       "scale",
                  "weights",       "criteria",  "requirements",   "max-pass",
                  "rounding",      "tie-break", "abnormally-low", "panel",
                  "product-group", "labels",    "sources",        "clauses",
                  "award"});
    CriteriaSet set;
    award_ = root["award"].IsDefined() && !root["award"].IsNull();
    ReadFormat(root);
    set.id = ReadId(root, "");
    set.version = r_.String(root, "version", "", true).value_or("");
    set.title = r_.String(root, "title", "", true).value_or("");
    set.description = r_.String(root, "description", "", false).value_or("");
    set.publisher = r_.String(root, "publisher", "", false).value_or("");
    ReadCurrency(root, &set);
    if (const auto scale = r_.Number(root, "scale", "", false)) {
      if (!(*scale > 0)) {
        r_.Error(
            root["scale"], "scale",
            "expected a number > 0, got \"" + root["scale"].Scalar() + "\"");
      } else {
        set.scale = *scale;
        set.scale_at = r_.Where(root["scale"]);
      }
    }
    if (const auto mode = r_.String(root, "weights", "", false)) {
      if (const auto m = WeightModeFromString(*mode)) {
        set.weights = *m;
      } else {
        r_.Error(root["weights"], "weights",
                 "expected points, percent or order, got \"" + *mode + "\"");
      }
    }
    mode_ = set.weights;
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
    ReadRequirements(root, &set);
    ReadAwardOrderKeys(root, &set);
    ReadModelKeys(root, &set);
    money::ReadAward(r_, root, &set);  // after the rest: it checks them
    return set;
  }

  // currency: an ISO 4217 code (three capital letters), in a set or a
  // derived set alike.
  void ReadCurrency(const YAML::Node& root, CriteriaSet* set) {
    const auto currency = r_.String(root, "currency", "", false);
    if (!currency) return;
    const bool iso = currency->size() == 3 &&
                     std::all_of(currency->begin(), currency->end(),
                                 [](char c) { return c >= 'A' && c <= 'Z'; });
    if (!iso) {
      r_.Error(
          root["currency"], "currency",
          "expected an ISO 4217 code such as EUR, got \"" + *currency + "\"");
    }
    set->currency = *currency;
  }

  void ReadFormat(const YAML::Node& root) {
    if (const auto format = r_.Number(root, "circa", "", true)) {
      if (*format != 1) {
        r_.Error(root["circa"], "circa",
                 "unsupported format version " + FormatNumber(*format, -1) +
                     "; this circa reads format 1");
      }
    }
  }

  // max-pass, rounding, tie-break, abnormally-low and panel: each, when
  // given, replaces what *set holds (a derived set's model's).
  void ReadAwardOrderKeys(const YAML::Node& root, CriteriaSet* set) {
    if (const YAML::Node n = root["max-pass"]; n.IsDefined() && !n.IsNull()) {
      const auto v = r_.NumberOf(n, "max-pass", "a whole number of bids >= 1");
      if (v && (*v < 1 || *v != std::floor(*v) || *v > 1e6)) {
        r_.Error(
            n, "max-pass",
            "expected a whole number of bids >= 1, got " + io::Describe(n));
      } else if (v) {
        set->max_pass = static_cast<int>(*v);
      }
    }
    ReadRounding(root, &set->rounding);
    ReadTieBreak(root, &set->tie_break);
    ReadAbnormallyLow(root, &set->abnormally_low);
    if (const YAML::Node n = root["panel"]; n.IsDefined() && !n.IsNull()) {
      set->panel = ReadPanel(n, "panel");
    }
  }

  // Model-set keys (docs/criteria-format.md, "Model sets"): product-group,
  // labels, sources and clauses.
  void ReadModelKeys(const YAML::Node& root, CriteriaSet* set) {
    if (std::string group = ReadId(root, "", "product-group", false);
        !group.empty()) {
      set->product_group = std::move(group);
    }
    if (auto labels = ReadLabels(root, ""); !labels.empty()) {
      set->labels = std::move(labels);
    }
    if (const YAML::Node list = root["sources"];
        list.IsDefined() && !list.IsNull()) {
      if (!list.IsSequence()) {
        r_.Error(list, "sources",
                 "expected a list of source documents ({id, title, "
                 "publisher, year, url}), got " +
                     io::Describe(list));
      } else {
        for (std::size_t i = 0; i < list.size(); ++i) {
          set->sources.push_back(
              ReadSource(list[i], "sources[" + std::to_string(i) + "]"));
        }
      }
    }
    if (const YAML::Node list = root["clauses"];
        list.IsDefined() && !list.IsNull()) {
      if (!list.IsSequence()) {
        r_.Error(list, "clauses",
                 "expected a list of contract performance clauses, got " +
                     io::Describe(list));
      } else {
        for (std::size_t i = 0; i < list.size(); ++i) {
          set->clauses.push_back(
              ReadClause(list[i], "clauses[" + std::to_string(i) + "]"));
        }
      }
    }
  }

  SourceDocument ReadSource(const YAML::Node& n, const std::string& path) {
    SourceDocument doc;
    doc.where = r_.Where(n);
    if (!n.IsMap()) {
      r_.Error(n, path,
               "expected a source document (a map with id and title), got " +
                   io::Describe(n));
      return doc;
    }
    r_.CheckKeys(n, path, {"id", "title", "publisher", "year", "url"});
    doc.id = ReadId(n, path);
    doc.title = r_.String(n, "title", path, true).value_or("");
    doc.publisher = r_.String(n, "publisher", path, false).value_or("");
    doc.year = r_.String(n, "year", path, false).value_or("");
    doc.url = r_.String(n, "url", path, false).value_or("");
    return doc;
  }

  Clause ReadClause(const YAML::Node& n, const std::string& path) {
    Clause clause;
    clause.where = r_.Where(n);
    if (!n.IsMap()) {
      r_.Error(n, path,
               "expected a contract performance clause (a map with id, name "
               "and description), got " +
                   io::Describe(n));
      return clause;
    }
    r_.CheckKeys(n, path,
                 {"id", "name", "description", "kind", "labels", "evidence",
                  "level", "source", "strategies"});
    clause.id = ReadId(n, path);
    ReadKind(n, path, {CriterionKind::kContractClause});
    ReadDoc(n, path, &clause.doc);
    clause.name = r_.String(n, "name", path, false)
                      .value_or(DefaultName(clause.doc, clause.id));
    clause.description = r_.String(n, "description", path, false).value_or("");
    return clause;
  }

  // An id (the value of `key`), checked for its spelling; "" when absent.
  std::string ReadId(const YAML::Node& n, const std::string& path,
                     std::string_view key = "id", bool required = true) {
    const auto id = r_.String(n, key, path, required);
    if (!id) return "";
    if (!ValidId(*id)) {
      r_.Error(n[std::string(key)], io::Join(path, key),
               "expected an id of letters, digits, '_', '-' or '.', "
               "starting with a letter or digit, got \"" +
                   *id + "\"");
    }
    return *id;
  }

  // A criterion's name when none is written: its English label, else id.
  static std::string DefaultName(const Documentation& doc,
                                 const std::string& id) {
    const auto en = doc.labels.find("en");
    return en != doc.labels.end() ? en->second : id;
  }

  // labels: {en: Recycled content, nl: Gerecycleerd gehalte}
  std::map<std::string, std::string> ReadLabels(const YAML::Node& map,
                                                const std::string& path) {
    std::map<std::string, std::string> out;
    const YAML::Node n = map["labels"];
    if (!n.IsDefined() || n.IsNull()) return out;
    const std::string here = io::Join(path, "labels");
    if (!n.IsMap()) {
      r_.Error(n, here,
               "expected a map of language codes to names, such as {en: "
               "Recycled content, nl: Gerecycleerd gehalte}, got " +
                   io::Describe(n));
      return out;
    }
    for (const auto& kv : n) {
      const std::string lang = kv.first.IsScalar() ? kv.first.Scalar() : "";
      const bool code =
          lang.size() == 2 && std::all_of(lang.begin(), lang.end(), [](char c) {
            return c >= 'a' && c <= 'z';
          });
      if (!code) {
        r_.Error(kv.first, here,
                 "expected a two-letter language code such as en or nl, "
                 "got " +
                     io::Describe(kv.first));
        continue;
      }
      if (!kv.second.IsScalar() || kv.second.Scalar().empty()) {
        r_.Error(kv.second, here + "." + lang,
                 "expected a name, got " + io::Describe(kv.second));
        continue;
      }
      out[lang] = kv.second.Scalar();
    }
    return out;
  }

  // kind: must be one of `allowed` here; the message says where the others
  // belong.
  void ReadKind(const YAML::Node& n, const std::string& path,
                std::initializer_list<CriterionKind> allowed,
                CriterionKind* out = nullptr) {
    const auto text = r_.String(n, "kind", path, false);
    if (!text) return;
    const auto kind = CriterionKindFromString(*text);
    const bool ok = kind && std::find(allowed.begin(), allowed.end(), *kind) !=
                                allowed.end();
    if (!ok) {
      std::string names;
      for (const CriterionKind k : allowed) {
        if (!names.empty()) names += " or ";
        names += ToString(k);
      }
      r_.Error(n["kind"], io::Join(path, "kind"),
               "expected " + names + " here, got \"" + *text +
                   "\" (award criteria go in criteria, selection criteria "
                   "and technical specifications in requirements, contract "
                   "clauses in clauses)");
      return;
    }
    if (out) *out = *kind;
  }

  // labels, evidence, level, source, strategies.
  void ReadDoc(const YAML::Node& n, const std::string& path,
               Documentation* doc) {
    doc->labels = ReadLabels(n, path);
    doc->evidence = r_.String(n, "evidence", path, false).value_or("");
    if (const auto level = r_.String(n, "level", path, false)) {
      doc->level = GppLevelFromString(*level);
      if (!doc->level) {
        r_.Error(n["level"], io::Join(path, "level"),
                 "expected core or comprehensive (the EU GPP ambition "
                 "level), got \"" +
                     *level + "\"");
      }
    }
    doc->source = r_.String(n, "source", path, false).value_or("");
    // Where the scoring anchors (worst/best, steps, minimums) come from: a
    // source id and item, or "model" for the model's own choice.
    doc->anchor_source =
        r_.String(n, "anchor-source", path, false).value_or("");
    const YAML::Node list = n["strategies"];
    if (!list.IsDefined() || list.IsNull()) return;
    const std::string here = io::Join(path, "strategies");
    std::string names;
    for (const Strategy s : AllStrategies()) {
      if (!names.empty()) names += ", ";
      names += ToString(s);
    }
    if (!list.IsSequence()) {
      r_.Error(list, here,
               "expected a list of circular strategies (" + names + "), got " +
                   io::Describe(list));
      return;
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string text = list[i].IsScalar() ? list[i].Scalar() : "";
      const auto s = StrategyFromString(text);
      if (!s) {
        r_.Error(list[i], here + "[" + std::to_string(i) + "]",
                 "expected one of " + names + ", got " + io::Describe(list[i]));
      } else if (std::find(doc->strategies.begin(), doc->strategies.end(),
                           *s) != doc->strategies.end()) {
        r_.Error(list[i], here + "[" + std::to_string(i) + "]",
                 "strategy " + text + " is listed twice");
      } else {
        doc->strategies.push_back(*s);
      }
    }
  }

 private:
  std::vector<Criterion> ReadList(const YAML::Node& list,
                                  const std::string& path,
                                  std::optional<CriterionType> inherited,
                                  int depth) {
    std::vector<Criterion> out;
    for (std::size_t i = 0; i < list.size(); ++i) {
      // A file with thousands of broken criteria: stop at the error cap.
      if (io::ErrorsFull(*r_.diag(), options_.max_errors)) {
        r_.diag()->Error({r_.file(), 0, 0}, "",
                         io::TooManyErrors(options_.max_errors));
        break;
      }
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
    r_.CheckKeys(
        node, path,
        {"id",       "name",          "description", "unit",     "type",
         "weight",   "order",         "min-score",   "panel",    "scoring",
         "criteria", "kind",          "labels",      "evidence", "level",
         "source",   "anchor-source", "strategies",  "from",     "under"});
    if (const YAML::Node u = node["under"]; u.IsDefined() && !adding_) {
      r_.Error(u, io::Join(path, "under"),
               "under is only read in a derived set's add list");
    }
    adding_ = false;  // an added criterion's children take no `under`
    c.id = ReadId(node, path);
    if (ValidId(c.id) && validate::IsReservedId(c.id)) {
      r_.Error(node["id"], io::Join(path, "id"),
               "\"" + c.id +
                   "\" is reserved for a bid-file column; choose another id");
    }
    ReadKind(node, path, {CriterionKind::kAward});
    ReadDoc(node, path, &c.doc);
    c.name =
        r_.String(node, "name", path, false).value_or(DefaultName(c.doc, c.id));
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
    ReadWeight(node, path, &c);
    if (const YAML::Node n = node["min-score"]; n.IsDefined() && !n.IsNull()) {
      c.threshold = ReadThreshold(n, io::Join(path, "min-score"));
    }
    if (const YAML::Node n = node["panel"]; n.IsDefined() && !n.IsNull()) {
      c.panel = ReadPanel(n, io::Join(path, "panel"));
    }

    const YAML::Node scoring = node["scoring"];
    const YAML::Node children = node["criteria"];
    const bool has_scoring = scoring.IsDefined() && !scoring.IsNull();
    const bool has_children = children.IsDefined() && !children.IsNull();
    if (has_scoring && has_children) {
      r_.Error(node, path,
               "a criterion has either scoring (a leaf) or criteria (a "
               "group), not both");
    } else if (!has_scoring && !has_children &&
               !(award_ && type && *type != CriterionType::kQuality)) {
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
        // A money-award set's price leaf needs no rule: money ranks.
        if (has_scoring) {
          c.scoring = ReadRule(scoring, io::Join(path, "scoring"), c.type);
        } else {
          c.scoring.emplace();
          c.scoring->rule = Rule::kLowestRatio;
          c.scoring->better = Direction::kLowerIsBetter;
        }
      }
    }
    money::ReadFrom(r_, node, path, &c);
    return c;
  }

  // weight: 40 | [30, 40] (a published range; its middle is used); in a
  // set with `weights: order`, order: 1 instead.
  void ReadWeight(const YAML::Node& node, const std::string& path,
                  Criterion* c) {
    const YAML::Node w = node["weight"];
    const YAML::Node o = node["order"];
    const bool has_w = w.IsDefined() && !w.IsNull();
    const bool has_o = o.IsDefined() && !o.IsNull();
    if (mode_ == WeightMode::kOrder) {
      if (has_w) {
        r_.Error(w, io::Join(path, "weight"),
                 "this set publishes an order of importance (weights: order); "
                 "give order: 1, 2, ... instead of a weight");
      }
      if (!has_o) {
        r_.Error(node, io::Join(path, "order"),
                 "missing; expected the criterion's place in the order of "
                 "importance among its siblings (1 = most important)");
        return;
      }
      const auto v =
          r_.NumberOf(o, io::Join(path, "order"),
                      "a place in the order of importance (1, 2, ...)");
      if (!v) return;
      if (*v < 1 || *v != std::floor(*v) || *v > 1000) {
        r_.Error(o, io::Join(path, "order"),
                 "expected a place in the order of importance (1, 2, ...), "
                 "got " +
                     io::Describe(o));
        return;
      }
      c->order = static_cast<int>(*v);
      c->weight = 0;  // derived by the validator
      return;
    }
    if (has_o) {
      r_.Error(o, io::Join(path, "order"),
               "order is only read when the set declares weights: order");
    }
    if (!has_w && award_) {
      c->weight = 0;  // a money-award set ranks on money, not points
      return;
    }
    if (!has_w) {
      r_.Error(node, io::Join(path, "weight"),
               "missing; expected a number or a range [min, max]");
      return;
    }
    const std::string here = io::Join(path, "weight");
    if (w.IsSequence()) {
      if (w.size() != 2) {
        r_.Error(w, here,
                 "expected a weight range [min, max], got a list of " +
                     std::to_string(w.size()));
        return;
      }
      const auto lo = r_.NumberOf(w[0], here + "[0]", "a number >= 0");
      const auto hi = r_.NumberOf(w[1], here + "[1]", "a number >= 0");
      if (!lo || !hi) return;
      if (*lo < 0 || *hi < *lo) {
        r_.Error(w, here,
                 "expected a range [min, max] with 0 <= min <= max, got [" +
                     FormatNumber(*lo, -1) + ", " + FormatNumber(*hi, -1) +
                     "]");
        return;
      }
      c->weight = (*lo + *hi) / 2;
      c->weight_range = WeightRange{*lo, *hi};
      return;
    }
    if (const auto v = r_.NumberOf(w, here, "a number or a range [min, max]")) {
      if (*v < 0) {
        r_.Error(w, here, "expected a number >= 0, got " + io::Describe(w));
      } else {
        c->weight = *v;
      }
    }
  }

  // min-score: 35 (points of the set's scale) | "50%" (of the criterion's
  // own points).
  std::optional<Threshold> ReadThreshold(const YAML::Node& n,
                                         const std::string& path) {
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

  std::optional<PanelPolicy> ReadPanel(const YAML::Node& n,
                                       const std::string& path) {
    return panel::ReadPanelPolicy(r_, n, path);
  }

  void ReadRequirements(const YAML::Node& root, CriteriaSet* set) {
    const YAML::Node list = root["requirements"];
    if (!list.IsDefined() || list.IsNull()) return;
    if (!list.IsSequence()) {
      r_.Error(list, "requirements",
               "expected a list of requirements, got " + io::Describe(list));
      return;
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
      const YAML::Node n = list[i];
      const std::string path = "requirements[" + std::to_string(i) + "]";
      if (!n.IsMap()) {
        r_.Error(n, path,
                 "expected a requirement (a map with id and conditions or "
                 "groups), got " +
                     io::Describe(n));
        continue;
      }
      r_.CheckKeys(
          n, path,
          {"id", "name", "description", "evidence", "conditions", "groups",
           "kind", "labels", "level", "source", "anchor-source", "strategies"});
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
      const YAML::Node conditions = n["conditions"];
      const YAML::Node groups = n["groups"];
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

  RequirementGroup ReadConditions(const YAML::Node& list,
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
      const YAML::Node n = list[i];
      const std::string here = path + "[" + std::to_string(i) + "]";
      if (!n.IsMap()) {
        r_.Error(
            n, here,
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
      if (const YAML::Node v = n["equals"]; v.IsDefined() && !v.IsNull()) {
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
        if (const YAML::Node v = n[key]; v.IsDefined() && !v.IsNull()) {
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
      if (const YAML::Node v = n["one-of"]; v.IsDefined() && !v.IsNull()) {
        if (!v.IsSequence() || v.size() == 0) {
          r_.Error(
              v, io::Join(here, "one-of"),
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
      if (const YAML::Node v = n["pattern"]; v.IsDefined() && !v.IsNull()) {
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

  // rounding: {decimals: 2, apply: [points, totals]}
  void ReadRounding(const YAML::Node& root, Rounding* out) {
    const YAML::Node n = root["rounding"];
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
    if (const YAML::Node a = n["apply"]; a.IsDefined() && !a.IsNull()) {
      points = totals = false;
      const YAML::Node list = a.IsSequence() ? a : YAML::Node();
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

  // tie-break: [{higher: quality}, {lower: price}, {earlier: submitted},
  //             {draw: 20261127}]
  void ReadTieBreak(const YAML::Node& root, std::vector<TieBreakStep>* out) {
    const YAML::Node list = root["tie-break"];
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
      const YAML::Node n = list[i];
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
          r_.Error(n, here,
                   "a draw decides every tie; it must be the last rule");
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

  // abnormally-low: {rule: below-mean, criterion: price, percent: 20}
  //                 {rule: rglcap-85, criterion: price, budget: 100000}
  //                 {rule: kb-2017-36, criterion: price, contract: works}
  void ReadAbnormallyLow(const YAML::Node& root, AbnormallyLowRule* out) {
    const YAML::Node n = root["abnormally-low"];
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
  WeightMode mode_ = WeightMode::kPoints;
  bool award_ = false;   // the set has an award: block (money-based)
  bool adding_ = false;  // the next criterion read is an `add` item

 public:
  // A derived set (docs/criteria-format.md, "Derived sets"): `model` is the
  // validated model `extends:` names; drop, override and add change a copy
  // of it, and the set's own keys replace the model's.
  std::optional<CriteriaSet> ReadDerived(const YAML::Node& root,
                                         const CriteriaSet& model) {
    r_.CheckKeys(root, "", {"circa",          "id",          "version",
                            "title",          "description", "publisher",
                            "currency",       "extends",     "drop",
                            "override",       "add",         "requirements",
                            "max-pass",       "rounding",    "tie-break",
                            "abnormally-low", "panel",       "product-group",
                            "labels",         "sources",     "clauses",
                            "criteria",       "scale",       "weights"});
    for (const char* key : {"criteria", "scale", "weights"}) {
      if (const YAML::Node n = root[key]; n.IsDefined()) {
        r_.Error(n, key,
                 std::string(key) +
                     " comes from the model in a derived set; change the "
                     "model's criteria with drop, override and add");
      }
    }
    CriteriaSet set = model;
    set.extends = root["extends"].IsScalar() ? root["extends"].Scalar() : "";
    set.model_id = model.id;
    set.model_version = model.version;
    set.model_source = model.source;
    set.model_sha256 = model.sha256;
    set.dropped.clear();
    set.derived_at = {};
    const Origin from{
        Origin::Kind::kModel, model.id + " " + model.version, {}, {}};
    for (Criterion& c : set.criteria) SetOrigin(&c, from);
    for (Requirement& r : set.requirements) r.origin = from;
    for (Clause& c : set.clauses) c.origin = from;

    ReadFormat(root);
    set.id = ReadId(root, "");
    set.version = r_.String(root, "version", "", true).value_or("");
    set.title = r_.String(root, "title", "", true).value_or("");
    set.description =
        r_.String(root, "description", "", false).value_or(model.description);
    set.publisher =
        r_.String(root, "publisher", "", false).value_or(model.publisher);
    ReadCurrency(root, &set);
    mode_ = set.weights;

    Drop(root, &set);
    Override(root, &set);
    Add(root, &set);

    const std::size_t model_requirements = set.requirements.size();
    ReadRequirements(root, &set);
    for (std::size_t i = model_requirements; i < set.requirements.size(); ++i) {
      set.requirements[i].origin.kind = Origin::Kind::kLocal;
    }
    ReadAwardOrderKeys(root, &set);
    const std::size_t model_clauses = set.clauses.size();
    ReadModelKeys(root, &set);
    for (std::size_t i = model_clauses; i < set.clauses.size(); ++i) {
      set.clauses[i].origin.kind = Origin::Kind::kLocal;
    }
    return set;
  }

 private:
  static void SetOrigin(Criterion* c, const Origin& origin) {
    c->origin = origin;
    for (Criterion& child : c->children) SetOrigin(&child, origin);
  }

  // Where a criterion id sits: its list and index, and its parent (nullptr
  // at top level).
  struct Place {
    std::vector<Criterion>* list = nullptr;
    std::size_t index = 0;
    Criterion* parent = nullptr;
    int depth = 1;
  };
  static bool Locate(std::vector<Criterion>* list, Criterion* parent, int depth,
                     std::string_view id, Place* out) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      Criterion& c = (*list)[i];
      if (c.id == id) {
        *out = Place{list, i, parent, depth};
        return true;
      }
      if (Locate(&c.children, &c, depth + 1, id, out)) return true;
    }
    return false;
  }

  static void CollectIds(const std::vector<Criterion>& list,
                         std::vector<std::string>* ids) {
    for (const Criterion& c : list) {
      ids->push_back(c.id);
      CollectIds(c.children, ids);
    }
  }
  static std::vector<std::string> AllIds(const CriteriaSet& set) {
    std::vector<std::string> ids;
    CollectIds(set.criteria, &ids);
    for (const Requirement& r : set.requirements) ids.push_back(r.id);
    for (const Clause& c : set.clauses) ids.push_back(c.id);
    return ids;
  }

  void UnknownId(const YAML::Node& n, const std::string& path,
                 const std::string& id, const CriteriaSet& set) {
    if (std::find(set.dropped.begin(), set.dropped.end(), id) !=
        set.dropped.end()) {
      r_.Error(n, path, id + " is already dropped by this set's drop list");
      return;
    }
    std::string message = "no criterion, requirement or clause \"" + id +
                          "\" in the model " + set.model_id + " " +
                          set.model_version;
    const std::string hint = io::Suggest(id, AllIds(set));
    if (!hint.empty()) message += "; did you mean \"" + hint + "\"?";
    r_.Error(n, path, message);
  }

  static void MarkChanged(Origin* origin, std::string field,
                          const SourceLocation& at) {
    if (origin->kind == Origin::Kind::kModel &&
        std::find(origin->changed.begin(), origin->changed.end(), field) ==
            origin->changed.end()) {
      origin->changed.push_back(std::move(field));
      std::sort(origin->changed.begin(), origin->changed.end());
    }
    origin->changed_at = at;
  }

  // drop: [take_back, ...]
  void Drop(const YAML::Node& root, CriteriaSet* set) {
    const YAML::Node list = root["drop"];
    if (!list.IsDefined() || list.IsNull()) return;
    if (!list.IsSequence()) {
      r_.Error(list, "drop",
               "expected a list of criterion, requirement or clause ids, "
               "got " +
                   io::Describe(list));
      return;
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
      const YAML::Node n = list[i];
      const std::string path = "drop[" + std::to_string(i) + "]";
      const std::string id = n.IsScalar() ? n.Scalar() : "";
      if (id.empty()) {
        r_.Error(n, path, "expected an id, got " + io::Describe(n));
        continue;
      }
      const SourceLocation at = r_.Where(n);
      Place place;
      if (Locate(&set->criteria, nullptr, 1, id, &place)) {
        if (place.list->size() == 1) {
          r_.Error(n, path,
                   "dropping " + id + " would leave " +
                       (place.parent ? "group " + place.parent->id
                                     : std::string("the set")) +
                       " with no criteria" +
                       (place.parent ? "; drop " + place.parent->id + " instead"
                                     : std::string()));
          continue;
        }
        place.list->erase(place.list->begin() +
                          static_cast<std::ptrdiff_t>(place.index));
        if (place.parent) {
          MarkChanged(&place.parent->origin, "criteria", at);
        } else {
          set->derived_at = at;
        }
        set->dropped.push_back(id);
        continue;
      }
      const auto req =
          std::find_if(set->requirements.begin(), set->requirements.end(),
                       [&id](const Requirement& r) { return r.id == id; });
      if (req != set->requirements.end()) {
        set->requirements.erase(req);
        set->dropped.push_back(id);
        continue;
      }
      const auto clause =
          std::find_if(set->clauses.begin(), set->clauses.end(),
                       [&id](const Clause& c) { return c.id == id; });
      if (clause != set->clauses.end()) {
        set->clauses.erase(clause);
        set->dropped.push_back(id);
        continue;
      }
      UnknownId(n, path, id, *set);
    }
  }

  // override: {price: {weight: 30}, warranty: {scoring: {...}}}
  void Override(const YAML::Node& root, CriteriaSet* set) {
    const YAML::Node map = root["override"];
    if (!map.IsDefined() || map.IsNull()) return;
    if (!map.IsMap()) {
      r_.Error(map, "override",
               "expected a map of ids to changes, such as {price: {weight: "
               "30}}, got " +
                   io::Describe(map));
      return;
    }
    for (const auto& kv : map) {
      const std::string id = kv.first.IsScalar() ? kv.first.Scalar() : "";
      const std::string path = "override." + id;
      const YAML::Node n = kv.second;
      if (!n.IsMap()) {
        r_.Error(n, path,
                 "expected a map of the fields to change, such as {weight: "
                 "30}, got " +
                     io::Describe(n));
        continue;
      }
      Place place;
      if (Locate(&set->criteria, nullptr, 1, id, &place)) {
        OverrideCriterion(n, path, &(*place.list)[place.index]);
        continue;
      }
      const auto req =
          std::find_if(set->requirements.begin(), set->requirements.end(),
                       [&id](const Requirement& r) { return r.id == id; });
      if (req != set->requirements.end()) {
        OverrideRequirement(n, path, &*req);
        continue;
      }
      const auto clause =
          std::find_if(set->clauses.begin(), set->clauses.end(),
                       [&id](const Clause& c) { return c.id == id; });
      if (clause != set->clauses.end()) {
        r_.CheckKeys(n, path,
                     {"name", "labels", "description", "evidence", "level",
                      "source", "strategies"});
        OverrideText(n, path, &clause->name, &clause->description, &clause->doc,
                     &clause->origin);
        continue;
      }
      UnknownId(kv.first, path, id, *set);
    }
  }

  // The keys every kind of item shares: name, description and the
  // documentation. Labels merge per language.
  void OverrideText(const YAML::Node& n, const std::string& path,
                    std::string* name, std::string* description,
                    Documentation* doc, Origin* origin) {
    const SourceLocation at = r_.Where(n);
    if (const auto v = r_.String(n, "name", path, false)) {
      *name = *v;
      MarkChanged(origin, "name", at);
    }
    if (const auto v = r_.String(n, "description", path, false)) {
      *description = *v;
      MarkChanged(origin, "description", at);
    }
    Documentation given;
    ReadDoc(n, path, &given);
    if (!given.labels.empty()) {
      for (auto& [lang, text] : given.labels) doc->labels[lang] = text;
      MarkChanged(origin, "labels", at);
    }
    if (n["evidence"].IsDefined()) {
      doc->evidence = given.evidence;
      MarkChanged(origin, "evidence", at);
    }
    if (given.level) {
      doc->level = given.level;
      MarkChanged(origin, "level", at);
    }
    if (n["source"].IsDefined()) {
      doc->source = given.source;
      MarkChanged(origin, "source", at);
    }
    if (n["anchor-source"].IsDefined()) {
      doc->anchor_source = given.anchor_source;
      MarkChanged(origin, "anchor-source", at);
    }
    if (n["strategies"].IsDefined()) {
      doc->strategies = given.strategies;
      MarkChanged(origin, "strategies", at);
    }
  }

  void OverrideCriterion(const YAML::Node& n, const std::string& path,
                         Criterion* c) {
    r_.CheckKeys(n, path,
                 {"name", "labels", "description", "unit", "weight", "order",
                  "min-score", "panel", "scoring", "evidence", "level",
                  "source", "anchor-source", "strategies"});
    const SourceLocation at = r_.Where(n);
    OverrideText(n, path, &c->name, &c->description, &c->doc, &c->origin);
    if (const auto v = r_.String(n, "unit", path, false)) {
      c->unit = *v;
      MarkChanged(&c->origin, "unit", at);
    }
    if (n["weight"].IsDefined() || n["order"].IsDefined()) {
      Criterion weighed;
      weighed.weight = kUnreadable;
      ReadWeight(n, path, &weighed);
      c->weight = weighed.weight;
      c->weight_range = weighed.weight_range;
      c->effective_range.reset();
      c->order = weighed.order;
      MarkChanged(&c->origin, mode_ == WeightMode::kOrder ? "order" : "weight",
                  at);
    }
    if (const YAML::Node t = n["min-score"]; t.IsDefined()) {
      c->threshold = t.IsNull() ? std::nullopt
                                : ReadThreshold(t, io::Join(path, "min-score"));
      MarkChanged(&c->origin, "min-score", at);
    }
    if (const YAML::Node p = n["panel"]; p.IsDefined()) {
      c->panel =
          p.IsNull() ? std::nullopt : ReadPanel(p, io::Join(path, "panel"));
      MarkChanged(&c->origin, "panel", at);
    }
    if (const YAML::Node sc = n["scoring"]; sc.IsDefined()) {
      if (c->is_group()) {
        r_.Error(sc, io::Join(path, "scoring"),
                 c->id +
                     " is a group; override the scoring of its criteria "
                     "instead");
      } else {
        c->scoring = ReadRule(sc, io::Join(path, "scoring"), c->type);
        MarkChanged(&c->origin, "scoring", at);
      }
    }
  }

  void OverrideRequirement(const YAML::Node& n, const std::string& path,
                           Requirement* req) {
    r_.CheckKeys(
        n, path,
        {"name", "labels", "description", "evidence", "level", "source",
         "anchor-source", "strategies", "kind", "conditions", "groups"});
    const SourceLocation at = r_.Where(n);
    OverrideText(n, path, &req->name, &req->description, &req->doc,
                 &req->origin);
    req->evidence = req->doc.evidence;
    if (n["kind"].IsDefined()) {
      ReadKind(
          n, path,
          {CriterionKind::kSelection, CriterionKind::kTechnicalSpecification},
          &req->kind);
      MarkChanged(&req->origin, "kind", at);
    }
    const YAML::Node conditions = n["conditions"];
    const YAML::Node groups = n["groups"];
    if (conditions.IsDefined() && groups.IsDefined()) {
      r_.Error(n, path,
               "give conditions (all must hold) or groups (any group of "
               "conditions), not both");
    } else if (conditions.IsDefined()) {
      req->groups = {ReadConditions(conditions, io::Join(path, "conditions"))};
      MarkChanged(&req->origin, "conditions", at);
    } else if (groups.IsDefined()) {
      if (!groups.IsSequence() || groups.size() == 0) {
        r_.Error(groups, io::Join(path, "groups"),
                 "expected a non-empty list of condition lists, got " +
                     io::Describe(groups));
      } else {
        req->groups.clear();
        for (std::size_t g = 0; g < groups.size(); ++g) {
          req->groups.push_back(ReadConditions(
              groups[g],
              io::Join(path, "groups") + "[" + std::to_string(g) + "]"));
        }
        MarkChanged(&req->origin, "conditions", at);
      }
    }
  }

  // add: [{under: circularity, id: local_repair, ...}, ...]
  void Add(const YAML::Node& root, CriteriaSet* set) {
    const YAML::Node list = root["add"];
    if (!list.IsDefined() || list.IsNull()) return;
    if (!list.IsSequence()) {
      r_.Error(list, "add",
               "expected a list of criteria (each may name the group it goes "
               "in with under), got " +
                   io::Describe(list));
      return;
    }
    const Origin local{Origin::Kind::kLocal, "", {}, {}};
    for (std::size_t i = 0; i < list.size(); ++i) {
      const YAML::Node n = list[i];
      const std::string path = "add[" + std::to_string(i) + "]";
      std::vector<Criterion>* target = &set->criteria;
      Criterion* parent = nullptr;
      int depth = 1;
      if (n.IsMap()) {
        if (const auto under = r_.String(n, "under", path, false)) {
          Place place;
          if (!Locate(&set->criteria, nullptr, 1, *under, &place)) {
            UnknownId(n["under"], io::Join(path, "under"), *under, *set);
            continue;
          }
          parent = &(*place.list)[place.index];
          if (!parent->is_group()) {
            r_.Error(n["under"], io::Join(path, "under"),
                     *under +
                         " is a leaf criterion; criteria can be added under "
                         "a group");
            continue;
          }
          target = &parent->children;
          depth = place.depth + 1;
          if (depth > options_.max_depth) {
            r_.Error(n["under"], io::Join(path, "under"),
                     "criteria are nested more than " +
                         std::to_string(options_.max_depth) + " levels deep");
            continue;
          }
        }
      }
      adding_ = true;
      Criterion c = ReadCriterion(
          n, path,
          parent ? std::optional<CriterionType>(parent->type) : std::nullopt,
          depth);
      adding_ = false;
      SetOrigin(&c, local);
      const SourceLocation at = r_.Where(n);
      if (parent) {
        MarkChanged(&parent->origin, "criteria", at);
      } else {
        set->derived_at = at;
      }
      target->push_back(std::move(c));
    }
  }
};

}  // namespace

namespace {

constexpr std::size_t kMaxModelDepth = 8;

Result<CriteriaSet> ParseChain(std::string_view text,
                               const std::string& file_name,
                               const LoadOptions& options,
                               std::vector<std::string> chain);

// Whether `file` (canonical) lies under the directory of `top` (the
// canonical top-level set of the chain: the tender's own tree) or under
// one of the library directories.
bool WithinModelRoots(const std::string& file, const std::string& top,
                      const std::vector<std::string>& library) {
  namespace fs = std::filesystem;
  const auto under = [&file](const fs::path& root) {
    std::error_code ec;
    const fs::path base = fs::canonical(root, ec);
    if (ec) return false;
    const fs::path rel = fs::path(file).lexically_relative(base);
    return !rel.empty() && *rel.begin() != "..";
  };
  if (under(fs::path(top).parent_path())) return true;
  return std::any_of(library.begin(), library.end(), under);
}

// A cheap look at a would-be model before it is read as one: a YAML map
// with a `circa` key. Anything else (a bid file, /etc/passwd) is refused
// without its parse errors, which would quote its content.
bool LooksLikeCriteriaSet(std::string_view text) {
  Diagnostics ignored;
  const std::optional<YAML::Node> root = io::ParseYaml(text, "", &ignored);
  return root && root->IsMap() && (*root)["circa"].IsDefined();
}

// The model a derived set names in `extends:` (a path relative to the
// derived file, or id@version from the library), loaded and validated.
// Its errors are reported in its own file, then once at `extends:`.
std::optional<CriteriaSet> LoadModel(const YAML::Node& ext,
                                     const std::string& file_name,
                                     const LoadOptions& options,
                                     const std::vector<std::string>& chain,
                                     const io::YamlReader& r,
                                     Diagnostics* diag) {
  namespace fs = std::filesystem;
  if (!ext.IsScalar() || ext.Scalar().empty()) {
    r.Error(ext, "extends",
            "expected the model set to derive from: a path such as "
            "../criteria/office-furniture.yaml or a library id such as "
            "office-furniture@1.0.0, got " +
                io::Describe(ext));
    return std::nullopt;
  }
  const std::string text = ext.Scalar();
  std::string path;
  std::string id;
  std::string version;
  const std::vector<std::string> dirs =
      options.library.empty() ? DefaultLibraryDirs() : options.library;
  if (ParseModelReference(text, &id, &version)) {
    Result<std::string> found = FindModelSet(dirs, id, version);
    if (!found.value) {
      r.Error(ext, "extends",
              found.diagnostics.empty() ? "model set not found"
                                        : found.diagnostics.front().message);
      return std::nullopt;
    }
    path = *found.value;
  } else {
    const fs::path given(text);
    if (given.is_absolute() && !options.allow_outside) {
      r.Error(ext, "extends",
              "the model set is named by an absolute path; name it by "
              "library id (id@version) or by a path relative to this file "
              "within the tender's directory (or run with --allow-outside)");
      return std::nullopt;
    }
    path = given.is_absolute() ? given.string()
                               : (fs::path(file_name).parent_path() / given)
                                     .lexically_normal()
                                     .string();
  }
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec.value() == ELOOP) {
    r.Error(ext, "extends",
            "cannot read the model set " + path + ": a symbolic link loop");
    return std::nullopt;
  }
  // Symlinks followed, so that a link leading out is caught as well.
  const std::string canonical = fs::weakly_canonical(path, ec).string();
  const std::string key = ec ? path : canonical;
  if (!options.allow_outside && !WithinModelRoots(key, chain.front(), dirs)) {
    std::string roots =
        fs::path(chain.front()).parent_path().string() + " (the tender)";
    for (const std::string& dir : dirs) roots += ", " + dir;
    r.Error(ext, "extends",
            "the model set " + path +
                " lies outside the tender's directory and the model "
                "libraries (" +
                roots +
                "); copy it into a library (--library DIR) or run with "
                "--allow-outside");
    return std::nullopt;
  }
  if (!fs::is_regular_file(status)) {
    r.Error(ext, "extends",
            "cannot read the model set " + path + ": " +
                (fs::exists(status) ? "not a regular file" : "no such file"));
    return std::nullopt;
  }
  if (std::find(chain.begin(), chain.end(), key) != chain.end()) {
    std::string cycle;
    for (const std::string& f : chain) cycle += f + " -> ";
    r.Error(ext, "extends",
            "models extend each other in a cycle: " + cycle + key);
    return std::nullopt;
  }
  if (chain.size() >= kMaxModelDepth) {
    r.Error(ext, "extends",
            "models extend each other more than " +
                std::to_string(kMaxModelDepth) + " levels deep");
    return std::nullopt;
  }
  Diagnostics read;
  const auto bytes = io::ReadFile(path, options.max_criteria_bytes, &read);
  if (!bytes) {
    for (const Diagnostic& d : read.items()) {
      r.Error(ext, "extends", "cannot read the model set: " + d.message);
    }
    return std::nullopt;
  }
  std::vector<std::string> longer = chain;
  longer.push_back(key);
  if (!LooksLikeCriteriaSet(*bytes)) {
    // Its errors would quote its lines: say only what it is not.
    r.Error(ext, "extends",
            "the model set " + path +
                " is not a criteria set (a YAML map with circa: 1, id, "
                "version and criteria)");
    return std::nullopt;
  }
  Result<CriteriaSet> model = ParseChain(*bytes, path, options, longer);
  if (!model.value) {
    for (const Diagnostic& d : model.diagnostics) {
      if (d.severity == Severity::kError) diag->Add(d);
    }
    r.Error(ext, "extends",
            "the model set " + path +
                " has errors (listed above); fix it or derive from another "
                "model");
    return std::nullopt;
  }
  return std::move(model.value);
}

Result<CriteriaSet> ParseChain(std::string_view text,
                               const std::string& file_name,
                               const LoadOptions& options,
                               std::vector<std::string> chain) {
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
  const auto root = io::ParseYaml(text, file_name, &diag, io::YamlSyntax::kYaml,
                                  options.max_errors);
  if (root) {
    CriteriaReader reader(file_name, &diag, options);
    std::optional<CriteriaSet> set;
    if (root->IsMap() && root->operator[]("extends").IsDefined()) {
      if (chain.empty()) {
        std::error_code ec;
        const std::string self =
            std::filesystem::weakly_canonical(file_name, ec).string();
        chain.push_back(ec ? file_name : self);
      }
      const io::YamlReader r(file_name, &diag);
      if (const auto model = LoadModel((*root)["extends"], file_name, options,
                                       chain, r, &diag)) {
        set = reader.ReadDerived(*root, *model);
      }
    } else {
      set = reader.Read(*root);
    }
    if (set && !io::ErrorsFull(diag, options.max_errors)) {
      validate::ValidateCriteria(&*set, &diag);
      set->source = file_name;
      set->sha256 = io::Sha256Hex(text);
      if (!diag.HasErrors()) result.value = std::move(set);
    }
  }
  io::CapErrors(&diag, file_name, options.max_errors);
  result.diagnostics = diag.Take();
  return result;
}

}  // namespace

Result<CriteriaSet> ParseCriteria(std::string_view text,
                                  const std::string& file_name,
                                  const LoadOptions& options) {
  return ParseChain(text, file_name, options, {});
}

Result<CriteriaSet> LoadCriteriaFile(const std::string& path,
                                     const LoadOptions& options) {
  Diagnostics diag;
  const auto text = io::ReadFile(path, options.max_criteria_bytes, &diag);
  if (!text) return {std::nullopt, diag.Take()};
  return ParseCriteria(*text, path, options);
}

}  // namespace circa
