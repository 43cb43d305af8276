// Criteria-set skeletons (YAML, criteria-format v1) and the import report
// as text.
#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "catalog/text_util.h"
#include "circa/exchange.h"
#include "exchange/xml_util.h"

namespace circa {
namespace {

using exchange::PlainNumber;

std::string Quote(std::string_view text) {
  return catalog::YamlQuoted(exchange::ValidUtf8(text));
}

// A number the skeleton gives ParseCriteria (weight, scale, min-score):
// PlainNumber when that reads back within 1e-7 of the value, else the
// shortest form that reads back exactly ("4e-07"), so that small weights
// are not written as 0 and the weights add up as they did on import.
std::string YamlNumber(double value) {
  const std::string plain = PlainNumber(value);
  double back = 0;
  const auto [end, error] =
      std::from_chars(plain.data(), plain.data() + plain.size(), back);
  if (error == std::errc() && end == plain.data() + plain.size() &&
      std::fabs(back - value) <= 1e-7 * std::fabs(value)) {
    return plain;
  }
  return fmt::format("{}", value);
}

// One line of comment text, at most `max` bytes (cut on a character).
std::string Comment(std::string_view text, std::size_t max = 300) {
  std::string s = exchange::Squeeze(exchange::ValidUtf8(text));
  if (s.size() > max) {
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) {
      --cut;
    }
    s = s.substr(0, cut) + "...";
  }
  return s;
}

// True when only an order of importance is published and every list of
// siblings numbers its criteria 1..n once each: the skeleton can then say
// `weights: order` (circa derives rank-order weights, with a warning).
bool OrderOnly(const std::vector<ImportedCriterion>& list) {
  if (list.empty()) return false;
  std::vector<bool> seen(list.size() + 1, false);
  for (const ImportedCriterion& c : list) {
    if (c.weight || c.order < 1 ||
        static_cast<std::size_t>(c.order) > list.size() ||
        seen[static_cast<std::size_t>(c.order)]) {
      return false;
    }
    seen[static_cast<std::size_t>(c.order)] = true;
    if (!c.children.empty() && !OrderOnly(c.children)) return false;
  }
  return true;
}

// How the skeleton writes weights.
struct Emit {
  WeightMode mode = WeightMode::kPercent;
  bool order = false;  // `weights: order`: order: k instead of weight
};

void EmitCriterion(const ImportedCriterion& c, int indent,
                   std::optional<CriterionType> inherited,
                   std::optional<double> parent_points, const Emit& emit,
                   std::string* out) {
  const std::string pad(static_cast<std::size_t>(indent), ' ');
  const std::string in = pad + "  ";
  *out += pad + "- id: " + c.id + "\n";
  *out += in + "name: " + Quote(c.name) + "\n";
  if (c.type) {
    if (!inherited || *inherited != *c.type) {
      *out += in + "type: " + std::string(ToString(*c.type)) + "\n";
    }
  } else if (!inherited) {
    *out += in + "type: TODO  # not published: enter price, cost or quality\n";
  }
  if (!c.description.empty() && c.description != c.name) {
    *out += in + "description: " + Quote(c.description) + "\n";
  }
  // The criterion's points on the scale, when its weight is known.
  std::optional<double> points;
  if (c.weight && parent_points) {
    points = emit.mode == WeightMode::kPoints
                 ? *c.weight
                 : *parent_points * *c.weight / 100;
  }
  if (emit.order) {
    *out += in + "order: " + std::to_string(c.order) +
            "  # only an order of importance is published\n";
  } else if (c.weight) {
    *out += in + "weight: " + YamlNumber(*c.weight);
    if (!c.published.empty()) *out += "  # published: " + Comment(c.published);
    *out += "\n";
  } else if (c.order > 0) {
    *out += in + "weight: TODO  # only an order of importance is published: " +
            std::to_string(c.order) + "\n";
  } else {
    *out += in + "weight: TODO  # " +
            (c.published.empty() ? std::string("no weight published")
                                 : "published: " + Comment(c.published) +
                                       " (not usable as a weight)") +
            "\n";
  }
  const std::optional<CriterionType> type = c.type ? c.type : inherited;
  if (c.min_score) {
    // BT-5423 gives a number; circa reads min-score as points of the scale.
    // Kept as a key when that reading fits (a quality criterion, at most its
    // points), else as a TODO.
    const bool quality = type && *type == CriterionType::kQuality;
    const bool negative = *c.min_score < 0;
    if (quality && !negative && (!points || *c.min_score <= *points + 1e-9)) {
      *out += in + "min-score: " + YamlNumber(*c.min_score) +
              "  # BT-5423 min-score, read as points of the scale; write \"" +
              PlainNumber(*c.min_score) +
              "%\" if it is a percentage of this criterion's points\n";
    } else {
      *out += in + "# TODO: minimum score " + PlainNumber(*c.min_score) +
              " published (BT-5423 min-score)" +
              (negative  ? std::string("; a minimum score is >= 0")
               : quality ? "; more than the criterion's " +
                               PlainNumber(points.value_or(0)) + " points"
                         : std::string(type ? "; min-score applies to quality "
                                              "criteria only"
                                            : "")) +
              "\n";
    }
  }
  if (c.fixed) {
    *out += in + "# fixed number " + PlainNumber(*c.fixed) +
            " published (BT-5422)\n";
  }
  if (!c.children.empty()) {
    *out += in + "criteria:\n";
    for (const ImportedCriterion& child : c.children) {
      EmitCriterion(child, indent + 4, type, points, emit, out);
    }
    return;
  }
  // The rule is invented: `draft: true` says so to circa (score refuses
  // the set until the buyer completes the rule and removes it).
  *out += in + "draft: true\n";
  if (type && *type != CriterionType::kQuality) {
    *out += in +
            "scoring: {rule: lowest-ratio}  # TODO: rule not published; "
            "placeholder\n";
  } else {
    *out += in +
            "scoring: {rule: linear, worst: 0, best: 10}  # TODO: rule not "
            "published; placeholder 0-10\n";
  }
}

}  // namespace

std::string ToCriteriaYaml(const ImportedLot& lot) {
  std::string out;
  out += "# circa criteria-set skeleton imported from " + Comment(lot.source);
  if (!lot.id.empty()) out += ", lot " + Comment(lot.id);
  out += ".\n";
  out +=
      "# Criteria, types and weights are as published. Notices do not "
      "publish\n# scoring rules: every rule below is a placeholder marked "
      "TODO and\n# draft: true; circa score refuses the set until each is "
      "completed.\n";
  if (!lot.report.empty()) {
    out += "# Import report:\n";
    for (const ImportReportEntry& e : lot.report) {
      out += "#   - " + e.code + (e.mapped ? ": " : " (not mapped): ") +
             Comment(e.message) + "\n";
    }
  }
  if (!lot.calculation_expression.empty()) {
    out += "# BT-543 calculation: " + Comment(lot.calculation_expression, 600) +
           "\n";
  }
  if (lot.max_pass && *lot.max_pass < 1) {
    out += "# TODO: only the best " + std::to_string(*lot.max_pass) +
           " tenders go on (BT-5423 max-pass)\n";
  }
  Emit emit;
  emit.mode = lot.weights;
  emit.order = OrderOnly(lot.criteria);
  out += "circa: 1\n";
  out += "id: " + lot.set_id + "\n";
  out += "version: \"1\"\n";
  out += "title: " + Quote(lot.title) + "\n";
  std::string description = "Award criteria";
  if (!lot.notice_id.empty()) description += " of notice " + lot.notice_id;
  if (!lot.id.empty()) description += ", lot " + lot.id;
  description += ", imported by circa.";
  out += "description: " + Quote(description) + "\n";
  out += "currency: " + lot.currency + "\n";
  out += "scale: " + YamlNumber(lot.scale) + "\n";
  out += "weights: " +
         std::string(emit.order                           ? "order"
                     : lot.weights == WeightMode::kPoints ? "points"
                                                          : "percent") +
         "\n";
  if (lot.max_pass && *lot.max_pass >= 1) {
    out += "max-pass: " + std::to_string(*lot.max_pass) +
           "  # BT-5423: only the best " + std::to_string(*lot.max_pass) +
           " on quality go on\n";
  }
  if (lot.criteria.empty()) {
    out += "criteria: []  # TODO: no award criteria published for this lot\n";
    return out;
  }
  out += "criteria:\n";
  for (const ImportedCriterion& c : lot.criteria) {
    EmitCriterion(c, 2, std::nullopt, lot.scale, emit, &out);
  }
  return out;
}

std::string RenderImportReport(const ImportedNotice& notice) {
  std::string out = notice.file + ": " + std::string(ToString(notice.format));
  if (!notice.kind.empty()) out += " " + notice.kind;
  if (!notice.notice_id.empty()) out += ", notice " + notice.notice_id;
  out += ": " + std::to_string(notice.lots.size()) +
         (notice.lots.size() == 1 ? " lot\n" : " lots\n");
  for (const ImportedLot& lot : notice.lots) {
    std::size_t subs = 0;
    for (const ImportedCriterion& c : lot.criteria) subs += c.children.size();
    const std::size_t count = lot.criteria.size();
    out += "lot " + (lot.id.empty() ? std::string("(none)") : lot.id) + ": " +
           std::to_string(count) + (count == 1 ? " criterion" : " criteria");
    if (subs > 0) out += " (" + std::to_string(subs) + " sub-criteria)";
    if (count > 0) {
      out += ", weights " + std::string(lot.weights == WeightMode::kPoints
                                            ? "points"
                                            : "percent");
      if (lot.weights == WeightMode::kPoints) {
        out += " of " + PlainNumber(lot.scale);
      }
      out += lot.weights_complete ? ", complete" : ", incomplete (TODO)";
    }
    out += "\n";
    for (const ImportReportEntry& e : lot.report) {
      out += "  " + exchange::ValidUtf8(e.ToString()) + "\n";
    }
  }
  return out;
}

}  // namespace circa
