#include "score/stages.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "circa/load.h"
#include "io/numbers.h"
#include "util/number_format.h"

namespace circa::score {
namespace {

char Lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool SameText(std::string_view a, std::string_view b) {
  a = io::Trim(a);
  b = io::Trim(b);
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

std::string Quote(const std::string& s) {
  return s.empty() ? "empty" : "\"" + s + "\"";
}

// The bid's value for a condition: its field text, or, for a criterion id,
// the text of its cell (and the parsed number).
struct Value {
  std::string text;
  std::optional<double> number;
};

Value ValueOf(const Condition& c, const BidSet& bids, Eigen::Index bid,
              const std::vector<std::string>& leaf_ids) {
  Value v;
  const auto leaf = std::find(leaf_ids.begin(), leaf_ids.end(), c.field);
  if (leaf != leaf_ids.end()) {
    const auto j = static_cast<Eigen::Index>(leaf - leaf_ids.begin());
    v.number = bids.values(bid, j);
    v.text =
        bids.text.empty() ? FormatNumber(*v.number, -1) : bids.Text(bid, j);
    return v;
  }
  const int f = bids.FieldIndex(c.field);
  if (f >= 0 && static_cast<std::size_t>(f) < bids.fields.size() &&
      static_cast<std::size_t>(bid) <
          bids.fields[static_cast<std::size_t>(f)].size()) {
    v.text =
        bids.fields[static_cast<std::size_t>(f)][static_cast<std::size_t>(bid)];
  }
  // Read as a number by the bids reader (min and max conditions) ...
  if (const auto n = bids.FieldNumber(c.field, bid)) {
    v.number = n;
    return v;
  }
  // ... else as text that may be a number (an equals condition).
  double x = 0;
  std::string why;
  if (!v.text.empty() &&
      ParseLocaleNumber(v.text, bids.locale.empty() ? "auto" : bids.locale, &x,
                        &why)) {
    v.number = x;
  }
  return v;
}

std::string Expected(const Condition& c) {
  switch (c.op) {
    case Condition::Op::kEquals:
      return c.text;
    case Condition::Op::kMin:
      return "at least " + FormatNumber(c.number, -1);
    case Condition::Op::kMax:
      return "at most " + FormatNumber(c.number, -1);
    case Condition::Op::kOneOf: {
      std::string out = "one of ";
      for (std::size_t i = 0; i < c.one_of.size(); ++i) {
        out += (i == 0 ? "" : ", ") + c.one_of[i];
      }
      return out;
    }
    case Condition::Op::kPattern:
      return "text matching " + c.text;
  }
  return "";
}

bool Holds(const Condition& c, const Value& v) {
  switch (c.op) {
    case Condition::Op::kEquals: {
      bool a = false;
      bool b = false;
      if (ParseYesNo(c.text, &a) && ParseYesNo(v.text, &b) && !c.numeric) {
        return a == b;
      }
      if (c.numeric && v.number) return std::abs(*v.number - c.number) <= 1e-9;
      return SameText(c.text, v.text);
    }
    case Condition::Op::kMin:
      return v.number && *v.number >= c.number - 1e-9;
    case Condition::Op::kMax:
      return v.number && *v.number <= c.number + 1e-9;
    case Condition::Op::kOneOf:
      return std::any_of(
          c.one_of.begin(), c.one_of.end(),
          [&](const std::string& option) { return SameText(option, v.text); });
    case Condition::Op::kPattern:
      return GlobMatch(c.text, io::Trim(v.text));
  }
  return false;
}

}  // namespace

bool GlobMatch(std::string_view pattern, std::string_view text) {
  // Iterative wildcard matching with one backtrack point: O(|p| x |t|) at
  // worst, no recursion.
  std::size_t p = 0;
  std::size_t t = 0;
  std::size_t star = std::string_view::npos;
  std::size_t mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() &&
        (pattern[p] == '?' || Lower(pattern[p]) == Lower(text[t]))) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

std::string CheckRequirement(const Requirement& requirement, const BidSet& bids,
                             Eigen::Index bid,
                             const std::vector<std::string>& leaf_ids) {
  std::vector<std::string> failures;  // one per group
  for (const RequirementGroup& group : requirement.groups) {
    std::string failed;
    for (const Condition& c : group.conditions) {
      const Value v = ValueOf(c, bids, bid, leaf_ids);
      if (!Holds(c, v)) {
        if (!failed.empty()) failed += " and ";
        failed +=
            c.field + " is " + Quote(v.text) + ", expected " + Expected(c);
      }
    }
    if (failed.empty()) return "";
    failures.push_back(failed);
  }
  std::string out = "does not meet requirement " + requirement.id;
  if (requirement.name != requirement.id) out += " (" + requirement.name + ")";
  out += ": ";
  if (failures.size() == 1) {
    out += failures.front();
  } else {
    for (std::size_t g = 0; g < failures.size(); ++g) {
      out += (g == 0 ? "" : "; ") + std::string("option ") +
             std::to_string(g + 1) + ": " + failures[g];
    }
  }
  if (!requirement.evidence.empty()) {
    out += "; accepted evidence: " + requirement.evidence;
  }
  return out;
}

std::uint64_t DrawKey(std::uint64_t seed, std::string_view bid_id) {
  std::uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a, 64 bit
  for (const char c : bid_id) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  std::uint64_t z = seed ^ h;  // SplitMix64 finaliser (Steele et al. 2014)
  z += 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

namespace {

double Mean(const std::vector<double>& v) {
  return v.empty() ? 0.0
                   : std::accumulate(v.begin(), v.end(), 0.0) /
                         static_cast<double>(v.size());
}

std::string Pct(double fraction) {
  return FormatNumber(100.0 * fraction, 2) + " %";
}

// Belgium, royal decree of 18 April 2017 on award in the classic sectors,
// art. 36 (under art. 84 of the law of 17 June 2016). § 1-3: the buyer
// examines the prices of every bid and asks for a justification of a price
// that seems abnormal; no number. § 4: for works and for services in a
// fraud-sensitive sector (open or restricted procedure), when at least four
// bids are taken into account and price decides alone (or, under price-
// quality, carries at least half of the weight), every bid at least 15 %
// below the mean of the bids is examined; the mean leaves out the highest
// bid when there are fewer than seven, the highest and the lowest when there
// are seven or more (docs/rules.md, "Abnormally low prices").
template <typename Price, typename Money>
void FlagBelgianPriceExamination(const AbnormallyLowRule& rule, int column,
                                 const std::string& criterion_name,
                                 double price_share,
                                 const std::vector<int>& valid,
                                 const Price& price, const Money& money,
                                 const std::string& ask, Evaluation* e) {
  const std::string law =
      "Belgium, royal decree of 18 April 2017 (classic sectors) art. 36";
  const bool numeric =
      rule.contract == AbnormallyLowContract::kWorks ||
      rule.contract == AbnormallyLowContract::kFraudSensitiveServices;
  if (!numeric) {
    e->notes.push_back(
        {column, "abnormally-low: " + law + " § 1-3: for " +
                     std::string(ToString(rule.contract)) +
                     " the buyer examines every price and asks for a "
                     "justification of any that seems abnormally low; the "
                     "decree sets no number, so circa flags no bid"});
    return;
  }
  if (price_share < 0.5) {
    e->notes.push_back(
        {column, "abnormally-low: " + law +
                     " § 4 applies its 15 % trigger "
                     "when price decides alone or carries at least half of the "
                     "weight; here " +
                     criterion_name + " carries " + Pct(price_share) +
                     "; every price is still examined (§ 1-3), circa flags "
                     "no bid"});
    return;
  }
  const std::size_t k = valid.size();
  if (k < 4) {
    e->notes.push_back(
        {column, "abnormally-low: " + law + " § 4 needs at least 4 bids; " +
                     std::to_string(k) +
                     " were ranked, so every price is examined (§ 1-3) and "
                     "circa flags no bid"});
    return;
  }
  std::vector<double> sorted;
  for (const int i : valid) sorted.push_back(price(i));
  std::sort(sorted.begin(), sorted.end());
  std::string basis;
  if (k < 7) {
    sorted.pop_back();
    basis = "the mean of the bids without the highest (" + std::to_string(k) +
            " bids, fewer than 7)";
  } else {
    sorted.pop_back();
    sorted.erase(sorted.begin());
    basis = "the mean of the bids without the highest and the lowest (" +
            std::to_string(k) + " bids, 7 or more)";
  }
  const double mean = Mean(sorted);
  for (const int i : valid) {
    if (price(i) <= mean * 0.85) {
      e->abnormally_low[static_cast<std::size_t>(i)] =
          criterion_name + " " + money(price(i)) + " is " +
          Pct(1 - price(i) / mean) + " below " + basis + ", " + money(mean) +
          "; at least 15 % below must be examined (" + law + " § 4)" + ask;
    }
  }
}

}  // namespace

void FlagAbnormallyLow(const AbnormallyLowRule& rule, int column,
                       const std::string& criterion_name,
                       const std::string& currency,
                       const Eigen::MatrixXd& values, Evaluation* e) {
  const auto n = static_cast<std::size_t>(values.rows());
  if (rule.kind == AbnormallyLowRule::Kind::kNone || column < 0) return;
  e->abnormally_low.assign(n, "");
  std::vector<int> valid;
  for (std::size_t i = 0; i < n; ++i) {
    if (e->status[i] == BidStatus::kRanked)
      valid.push_back(static_cast<int>(i));
  }
  const auto price = [&](int i) { return values(i, column); };
  const auto money = [&](double v) {
    return currency + " " + FormatNumber(v, 2);
  };
  const std::string ask =
      "; a justification must be requested before the award (Directive "
      "2014/24/EU art. 69); the bid keeps its rank";
  if (rule.kind == AbnormallyLowRule::Kind::kBelowMean) {
    if (valid.size() < 2) return;
    const double f = rule.percent / 100.0;
    for (const int i : valid) {
      std::vector<double> others;
      for (const int k : valid) {
        if (k != i) others.push_back(price(k));
      }
      const double mean = Mean(others);
      const double limit = mean * (1 - f);
      if (price(i) < limit) {
        e->abnormally_low[static_cast<std::size_t>(i)] =
            criterion_name + " " + money(price(i)) + " is " +
            Pct(1 - price(i) / mean) + " below the mean of the other " +
            std::to_string(others.size()) + " valid bids (" + money(mean) +
            "); the declared limit is " + FormatNumber(rule.percent, -1) +
            " % below (" + money(limit) + ")" + ask;
      }
    }
    return;
  }
  // The share of the points the price column carries: both national rules
  // below were written for awards on price alone.
  const double total_weight = e->weights.size() > 0 ? e->weights.sum() : 0.0;
  const double price_share =
      total_weight > 0 ? e->weights[column] / total_weight : 1.0;
  const bool price_only = price_share > 1 - 1e-9;
  if (rule.kind == AbnormallyLowRule::Kind::kKb2017Art36) {
    FlagBelgianPriceExamination(rule, column, criterion_name, price_share,
                                valid, price, money, ask, e);
    return;
  }
  // Spain, Real Decreto 1098/2001 (RGLCAP) art. 85, price-only awards
  // (subastas): "units of percentage" read as percent of the reference
  // amount.
  if (!price_only) {
    e->notes.push_back(
        {column,
         "abnormally-low: rglcap-85 (Spain, RGLCAP art. 85) is meant "
         "for price-only awards; here " +
             criterion_name + " carries " + Pct(price_share) +
             " of the points, so its flags are indicative only"});
  }
  const std::size_t k = valid.size();
  const std::string cite = " (Spain, RGLCAP art. 85.";
  const auto below_budget = [&](int i, const std::string& paragraph) {
    if (!rule.budget || price(i) >= *rule.budget * 0.75) return false;
    e->abnormally_low[static_cast<std::size_t>(i)] =
        criterion_name + " " + money(price(i)) + " is " +
        Pct(1 - price(i) / *rule.budget) + " below the budget " +
        money(*rule.budget) + "; more than 25 % below is abnormally low" +
        cite + paragraph + ")" + ask;
    return true;
  };
  if (k == 1) {
    if (!rule.budget) {
      e->notes.push_back(
          {column,
           "abnormally-low: RGLCAP art. 85.1 (Spain) compares a single bid "
           "with the tender budget, which the criteria set does not "
           "declare (abnormally-low.budget); not checked"});
      return;
    }
    below_budget(valid.front(), "1");
    return;
  }
  if (k == 2) {
    for (std::size_t a = 0; a < 2; ++a) {
      const int i = valid[a];
      const int other = valid[1 - a];
      if (price(i) < price(other) * 0.80) {
        e->abnormally_low[static_cast<std::size_t>(i)] =
            criterion_name + " " + money(price(i)) + " is " +
            Pct(1 - price(i) / price(other)) + " below the other bid (" +
            money(price(other)) + "); more than 20 % below is abnormally low" +
            cite + "2)" + ask;
      }
    }
    return;
  }
  std::vector<double> all;
  for (const int i : valid) all.push_back(price(i));
  double mean = Mean(all);
  std::string basis = "the mean of the " + std::to_string(k) + " bids";
  if (k == 3) {
    // 85.3: the highest bid leaves the mean when it is more than 10 % above
    // it.
    const auto hi = std::max_element(all.begin(), all.end());
    if (*hi > mean * 1.10) {
      std::vector<double> rest = all;
      rest.erase(rest.begin() + (hi - all.begin()));
      mean = Mean(rest);
      basis =
          "the mean of the 2 lower bids (the highest is more than 10 % above "
          "the mean of all 3 and is left out)";
    }
    if (!rule.budget) {
      e->notes.push_back(
          {column,
           "abnormally-low: RGLCAP art. 85.3 (Spain) also holds any of three "
           "bids more than 25 % below the tender budget abnormally low; the "
           "criteria set declares no budget (abnormally-low.budget), so that "
           "clause is not checked"});
    }
  } else {
    // 85.4: a new mean without the bids more than 10 % above the first; if
    // fewer than 3 remain, the mean of the 3 lowest.
    std::vector<double> rest;
    for (const double p : all) {
      if (p <= mean * 1.10) rest.push_back(p);
    }
    if (rest.size() != all.size()) {
      if (rest.size() < 3) {
        std::vector<double> sorted = all;
        std::sort(sorted.begin(), sorted.end());
        rest.assign(sorted.begin(), sorted.begin() + 3);
        basis = "the mean of the 3 lowest bids";
      } else {
        basis = "the mean of the " + std::to_string(rest.size()) +
                " bids not more than 10 % above the mean of all " +
                std::to_string(k);
      }
      mean = Mean(rest);
    }
  }
  const std::string article = k == 3 ? "3)" : "4)";
  for (const int i : valid) {
    if (price(i) < mean * 0.90) {
      e->abnormally_low[static_cast<std::size_t>(i)] =
          criterion_name + " " + money(price(i)) + " is " +
          Pct(1 - price(i) / mean) + " below " + basis + " (" + money(mean) +
          "); more than 10 % below is abnormally low" + cite + article + ask;
    } else if (k == 3) {
      // 85.3, last sentence: with three bids, more than 25 units below the
      // budget is abnormal in any case.
      below_budget(i, "3");
    }
  }
}

}  // namespace circa::score
