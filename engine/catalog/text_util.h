// Text helpers shared by the catalogue: exact numbers, YAML scalars, and
// one-line descriptions of rules, conditions and set-level keys used by the
// writer, diff and summary.
#ifndef CIRCA_ENGINE_CATALOG_TEXT_UTIL_H_
#define CIRCA_ENGINE_CATALOG_TEXT_UTIL_H_

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "circa/criteria.h"

namespace circa::catalog {

// The shortest text that reads back as exactly `value` ("40", "0.1",
// "1e+20"); -0 is written as 0.
std::string Num(double value);

// A number of points for people: rounded to 6 decimals, then Num.
std::string Points(double value);

// `fraction` as a percentage whose text, read back and divided by 100,
// gives exactly `fraction` (0.6 -> "60").
std::string PercentOf(double fraction);

// `text` as a YAML scalar: plain when that reads back as the same text in
// block and flow context, otherwise double-quoted with escapes.
std::string YamlScalar(std::string_view text);
// `text` double-quoted with YAML escapes (\", \\, \n, \t, \r, \xNN), always.
std::string YamlQuoted(std::string_view text);

// Parameters of a rule as (key, value text) pairs in the format's key
// names: {"worst", "0"}, {"best", "60"}, {"steps", "[[2, 0], [5, 1]]"}...
// `better` is included for the rules that accept it.
std::vector<std::pair<std::string, std::string>> RuleParameters(
    const ScoringRule& rule);

// "linear (worst 0, best 60)", "lowest-ratio".
std::string RuleText(const ScoringRule& rule);

// "wood_label one of FSC, PEFC", "warranty_years >= 2".
std::string ConditionText(const Condition& condition);
// Groups joined by "; or ", conditions by " and ".
std::string RequirementText(const Requirement& requirement);

// Set-level keys in words: "2 decimals on points and totals", "higher
// circularity, lower price, draw 42", "below-mean on price, 15 %".
std::string RoundingText(const Rounding& rounding);
std::string TieBreakText(const std::vector<TieBreakStep>& steps);
std::string AbnormallyLowText(const AbnormallyLowRule& rule);
std::string PanelText(const PanelPolicy& panel);
std::string ThresholdText(const Threshold& threshold);
std::string StrategiesText(const std::vector<Strategy>& strategies);
// "{en: Price, nl: Prijs}"
std::string LabelsText(const std::map<std::string, std::string>& labels);

}  // namespace circa::catalog

#endif  // CIRCA_ENGINE_CATALOG_TEXT_UTIL_H_
