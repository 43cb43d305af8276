// Notice import: input checks and XML parsing, format detection, the weight
// analysis shared by eForms and TED (FinishLot), generated ids, and the
// report. docs/exchange.md lists every report code.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "exchange/import_internal.h"
#include "io/file.h"
#include "util/round.h"

namespace circa {

std::string_view ToString(NoticeFormat format) {
  switch (format) {
    case NoticeFormat::kEforms:
      return "eforms";
    case NoticeFormat::kEformsFragment:
      return "eforms-fragment";
    case NoticeFormat::kTed:
      return "ted";
  }
  return "?";
}

std::string ImportReportEntry::ToString() const {
  std::string s = where.file;
  if (where.line > 0) {
    s += ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
  }
  s += ": ";
  std::string scope;
  if (!lot.empty()) scope = "lot " + lot;
  if (criterion >= 0) {
    if (!scope.empty()) scope += ' ';
    scope += "criterion " + std::to_string(criterion + 1);
  }
  if (!scope.empty()) s += scope + ": ";
  s += code;
  s += mapped ? ": " : " (not mapped): ";
  s += message;
  return s;
}

namespace exchange {
namespace {

constexpr double kTolerance = 1e-6;

bool Near(double a, double b) {
  return std::fabs(a - b) <= kTolerance * std::max(1.0, std::fabs(b));
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& ch : out) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return out;
}

// A TED AC_WEIGHTING: "55 %", "10.08 %", "32", "0,6". Anything else
// ("50/50", "1,900,000.000", "as per procurement documents") is free text.
bool ParseTedWeight(std::string_view text, double* value, bool* percent) {
  std::string s = Squeeze(text);
  *percent = false;
  if (!s.empty() && s.back() == '%') {
    *percent = true;
    s.pop_back();
    while (!s.empty() && s.back() == ' ') s.pop_back();
  }
  if (s.empty() || s.size() > 20) return false;
  int separators = 0;
  for (char& ch : s) {
    if (ch == ',' || ch == '.') {
      ++separators;
      ch = '.';
    } else if (ch < '0' || ch > '9') {
      return false;
    }
  }
  if (separators > 1 || s.front() == '.' || s.back() == '.') return false;
  const auto v = ParseNumber(s);
  if (!v) return false;
  *value = *v;
  return true;
}

// Percentages mentioned in a text: "Vekter 30 %", "(40%)".
std::vector<double> MentionedPercentages(std::string_view text) {
  std::vector<double> out;
  for (std::size_t p = text.find('%'); p != std::string_view::npos;
       p = text.find('%', p + 1)) {
    std::size_t end = p;
    while (end > 0 && text[end - 1] == ' ') --end;
    std::size_t start = end;
    while (start > 0 &&
           (std::isdigit(static_cast<unsigned char>(text[start - 1])) ||
            text[start - 1] == '.' || text[start - 1] == ',')) {
      --start;
    }
    while (start < end &&
           !std::isdigit(static_cast<unsigned char>(text[start]))) {
      ++start;
    }
    if (start == end || end - start > 8) continue;
    std::string number(text.substr(start, end - start));
    std::replace(number.begin(), number.end(), ',', '.');
    if (const auto v = ParseNumber(number); v && *v > 0 && *v <= 100) {
      if (std::find(out.begin(), out.end(), *v) == out.end()) {
        out.push_back(*v);
      }
    }
  }
  return out;
}

// The criterion's own text: name and description without the list of
// sub-criteria that an eForms export by circa appends.
std::string OwnText(const ImportedCriterion& c) {
  std::string text = c.name + " " + c.description;
  const std::size_t subs = text.find("Sub-criteria: ");
  if (subs != std::string::npos) text.resize(subs);
  return text;
}

std::string JoinPercentages(const std::vector<double>& values) {
  std::string s;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) s += i + 1 == values.size() ? " and " : ", ";
    s += PlainNumber(values[i]) + " %";
  }
  return s;
}

// Latin-1 supplement letters (U+00C0..U+00FF) folded to ASCII for ids.
char Fold(unsigned char second) {
  static constexpr char kMap[] =
      "aaaaaaaceeeeiiiidnooooo_ouuuuyts"
      "aaaaaaaceeeeiiiidnooooo_ouuuuyty";
  return kMap[(second - 0x80) & 0x3F];
}

bool MentionsProcurementDocuments(std::string_view text) {
  const std::string t = Lower(text);
  return t.find("stated only in the procurement documents") !=
             std::string::npos ||
         t.find("indicati solo nei documenti di gara") != std::string::npos;
}

std::string ShortName(const ImportedCriterion& c, int index) {
  if (!c.name.empty()) return c.name;
  std::string d = c.description;
  if (!d.empty()) {
    if (d.size() <= 80) return d;
    std::size_t cut = d.rfind(' ', 77);
    if (cut == std::string::npos || cut < 20) cut = 77;
    // Do not cut inside a UTF-8 sequence.
    while (cut > 0 && (static_cast<unsigned char>(d[cut]) & 0xC0) == 0x80) {
      --cut;
    }
    return d.substr(0, cut) + "...";
  }
  if (c.type) {
    std::string t(ToString(*c.type));
    t[0] = static_cast<char>(t[0] - 'a' + 'A');
    return t;
  }
  return "Criterion " + std::to_string(index + 1);
}

// A sum of points that can be a criteria set's scale: not so small that the
// skeleton would have to write it as 0, and within the limit a criteria set
// accepts for scales and weights (docs/criteria-format.md, "Limits").
constexpr double kMaxScale = 1e6;
bool UsableScale(double total) {
  return std::isfinite(total) && total >= 1e-6 && total <= kMaxScale;
}

std::string SumText(double total) {
  if (!std::isfinite(total)) return "more than 1e308";
  return total > kMaxScale ? fmt::format("{}", total) : PlainNumber(total);
}

constexpr const char* kScaleRange =
    "a number from 0.000001 to 1,000,000 (docs/criteria-format.md, "
    "\"Limits\")";

struct Family {
  enum Kind { kNone, kPercent, kPoints, kDecimal, kOrder, kNumber };
};

void AssignIds(std::vector<ImportedCriterion>* list,
               std::set<std::string>* used) {
  for (ImportedCriterion& c : *list) {
    std::string base = Slug(c.name, 32);
    for (char& ch : base) {
      if (ch == '-') ch = '_';
    }
    if (base.size() < 2) {
      base = c.type ? std::string(ToString(*c.type)) : "criterion";
    }
    if (base == "bid" || base == "id" || base == "supplier") base += "_c";
    std::string id = base;
    for (int n = 2; used->count(id); ++n) id = base + "_" + std::to_string(n);
    used->insert(id);
    c.id = id;
    AssignIds(&c.children, used);
  }
}

}  // namespace

void Report(ImportedLot* lot, std::string code, int criterion, bool mapped,
            std::string message, SourceLocation where) {
  ImportReportEntry e;
  e.code = std::move(code);
  e.lot = lot->id;
  e.criterion = criterion;
  e.mapped = mapped;
  e.message = std::move(message);
  e.where = std::move(where);
  lot->report.push_back(std::move(e));
}

std::optional<double> ResultAmount(pugi::xml_node node, const char* term,
                                   const LineIndex& lines, ImportedLot* lot) {
  if (!node) return std::nullopt;
  const std::string text = Text(node);
  const std::optional<double> value = ParseNumber(text);
  if (!value || *value < 0) {
    Report(lot, "result-value", -1, false,
           std::string(term) + " \"" + text +
               "\" is not an amount (a number >= 0); left out",
           lines.Of(node));
    return std::nullopt;
  }
  return value;
}

std::string Slug(std::string_view text, std::size_t max) {
  std::string out;
  bool sep = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    char ch = 0;
    if ((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')) {
      ch = static_cast<char>(b);
    } else if (b >= 'A' && b <= 'Z') {
      ch = static_cast<char>(b - 'A' + 'a');
    } else if (b == 0xC3 && i + 1 < text.size()) {
      ch = Fold(static_cast<unsigned char>(text[++i]));
      if (ch == '_') ch = 0;
    }
    if (ch == 0) {
      sep = !out.empty();
      continue;
    }
    if (sep) out += '-';
    sep = false;
    out += ch;
  }
  if (out.size() > max) {
    out.resize(max);
    const std::size_t dash = out.rfind('-');
    if (dash != std::string::npos && dash > max / 2) out.resize(dash);
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string CurrencyOfCountry(std::string_view code) {
  // Non-euro countries that publish on TED or Doffin (ISO 4217). Bulgaria
  // (euro from 2026) and Croatia (from 2023) are left out: their older
  // notices are in BGN and HRK, their newer ones in EUR.
  static constexpr std::array<std::array<const char*, 3>, 18> kTable{{
      {"AL", "ALB", "ALL"},
      {"BA", "BIH", "BAM"},
      {"CH", "CHE", "CHF"},
      {"CZ", "CZE", "CZK"},
      {"DK", "DNK", "DKK"},
      {"GB", "GBR", "GBP"},
      {"UK", "GBR", "GBP"},
      {"HU", "HUN", "HUF"},
      {"IS", "ISL", "ISK"},
      {"LI", "LIE", "CHF"},
      {"MD", "MDA", "MDL"},
      {"MK", "MKD", "MKD"},
      {"NO", "NOR", "NOK"},
      {"PL", "POL", "PLN"},
      {"RO", "ROU", "RON"},
      {"RS", "SRB", "RSD"},
      {"SE", "SWE", "SEK"},
      {"UA", "UKR", "UAH"},
  }};
  for (const auto& row : kTable) {
    if (code == row[0] || code == row[1]) return row[2];
  }
  return "";
}

void CurrencyFromCountry(ImportedLot* lot, std::string_view country,
                         const SourceLocation& where) {
  if (!lot->currency.empty()) return;
  const std::string currency = CurrencyOfCountry(country);
  if (currency.empty()) return;
  lot->currency = currency;
  Report(lot, "currency", -1, true,
         "no amount in the notice states a currency; " + currency +
             ", the currency of the buyer's country (" + std::string(country) +
             "), is assumed: check it in the procurement documents",
         where);
}

void FinishLot(ImportedLot* lot) {
  std::vector<ImportedCriterion>& cs = lot->criteria;
  const int n = static_cast<int>(cs.size());
  for (int i = 0; i < n; ++i)
    cs[static_cast<std::size_t>(i)].name =
        ShortName(cs[static_cast<std::size_t>(i)], i);

  bool documents = false;
  for (const ImportedCriterion& c : cs) {
    documents = documents || MentionsProcurementDocuments(c.description) ||
                MentionsProcurementDocuments(c.name);
  }
  if (documents) {
    Report(lot, "procurement-documents", -1, false,
           "the notice says the criteria are stated only in the procurement "
           "documents; read them there",
           lot->where);
  }
  if (n == 0) {
    const bool said = std::any_of(lot->report.begin(), lot->report.end(),
                                  [](const ImportReportEntry& e) {
                                    return e.code == "procurement-documents";
                                  });
    if (!said) {
      Report(lot, "no-criteria", -1, false,
             "no award criteria are published for this lot", lot->where);
    }
    lot->weights_complete = false;
    return;
  }

  // 1. Each criterion's number and family.
  std::vector<std::optional<double>> value(static_cast<std::size_t>(n));
  std::vector<Family::Kind> family(static_cast<std::size_t>(n), Family::kNone);
  for (int i = 0; i < n; ++i) {
    const auto k = static_cast<std::size_t>(i);
    ImportedCriterion& c = cs[k];
    const std::string& code = c.weight_code;
    if (code.empty() && c.published.empty()) continue;
    if (code == "text") {
      double v = 0;
      bool percent = false;
      if (ParseTedWeight(c.published, &v, &percent)) {
        value[k] = v;
        family[k] = percent ? Family::kPercent : Family::kNumber;
      } else {
        Report(lot, "free-text-weight", i, false,
               "AC_WEIGHTING \"" + c.published + "\" is not a number", c.where);
      }
    } else if (code == "price-only") {
      value[k] = 100;
      family[k] = Family::kPercent;
      Report(lot, "price-only", i, true,
             "price is the only award criterion (AC_PRICE without "
             "weighting): weight 100 %",
             c.where);
    } else if (code == "order" || code == "ord-imp") {
      family[k] = Family::kOrder;
      if (const auto v = ParseNumber(c.published)) {
        c.order = static_cast<int>(std::clamp(*v, 0.0, 1e6));
      }
      if (code == "ord-imp") c.published = "ord-imp " + c.published;
    } else {
      const auto v = ParseNumber(c.published);
      if (code == "per-exa" || code == "per-mid") {
        family[k] = Family::kPercent;
      } else if (code == "poi-exa" || code == "poi-mid") {
        family[k] = Family::kPoints;
      } else if (code == "dec-exa" || code == "dec-mid") {
        family[k] = Family::kDecimal;
      } else {
        Report(lot, "unknown-weight-code", i, false,
               "BT-5421 weight kind \"" + code +
                   "\" is not one of per-exa, per-mid, poi-exa, poi-mid, "
                   "dec-exa, dec-mid, ord-imp",
               c.where);
      }
      if (!v) {
        if (!c.published.empty()) {
          Report(lot, "unreadable-weight", i, false,
                 "BT-541 number \"" + c.published + "\" is not a number",
                 c.where);
        }
        family[k] = Family::kNone;
      } else if (*v < 0) {
        // A criteria set refuses negative weights: not a usable weight.
        Report(lot, "unreadable-weight", i, false,
               "BT-541 number \"" + c.published +
                   "\" is negative; a weight is a number >= 0",
               c.where);
        family[k] = Family::kNone;
      } else if (family[k] != Family::kNone) {
        value[k] = *v;
        if (code.size() > 4 && code.substr(4) == "mid") {
          Report(lot, "range-middle", i, true,
                 "the weight " + c.published + " (" + code +
                     ") is the middle of a range; the range itself is not "
                     "in the notice",
                 c.where);
        }
      }
      c.published = code + " " + c.published;
    }
  }

  // 2. One family per lot.
  std::set<Family::Kind> families;
  for (int i = 0; i < n; ++i) {
    if (family[static_cast<std::size_t>(i)] != Family::kNone) {
      families.insert(family[static_cast<std::size_t>(i)]);
    }
  }
  // TED: "55 %" next to "45" is one family.
  if (families.count(Family::kPercent) && families.count(Family::kNumber)) {
    families.erase(Family::kNumber);
    for (auto& f : family) {
      if (f == Family::kNumber) f = Family::kPercent;
    }
  }
  Family::Kind kind = families.size() == 1 ? *families.begin() : Family::kNone;
  if (families.size() > 1) {
    std::string list;
    for (int i = 0; i < n; ++i) {
      if (!cs[static_cast<std::size_t>(i)].published.empty()) {
        if (!list.empty()) list += ", ";
        list += cs[static_cast<std::size_t>(i)].published;
      }
    }
    Report(lot, "mixed-weight-codes", -1, false,
           "the weights are published in different kinds (" + list +
               "); they cannot be added up",
           lot->where);
    std::fill(value.begin(), value.end(), std::nullopt);
  }
  if (kind == Family::kOrder) {
    Report(lot, "order-only", -1, false,
           "only an order of importance is published; circa derives no "
           "weights silently: enter weights (the law allows order only when "
           "weighting is objectively impossible)",
           lot->where);
    std::fill(value.begin(), value.end(), std::nullopt);
  }

  // 3. Missing weights.
  const bool any_value =
      std::any_of(value.begin(), value.end(), [](const auto& v) { return v; });
  if (n == 1 && !any_value && families.empty() && !documents) {
    value[0] = 100;
    kind = Family::kPercent;
    Report(lot, "sole-criterion", 0, true,
           "the only criterion and no weight published: weight 100 %",
           cs[0].where);
  } else {
    for (int i = 0; i < n; ++i) {
      const auto k = static_cast<std::size_t>(i);
      if (cs[k].published.empty()) {
        Report(lot, "missing-weight", i, false, "no weight is published",
               cs[k].where);
      }
    }
  }
  for (int i = 0; i < n; ++i) {
    cs[static_cast<std::size_t>(i)].weight = value[static_cast<std::size_t>(i)];
  }
  const bool all_values =
      std::all_of(value.begin(), value.end(), [](const auto& v) { return v; });
  if (!all_values && kind != Family::kNone && kind != Family::kOrder) {
    double known = 0;
    int count = 0;
    for (const auto& v : value) {
      if (v) {
        known += *v;
        ++count;
      }
    }
    if (count >= 2 && Near(known, 100)) {
      Report(lot, "partial-weights", -1, false,
             "the published weights already add up to 100 without the " +
                 std::to_string(n - count) +
                 " criteria lacking one: they may be shares of one part "
                 "(such as quality) rather than of the whole",
             lot->where);
    }
  }

  // Published position of each entry of cs (grouping removes entries).
  std::vector<int> position(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) position[static_cast<std::size_t>(i)] = i;

  // 4. Sums, modes and scales.
  lot->weights = WeightMode::kPercent;
  lot->scale = 100;
  bool sums_ok = true;
  if (all_values && kind != Family::kNone) {
    double total = 0;
    for (const auto& v : value) total += *v;
    if (kind == Family::kDecimal) {
      if (Near(total, 1)) {
        for (ImportedCriterion& c : cs) *c.weight *= 100;
        Report(lot, "decimal-weights", -1, true,
               "decimal weights (dec-exa) adding up to 1: imported as "
               "percentages",
               lot->where);
      } else if (Near(total, 100)) {
        Report(lot, "decimal-weights", -1, true,
               "decimal weights (dec-exa) adding up to 100: read as "
               "percentages",
               lot->where);
      } else {
        Report(lot, "weights-sum", -1, false,
               "decimal weights (dec-exa) add up to " + PlainNumber(total) +
                   ", neither 1 nor 100",
               lot->where);
        for (ImportedCriterion& c : cs) c.weight.reset();
        sums_ok = false;
      }
    } else if (kind == Family::kPoints && !UsableScale(total)) {
      Report(lot, "weights-sum", -1, false,
             "points (poi-exa) add up to " + SumText(total) +
                 "; a scale must be " + kScaleRange,
             lot->where);
      for (ImportedCriterion& c : cs) c.weight.reset();
      sums_ok = false;
    } else if (kind == Family::kPoints) {
      lot->weights = WeightMode::kPoints;
      lot->scale = total;
      if (!Near(total, 100)) {
        Report(lot, "points-scale", -1, true,
               "points (poi-exa) add up to " + PlainNumber(total) +
                   ": imported with scale " + PlainNumber(total),
               lot->where);
      }
    } else {  // percent or plain numbers
      // Parent and children published flat: a criterion whose weight is
      // the sum of the criteria right after it, counted twice.
      for (int pass = 0; pass < n && !Near(total, 100); ++pass) {
        bool grouped = false;
        for (std::size_t i = 0; i < cs.size() && !grouped; ++i) {
          double run = 0;
          for (std::size_t k = i + 1; k < cs.size(); ++k) {
            if (!cs[k].children.empty()) break;
            // Sub-criteria have their group's type: a criterion of another
            // type ends the run.
            if (cs[k].type && cs[i].type && *cs[k].type != *cs[i].type) break;
            run += *cs[k].weight;
            if (k >= i + 2 && Near(run, *cs[i].weight) &&
                Near(total - *cs[i].weight, 100) && cs[i].children.empty()) {
              std::string terms;
              for (std::size_t j = i + 1; j <= k; ++j) {
                terms += (j > i + 1 ? " + " : "") + PlainNumber(*cs[j].weight);
              }
              Report(lot, "double-counted", position[i], true,
                     "\"" + cs[i].name + "\" (" + PlainNumber(*cs[i].weight) +
                         ") equals the sum of the " + std::to_string(k - i) +
                         " criteria after it (" + terms +
                         "); counted both ways the weights add up to " +
                         PlainNumber(total) +
                         ": read as a group with those sub-criteria, which "
                         "makes 100",
                     cs[i].where);
              for (std::size_t j = i + 1; j <= k; ++j) {
                cs[i].children.push_back(std::move(cs[j]));
              }
              position.erase(
                  position.begin() + static_cast<std::ptrdiff_t>(i + 1),
                  position.begin() + static_cast<std::ptrdiff_t>(k + 1));
              cs.erase(cs.begin() + static_cast<std::ptrdiff_t>(i + 1),
                       cs.begin() + static_cast<std::ptrdiff_t>(k + 1));
              total -= *cs[i].weight;
              grouped = true;
              break;
            }
          }
        }
        if (!grouped) break;
      }
      const bool has_groups = std::any_of(
          cs.begin(), cs.end(),
          [](const ImportedCriterion& c) { return !c.children.empty(); });
      if (has_groups) lot->weights = WeightMode::kPoints;
      if (!Near(total, 100)) {
        if (kind == Family::kNumber && !UsableScale(total)) {
          Report(lot, "weights-sum", -1, false,
                 "the weights add up to " + SumText(total) +
                     ", not 100, and cannot be a scale of points (" +
                     kScaleRange + ")",
                 lot->where);
          for (ImportedCriterion& c : cs) {
            c.weight.reset();
            for (ImportedCriterion& child : c.children) child.weight.reset();
          }
          lot->weights = WeightMode::kPercent;
          sums_ok = false;
        } else if (kind == Family::kNumber) {
          lot->weights = WeightMode::kPoints;
          lot->scale = total;
          Report(lot, "points-scale", -1, true,
                 "the weights add up to " + PlainNumber(total) +
                     ", not 100: imported as points with scale " +
                     PlainNumber(total),
                 lot->where);
        } else {
          sums_ok = false;
          Report(lot, "weights-sum", -1, false,
                 "the percentages add up to " + PlainNumber(total) +
                     ", not 100; circa refuses the set until they are "
                     "corrected",
                 lot->where);
        }
      }
    }
  }

  // 5. Text hints: shared descriptions and percentages in the text.
  if (n >= 2) {
    bool shared = !cs.empty() && !cs[0].description.empty();
    for (const ImportedCriterion& c : cs) {
      shared = shared && c.description == cs[0].description;
    }
    if (shared) {
      const auto mentioned = MentionedPercentages(cs[0].description);
      Report(lot, "shared-description", -1, true,
             "all " + std::to_string(n) +
                 " criteria carry the same description; the notice lists "
                 "its criteria in one text" +
                 (mentioned.empty()
                      ? std::string()
                      : ", which mentions " + JoinPercentages(mentioned)),
             lot->where);
    } else {
      for (std::size_t i = 0; i < cs.size(); ++i) {
        const ImportedCriterion& c = cs[i];
        const auto mentioned = MentionedPercentages(OwnText(c));
        if (mentioned.empty()) continue;
        // The criterion's share of the whole in percent: its weight, or
        // its points over the scale (poi-exa 30 of 100 points is 30 %).
        const bool points = lot->weights == WeightMode::kPoints;
        const std::optional<double> share =
            !c.weight ? std::nullopt
            : points  ? std::optional<double>(100 * *c.weight / lot->scale)
                      : c.weight;
        const bool matches =
            share && std::any_of(mentioned.begin(), mentioned.end(),
                                 [&](double v) { return Near(v, *share); });
        if (matches) continue;
        std::string published = "; no usable weight is published";
        if (c.weight) {
          published = "; the published weight is " + c.published;
          if (points) {
            published += ", " + PlainNumber(util::RoundDecimal(*share, 2)) +
                         " % of the " + PlainNumber(lot->scale) + " points";
          }
        }
        Report(lot, "weight-in-text", position[i], c.weight.has_value(),
               "the text mentions " + JoinPercentages(mentioned) + published,
               c.where);
      }
    }
  } else if (n == 1) {
    const auto mentioned = MentionedPercentages(OwnText(cs[0]));
    if (!mentioned.empty() &&
        !(cs[0].weight &&
          std::any_of(mentioned.begin(), mentioned.end(),
                      [&](double v) { return Near(v, *cs[0].weight); }))) {
      Report(lot, "weight-in-text", 0, true,
             "the text mentions " + JoinPercentages(mentioned) +
                 " but this is the lot's only criterion",
             cs[0].where);
    }
  }

  // 6. Ids and completeness.
  std::set<std::string> used;
  AssignIds(&cs, &used);
  bool complete = sums_ok;
  for (const ImportedCriterion& c : cs) {
    complete = complete && c.weight.has_value() && c.type.has_value();
    for (const ImportedCriterion& child : c.children) {
      complete = complete && child.weight.has_value();
    }
  }
  lot->weights_complete = complete;
}

}  // namespace exchange

namespace {

using exchange::LineIndex;

bool IsNoticeRoot(std::string_view local) {
  return local == "ContractNotice" || local == "ContractAwardNotice" ||
         local == "PriorInformationNotice" ||
         local == "BusinessRegistrationInformationNotice";
}

// The root element as a diagnostic names it: name and namespace are bytes
// of the file, so they are made valid UTF-8.
std::string Describe(pugi::xml_node root) {
  const std::string_view ns = exchange::NamespaceOf(root);
  return exchange::ValidUtf8(
      std::string(root.name()) +
      (ns.empty() ? std::string(" with no namespace")
                  : " in namespace \"" + std::string(ns) + "\""));
}

}  // namespace

Result<ImportedNotice> ImportNotice(std::string_view xml,
                                    const std::string& file,
                                    const ImportOptions& options) {
  Result<ImportedNotice> result;
  Diagnostics diag;
  SourceLocation start{file, 1, 1};
  if (xml.size() > options.max_bytes) {
    diag.Error({file, 0, 0}, "",
               "file is " + std::to_string(xml.size()) +
                   " bytes; the limit is " + std::to_string(options.max_bytes) +
                   " bytes");
    result.diagnostics = diag.Take();
    return result;
  }
  if (exchange::Squeeze(xml).empty()) {
    diag.Error(start, "", "the file is empty; expected an XML notice");
    result.diagnostics = diag.Take();
    return result;
  }
  const LineIndex lines(xml, file);
  if (const std::size_t nul = xml.find('\0'); nul != std::string_view::npos) {
    diag.Error(lines.At(static_cast<std::ptrdiff_t>(nul)), "",
               "expected XML text, found a NUL byte (binary file?)");
    result.diagnostics = diag.Take();
    return result;
  }
  // JSON (an OCDS release or package) is not XML: say so where it starts
  // rather than "no document element" at its end.
  const std::size_t bom = xml.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  const std::size_t body = xml.find_first_not_of(" \t\r\n", bom);
  if (body != std::string_view::npos &&
      (xml[body] == '{' || xml[body] == '[')) {
    diag.Error(lines.At(static_cast<std::ptrdiff_t>(body)), "",
               "expected an XML notice (eForms or TED XML), found JSON; OCDS "
               "releases are not imported");
    result.diagnostics = diag.Take();
    return result;
  }
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_buffer(
      xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    std::string what = parsed.description();
    if (!what.empty())
      what[0] =
          static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));
    diag.Error(lines.At(parsed.offset), "", "invalid XML: " + what);
    result.diagnostics = diag.Take();
    return result;
  }
  const pugi::xml_node root = doc.document_element();
  if (!root) {
    diag.Error(start, "", "expected an XML notice, found no root element");
    result.diagnostics = diag.Take();
    return result;
  }
  ImportedNotice notice;
  notice.file = file;
  const std::string_view local = exchange::LocalName(root);
  const std::string ns(exchange::NamespaceOf(root));
  const std::string expected =
      "expected an eForms notice (ContractNotice, ContractAwardNotice, "
      "PriorInformationNotice in the UBL namespaces), a cac:AwardingTerms "
      "fragment or a TED XML export (TED_EXPORT); got " +
      Describe(root);
  // TED R2.0.9.S02 exports of 2018 use a relative namespace.
  const bool ted_ns =
      ns.rfind(exchange::kTedPrefix, 0) == 0 || ns.rfind("ted/R2.0", 0) == 0;
  const bool ubl_ns =
      ns == std::string(exchange::kUblPrefix) + std::string(local) + "-2" ||
      (local == "BusinessRegistrationInformationNotice" &&
       ns.rfind("http://data.europa.eu/p27/eforms-business-registration-"
                "information-notice/",
                0) == 0);
  if (local == "TED_EXPORT" && ted_ns) {
    notice.format = NoticeFormat::kTed;
    exchange::ImportTed(root, lines, &notice, &diag);
  } else if (IsNoticeRoot(local) && ubl_ns) {
    notice.format = NoticeFormat::kEforms;
    notice.kind = std::string(local);
    exchange::ImportEforms(root, lines, &notice, &diag);
  } else if ((local == "AwardingTerms" || local == "AwardingCriterion") &&
             ns == exchange::kCac) {
    notice.format = NoticeFormat::kEformsFragment;
    notice.kind = "cac:" + std::string(local);
    exchange::ImportEformsFragment(root, lines, &notice);
  } else {
    diag.Error(lines.Of(root), "", expected);
  }
  if (diag.HasErrors()) {
    result.diagnostics = diag.Take();
    return result;
  }
  // Element names and attribute values (form name, DOC_ID, LG, schemeName,
  // listName) are bytes of the file; Text() already made element text valid
  // UTF-8, these are made so here.
  notice.kind = exchange::ValidUtf8(notice.kind);
  notice.language = exchange::ValidUtf8(notice.language);
  notice.notice_id = exchange::ValidUtf8(notice.notice_id);
  for (ImportedLot& lot : notice.lots) {
    lot.scheme = exchange::ValidUtf8(lot.scheme);
    lot.notice_id = exchange::ValidUtf8(lot.notice_id);
    for (ImportReportEntry& e : lot.report) {
      e.message = exchange::ValidUtf8(e.message);
    }
  }
  std::string stem = std::filesystem::path(file).stem().string();
  const std::string base = exchange::Slug(stem, 40);
  for (ImportedLot& lot : notice.lots) {
    lot.source = file;
    if (lot.notice_id.empty()) lot.notice_id = notice.notice_id;
    exchange::FinishLot(&lot);
    std::string id = base.empty() ? "imported" : base;
    if (!lot.id.empty()) id += "-" + exchange::Slug(lot.id, 20);
    if (id.size() > 64) id.resize(64);
    while (!id.empty() && id.back() == '-') id.pop_back();
    if (id.empty() || !std::isalnum(static_cast<unsigned char>(id[0]))) {
      id = "imported-" + id;
    }
    lot.set_id = id;
    const bool currency_ok =
        lot.currency.size() == 3 &&
        std::all_of(lot.currency.begin(), lot.currency.end(),
                    [](char ch) { return ch >= 'A' && ch <= 'Z'; });
    if (!currency_ok) lot.currency = "EUR";
    std::string title = notice.title;
    if (!lot.title.empty() && lot.title != title) {
      title = title.empty() ? lot.title : title + " -- " + lot.title;
    }
    if (!lot.id.empty()) {
      title += (title.empty() ? "" : ", ") + std::string("lot ") + lot.id;
    }
    lot.title = title.empty() ? "Imported award criteria" : title;
  }
  result.value = std::move(notice);
  result.diagnostics = diag.Take();
  return result;
}

Result<ImportedNotice> ImportNoticeFile(const std::string& path,
                                        const ImportOptions& options) {
  Diagnostics diag;
  const std::optional<std::string> text =
      io::ReadFile(path, options.max_bytes, &diag);
  if (!text) {
    Result<ImportedNotice> result;
    result.diagnostics = diag.Take();
    return result;
  }
  return ImportNotice(*text, path, options);
}

}  // namespace circa
