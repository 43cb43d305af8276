// WriteCriteriaYaml: a CriteriaSet back in the criteria-set format, every
// key the reader accepts, so that reading the text gives an equal set.
#include <map>
#include <optional>
#include <string>

#include "catalog/text_util.h"
#include "circa/catalog.h"
#include "circa/money.h"
#include "circa/panel.h"

namespace circa {
namespace {

using catalog::Num;
using catalog::YamlScalar;

class Writer {
 public:
  Writer(const CriteriaSet& set, const WriteOptions& options)
      : set_(set), origins_(options.origins && !set.model_id.empty()) {}

  std::string Write() {
    Header();
    Line(0, "circa: 1");
    Line(0, "id: " + YamlScalar(set_.id));
    Line(0, "version: " + YamlScalar(set_.version));
    Line(0, "title: " + YamlScalar(set_.title));
    Labels(0, set_.labels);
    Text(0, "description", set_.description);
    Labels(0, set_.descriptions, "descriptions");
    Text(0, "publisher", set_.publisher);
    Text(0, "product-group", set_.product_group);
    Line(0, "currency: " + YamlScalar(set_.currency));
    Line(0, "scale: " + Num(set_.scale));
    Line(0, "weights: " + std::string(ToString(set_.weights)));
    Sources();
    if (set_.criteria.empty()) {
      Line(0, "criteria: []");
    } else {
      Line(0, "criteria:");
      for (const Criterion& c : set_.criteria) {
        EmitCriterion(c, 2, std::nullopt);
      }
    }
    Requirements();
    Clauses();
    if (set_.max_pass) Line(0, "max-pass: " + std::to_string(*set_.max_pass));
    if (set_.rounding.decimals >= 0) {
      std::string r =
          "rounding: {decimals: " + std::to_string(set_.rounding.decimals);
      if (!(set_.rounding.points && set_.rounding.totals)) {
        r += std::string(", apply: [") +
             (set_.rounding.points ? "points" : "totals") + "]";
      }
      Line(0, r + "}");
    }
    TieBreak();
    AbnormallyLow();
    if (set_.panel) Line(0, "panel: " + Panel(*set_.panel));
    if (set_.award) Award(*set_.award);
    return out_;
  }

 private:
  void Header() {
    if (!origins_) return;
    Line(0, "# Effective criteria set " + set_.id + " " + set_.version +
                ", derived from model " + set_.model_id + " " +
                set_.model_version);
    if (!set_.extends.empty()) {
      Line(0, "# (extends: " + set_.extends +
                  "). Each criterion, requirement and clause says where it");
    } else {
      Line(0, "# Each criterion, requirement and clause says where it");
    }
    Line(0, "# comes from: the model, changed fields, or local.");
    if (!set_.dropped.empty()) {
      std::string ids;
      for (const std::string& id : set_.dropped) {
        ids += (ids.empty() ? "" : ", ") + id;
      }
      Line(0, "# Dropped from the model: " + ids + ".");
    }
  }

  void Line(int indent, const std::string& text) {
    out_.append(static_cast<std::size_t>(indent), ' ');
    out_ += text;
    out_ += '\n';
  }

  void Text(int indent, const std::string& key, const std::string& value) {
    if (!value.empty()) Line(indent, key + ": " + YamlScalar(value));
  }

  std::string OriginComment(const Origin& origin) const {
    if (!origins_) return "";
    switch (origin.kind) {
      case Origin::Kind::kOwn:
        return "";
      case Origin::Kind::kLocal:
        return "  # local";
      case Origin::Kind::kModel: {
        std::string out = "  # from model " + origin.model;
        if (!origin.changed.empty()) {
          out += ", changed: ";
          for (std::size_t i = 0; i < origin.changed.size(); ++i) {
            if (i) out += ", ";
            out += origin.changed[i];
          }
        }
        return out;
      }
    }
    return "";
  }

  // labels (or descriptions): one line when short, else one language per
  // line.
  void Labels(int indent, const std::map<std::string, std::string>& labels,
              const std::string& key = "labels") {
    if (labels.empty()) return;
    const std::string flow = key + ": " + catalog::LabelsText(labels);
    if (static_cast<std::size_t>(indent) + flow.size() <= 80) {
      Line(indent, flow);
      return;
    }
    Line(indent, key + ":");
    for (const auto& [lang, text] : labels) {
      Line(indent + 2, lang + ": " + YamlScalar(text));
    }
  }

  // evidence, level, source, anchor-source, strategies.
  void Doc(int indent, const Documentation& doc, bool evidence) {
    if (evidence) Text(indent, "evidence", doc.evidence);
    if (doc.level) {
      Line(indent, "level: " + std::string(ToString(*doc.level)));
    }
    Text(indent, "source", doc.source);
    Text(indent, "anchor-source", doc.anchor_source);
    if (!doc.strategies.empty()) {
      Line(indent,
           "strategies: [" + catalog::StrategiesText(doc.strategies) + "]");
    }
  }

  // The name is written when reading would not give it back by default
  // (the English label, else the id).
  void Name(int indent, const std::string& name, const std::string& id,
            const Documentation& doc) {
    const auto en = doc.labels.find("en");
    const std::string fallback = en != doc.labels.end() ? en->second : id;
    if (name != fallback) Line(indent, "name: " + YamlScalar(name));
  }

  static std::string Panel(const PanelPolicy& p) {
    std::string out =
        "{aggregate: " + std::string(PanelAggregateName(p.aggregate)) +
        ", rationale: " + (p.rationale_required ? "required" : "optional") +
        ", complete: " + (p.complete ? "true" : "false");
    if (p.disagreement_limit) {
      out += ", disagreement: " + Num(*p.disagreement_limit);
    }
    return out + "}";
  }

  // The type every leaf below `c` has, if they share one.
  static std::optional<CriterionType> UniformType(const Criterion& c) {
    if (!c.is_group()) return c.type;
    std::optional<CriterionType> type;
    for (const Criterion& child : c.children) {
      const auto t = UniformType(child);
      if (!t || (type && *type != *t)) return std::nullopt;
      type = t;
    }
    return type;
  }

  void EmitCriterion(const Criterion& c, int indent,
                     std::optional<CriterionType> inherited) {
    const int in = indent + 2;
    Line(indent, "- id: " + YamlScalar(c.id) + OriginComment(c.origin));
    Name(in, c.name, c.id, c.doc);
    Labels(in, c.doc.labels);
    // A group states its type when every leaf below shares it (and the
    // reader gave the group that type); otherwise each leaf states its own.
    std::optional<CriterionType> pass = inherited;
    if (!inherited) {
      if (!c.is_group()) {
        Line(in, "type: " + std::string(ToString(c.type)));
      } else if (const auto u = UniformType(c); u && *u == c.type) {
        Line(in, "type: " + std::string(ToString(c.type)));
        pass = c.type;
      }
    }
    Text(in, "unit", c.unit);
    Text(in, "description", c.description);
    Labels(in, c.doc.descriptions, "descriptions");
    if (set_.weights == WeightMode::kOrder) {
      Line(in, "order: " + std::to_string(c.order));
    } else if (c.weight_range) {
      Line(in, "weight: [" + Num(c.weight_range->lo) + ", " +
                   Num(c.weight_range->hi) + "]");
    } else {
      Line(in, "weight: " + Num(c.weight));
    }
    if (c.threshold) {
      Line(in, "min-score: " + (c.threshold->percent
                                    ? "\"" + Num(c.threshold->value) + "%\""
                                    : Num(c.threshold->value)));
    }
    if (c.panel) Line(in, "panel: " + Panel(*c.panel));
    Doc(in, c.doc, true);
    if (c.from_lcc) Line(in, "from: lcc");
    if (c.draft) Line(in, "draft: true");
    if (c.is_group()) {
      Line(in, "criteria:");
      for (const Criterion& child : c.children) {
        EmitCriterion(child, in + 2, pass);
      }
    } else if (c.scoring) {
      Scoring(in, *c.scoring, c.type);
    }
  }

  void Scoring(int indent, const ScoringRule& rule, CriterionType type) {
    if (rule.rule == Rule::kScale) {
      // One level per line: descriptors are sentences in model sets.
      Line(indent, "scoring:");
      Line(indent + 2, "rule: scale");
      Line(indent + 2, "levels:");
      std::map<std::string, std::vector<const ScaleLevel*>> by_language;
      for (const ScaleLevel& l : rule.levels) {
        Line(indent + 4, Num(l.value) + ": " + YamlScalar(l.descriptor));
        for (const auto& [lang, text] : l.labels) {
          by_language[lang].push_back(&l);
        }
      }
      if (by_language.empty()) return;
      Line(indent + 2, "level-labels:");
      for (const auto& [lang, list] : by_language) {
        Line(indent + 4, lang + ":");
        for (const ScaleLevel* l : list) {
          Line(indent + 6,
               Num(l->value) + ": " + YamlScalar(l->labels.at(lang)));
        }
      }
      return;
    }
    const Direction default_better = type == CriterionType::kQuality
                                         ? Direction::kHigherIsBetter
                                         : Direction::kLowerIsBetter;
    std::string out = "scoring: {rule: " + std::string(ToString(rule.rule));
    // The parameters the diff compares, less those at their default.
    for (const auto& [key, value] : catalog::RuleParameters(rule)) {
      if (key == "better" && rule.better == default_better) continue;
      if (key == "allow-negative" && !rule.allow_negative) continue;
      out += ", " + key + ": " + value;
    }
    Line(indent, out + "}");
  }

  void Sources() {
    if (set_.sources.empty()) return;
    Line(0, "sources:");
    for (const SourceDocument& d : set_.sources) {
      Line(2, "- id: " + YamlScalar(d.id));
      Line(4, "title: " + YamlScalar(d.title));
      Text(4, "publisher", d.publisher);
      Text(4, "year", d.year);
      Text(4, "url", d.url);
    }
  }

  void Requirements() {
    if (set_.requirements.empty()) return;
    Line(0, "requirements:");
    for (const Requirement& r : set_.requirements) {
      Line(2, "- id: " + YamlScalar(r.id) + OriginComment(r.origin));
      Name(4, r.name, r.id, r.doc);
      Labels(4, r.doc.labels);
      if (r.kind != CriterionKind::kTechnicalSpecification) {
        Line(4, "kind: " + std::string(ToString(r.kind)));
      }
      Text(4, "description", r.description);
      Labels(4, r.doc.descriptions, "descriptions");
      // The reader keeps evidence in both places; doc.evidence wins.
      Documentation doc = r.doc;
      if (doc.evidence.empty()) doc.evidence = r.evidence;
      Doc(4, doc, true);
      if (r.groups.size() == 1) {
        Line(4, "conditions: " + Conditions(r.groups[0]));
      } else {
        Line(4, "groups:");
        for (const RequirementGroup& g : r.groups) {
          Line(6, "- " + Conditions(g));
        }
      }
    }
  }

  static std::string Conditions(const RequirementGroup& g) {
    std::string out = "[";
    for (std::size_t i = 0; i < g.conditions.size(); ++i) {
      const Condition& c = g.conditions[i];
      if (i) out += ", ";
      out += "{field: " + YamlScalar(c.field) + ", ";
      switch (c.op) {
        case Condition::Op::kEquals:
          out += "equals: " + YamlScalar(c.text);
          break;
        case Condition::Op::kMin:
          out += "min: " + Num(c.number);
          break;
        case Condition::Op::kMax:
          out += "max: " + Num(c.number);
          break;
        case Condition::Op::kOneOf:
          out += "one-of: [";
          for (std::size_t k = 0; k < c.one_of.size(); ++k) {
            if (k) out += ", ";
            out += YamlScalar(c.one_of[k]);
          }
          out += "]";
          break;
        case Condition::Op::kPattern:
          out += "pattern: " + YamlScalar(c.text);
          break;
      }
      out += "}";
    }
    return out + "]";
  }

  void Clauses() {
    if (set_.clauses.empty()) return;
    Line(0, "clauses:");
    for (const Clause& c : set_.clauses) {
      Line(2, "- id: " + YamlScalar(c.id) + OriginComment(c.origin));
      Name(4, c.name, c.id, c.doc);
      Labels(4, c.doc.labels);
      Text(4, "description", c.description);
      Labels(4, c.doc.descriptions, "descriptions");
      Doc(4, c.doc, true);
    }
  }

  void TieBreak() {
    if (set_.tie_break.empty()) return;
    Line(0, "tie-break:");
    for (const TieBreakStep& t : set_.tie_break) {
      switch (t.kind) {
        case TieBreakStep::Kind::kHigherPoints:
          Line(2, "- higher: " + YamlScalar(t.target));
          break;
        case TieBreakStep::Kind::kLowerValue:
          Line(2, "- lower: " + YamlScalar(t.target));
          break;
        case TieBreakStep::Kind::kEarlier:
          Line(2, "- earlier: " + YamlScalar(t.target));
          break;
        case TieBreakStep::Kind::kDraw:
          Line(2, "- draw: " + std::to_string(t.seed));
          break;
      }
    }
  }

  void AbnormallyLow() {
    const AbnormallyLowRule& a = set_.abnormally_low;
    switch (a.kind) {
      case AbnormallyLowRule::Kind::kNone:
        return;
      case AbnormallyLowRule::Kind::kBelowMean:
        Line(0, "abnormally-low: {rule: below-mean, criterion: " +
                    YamlScalar(a.criterion) + ", percent: " + Num(a.percent) +
                    "}");
        return;
      case AbnormallyLowRule::Kind::kRglcap85:
        Line(0, "abnormally-low: {rule: rglcap-85, criterion: " +
                    YamlScalar(a.criterion) +
                    (a.budget ? ", budget: " + Num(*a.budget) : "") + "}");
        return;
      case AbnormallyLowRule::Kind::kKb2017Art36:
        Line(0, "abnormally-low: {rule: kb-2017-36, criterion: " +
                    YamlScalar(a.criterion) +
                    ", contract: " + std::string(ToString(a.contract)) + "}");
        return;
    }
  }

  static std::string ValueLevels(const std::vector<ValueLevel>& levels,
                                 LevelValue kind) {
    std::string out = "{";
    for (std::size_t i = 0; i < levels.size(); ++i) {
      if (i) out += ", ";
      out +=
          YamlScalar(levels[i].name) + ": " +
          (kind == LevelValue::kFraction ? catalog::PercentOf(levels[i].value)
                                         : Num(levels[i].value));
    }
    return out + "}";
  }

  void Award(const MoneyAward& a) {
    Line(0, "award:");
    Line(2, "method: " + std::string(ToString(a.method)));
    Line(2, "price: " + YamlScalar(a.price));
    if (a.options.decimals != MoneyOptions().decimals) {
      Line(2, "decimals: " + std::to_string(a.options.decimals));
    }
    const auto levels_in = [](LevelValue kind) {
      return std::string(kind == LevelValue::kFraction ? "percent" : "amount");
    };
    switch (a.method) {
      case MoneyMethod::kFictitiousPrice:
        Line(2, "criteria:");
        for (const ValueCriterion& v : a.fictitious.criteria) {
          Line(4, "- id: " + YamlScalar(v.id));
          if (v.name != v.id) Line(6, "name: " + YamlScalar(v.name));
          Line(6, "levels-in: " + levels_in(v.kind));
          if (v.kind == LevelValue::kFraction) {
            Line(6, "value: " + Num(v.value));
          }
          Line(6, "levels: " + ValueLevels(v.levels, v.kind));
        }
        break;
      case MoneyMethod::kLadderDiscount:
        Line(2, "column: " + YamlScalar(a.ladder.criterion));
        Line(2, "name: " + YamlScalar(a.ladder.name));
        Line(2, "levels-in: " + levels_in(a.ladder.kind));
        Line(2, "levels: " + ValueLevels(a.ladder.levels, a.ladder.kind));
        break;
      case MoneyMethod::kEnvironmentalCost:
        Line(2, "column: " + YamlScalar(a.environmental.criterion));
        Line(2, "name: " + YamlScalar(a.environmental.name));
        Line(2, "factor: " + Num(a.environmental.factor));
        break;
      case MoneyMethod::kProzorro:
        Line(2, "cap: " + Num(a.prozorro.cap));
        Line(2, "features:");
        for (const ProzorroFeature& f : a.prozorro.features) {
          Line(4, "- code: " + YamlScalar(f.code));
          Line(6, "title: " + YamlScalar(f.title));
          Line(6, "enum:");
          for (const ValueLevel& o : f.options) {
            Line(8, "- {value: " + Num(o.value) +
                        ", title: " + YamlScalar(o.name) + "}");
          }
        }
        break;
    }
  }

  const CriteriaSet& set_;
  const bool origins_;
  std::string out_;
};

}  // namespace

std::string WriteCriteriaYaml(const CriteriaSet& set,
                              const WriteOptions& options) {
  return Writer(set, options).Write();
}

}  // namespace circa
