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

std::vector<FailedCondition> CheckRequirement(
    const Requirement& requirement, const BidSet& bids, Eigen::Index bid,
    const std::vector<std::string>& leaf_ids) {
  std::vector<FailedCondition> failures;
  for (std::size_t g = 0; g < requirement.groups.size(); ++g) {
    const std::size_t before = failures.size();
    const RequirementGroup& group = requirement.groups[g];
    for (std::size_t k = 0; k < group.conditions.size(); ++k) {
      const Condition& c = group.conditions[k];
      Value v = ValueOf(c, bids, bid, leaf_ids);
      if (!Holds(c, v)) {
        failures.push_back({static_cast<int>(g), static_cast<int>(k), c,
                            std::move(v.text), v.number});
      }
    }
    if (failures.size() == before) return {};
  }
  return failures;
}

Exclusion CheckRequirements(const std::vector<Requirement>& requirements,
                            const BidSet& bids, Eigen::Index bid,
                            const std::vector<std::string>& leaf_ids) {
  Exclusion x;
  for (const Requirement& r : requirements) {
    std::vector<FailedCondition> failed =
        CheckRequirement(r, bids, bid, leaf_ids);
    if (!failed.empty()) {
      x.stage = ExclusionStage::kRequirement;
      x.rule = r.id;
      x.failed = std::move(failed);
      break;
    }
  }
  return x;
}

namespace {

double Mean(const std::vector<double>& v) {
  return v.empty() ? 0.0
                   : std::accumulate(v.begin(), v.end(), 0.0) /
                         static_cast<double>(v.size());
}

Note RuleNote(NoteKind kind, int column) {
  Note note;
  note.kind = kind;
  note.column = column;
  return note;
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
template <typename Price>
void FlagBelgianPriceExamination(const AbnormallyLowRule& rule, int column,
                                 double price_share,
                                 const std::vector<int>& valid,
                                 const Price& price, Evaluation* e) {
  const bool numeric =
      rule.contract == AbnormallyLowContract::kWorks ||
      rule.contract == AbnormallyLowContract::kFraudSensitiveServices;
  if (!numeric) {
    Note note = RuleNote(NoteKind::kAbnormallyLowNoNumber, column);
    note.contract = rule.contract;
    e->notes.push_back(std::move(note));
    return;
  }
  if (price_share < 0.5) {
    Note note = RuleNote(NoteKind::kAbnormallyLowPriceShare, column);
    note.share = price_share;
    e->notes.push_back(std::move(note));
    return;
  }
  const std::size_t k = valid.size();
  if (k < 4) {
    Note note = RuleNote(NoteKind::kAbnormallyLowTooFewBids, column);
    note.count = static_cast<int>(k);
    e->notes.push_back(std::move(note));
    return;
  }
  std::vector<double> sorted;
  for (const int i : valid) sorted.push_back(price(i));
  std::sort(sorted.begin(), sorted.end());
  AbnormallyLowBasis basis = AbnormallyLowBasis::kMeanWithoutHighest;
  sorted.pop_back();
  if (k >= 7) {
    sorted.erase(sorted.begin());
    basis = AbnormallyLowBasis::kMeanWithoutHighestAndLowest;
  }
  const double mean = Mean(sorted);
  for (const int i : valid) {
    if (price(i) <= mean * 0.85) {
      AbnormallyLowFlag& f = e->abnormally_low[static_cast<std::size_t>(i)];
      f.basis = basis;
      f.rule = rule.kind;
      f.price = price(i);
      f.reference = mean;
      f.below = 1 - price(i) / mean;
      f.threshold = 15;
      f.count = static_cast<int>(sorted.size());
      f.of = static_cast<int>(k);
    }
  }
}

}  // namespace

void FlagAbnormallyLow(const AbnormallyLowRule& rule, int column,
                       const Eigen::MatrixXd& values, Evaluation* e) {
  const auto n = static_cast<std::size_t>(values.rows());
  if (rule.kind == AbnormallyLowRule::Kind::kNone || column < 0) return;
  e->abnormally_low.assign(n, AbnormallyLowFlag{});
  std::vector<int> valid;
  for (std::size_t i = 0; i < n; ++i) {
    if (e->status[i] == BidStatus::kRanked)
      valid.push_back(static_cast<int>(i));
  }
  const auto price = [&](int i) { return values(i, column); };
  const auto flag = [&](int i, AbnormallyLowBasis basis, double reference,
                        double threshold) -> AbnormallyLowFlag& {
    AbnormallyLowFlag& f = e->abnormally_low[static_cast<std::size_t>(i)];
    f.basis = basis;
    f.rule = rule.kind;
    f.price = price(i);
    f.reference = reference;
    f.below = 1 - price(i) / reference;
    f.threshold = threshold;
    f.of = static_cast<int>(valid.size());
    return f;
  };
  if (rule.kind == AbnormallyLowRule::Kind::kBelowMean) {
    if (valid.size() < 2) return;
    const double fraction = rule.percent / 100.0;
    for (const int i : valid) {
      std::vector<double> others;
      for (const int k : valid) {
        if (k != i) others.push_back(price(k));
      }
      const double mean = Mean(others);
      const double limit = mean * (1 - fraction);
      if (price(i) < limit) {
        AbnormallyLowFlag& f =
            flag(i, AbnormallyLowBasis::kMeanOfOthers, mean, rule.percent);
        f.limit = limit;
        f.count = static_cast<int>(others.size());
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
    FlagBelgianPriceExamination(rule, column, price_share, valid, price, e);
    return;
  }
  // Spain, Real Decreto 1098/2001 (RGLCAP) art. 85, price-only awards
  // (subastas): "units of percentage" read as percent of the reference
  // amount.
  if (!price_only) {
    Note note = RuleNote(NoteKind::kAbnormallyLowIndicative, column);
    note.share = price_share;
    e->notes.push_back(std::move(note));
  }
  const std::size_t k = valid.size();
  const auto below_budget = [&](int i, int paragraph) {
    if (!rule.budget || price(i) >= *rule.budget * 0.75) return false;
    flag(i, AbnormallyLowBasis::kBudget, *rule.budget, 25).paragraph =
        paragraph;
    return true;
  };
  if (k == 1) {
    if (!rule.budget) {
      e->notes.push_back(RuleNote(NoteKind::kAbnormallyLowNoBudgetOne, column));
      return;
    }
    below_budget(valid.front(), 1);
    return;
  }
  if (k == 2) {
    for (std::size_t a = 0; a < 2; ++a) {
      const int i = valid[a];
      const int other = valid[1 - a];
      if (price(i) < price(other) * 0.80) {
        AbnormallyLowFlag& f =
            flag(i, AbnormallyLowBasis::kOtherBid, price(other), 20);
        f.paragraph = 2;
        f.count = 1;
      }
    }
    return;
  }
  std::vector<double> all;
  for (const int i : valid) all.push_back(price(i));
  double mean = Mean(all);
  AbnormallyLowBasis basis = AbnormallyLowBasis::kMeanOfAll;
  std::size_t count = k;
  if (k == 3) {
    // 85.3: the highest bid leaves the mean when it is more than 10 % above
    // it.
    const auto hi = std::max_element(all.begin(), all.end());
    if (*hi > mean * 1.10) {
      std::vector<double> rest = all;
      rest.erase(rest.begin() + (hi - all.begin()));
      mean = Mean(rest);
      basis = AbnormallyLowBasis::kMeanOfTwoLower;
      count = 2;
    }
    if (!rule.budget) {
      e->notes.push_back(
          RuleNote(NoteKind::kAbnormallyLowNoBudgetThree, column));
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
        basis = AbnormallyLowBasis::kMeanOfThreeLowest;
      } else {
        basis = AbnormallyLowBasis::kMeanWithinTenPercent;
      }
      count = rest.size();
      mean = Mean(rest);
    }
  }
  const int paragraph = k == 3 ? 3 : 4;
  for (const int i : valid) {
    if (price(i) < mean * 0.90) {
      AbnormallyLowFlag& f = flag(i, basis, mean, 10);
      f.paragraph = paragraph;
      f.count = static_cast<int>(count);
    } else if (k == 3) {
      // 85.3, last sentence: with three bids, more than 25 units below the
      // budget is abnormal in any case.
      below_budget(i, 3);
    }
  }
}

}  // namespace circa::score
