// Export of a criteria set's award criteria: eForms BG-707 (pugixml) and
// the OCDS award criteria extension (nlohmann-json). docs/exchange.md has
// the mapping tables.
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <pugixml.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "circa/exchange.h"
#include "circa/explain.h"
#include "circa/labels.h"
#include "exchange/xml_util.h"
#include "explain/messages.h"

namespace circa {
namespace {

using exchange::PlainNumber;

// One exported (top-level) criterion, shared by both formats.
struct Number {
  double value = 0;
  std::string eforms_list;  // number-weight, number-threshold
  std::string eforms_code;  // per-exa, min-score...
  std::string ocds_key;     // weight, threshold
  std::string ocds_code;    // percentageExact, minimumScore...
};

struct Exported {
  std::string type;
  std::vector<std::string> names;  // one per Plan::languages
  std::string description;         // English
  // Per Plan::languages besides English: the criterion's description in
  // that language (`descriptions:`), if any, then the rule text or the list
  // of sub-criteria in that language (circa's catalogues; none for a
  // language circa does not write).
  std::vector<std::string> descriptions;
  std::vector<Number> numbers;
};

// A language of the export: as the set's labels write it and as eForms.
struct EformsLanguage {
  std::string label;   // "nl"
  std::string eforms;  // "NLD"
};

struct Plan {
  std::vector<EformsLanguage> languages;
  std::vector<Exported> criteria;
  std::string calculation;  // BT-543, empty when every rule is linear
  // BT-543 per Plan::languages besides English (empty: none).
  std::vector<std::string> calculations;
  bool english = false;  // descriptions and rule texts written (ENG)
};

// The EU's official languages: label code and eForms languageID.
constexpr std::pair<std::string_view, std::string_view> kLanguages[] = {
    {"bg", "BUL"}, {"cs", "CES"}, {"da", "DAN"}, {"de", "DEU"}, {"el", "ELL"},
    {"en", "ENG"}, {"es", "SPA"}, {"et", "EST"}, {"fi", "FIN"}, {"fr", "FRA"},
    {"ga", "GLE"}, {"hr", "HRV"}, {"hu", "HUN"}, {"it", "ITA"}, {"lt", "LIT"},
    {"lv", "LAV"}, {"mt", "MLT"}, {"nl", "NLD"}, {"pl", "POL"}, {"pt", "POR"},
    {"ro", "RON"}, {"sk", "SLK"}, {"sl", "SLV"}, {"sv", "SWE"}};

// "nl,FRA" -> {nl NLD, fr FRA}; false (and why) on an unknown or repeated
// language.
bool ParseLanguages(const std::string& text, std::vector<EformsLanguage>* out,
                    std::string* why) {
  out->clear();
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    const std::string code = text.substr(start, end - start);
    start = end + 1;
    const auto* found = std::find_if(
        std::begin(kLanguages), std::end(kLanguages),
        [&code](const auto& l) { return l.first == code || l.second == code; });
    if (found == std::end(kLanguages)) {
      *why =
          "language: expected EU languages such as nl or NLD, "
          "comma-separated (nl,fr), got \"" +
          code + "\"";
      return false;
    }
    const EformsLanguage language{std::string(found->first),
                                  std::string(found->second)};
    if (std::any_of(out->begin(), out->end(), [&](const EformsLanguage& l) {
          return l.label == language.label;
        })) {
      *why = "language: " + language.label + " is given twice";
      return false;
    }
    out->push_back(language);
  }
  return true;
}

std::string OcdsWeightCode(std::string_view eforms) {
  if (eforms == "per-exa") return "percentageExact";
  if (eforms == "per-mid") return "percentageRangeMiddle";
  if (eforms == "poi-exa") return "pointsExact";
  if (eforms == "poi-mid") return "pointsRangeMiddle";
  if (eforms == "dec-exa") return "decimalExact";
  if (eforms == "dec-mid") return "decimalRangeMiddle";
  return "order";
}

// Rules whose score is not a straight line of the bid's value (BT-543
// "award criteria complicated"): logarithmic, steps, and the hyperbolic
// ones (lowest price / price; lowest value / value; a share of the total,
// whose denominator holds the bid's own value).
bool IsNonLinear(const ScoringRule& rule) {
  switch (rule.rule) {
    case Rule::kLogarithmic:
    case Rule::kSteps:
    case Rule::kLowestRatio:
    case Rule::kShareOfTotal:
      return true;
    case Rule::kRatioToBest:
      return rule.better == Direction::kLowerIsBetter;
    default:
      return false;
  }
}

void CollectTypes(const Criterion& c, std::vector<CriterionType>* types) {
  if (!c.is_group()) {
    types->push_back(c.type);
    return;
  }
  for (const Criterion& child : c.children) CollectTypes(child, types);
}

void CollectNonLinear(const Criterion& c, const std::string& currency,
                      std::vector<std::string>* lines) {
  if (c.is_group()) {
    for (const Criterion& child : c.children) {
      CollectNonLinear(child, currency, lines);
    }
    return;
  }
  if (c.scoring && IsNonLinear(*c.scoring)) {
    lines->push_back((c.name.empty() ? c.id : c.name) + ": " +
                     DescribeRule(*c.scoring, currency, c.unit) + ".");
  }
}

// The language circa writes for an export language ("nl", "fr"), if any.
std::optional<Language> Written(const EformsLanguage& l) {
  if (l.label == "en") return std::nullopt;
  return LanguageFromString(l.label);
}

// BT-543 in `language`: "Prijs: lowest-ratio: score = laagste prijs / prijs."
void CollectNonLinear(const Criterion& c, const std::string& currency,
                      Language language, std::vector<std::string>* lines) {
  if (c.is_group()) {
    for (const Criterion& child : c.children) {
      CollectNonLinear(child, currency, language, lines);
    }
    return;
  }
  if (c.scoring && IsNonLinear(*c.scoring)) {
    lines->push_back(explain::Messages::Of(language)(
        "export.calculation",
        {{"name", LocalName(c, language)},
         {"rule", DescribeRule(*c.scoring, currency, c.unit, language)}}));
  }
}

// BT-540 in `language`: a leaf's scoring method as published, or a group's
// sub-criteria with their weights. A sub-criterion without a label in the
// language is an error naming it.
std::string LocalDescription(const CriteriaSet& set, const Criterion& c,
                             const EformsLanguage& l, Language language,
                             const std::string& path, Diagnostics* diag) {
  const explain::Messages& m = explain::Messages::Of(language);
  if (!c.is_group()) {
    if (!c.scoring) return {};
    return m(
        "export.rule",
        {{"rule", DescribeRule(*c.scoring, set.currency, c.unit, language)}});
  }
  std::string subs;
  for (std::size_t k = 0; k < c.children.size(); ++k) {
    const Criterion& child = c.children[k];
    if (!child.doc.labels.contains(l.label)) {
      diag->Error(
          child.where,
          path + ".criteria[" + std::to_string(k) + "].labels." + l.label,
          "missing; the export in " + l.label + " (" + l.eforms +
              ") describes every sub-criterion in it: add labels: {" + l.label +
              ": ...} to \"" + child.id + "\"");
    }
    if (k) subs += m("export.sub_sep");
    const std::string name = LocalName(child, language);
    if (set.weights == WeightMode::kOrder) {
      subs += name;
    } else {
      subs += m(set.weights == WeightMode::kPercent ? "export.sub_percent"
                                                    : "export.sub_points",
                {{"name", name}, {"weight", m.Number(child.weight, -1)}});
    }
  }
  return m("export.subs", {{"list", subs}});
}

std::string WeightUnit(const CriteriaSet& set) {
  return set.weights == WeightMode::kPercent ? " %" : " points";
}

Result<Plan> MakePlan(const CriteriaSet& set, const ExportOptions& options) {
  Result<Plan> result;
  Diagnostics diag;
  SourceLocation here;
  here.file = set.source;
  Plan plan;
  if (std::string why;
      !ParseLanguages(options.language, &plan.languages, &why)) {
    diag.Error(here, "language", why.substr(std::string("language: ").size()));
  }
  plan.english =
      std::any_of(plan.languages.begin(), plan.languages.end(),
                  [](const EformsLanguage& l) { return l.label == "en"; });
  if (set.criteria.empty()) {
    diag.Error(here, "criteria", "the set has no criteria to export");
  }
  if (diag.HasErrors()) {
    result.diagnostics = diag.Take();
    return result;
  }

  // Dutch and French get the rule texts and sub-criteria in their
  // language; the set's own descriptions, and every text in a language circa
  // does not write, are English only.
  const bool unwritten =
      std::any_of(plan.languages.begin(), plan.languages.end(),
                  [](const EformsLanguage& l) {
                    return l.label != "en" && !Written(l).has_value();
                  });
  // A criterion described in English but not in every exported language.
  const bool described = std::any_of(
      set.criteria.begin(), set.criteria.end(), [&plan](const Criterion& c) {
        if (c.description.empty()) return false;
        return std::any_of(plan.languages.begin(), plan.languages.end(),
                           [&c](const EformsLanguage& l) {
                             return l.label != "en" &&
                                    !c.doc.descriptions.contains(l.label);
                           });
      });
  if (!plan.english && unwritten) {
    diag.Warning(here, "language",
                 "descriptions and rule texts are written in English only; "
                 "add en to --language to export them");
  } else if (!plan.english && described) {
    diag.Warning(here, "language",
                 "the criteria's own descriptions are written in English "
                 "only; add en to --language to export them");
  }
  bool max_pass_done = !set.max_pass.has_value();
  // max-pass belongs to the quality stage: attach it to the first quality
  // criterion, or to the first criterion when there is none.
  std::size_t max_pass_at = 0;
  for (std::size_t i = 0; i < set.criteria.size(); ++i) {
    if (set.criteria[i].type == CriterionType::kQuality) {
      max_pass_at = i;
      break;
    }
  }
  std::vector<std::string> nonlinear;
  for (std::size_t i = 0; i < set.criteria.size(); ++i) {
    const Criterion& c = set.criteria[i];
    const std::string path = "criteria[" + std::to_string(i) + "]";
    Exported e;
    std::vector<CriterionType> types;
    CollectTypes(c, &types);
    CriterionType type = c.type;
    if (c.is_group() && !types.empty()) {
      type = types.front();
      for (const CriterionType t : types) {
        if (t != type) {
          diag.Warning(c.where, path + ".type",
                       "group \"" + c.id +
                           "\" mixes criterion types; eForms gives one type "
                           "per criterion, exported as quality");
          type = CriterionType::kQuality;
          break;
        }
      }
    }
    e.type = std::string(ToString(type));
    for (const EformsLanguage& l : plan.languages) {
      // English is the criterion's name; every other language its label.
      const auto label = c.doc.labels.find(l.label);
      if (l.label == "en") {
        e.names.push_back(c.name.empty() ? c.id : c.name);
      } else if (label != c.doc.labels.end() && !label->second.empty()) {
        e.names.push_back(label->second);
      } else {
        diag.Error(c.where, path + ".labels." + l.label,
                   "missing; the export in " + l.label + " (" + l.eforms +
                       ") names every criterion in it: add labels: {" +
                       l.label + ": ...} to \"" + c.id + "\"");
        e.names.push_back(c.id);
      }
    }
    for (const EformsLanguage& l : plan.languages) {
      if (l.label == "en") continue;
      const std::optional<Language> written = Written(l);
      std::string text =
          written ? LocalDescription(set, c, l, *written, path, &diag)
                  : std::string();
      if (const auto own = c.doc.descriptions.find(l.label);
          own != c.doc.descriptions.end()) {
        text = text.empty() ? own->second : own->second + " " + text;
      }
      e.descriptions.push_back(std::move(text));
    }
    const auto en = c.doc.descriptions.find("en");
    e.description = en != c.doc.descriptions.end() ? en->second : c.description;
    if (c.is_group()) {
      std::string subs = "Sub-criteria: ";
      for (std::size_t k = 0; k < c.children.size(); ++k) {
        const Criterion& child = c.children[k];
        if (k) subs += "; ";
        subs += child.name.empty() ? child.id : child.name;
        if (set.weights != WeightMode::kOrder) {
          subs += " (" + PlainNumber(child.weight) + WeightUnit(set) + ")";
        }
        if (child.threshold) {
          diag.Warning(child.where,
                       path + ".criteria[" + std::to_string(k) + "].threshold",
                       "eForms has one level of criteria; the minimum score "
                       "of sub-criterion \"" +
                           child.id + "\" is not exported");
        }
      }
      subs += ".";
      e.description = e.description.empty() ? subs : e.description + " " + subs;
    }

    Number weight;
    weight.eforms_list = "number-weight";
    weight.ocds_key = "weight";
    if (set.weights == WeightMode::kOrder) {
      weight.eforms_code = "ord-imp";
      weight.value = c.order > 0 ? c.order : static_cast<double>(i + 1);
    } else {
      const bool percent = set.weights == WeightMode::kPercent;
      const bool range = c.weight_range.has_value();
      weight.eforms_code = percent ? (range ? "per-mid" : "per-exa")
                                   : (range ? "poi-mid" : "poi-exa");
      weight.value = c.weight;
    }
    weight.ocds_code = OcdsWeightCode(weight.eforms_code);
    e.numbers.push_back(weight);

    if (c.threshold) {
      Number t;
      t.eforms_list = "number-threshold";
      t.eforms_code = "min-score";
      t.ocds_key = "threshold";
      t.ocds_code = "minimumScore";
      // In points of the set's scale (Threshold::points when validation
      // has filled it in).
      double points = c.threshold->points;
      if (points <= 0 && c.threshold->value > 0) {
        points = c.threshold->percent
                     ? c.threshold->value * c.effective_weight / 100
                     : c.threshold->value;
      }
      t.value = points;
      e.numbers.push_back(t);
    }
    if (!max_pass_done && i == max_pass_at) {
      Number m;
      m.eforms_list = "number-threshold";
      m.eforms_code = "max-pass";
      m.ocds_key = "threshold";
      m.ocds_code = "maximumBids";
      m.value = *set.max_pass;
      e.numbers.push_back(m);
      max_pass_done = true;
    }
    CollectNonLinear(c, set.currency, &nonlinear);
    plan.criteria.push_back(std::move(e));
  }
  for (std::size_t i = 0; i < nonlinear.size(); ++i) {
    if (i) plan.calculation += ' ';
    plan.calculation += nonlinear[i];
  }
  for (const EformsLanguage& l : plan.languages) {
    if (l.label == "en") continue;
    std::string text;
    if (const std::optional<Language> written = Written(l)) {
      std::vector<std::string> lines;
      for (const Criterion& c : set.criteria) {
        CollectNonLinear(c, set.currency, *written, &lines);
      }
      for (std::size_t i = 0; i < lines.size(); ++i) {
        text += (i ? " " : "") + lines[i];
      }
    }
    plan.calculations.push_back(std::move(text));
  }
  if (!diag.HasErrors()) result.value = std::move(plan);
  result.diagnostics = diag.Take();
  return result;
}

void AddText(pugi::xml_node parent, const char* name, const std::string& text,
             const std::string& language) {
  pugi::xml_node n = parent.append_child(name);
  if (!language.empty()) n.append_attribute("languageID") = language.c_str();
  n.text().set(exchange::ValidUtf8(text).c_str());
}

std::string CommentSafe(std::string text) {
  for (std::size_t p = text.find("--"); p != std::string::npos;
       p = text.find("--")) {
    text.replace(p, 2, "- -");
  }
  return text;
}

}  // namespace

bool ExportOptions::IsValid(std::string* why) const {
  std::vector<EformsLanguage> languages;
  std::string reason;
  const bool ok = ParseLanguages(language, &languages, &reason);
  if (!ok && why != nullptr) *why = reason;
  return ok;
}

Result<std::string> ExportEforms(const CriteriaSet& set,
                                 const ExportOptions& options) {
  Result<Plan> plan = MakePlan(set, options);
  Result<std::string> out;
  out.diagnostics = std::move(plan.diagnostics);
  if (!plan.value) return out;

  pugi::xml_document doc;
  pugi::xml_node decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  doc.append_child(pugi::node_comment)
      .set_value(CommentSafe(
                     " circa: award criteria (eForms BG-707) of criteria set " +
                     set.id + " " + set.version +
                     "; one SubordinateAwardingCriterion per top-level "
                     "criterion ")
                     .c_str());
  pugi::xml_node terms = doc.append_child("cac:AwardingTerms");
  terms.append_attribute("xmlns:cac") = std::string(exchange::kCac).c_str();
  terms.append_attribute("xmlns:cbc") = std::string(exchange::kCbc).c_str();
  terms.append_attribute("xmlns:ext") = std::string(exchange::kExt).c_str();
  terms.append_attribute("xmlns:efac") = std::string(exchange::kEfac).c_str();
  terms.append_attribute("xmlns:efext") = std::string(exchange::kEfext).c_str();
  terms.append_attribute("xmlns:efbc") = std::string(exchange::kEfbc).c_str();
  pugi::xml_node criterion = terms.append_child("cac:AwardingCriterion");
  // BT-543, one per language (English, then Dutch and French).
  std::size_t other = 0;
  for (const EformsLanguage& l : plan.value->languages) {
    if (l.label == "en") {
      if (!plan.value->calculation.empty()) {
        AddText(criterion, "cbc:CalculationExpression", plan.value->calculation,
                "ENG");
      }
      continue;
    }
    const std::string& text = plan.value->calculations[other++];
    if (!text.empty()) {
      AddText(criterion, "cbc:CalculationExpression", text, l.eforms);
    }
  }
  for (const Exported& e : plan.value->criteria) {
    pugi::xml_node sub =
        criterion.append_child("cac:SubordinateAwardingCriterion");
    pugi::xml_node ext = sub.append_child("ext:UBLExtensions")
                             .append_child("ext:UBLExtension")
                             .append_child("ext:ExtensionContent")
                             .append_child("efext:EformsExtension");
    for (const Number& n : e.numbers) {
      pugi::xml_node p = ext.append_child("efac:AwardCriterionParameter");
      pugi::xml_node code = p.append_child("efbc:ParameterCode");
      code.append_attribute("listName") = n.eforms_list.c_str();
      code.text().set(n.eforms_code.c_str());  // BT-5421 / BT-5423
      p.append_child("efbc:ParameterNumeric")
          .text()
          .set(PlainNumber(n.value).c_str());  // BT-541
    }
    pugi::xml_node type = sub.append_child("cbc:AwardingCriterionTypeCode");
    type.append_attribute("listName") = "award-criterion-type";
    type.text().set(e.type.c_str());  // BT-539
    // One BT-734 name per language (eForms repeats a multilingual field
    // with its languageID), then the BT-540 description, in English.
    for (std::size_t l = 0; l < e.names.size(); ++l) {
      AddText(sub, "cbc:Name", e.names[l], plan.value->languages[l].eforms);
    }
    // Then one BT-540 description per language: the set's own in English,
    // its own in the language (descriptions:) and the rule text or
    // sub-criteria in Dutch and French.
    std::size_t k = 0;
    for (const EformsLanguage& l : plan.value->languages) {
      if (l.label == "en") {
        if (!e.description.empty()) {
          AddText(sub, "cbc:Description", e.description, "ENG");
        }
        continue;
      }
      const std::string& text = e.descriptions[k++];
      if (!text.empty()) AddText(sub, "cbc:Description", text, l.eforms);
    }
  }
  std::ostringstream os;
  doc.save(os, "  ", pugi::format_default | pugi::format_no_declaration,
           pugi::encoding_utf8);
  out.value = os.str();
  return out;
}

Result<std::string> ExportOcds(const CriteriaSet& set,
                               const ExportOptions& options) {
  Result<Plan> plan = MakePlan(set, options);
  Result<std::string> out;
  out.diagnostics = std::move(plan.diagnostics);
  if (!plan.value) return out;
  nlohmann::ordered_json criteria = nlohmann::ordered_json::array();
  for (const Exported& e : plan.value->criteria) {
    nlohmann::ordered_json c;
    c["type"] = e.type;
    // OCDS has no language per field: the first language's name.
    c["name"] = exchange::ValidUtf8(e.names.front());
    if (plan.value->english && !e.description.empty()) {
      c["description"] = exchange::ValidUtf8(e.description);
    }
    nlohmann::ordered_json numbers = nlohmann::ordered_json::array();
    for (const Number& n : e.numbers) {
      nlohmann::ordered_json number;
      if (std::fabs(n.value) < 1e15 && n.value == std::round(n.value)) {
        number["number"] = static_cast<long long>(n.value);
      } else {
        number["number"] = n.value;
      }
      number[n.ocds_key] = n.ocds_code;
      numbers.push_back(std::move(number));
    }
    c["numbers"] = std::move(numbers);
    criteria.push_back(std::move(c));
  }
  nlohmann::ordered_json award;
  award["criteria"] = std::move(criteria);
  if (plan.value->english && !plan.value->calculation.empty()) {
    award["weightingDescription"] =
        exchange::ValidUtf8(plan.value->calculation);
  }
  nlohmann::ordered_json lot;
  lot["id"] = options.lot_id;
  lot["awardCriteria"] = std::move(award);
  nlohmann::ordered_json root;
  root["lots"] = nlohmann::ordered_json::array({lot});
  out.value = root.dump(2) + "\n";
  return out;
}

}  // namespace circa
