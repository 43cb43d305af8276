// Diff: what changed between two criteria sets, criterion by criterion,
// in a fixed order (include/circa/catalog.h).
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "catalog/text_util.h"
#include "circa/catalog.h"
#include "circa/money.h"

namespace circa {
namespace {

using catalog::Num;
using catalog::Points;
using Kind = DiffEntry::Kind;

struct Placed {
  const Criterion* criterion = nullptr;
  std::string parent;  // "" at the top level
};

void Index(const std::vector<Criterion>& list, const std::string& parent,
           std::vector<std::string>* order,
           std::map<std::string, Placed>* out) {
  for (const Criterion& c : list) {
    order->push_back(c.id);
    (*out)[c.id] = Placed{&c, parent};
    Index(c.children, c.id, order, out);
  }
}

std::string Parent(const std::string& id) {
  return id.empty() ? "the top level" : id;
}

bool SameNumber(double a, double b) {
  return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(a));
}

std::string Quoted(const std::string& s) { return "\"" + s + "\""; }

std::string DocFields(const Documentation& a, const Documentation& b) {
  std::vector<std::string> changed;
  std::set<std::string> langs;
  for (const auto& [lang, text] : a.labels) langs.insert(lang);
  for (const auto& [lang, text] : b.labels) langs.insert(lang);
  for (const std::string& lang : langs) {
    const auto x = a.labels.find(lang);
    const auto y = b.labels.find(lang);
    const std::string tx = x == a.labels.end() ? "" : x->second;
    const std::string ty = y == b.labels.end() ? "" : y->second;
    if (tx != ty) changed.push_back("labels." + lang);
  }
  if (a.evidence != b.evidence) changed.push_back("evidence");
  if (a.level != b.level) changed.push_back("level");
  if (a.source != b.source) changed.push_back("source");
  if (a.anchor_source != b.anchor_source) changed.push_back("anchor-source");
  if (a.strategies != b.strategies) changed.push_back("strategies");
  std::string out;
  for (const std::string& f : changed) {
    if (!out.empty()) out += ", ";
    out += f;
  }
  return out;
}

std::string RuleChange(const ScoringRule& a, const ScoringRule& b) {
  if (a.rule != b.rule) {
    return "rule " + catalog::RuleText(a) + " -> " + catalog::RuleText(b);
  }
  const auto pa = catalog::RuleParameters(a);
  const auto pb = catalog::RuleParameters(b);
  std::string out;
  for (std::size_t i = 0; i < pa.size() && i < pb.size(); ++i) {
    if (pa[i].second == pb[i].second) continue;
    if (!out.empty()) out += ", ";
    out += pa[i].first + " " + pa[i].second + " -> " + pb[i].second;
  }
  return "rule " + std::string(ToString(a.rule)) + ": " + out;
}

std::string WhatItIs(const Criterion& c) {
  std::string out =
      Points(c.effective_weight) + " points, " + std::string(ToString(c.type));
  if (c.is_group()) return out + " group";
  if (c.scoring) out += ", " + std::string(ToString(c.scoring->rule));
  return out;
}

std::string AwardText(const std::optional<MoneyAward>& a) {
  if (!a) return "none";
  return std::string(ToString(a->method)) + " on " + a->price;
}

class Differ {
 public:
  Differ(const CriteriaSet& a, const CriteriaSet& b) : a_(a), b_(b) {}

  CriteriaDiff Run() {
    CriteriaDiff diff;
    diff.a = Label(a_);
    diff.b = Label(b_);
    SetLevel();
    Criteria();
    Requirements();
    Clauses();
    Sources();
    diff.entries = std::move(entries_);
    return diff;
  }

 private:
  static std::string Label(const CriteriaSet& s) {
    std::string out = s.id + " " + s.version;
    return s.source.empty() ? out : s.source + " (" + out + ")";
  }

  void Add(Kind kind, const std::string& section, const std::string& id,
           const std::string& field, const std::string& before,
           const std::string& after, const std::string& message) {
    entries_.push_back({kind, section, id, field, before, after, message});
  }

  void SetField(const std::string& field, const std::string& before,
                const std::string& after, bool show = true) {
    if (before == after) return;
    Add(Kind::kChanged, "set", "", field, before, after,
        show ? field + " " + (before.empty() ? "(none)" : before) + " -> " +
                   (after.empty() ? "(none)" : after)
             : field + " changed");
  }

  void SetLevel() {
    SetField("id", a_.id, b_.id);
    SetField("version", a_.version, b_.version);
    SetField("title", a_.title, b_.title);
    SetField("description", a_.description, b_.description, false);
    SetField("publisher", a_.publisher, b_.publisher);
    SetField("product-group", a_.product_group, b_.product_group);
    SetField("labels", catalog::LabelsText(a_.labels),
             catalog::LabelsText(b_.labels));
    SetField("model", Model(a_), Model(b_));
    SetField("currency", a_.currency, b_.currency);
    SetField("scale", Num(a_.scale), Num(b_.scale));
    SetField("weights", std::string(ToString(a_.weights)),
             std::string(ToString(b_.weights)));
    SetField("max-pass", a_.max_pass ? std::to_string(*a_.max_pass) : "none",
             b_.max_pass ? std::to_string(*b_.max_pass) : "none");
    SetField("rounding", catalog::RoundingText(a_.rounding),
             catalog::RoundingText(b_.rounding));
    SetField("tie-break", catalog::TieBreakText(a_.tie_break),
             catalog::TieBreakText(b_.tie_break));
    SetField("abnormally-low", catalog::AbnormallyLowText(a_.abnormally_low),
             catalog::AbnormallyLowText(b_.abnormally_low));
    SetField("panel", a_.panel ? catalog::PanelText(*a_.panel) : "none",
             b_.panel ? catalog::PanelText(*b_.panel) : "none");
    SetField("award", AwardText(a_.award), AwardText(b_.award));
  }

  static std::string Model(const CriteriaSet& s) {
    return s.model_id.empty() ? "" : s.model_id + " " + s.model_version;
  }

  void Criteria() {
    std::vector<std::string> order_a;
    std::vector<std::string> order_b;
    std::map<std::string, Placed> in_a;
    std::map<std::string, Placed> in_b;
    Index(a_.criteria, "", &order_a, &in_a);
    Index(b_.criteria, "", &order_b, &in_b);
    for (const std::string& id : order_b) {
      const Placed& pb = in_b[id];
      const auto it = in_a.find(id);
      if (it == in_a.end()) {
        Add(Kind::kAdded, "criterion", id, "", "", WhatItIs(*pb.criterion),
            "added under " + Parent(pb.parent) + ": " +
                WhatItIs(*pb.criterion));
        continue;
      }
      Compare(it->second, pb);
    }
    for (const std::string& id : order_a) {
      if (in_b.count(id)) continue;
      const Placed& pa = in_a[id];
      Add(Kind::kRemoved, "criterion", id, "", WhatItIs(*pa.criterion), "",
          "removed (was under " + Parent(pa.parent) + ": " +
              WhatItIs(*pa.criterion) + ")");
    }
  }

  void Compare(const Placed& pa, const Placed& pb) {
    const Criterion& a = *pa.criterion;
    const Criterion& b = *pb.criterion;
    const std::string& id = b.id;
    if (a.type != b.type) {
      const std::string x(ToString(a.type));
      const std::string y(ToString(b.type));
      Add(Kind::kRetyped, "criterion", id, "type", x, y,
          "type " + x + " -> " + y);
    }
    if (pa.parent != pb.parent) {
      Add(Kind::kMoved, "criterion", id, "parent", pa.parent, pb.parent,
          "moved from " + Parent(pa.parent) + " to " + Parent(pb.parent));
    }
    if (a.name != b.name) {
      Add(Kind::kRenamed, "criterion", id, "name", a.name, b.name,
          "renamed " + Quoted(a.name) + " -> " + Quoted(b.name));
    }
    if (!SameNumber(a.effective_weight, b.effective_weight)) {
      const std::string x = Points(a.effective_weight);
      const std::string y = Points(b.effective_weight);
      Add(Kind::kReweighted, "criterion", id, "weight", x, y,
          "weight " + x + " -> " + y + " points");
    }
    const auto range = [](const Criterion& c) {
      return c.weight_range ? "[" + Num(c.weight_range->lo) + ", " +
                                  Num(c.weight_range->hi) + "]"
                            : std::string("none");
    };
    Field(id, "weight range", range(a), range(b));
    if (a.is_group() != b.is_group()) {
      const auto what = [](const Criterion& c) {
        return std::string(c.is_group() ? "group" : "leaf");
      };
      Add(Kind::kChanged, "criterion", id, "structure", what(a), what(b),
          "was a " + what(a) + ", is a " + what(b));
    } else if (a.scoring && b.scoring) {
      const std::string x = catalog::RuleText(*a.scoring);
      const std::string y = catalog::RuleText(*b.scoring);
      if (x != y) {
        Add(Kind::kReruled, "criterion", id, "rule", x, y,
            RuleChange(*a.scoring, *b.scoring));
      }
    }
    Field(id, "unit", a.unit, b.unit);
    const auto threshold = [](const Criterion& c) {
      return c.threshold ? catalog::ThresholdText(*c.threshold)
                         : std::string("none");
    };
    Field(id, "min-score", threshold(a), threshold(b));
    const auto panel = [](const Criterion& c) {
      return c.panel ? catalog::PanelText(*c.panel) : std::string("none");
    };
    Field(id, "panel", panel(a), panel(b));
    Field(id, "from", a.from_lcc ? "lcc" : "bids", b.from_lcc ? "lcc" : "bids");
    Field(id, "description", a.description, b.description, false);
    Doc(id, "criterion", a.doc, b.doc);
  }

  // A changed field, with its values in the message unless they are long.
  void Field(const std::string& id, const std::string& field,
             const std::string& before, const std::string& after,
             bool show = true, const std::string& section = "criterion") {
    if (before == after) return;
    Add(Kind::kChanged, section, id, field, before, after,
        show ? field + " " + (before.empty() ? "(none)" : before) + " -> " +
                   (after.empty() ? "(none)" : after)
             : field + " changed");
  }

  void Doc(const std::string& id, const std::string& section,
           const circa::Documentation& a, const circa::Documentation& b) {
    const std::string fields = DocFields(a, b);
    if (fields.empty()) return;
    Add(Kind::kChanged, section, id, "documentation", "", "",
        "documentation changed: " + fields);
  }

  void Requirements() {
    std::map<std::string, const Requirement*> in_a;
    std::map<std::string, const Requirement*> in_b;
    for (const Requirement& r : a_.requirements) in_a[r.id] = &r;
    for (const Requirement& r : b_.requirements) in_b[r.id] = &r;
    for (const Requirement& b : b_.requirements) {
      const auto it = in_a.find(b.id);
      if (it == in_a.end()) {
        Add(Kind::kAdded, "requirement", b.id, "", "",
            catalog::RequirementText(b),
            "added (" + std::string(ToString(b.kind)) +
                "): " + catalog::RequirementText(b));
        continue;
      }
      const Requirement& a = *it->second;
      const std::string s = "requirement";
      Field(b.id, "name", a.name, b.name, true, s);
      Field(b.id, "kind", std::string(ToString(a.kind)),
            std::string(ToString(b.kind)), true, s);
      Field(b.id, "conditions", catalog::RequirementText(a),
            catalog::RequirementText(b), true, s);
      Field(b.id, "description", a.description, b.description, false, s);
      Doc(b.id, s, a.doc, b.doc);
    }
    for (const Requirement& a : a_.requirements) {
      if (in_b.count(a.id)) continue;
      Add(Kind::kRemoved, "requirement", a.id, "", catalog::RequirementText(a),
          "", "removed (was: " + catalog::RequirementText(a) + ")");
    }
  }

  void Clauses() {
    std::map<std::string, const Clause*> in_a;
    std::map<std::string, const Clause*> in_b;
    for (const Clause& c : a_.clauses) in_a[c.id] = &c;
    for (const Clause& c : b_.clauses) in_b[c.id] = &c;
    for (const Clause& b : b_.clauses) {
      const auto it = in_a.find(b.id);
      if (it == in_a.end()) {
        Add(Kind::kAdded, "clause", b.id, "", "", b.name,
            "added: " + Quoted(b.name));
        continue;
      }
      const Clause& a = *it->second;
      Field(b.id, "name", a.name, b.name, true, "clause");
      Field(b.id, "description", a.description, b.description, false, "clause");
      Doc(b.id, "clause", a.doc, b.doc);
    }
    for (const Clause& a : a_.clauses) {
      if (in_b.count(a.id)) continue;
      Add(Kind::kRemoved, "clause", a.id, "", a.name, "",
          "removed (was " + Quoted(a.name) + ")");
    }
  }

  void Sources() {
    std::map<std::string, const SourceDocument*> in_a;
    std::map<std::string, const SourceDocument*> in_b;
    for (const SourceDocument& d : a_.sources) in_a[d.id] = &d;
    for (const SourceDocument& d : b_.sources) in_b[d.id] = &d;
    for (const SourceDocument& b : b_.sources) {
      const auto it = in_a.find(b.id);
      if (it == in_a.end()) {
        Add(Kind::kAdded, "source", b.id, "", "", b.title,
            "added: " + Quoted(b.title));
        continue;
      }
      const SourceDocument& a = *it->second;
      Field(b.id, "title", a.title, b.title, true, "source");
      Field(b.id, "publisher", a.publisher, b.publisher, true, "source");
      Field(b.id, "year", a.year, b.year, true, "source");
      Field(b.id, "url", a.url, b.url, true, "source");
    }
    for (const SourceDocument& a : a_.sources) {
      if (in_b.count(a.id)) continue;
      Add(Kind::kRemoved, "source", a.id, "", a.title, "",
          "removed (was " + Quoted(a.title) + ")");
    }
  }

  const CriteriaSet& a_;
  const CriteriaSet& b_;
  std::vector<DiffEntry> entries_;
};

constexpr Kind kKinds[] = {Kind::kAdded,   Kind::kRemoved, Kind::kReweighted,
                           Kind::kReruled, Kind::kRenamed, Kind::kMoved,
                           Kind::kRetyped, Kind::kChanged};

}  // namespace

std::string_view ToString(DiffEntry::Kind kind) {
  switch (kind) {
    case Kind::kAdded:
      return "added";
    case Kind::kRemoved:
      return "removed";
    case Kind::kReweighted:
      return "re-weighted";
    case Kind::kReruled:
      return "re-ruled";
    case Kind::kRenamed:
      return "renamed";
    case Kind::kMoved:
      return "moved";
    case Kind::kRetyped:
      return "re-typed";
    case Kind::kChanged:
      return "changed";
  }
  return "changed";
}

CriteriaDiff Diff(const CriteriaSet& a, const CriteriaSet& b) {
  return Differ(a, b).Run();
}

std::string RenderDiffText(const CriteriaDiff& diff) {
  std::string out = "--- " + diff.a + "\n+++ " + diff.b + "\n";
  if (diff.empty()) return out + "no differences\n";
  for (const DiffEntry& e : diff.entries) {
    const char sign = e.kind == Kind::kAdded     ? '+'
                      : e.kind == Kind::kRemoved ? '-'
                                                 : '~';
    out += sign;
    out += " " + e.section;
    if (!e.id.empty()) out += " " + e.id;
    out += ": " + e.message + "\n";
  }
  std::string counts;
  for (const Kind k : kKinds) {
    int n = 0;
    for (const DiffEntry& e : diff.entries) n += e.kind == k ? 1 : 0;
    if (n == 0) continue;
    if (!counts.empty()) counts += ", ";
    counts += std::to_string(n) + " " + std::string(ToString(k));
  }
  const std::size_t n = diff.entries.size();
  return out + std::to_string(n) +
         (n == 1 ? " difference: " : " differences: ") + counts + "\n";
}

std::string RenderDiffJson(const CriteriaDiff& diff) {
  using nlohmann::ordered_json;
  ordered_json j;
  j["schema"] = "circa.diff/1";
  j["a"] = diff.a;
  j["b"] = diff.b;
  ordered_json counts = ordered_json::object();
  for (const Kind k : kKinds) {
    int n = 0;
    for (const DiffEntry& e : diff.entries) n += e.kind == k ? 1 : 0;
    counts[std::string(ToString(k))] = n;
  }
  j["counts"] = counts;
  ordered_json changes = ordered_json::array();
  for (const DiffEntry& e : diff.entries) {
    changes.push_back({{"kind", ToString(e.kind)},
                       {"section", e.section},
                       {"id", e.id},
                       {"field", e.field},
                       {"before", e.before},
                       {"after", e.after},
                       {"message", e.message}});
  }
  j["changes"] = changes;
  return j.dump(2) + "\n";
}

}  // namespace circa
