// A criteria set and its tree of criteria with weights
// (docs/criteria-format.md).
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

std::optional<CriteriaSet> ReadCriteriaSet(const io::YamlNode& root,
                                           const std::string& file,
                                           Diagnostics* diag,
                                           const LoadOptions& options) {
  return CriteriaReader(file, diag, options).Read(root);
}

std::optional<CriteriaSet> CriteriaReader::Read(const io::YamlNode& root) {
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
                "award",         "bids",      "language",       "decision",
                "descriptions"});
  CriteriaSet set;
  award_ = io::MapValue(root, "award").IsDefined() &&
           !io::MapValue(root, "award").IsNull();
  ReadFormat(root);
  set.id = ReadId(root, "");
  set.version = r_.String(root, "version", "", true).value_or("");
  set.title = r_.String(root, "title", "", true).value_or("");
  set.description = r_.String(root, "description", "", false).value_or("");
  set.publisher = r_.String(root, "publisher", "", false).value_or("");
  ReadCurrency(root, &set);
  ReadLanguage(root, &set);
  ReadDecision(root, &set);
  if (const auto scale = r_.Number(root, "scale", "", false)) {
    if (!(*scale > 0)) {
      r_.Error(io::MapValue(root, "scale"), "scale",
               "expected a number > 0, got \"" +
                   io::MapValue(root, "scale").Scalar() + "\"");
    } else {
      set.scale = *scale;
      set.scale_at = r_.Where(io::MapValue(root, "scale"));
    }
  }
  if (const auto mode = r_.String(root, "weights", "", false)) {
    if (const auto m = WeightModeFromString(*mode)) {
      set.weights = *m;
    } else {
      r_.Error(io::MapValue(root, "weights"), "weights",
               "expected points, percent or order, got \"" + *mode + "\"");
    }
  }
  mode_ = set.weights;
  const io::YamlNode list = io::MapValue(root, "criteria");
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

void CriteriaReader::ReadCurrency(const io::YamlNode& root, CriteriaSet* set) {
  const auto currency = r_.String(root, "currency", "", false);
  if (!currency) return;
  const bool iso = currency->size() == 3 &&
                   std::all_of(currency->begin(), currency->end(),
                               [](char c) { return c >= 'A' && c <= 'Z'; });
  if (!iso) {
    r_.Error(
        io::MapValue(root, "currency"), "currency",
        "expected an ISO 4217 code such as EUR, got \"" + *currency + "\"");
  }
  set->currency = *currency;
}

void CriteriaReader::ReadLanguage(const io::YamlNode& root, CriteriaSet* set) {
  const auto language = r_.String(root, "language", "", false);
  if (!language) return;
  if (*language != "en" && *language != "nl" && *language != "fr") {
    r_.Error(io::MapValue(root, "language"), "language",
             "expected en, nl or fr, got \"" + *language + "\"");
    return;
  }
  set->language = *language;
}

void CriteriaReader::ReadDecision(const io::YamlNode& root, CriteriaSet* set) {
  const io::YamlNode n = io::MapValue(root, "decision");
  if (!n.IsDefined() || n.IsNull()) return;
  if (!n.IsMap()) {
    r_.Error(n, "decision",
             "expected a map with buyer, object, reference, procedure, "
             "standstill, remedies, place, date and signatory, got " +
                 io::Describe(n));
    return;
  }
  r_.CheckKeys(n, "decision",
               {"buyer", "object", "reference", "procedure", "standstill",
                "remedies", "place", "date", "signatory"});
  DecisionFields& d = set->decision;
  for (auto [key, field] :
       {std::pair{"buyer", &d.buyer}, std::pair{"object", &d.object},
        std::pair{"reference", &d.reference},
        std::pair{"procedure", &d.procedure},
        std::pair{"standstill", &d.standstill},
        std::pair{"remedies", &d.remedies}, std::pair{"place", &d.place},
        std::pair{"date", &d.date}, std::pair{"signatory", &d.signatory}}) {
    *field = r_.String(n, key, "decision", false).value_or(*field);
  }
}

void CriteriaReader::ReadFormat(const io::YamlNode& root) {
  if (const auto format = r_.Number(root, "circa", "", true)) {
    if (*format != 1) {
      r_.Error(io::MapValue(root, "circa"), "circa",
               "unsupported format version " + FormatNumber(*format, -1) +
                   "; this circa reads format 1");
    }
  }
}

std::string CriteriaReader::ReadId(const io::YamlNode& n,
                                   const std::string& path,
                                   std::string_view key, bool required) {
  const auto id = r_.String(n, key, path, required);
  if (!id) return "";
  if (!ValidId(*id)) {
    r_.Error(io::MapValue(n, key), io::Join(path, key),
             "expected an id of letters, digits, '_', '-' or '.', "
             "starting with a letter or digit, got \"" +
                 *id + "\"");
  }
  return *id;
}

void CriteriaReader::ReadKind(const io::YamlNode& n, const std::string& path,
                              std::initializer_list<CriterionKind> allowed,
                              CriterionKind* out) {
  const auto text = r_.String(n, "kind", path, false);
  if (!text) return;
  const auto kind = CriterionKindFromString(*text);
  const bool ok =
      kind && std::find(allowed.begin(), allowed.end(), *kind) != allowed.end();
  if (!ok) {
    std::string names;
    for (const CriterionKind k : allowed) {
      if (!names.empty()) names += " or ";
      names += ToString(k);
    }
    r_.Error(io::MapValue(n, "kind"), io::Join(path, "kind"),
             "expected " + names + " here, got \"" + *text +
                 "\" (award criteria go in criteria, selection criteria "
                 "and technical specifications in requirements, contract "
                 "clauses in clauses)");
    return;
  }
  if (out) *out = *kind;
}

std::vector<Criterion> CriteriaReader::ReadList(
    const io::YamlNode& list, const std::string& path,
    std::optional<CriterionType> inherited, int depth) {
  std::vector<Criterion> out;
  for (std::size_t i = 0; i < list.size(); ++i) {
    // A file with thousands of broken criteria: stop at the error cap.
    if (io::ErrorsFull(*r_.diag(), options_.max_errors)) {
      r_.diag()->Error({r_.file(), 0, 0}, "",
                       io::TooManyErrors(options_.max_errors));
      break;
    }
    if (criteria_read_ >= options_.max_criteria) {
      // Reported once, at the first criterion past the limit.
      if (criteria_read_++ == options_.max_criteria) {
        r_.Error(list[i], path + "[" + std::to_string(i) + "]",
                 "more than " + std::to_string(options_.max_criteria) +
                     " criteria; a set holds at most " +
                     std::to_string(options_.max_criteria) +
                     " (docs/criteria-format.md, \"Limits\")");
      }
      break;
    }
    ++criteria_read_;
    out.push_back(ReadCriterion(list[i], path + "[" + std::to_string(i) + "]",
                                inherited, depth));
  }
  return out;
}

Criterion CriteriaReader::ReadCriterion(const io::YamlNode& node,
                                        const std::string& path,
                                        std::optional<CriterionType> inherited,
                                        int depth) {
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
       "source",   "anchor-source", "strategies",  "from",     "under",
       "draft",    "descriptions"});
  if (const io::YamlNode u = io::MapValue(node, "under");
      u.IsDefined() && !adding_) {
    r_.Error(u, io::Join(path, "under"),
             "under is only read in a derived set's add list");
  }
  adding_ = false;  // an added criterion's children take no `under`
  c.id = ReadId(node, path);
  if (ValidId(c.id) && IsReservedId(c.id)) {
    r_.Error(io::MapValue(node, "id"), io::Join(path, "id"),
             "\"" + c.id +
                 "\" is reserved for a bid-file column; choose another id");
  }
  ReadKind(node, path, {CriterionKind::kAward});
  ReadDoc(node, path, &c.doc);
  c.name =
      r_.String(node, "name", path, false).value_or(DefaultName(c.doc, c.id));
  c.description = r_.String(node, "description", path, false).value_or("");
  c.unit = r_.String(node, "unit", path, false).value_or("");
  c.draft = r_.Bool(node, "draft", path).value_or(false);

  std::optional<CriterionType> type = inherited;
  if (const auto t = r_.String(node, "type", path, false)) {
    const auto parsed = CriterionTypeFromString(*t);
    if (!parsed) {
      r_.Error(io::MapValue(node, "type"), io::Join(path, "type"),
               "expected price, cost or quality, got \"" + *t + "\"");
    } else if (inherited && *parsed != *inherited) {
      r_.Error(io::MapValue(node, "type"), io::Join(path, "type"),
               "type " + *t + " differs from its group's type " +
                   std::string(ToString(*inherited)));
    } else {
      type = parsed;
    }
  }
  ReadWeight(node, path, &c);
  if (const io::YamlNode n = io::MapValue(node, "min-score");
      n.IsDefined() && !n.IsNull()) {
    c.threshold = ReadThreshold(n, io::Join(path, "min-score"));
  }
  if (const io::YamlNode n = io::MapValue(node, "panel");
      n.IsDefined() && !n.IsNull()) {
    c.panel = ReadPanel(n, io::Join(path, "panel"));
  }

  const io::YamlNode scoring = io::MapValue(node, "scoring");
  const io::YamlNode children = io::MapValue(node, "criteria");
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

void CriteriaReader::ReadWeight(const io::YamlNode& node,
                                const std::string& path, Criterion* c) {
  const io::YamlNode w = io::MapValue(node, "weight");
  const io::YamlNode o = io::MapValue(node, "order");
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
                   FormatNumber(*lo, -1) + ", " + FormatNumber(*hi, -1) + "]");
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

}  // namespace circa::io
