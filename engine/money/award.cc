// The money-based award on a tender: requirements (the award order's
// first stage, shared with the points scorer), then the money method on the
// bids that remain.
#include "circa/award.h"

#include <cassert>

#include "circa/load.h"
#include "io/numbers.h"
#include "rank/rank.h"
#include "score/stages.h"
#include "util/number_format.h"

namespace circa {
namespace {

// Applies the set's declared tie-break policy to bids with equal evaluated
// prices (the scorer's rank::Rank on the negated evaluated prices), and
// records for each tied bid the tie record that settled it.
void BreakTies(const CriteriaSet& set, const BidSet& bids, AwardResult* out) {
  MoneyRanking& r = out->ranking;
  if (r.ties.empty()) return;
  const std::size_t n = r.bids.size();
  Evaluation e;
  e.totals.resize(static_cast<Eigen::Index>(n));
  std::vector<std::string> ids;
  for (std::size_t k = 0; k < n; ++k) {
    e.totals[static_cast<Eigen::Index>(k)] = -r.bids[k].evaluated;
    ids.push_back(r.bids[k].id);
  }
  const auto row = [out](int k) {
    return static_cast<Eigen::Index>(out->ranked[static_cast<std::size_t>(k)]);
  };
  // The declared policy, compiled as the points scorer compiles it; a
  // {lower: ...} on a group has no single value and {higher: ...} is
  // refused in a money-award set, so both are left out.
  rank::TieInputs in;
  in.bids = &bids;
  in.row = row;
  in.ids = &ids;
  in.lower_value = [&bids, &row](const TieBreakStep& step) -> rank::TieKeyFn {
    Eigen::Index j = -1;
    for (std::size_t c = 0; c < bids.criteria.size(); ++c) {
      if (bids.criteria[c] == step.target) j = static_cast<Eigen::Index>(c);
    }
    if (j < 0) return {};
    return [&bids, row, j](int k) -> std::optional<double> {
      return bids.values(row(k), j);
    };
  };
  const std::vector<rank::TieRule> policy =
      rank::CompilePolicy(set.tie_break, in);
  rank::Rank(&e, policy);
  r.order.clear();
  for (const int k : e.order) r.order.push_back(static_cast<std::size_t>(k));
  r.tie_policy = policy.empty() ? MoneyTiePolicy::kNoneDeclared
                                : MoneyTiePolicy::kDeclared;
  for (const TieBreakRecord& t : e.tie_breaks) {
    for (const int k : t.bids) {
      MoneyBidResult& b = r.bids[static_cast<std::size_t>(k)];
      b.rank = e.rank[static_cast<std::size_t>(k)];
      b.tied = e.tied[static_cast<std::size_t>(k)];
      b.tie_record = static_cast<int>(out->tie_breaks.size());
    }
    out->tie_breaks.push_back(t);
  }
}

}  // namespace

Result<AwardResult> EvaluateAward(const CriteriaSet& criteria,
                                  const BidSet& bids) {
  assert(criteria.award);
  const MoneyAward& award = *criteria.award;
  Diagnostics diag;
  AwardResult out;
  out.award = award;
  const auto n = static_cast<std::size_t>(bids.size());
  out.exclusion.assign(n, Exclusion{});
  int price = -1;
  for (std::size_t j = 0; j < bids.criteria.size(); ++j) {
    if (bids.criteria[j] == award.price) price = static_cast<int>(j);
  }
  if (price < 0) {
    // The reader refuses such a set (award.price); a set built in code or
    // decoded from an archive's compact form can still name no bid column
    // (found by fuzz_batch: tests/fuzz/corpus/batch/crash-award-price-*).
    diag.Error({criteria.source, 0, 0}, "award.price",
               "expected the id of a price or cost leaf criterion (the "
               "bid-file column holding each bid's price), got \"" +
                   award.price + "\"");
    return {std::nullopt, diag.Take()};
  }
  std::vector<MoneyBid> money;
  for (std::size_t i = 0; i < n; ++i) {
    const auto row = static_cast<Eigen::Index>(i);
    out.exclusion[i] = score::CheckRequirements(criteria.requirements, bids,
                                                row, bids.criteria);
    if (out.exclusion[i].stage != ExclusionStage::kNone) continue;
    MoneyBid b;
    b.id = bids.ids[i];
    b.supplier = bids.suppliers[i];
    b.price = bids.values(row, price);
    b.where = i < bids.rows.size() ? bids.rows[i] : SourceLocation{};
    const auto field = [&](const std::string& column) -> const std::string* {
      const int f = bids.FieldIndex(column);
      if (f < 0 || static_cast<std::size_t>(f) >= bids.fields.size()) {
        return nullptr;
      }
      const std::string& text = bids.fields[static_cast<std::size_t>(f)][i];
      return text.empty() ? nullptr : &text;
    };
    for (const std::string& column : award.LevelColumns()) {
      if (const std::string* text = field(column)) b.levels[column] = *text;
    }
    for (const std::string& column : award.ValueColumns()) {
      const std::string* text = field(column);
      if (text == nullptr) continue;  // the method reports it missing
      // Read as a number when the bid file was read (docs/bids-format.md).
      if (const auto number =
              bids.FieldNumber(column, static_cast<Eigen::Index>(i))) {
        b.values[column] = *number;
        continue;
      }
      double v = 0;
      std::string why;
      if (!ParseLocaleNumber(*text, bids.locale, &v, &why)) {
        diag.Error(
            b.where, "bids[" + b.id + "]." + column,
            why.empty() ? "expected a number, got \"" + *text + "\"" : why);
        continue;
      }
      b.values[column] = v;
    }
    out.ranked.push_back(static_cast<int>(i));
    money.push_back(std::move(b));
  }
  if (diag.HasErrors()) return {std::nullopt, diag.Take()};
  Result<MoneyRanking> ranking = EvaluateMoneyAward(award, money);
  diag.Append(ranking.diagnostics);
  if (!ranking.ok()) return {std::nullopt, diag.Take()};
  out.ranking = std::move(*ranking.value);
  BreakTies(criteria, bids, &out);
  return {std::move(out), diag.Take()};
}

}  // namespace circa
