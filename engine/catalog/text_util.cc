#include "catalog/text_util.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "circa/panel.h"
#include "io/numbers.h"
#include "util/number_format.h"
#include "util/round.h"

namespace circa::catalog {

std::string Num(double value) { return util::FormatShortest(value); }

std::string Points(double value) { return Num(util::RoundDecimal(value, 6)); }

std::string PercentOf(double fraction) {
  const auto reads_back = [fraction](const std::string& text) {
    double v = 0;
    return io::ParsePlainNumber(text, &v) && v / 100.0 == fraction;
  };
  const double percent = fraction * 100.0;
  for (const double candidate : {percent, std::nextafter(percent, -1e300),
                                 std::nextafter(percent, 1e300)}) {
    for (int digits = 1; digits <= 17; ++digits) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.*g", digits, candidate);
      if (reads_back(buf)) return Num(std::strtod(buf, nullptr));
    }
  }
  return Num(percent);  // not exact; never seen for finite fractions
}

namespace {

bool IsAlnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

bool PlainIsSafe(std::string_view text) {
  if (text.empty()) return false;
  const auto first = static_cast<unsigned char>(text.front());
  if (!IsAlnum(first) && first < 0x80) return false;
  if (text.back() == ' ') return false;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7F) return false;
    switch (ch) {
      case ':':
      case '#':
      case ',':
      case '[':
      case ']':
      case '{':
      case '}':
      case '&':
      case '*':
      case '!':
      case '|':
      case '>':
      case '\'':
      case '"':
      case '%':
      case '@':
      case '`':
      case '\\':
        return false;
      default:
        break;
    }
  }
  // Words yaml-cpp reads as null.
  for (const std::string_view null : {"null", "Null", "NULL"}) {
    if (text == null) return false;
  }
  return true;
}

}  // namespace

std::string YamlScalar(std::string_view text) {
  if (PlainIsSafe(text)) return std::string(text);
  return YamlQuoted(text);
}

std::string YamlQuoted(std::string_view text) {
  std::string out = "\"";
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02X", c);
          out += buf;
        } else {
          out += ch;
        }
    }
  }
  return out + "\"";
}

std::vector<std::pair<std::string, std::string>> RuleParameters(
    const ScoringRule& rule) {
  std::vector<std::pair<std::string, std::string>> out;
  const std::string better(ToString(rule.better));
  switch (rule.rule) {
    case Rule::kLowestRatio:
    case Rule::kPercentOfLowest:
    case Rule::kBelowHighest:
    case Rule::kYesNo:
      break;
    case Rule::kLinearRange:
    case Rule::kRatioToBest:
    case Rule::kShareOfTotal:
      out.emplace_back("better", better);
      break;
    case Rule::kLinearCeiling:
      out.emplace_back("ceiling", Num(rule.ceiling));
      break;
    case Rule::kLogarithmic:
      out.emplace_back("zero-at", Num(rule.zero_at));
      out.emplace_back("allow-negative",
                       rule.allow_negative ? "true" : "false");
      break;
    case Rule::kLinear:
      out.emplace_back("worst", Num(rule.worst));
      out.emplace_back("best", Num(rule.best));
      break;
    case Rule::kSteps: {
      out.emplace_back("better", better);
      std::string steps = "[";
      for (const Step& s : rule.steps) {
        if (steps.size() > 1) steps += ", ";
        steps += "[" + Num(s.threshold) + ", " + Num(s.score) + "]";
      }
      out.emplace_back("steps", steps + "]");
      break;
    }
    case Rule::kScale: {
      std::string levels = "{";
      for (const ScaleLevel& l : rule.levels) {
        if (levels.size() > 1) levels += ", ";
        levels += Num(l.value) + ": " + YamlScalar(l.descriptor);
      }
      out.emplace_back("levels", levels + "}");
      break;
    }
  }
  return out;
}

std::string RuleText(const ScoringRule& rule) {
  std::string out(ToString(rule.rule));
  const auto params = RuleParameters(rule);
  if (params.empty()) return out;
  out += " (";
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (i) out += ", ";
    out += params[i].first + " " + params[i].second;
  }
  return out + ")";
}

std::string ConditionText(const Condition& c) {
  switch (c.op) {
    case Condition::Op::kEquals:
      return c.field + " = " + c.text;
    case Condition::Op::kMin:
      return c.field + " >= " + Num(c.number);
    case Condition::Op::kMax:
      return c.field + " <= " + Num(c.number);
    case Condition::Op::kOneOf: {
      std::string out = c.field + " one of ";
      for (std::size_t i = 0; i < c.one_of.size(); ++i) {
        if (i) out += ", ";
        out += c.one_of[i];
      }
      return out;
    }
    case Condition::Op::kPattern:
      return c.field + " matches " + c.text;
  }
  return c.field;
}

std::string RequirementText(const Requirement& r) {
  std::string out;
  for (std::size_t g = 0; g < r.groups.size(); ++g) {
    if (g) out += "; or ";
    const auto& conditions = r.groups[g].conditions;
    for (std::size_t i = 0; i < conditions.size(); ++i) {
      if (i) out += " and ";
      out += ConditionText(conditions[i]);
    }
  }
  return out;
}

std::string RoundingText(const Rounding& r) {
  if (r.decimals < 0) return "none";
  std::string out = std::to_string(r.decimals) + " decimals on ";
  if (r.points && r.totals) return out + "points and totals";
  return out + (r.points ? "points" : "totals");
}

std::string TieBreakText(const std::vector<TieBreakStep>& steps) {
  if (steps.empty()) return "none";
  std::string out;
  for (const TieBreakStep& t : steps) {
    if (!out.empty()) out += ", ";
    switch (t.kind) {
      case TieBreakStep::Kind::kHigherPoints:
        out += "higher " + t.target;
        break;
      case TieBreakStep::Kind::kLowerValue:
        out += "lower " + t.target;
        break;
      case TieBreakStep::Kind::kEarlier:
        out += "earlier " + t.target;
        break;
      case TieBreakStep::Kind::kDraw:
        out += "draw " + std::to_string(t.seed);
        break;
    }
  }
  return out;
}

std::string AbnormallyLowText(const AbnormallyLowRule& a) {
  switch (a.kind) {
    case AbnormallyLowRule::Kind::kNone:
      return "none";
    case AbnormallyLowRule::Kind::kBelowMean:
      return "below-mean on " + a.criterion + ", " + Num(a.percent) + " %";
    case AbnormallyLowRule::Kind::kRglcap85:
      return "rglcap-85 (Spain, RGLCAP art. 85) on " + a.criterion +
             (a.budget ? ", budget " + Num(*a.budget) : std::string());
    case AbnormallyLowRule::Kind::kKb2017Art36:
      return "kb-2017-36 (Belgium, KB 18 April 2017 art. 36) on " +
             a.criterion + ", " + std::string(ToString(a.contract));
  }
  return "none";
}

std::string PanelText(const PanelPolicy& p) {
  std::string out = std::string(PanelAggregateName(p.aggregate));
  if (p.rationale_required) out += ", rationale required";
  if (p.complete) out += ", complete";
  if (p.disagreement_limit) {
    out += ", disagreement " + Num(*p.disagreement_limit);
  }
  return out;
}

std::string ThresholdText(const Threshold& t) {
  return t.percent ? Num(t.value) + "%" : Num(t.value);
}

std::string StrategiesText(const std::vector<Strategy>& strategies) {
  std::string out;
  for (const Strategy s : strategies) {
    if (!out.empty()) out += ", ";
    out += ToString(s);
  }
  return out;
}

std::string LabelsText(const std::map<std::string, std::string>& labels) {
  std::string out = "{";
  for (const auto& [lang, text] : labels) {
    if (out.size() > 1) out += ", ";
    out += lang + ": " + YamlScalar(text);
  }
  return out + "}";
}

}  // namespace circa::catalog
