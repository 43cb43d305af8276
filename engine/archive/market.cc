// The market view's figures (docs/archive.md, "Market view"), counted from
// the archived notices' lots; the words are in engine/explain.
#include "circa/market.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace circa {
namespace {

bool Has(const std::vector<std::string>& v, std::string_view word) {
  return std::find(v.begin(), v.end(), word) != v.end();
}

MarketDistribution Distribution(std::vector<double> values) {
  MarketDistribution d;
  d.count = static_cast<int>(values.size());
  if (values.empty()) return d;
  std::sort(values.begin(), values.end());
  const auto at = [&](double q) {
    const double pos = q * static_cast<double>(values.size() - 1);
    const std::size_t lo = static_cast<std::size_t>(std::floor(pos));
    const std::size_t hi = std::min(lo + 1, values.size() - 1);
    return values[lo] +
           (pos - static_cast<double>(lo)) * (values[hi] - values[lo]);
  };
  d.min = values.front();
  d.max = values.back();
  d.p25 = at(0.25);
  d.median = at(0.5);
  d.p75 = at(0.75);
  double sum = 0;
  for (const double v : values) sum += v;
  d.mean = sum / static_cast<double>(values.size());
  return d;
}

// Band of a price weight: 0, (0, 0.3), [0.3, 0.5), [0.5, 0.7), [0.7, 1),
// 1. Shares are sums of published weights, so 1e-9 absorbs their rounding.
std::size_t Band(double w) {
  constexpr double kEps = 1e-9;
  if (w <= kEps) return 0;
  if (w >= 1 - kEps) return 5;
  if (w < 0.3 - kEps) return 1;
  if (w < 0.5 - kEps) return 2;
  if (w < 0.7 - kEps) return 3;
  return 4;
}

MarketLot Count(const ArchivedTender& t, const NoticeLot& lot) {
  MarketLot m;
  m.archive_id = t.id;
  m.reference = t.info.reference;
  m.lot = lot.lot_id;
  m.buyer = t.info.buyer;
  m.date = t.info.date;
  m.cpv = t.info.cpv;
  m.currency = lot.result_currency.empty() ? lot.currency : lot.result_currency;
  m.criteria = static_cast<int>(lot.criteria.size());
  bool all_shares = !lot.criteria.empty();
  double price = 0;
  m.price_only = !lot.criteria.empty();
  m.cost_only = !lot.criteria.empty();
  for (const NoticeCriterion& c : lot.criteria) {
    if (!c.share) all_shares = false;
    // Price or cost (Directive 2014/24/EU art. 67): TED forms often file
    // the price under AC_COST.
    if ((c.type == "price" || c.type == "cost") && c.share) price += *c.share;
    if (c.type != "price") m.price_only = false;
    if (c.type != "cost") m.cost_only = false;
    m.environmental = m.environmental || Has(c.themes, "environmental");
    m.social = m.social || Has(c.themes, "social");
    m.circular = m.circular || Has(c.themes, "circular");
  }
  if (m.price_only || m.cost_only) {
    m.price_weight = 1.0;
  } else if (all_shares) {
    m.price_weight = price;
  }
  for (const std::string& coded : lot.objectives) {
    const std::size_t colon = coded.find(':');
    const std::string list = coded.substr(0, colon);
    const std::string code =
        colon == std::string::npos ? std::string() : coded.substr(colon + 1);
    if (list == "strategic-procurement") {
      if (code == "env-imp") m.objective_environmental = true;
      if (code == "soc-obj") m.objective_social = true;
    } else if (list == "environmental-impact" || list == "gpp-criteria") {
      m.objective_environmental = true;
      if (code == "circ-econ") m.objective_circular = true;
    } else if (list == "social-objective") {
      m.objective_social = true;
    }
  }
  m.winning_value = lot.winning_value;
  m.lowest_value = lot.lowest_value;
  m.highest_value = lot.highest_value;
  m.tenders_received = lot.tenders_received;
  if (m.winning_value && m.lowest_value && *m.lowest_value > 0) {
    m.premium = *m.winning_value / *m.lowest_value - 1;
  }
  return m;
}

}  // namespace

MarketView ComputeMarketView(const Archive& archive,
                             const ArchiveFilter& filter) {
  MarketView v;
  v.price_weight_bands.assign(6, 0);
  std::vector<double> weights;
  std::vector<double> premiums;
  std::vector<double> received;
  std::map<std::string, int> currencies;
  std::set<std::string> seen;
  for (const ArchivedTender& t : archive.List(filter)) {
    if (!t.notice) {
      ++v.tenders_skipped;
      continue;
    }
    ++v.notices;
    const std::string key =
        t.info.reference + '\n' + t.info.date + '\n' + t.info.buyer;
    if (!seen.insert(key).second) ++v.possible_duplicates;
    for (const NoticeLot& lot : archive.NoticeLots(t.id)) {
      MarketLot m = Count(t, lot);
      if (m.criteria > 0) {
        ++v.lots_with_criteria;
        if (m.price_weight) {
          ++v.lots_with_weights;
          weights.push_back(*m.price_weight);
          ++v.price_weight_bands[Band(*m.price_weight)];
        } else {
          ++v.lots_without_weights;
        }
        v.price_only += m.price_only ? 1 : 0;
        v.cost_only += m.cost_only ? 1 : 0;
        v.environmental += m.environmental ? 1 : 0;
        v.social += m.social ? 1 : 0;
        v.circular += m.circular ? 1 : 0;
      }
      v.objective_environmental += m.objective_environmental ? 1 : 0;
      v.objective_social += m.objective_social ? 1 : 0;
      v.objective_circular += m.objective_circular ? 1 : 0;
      if (m.winning_value || m.lowest_value || m.highest_value ||
          m.tenders_received) {
        ++v.lots_with_results;
      }
      if (m.tenders_received) {
        received.push_back(static_cast<double>(*m.tenders_received));
      }
      if (m.premium) {
        ++v.lots_with_winning_and_lowest;
        ++currencies[m.currency];
        // A premium below one part in a million is the same value written
        // twice (rounding), not a dearer winner.
        if (*m.premium > 1e-6) {
          ++v.above_lowest;
          premiums.push_back(*m.premium);
        } else if (*m.premium < -1e-6) {
          ++v.below_lowest;
        }
      }
      v.lots.push_back(std::move(m));
    }
  }
  v.price_weights = Distribution(std::move(weights));
  v.premium = Distribution(std::move(premiums));
  v.tenders_received = Distribution(std::move(received));
  v.currencies.assign(currencies.begin(), currencies.end());
  return v;
}

std::optional<MarketFormat> MarketFormatFromString(std::string_view text) {
  if (text == "table") return MarketFormat::kTable;
  if (text == "md") return MarketFormat::kMarkdown;
  if (text == "csv") return MarketFormat::kCsv;
  if (text == "json") return MarketFormat::kJson;
  return std::nullopt;
}

}  // namespace circa
