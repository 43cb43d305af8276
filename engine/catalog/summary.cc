// RenderSummary: a criteria set for people (`circa criteria show`).
#include "catalog/text_util.h"
#include "circa/catalog.h"
#include "circa/explain.h"

namespace circa {
namespace {

using catalog::Points;

std::string Pad(int indent) {
  return std::string(static_cast<std::size_t>(indent), ' ');
}

std::string OriginNote(const CriteriaSet& set, const Origin& o) {
  if (set.model_id.empty()) return "";
  switch (o.kind) {
    case Origin::Kind::kOwn:
      return "";
    case Origin::Kind::kLocal:
      return "  (local)";
    case Origin::Kind::kModel: {
      std::string out = "  (from model " + o.model;
      for (std::size_t i = 0; i < o.changed.size(); ++i) {
        out += i ? ", " : "; changed: ";
        out += o.changed[i];
      }
      return out + ")";
    }
  }
  return "";
}

// ` "Name" (nl: Naam)`
std::string Names(const std::string& name, const Documentation& doc) {
  std::string out = " \"" + name + "\"";
  for (const auto& [lang, text] : doc.labels) {
    if (lang == "en" && text == name) continue;
    out += " (" + lang + ": " + text + ")";
  }
  return out;
}

void DocLines(const Documentation& doc, const std::string& unit, int indent,
              std::string* out) {
  std::string facts;
  const auto fact = [&facts](const std::string& text) {
    if (!facts.empty()) facts += "; ";
    facts += text;
  };
  if (!unit.empty()) fact("unit: " + unit);
  if (doc.level) fact("level: " + std::string(ToString(*doc.level)));
  if (!doc.strategies.empty()) {
    fact("strategies: " + catalog::StrategiesText(doc.strategies));
  }
  if (!facts.empty()) *out += Pad(indent) + facts + "\n";
  if (!doc.evidence.empty()) {
    *out += Pad(indent) + "evidence: " + doc.evidence + "\n";
  }
  if (!doc.source.empty()) {
    *out += Pad(indent) + "source: " + doc.source + "\n";
  }
}

void CriterionLines(const CriteriaSet& set, const Criterion& c, int indent,
                    std::string* out) {
  *out += Pad(indent) + c.id + "  " + Points(c.effective_weight) + " points";
  if (c.weight_range && c.effective_range) {
    *out += " (published range " + Points(c.effective_range->lo) + "-" +
            Points(c.effective_range->hi) + ")";
  }
  if (c.order > 0) *out += " (order " + std::to_string(c.order) + ")";
  *out += "  [" + std::string(ToString(c.type)) +
          (c.is_group() ? " group]" : "]") + Names(c.name, c.doc) +
          OriginNote(set, c.origin) + "\n";
  const int detail = indent + 4;
  if (c.threshold) {
    *out += Pad(detail) + "min-score: " + catalog::ThresholdText(*c.threshold) +
            " (" + Points(c.threshold->points) + " points)\n";
  }
  if (c.panel) {
    *out += Pad(detail) + "panel: " + catalog::PanelText(*c.panel) + "\n";
  }
  if (c.is_group()) {
    DocLines(c.doc, c.unit, detail, out);
    for (const Criterion& child : c.children) {
      CriterionLines(set, child, indent + 2, out);
    }
    return;
  }
  if (c.scoring) {
    *out += Pad(detail) +
            "rule: " + DescribeRule(*c.scoring, set.currency, c.unit) + "\n";
  }
  if (c.from_lcc) {
    *out += Pad(detail) + "value: life-cycle cost from the cost profile\n";
  }
  DocLines(c.doc, c.unit, detail, out);
}

}  // namespace

std::string RenderSummary(const CriteriaSet& set) {
  std::string out = set.id + " " + set.version + ": " + set.title + "\n";
  for (const auto& [lang, text] : set.labels) {
    if (text != set.title) out += "  " + lang + ": " + text + "\n";
  }
  if (!set.model_id.empty()) {
    out += "  derived from model " + set.model_id + " " + set.model_version;
    if (!set.extends.empty()) out += " (extends: " + set.extends + ")";
    out += "\n";
    if (!set.dropped.empty()) {
      out += "  dropped from the model:";
      for (const std::string& id : set.dropped) out += " " + id;
      out += "\n";
    }
  }
  if (!set.product_group.empty()) {
    out += "  product group: " + set.product_group + "\n";
  }
  if (!set.publisher.empty()) out += "  publisher: " + set.publisher + "\n";
  out += "  scale: " + Points(set.scale) +
         " points (weights: " + std::string(ToString(set.weights)) + ")\n";
  const std::string strategies = catalog::StrategiesText(set.Strategies());
  out += "  strategies covered: " + (strategies.empty() ? "none" : strategies) +
         "\n";
  if (!set.description.empty()) out += "  " + set.description + "\n";
  if (set.award) {
    out += "  award: " + std::string(ToString(set.award->method)) +
           " on the price of " + set.award->price + "\n";
  }

  out += "\nAward criteria (points of " + Points(set.scale) + "):\n";
  for (const Criterion& c : set.criteria) CriterionLines(set, c, 2, &out);

  if (!set.requirements.empty()) {
    out += "\nRequirements (checked before scoring):\n";
    for (const Requirement& r : set.requirements) {
      out += "  " + r.id + "  [" + std::string(ToString(r.kind)) + "]" +
             Names(r.name, r.doc) + OriginNote(set, r.origin) + "\n";
      out += "      met when: " + catalog::RequirementText(r) + "\n";
      if (!r.description.empty()) out += "      " + r.description + "\n";
      DocLines(r.doc, "", 6, &out);
    }
  }
  if (!set.clauses.empty()) {
    out += "\nContract clauses (not scored):\n";
    for (const Clause& c : set.clauses) {
      out +=
          "  " + c.id + Names(c.name, c.doc) + OriginNote(set, c.origin) + "\n";
      if (!c.description.empty()) out += "      " + c.description + "\n";
      DocLines(c.doc, "", 6, &out);
    }
  }
  if (!set.sources.empty()) {
    out += "\nSources:\n";
    for (const SourceDocument& d : set.sources) {
      out += "  " + d.id + ": " + d.title;
      if (!d.publisher.empty()) out += ", " + d.publisher;
      if (!d.year.empty()) out += ", " + d.year;
      out += "\n";
      if (!d.url.empty()) out += "      " + d.url + "\n";
    }
  }
  std::string rules;
  if (set.max_pass) {
    rules += "  max-pass: the best " + std::to_string(*set.max_pass) +
             " on quality go on\n";
  }
  if (set.rounding.decimals >= 0) {
    rules += "  rounding: " + catalog::RoundingText(set.rounding) + "\n";
  }
  if (!set.tie_break.empty()) {
    rules += "  tie-break: " + catalog::TieBreakText(set.tie_break) + "\n";
  }
  if (set.abnormally_low.kind != AbnormallyLowRule::Kind::kNone) {
    rules +=
        "  abnormally-low: " + catalog::AbnormallyLowText(set.abnormally_low) +
        "\n";
  }
  if (set.panel) {
    rules += "  panel: " + catalog::PanelText(*set.panel) + "\n";
  }
  if (!rules.empty()) out += "\nAward rules:\n" + rules;
  return out;
}

}  // namespace circa
