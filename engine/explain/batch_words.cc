// The words of a batch comparison (docs/batch.md).
#include "explain/batch_words.h"

#include <string>
#include <vector>

#include "util/number_format.h"

namespace circa::explain {
namespace {

std::string Pct(double fraction) {
  return util::FormatFixed(fraction * 100, 1) + " %";
}

std::string Of(int part, int whole) {
  return std::to_string(part) + " of " + std::to_string(whole) +
         (whole > 0 ? " (" + Pct(static_cast<double>(part) / whole) + ")" : "");
}

}  // namespace

std::vector<std::string> BatchTenderHeadings(
    const std::vector<std::string>& scenarios) {
  std::vector<std::string> out = {"tender",      "product group",  "year",
                                  "bids",        "winner",         "published",
                                  "margin",      "lowest won",     "premium",
                                  "price share", "circular share", "fragile"};
  for (const std::string& s : scenarios) out.push_back(s);
  return out;
}

std::vector<std::string> BatchTenderCells(const TenderBatchResult& r) {
  std::vector<std::string> out;
  out.push_back(r.info.reference);
  out.push_back(r.info.product_group);
  out.push_back(r.info.Year() > 0 ? std::to_string(r.info.Year()) : "");
  out.push_back(std::to_string(r.bids));
  out.push_back(r.winner.empty() ? "none" : r.winner);
  out.push_back(r.info.published_winner.empty()
                    ? ""
                    : (r.mismatch ? r.info.published_winner + " (differs)"
                                  : r.info.published_winner));
  out.push_back(r.ranked > 1 ? util::FormatFixed(r.margin, 2) : "");
  out.push_back(r.has_price ? (r.lowest_won ? "yes" : "no") : "");
  out.push_back(r.has_price ? Pct(r.premium) : "");
  out.push_back(Pct(r.price_share));
  out.push_back(Pct(r.circular_share));
  std::string fragile =
      r.reversal_probed ? (r.reversals > 0 ? "yes" : "no") : "";
  if (r.acceptability) {
    fragile += (fragile.empty() ? "" : ", ") + Pct(*r.acceptability) + " first";
  }
  out.push_back(fragile);
  for (const ScenarioResult& s : r.scenarios) {
    if (!s.error.empty()) {
      out.push_back("n/a");
    } else if (s.flip) {
      out.push_back("flips to " + (s.winner.empty() ? "none" : s.winner));
    } else {
      out.push_back("same");
    }
  }
  return out;
}

std::string BatchGroupTitle(const BatchGroup& g) {
  if (g.product_group.empty() && g.year == 0) return "every tender";
  std::string out =
      g.product_group.empty() ? "no product group" : g.product_group;
  out += ", ";
  out += g.year > 0 ? std::to_string(g.year) : "no year";
  return out;
}

std::vector<std::string> BatchGroupLines(
    const BatchGroup& g, const std::vector<std::string>& scenarios) {
  std::vector<std::string> out;
  std::string scored = std::to_string(g.tenders) + " tenders scored";
  if (g.failed > 0)
    scored += ", " + std::to_string(g.failed) + " could not be scored";
  out.push_back(scored + ".");
  if (g.mismatches > 0) {
    out.push_back("The recomputed winner differs from the published one in " +
                  Of(g.mismatches, g.tenders) + " tenders.");
  }
  for (std::size_t s = 0; s < scenarios.size() && s < g.flips.size(); ++s) {
    const int applied = g.tenders - g.scenario_errors[s];
    std::string line = "Scenario " + scenarios[s] + ": the winner changes in " +
                       Of(g.flips[s], applied) + " tenders";
    if (g.scenario_errors[s] > 0) {
      line += "; it does not apply to " + std::to_string(g.scenario_errors[s]);
    }
    out.push_back(line + ".");
  }
  out.push_back("Margin of the winner in points: median " +
                util::FormatFixed(g.margins.median, 2) + " (min " +
                util::FormatFixed(g.margins.min, 2) + ", quartiles " +
                util::FormatFixed(g.margins.p25, 2) + " and " +
                util::FormatFixed(g.margins.p75, 2) + ", max " +
                util::FormatFixed(g.margins.max, 2) + ").");
  out.push_back("Rank reversal possible (fragile award) in " +
                Of(g.fragile, g.tenders) + " tenders.");
  if (g.with_price > 0) {
    out.push_back("The lowest price won " + Of(g.lowest_won, g.with_price) +
                  " tenders with a price criterion; mean premium paid over "
                  "the lowest price " +
                  Pct(g.mean_premium) + ".");
    for (const PriceWeightBand& b : g.bands) {
      if (b.tenders == 0) continue;
      out.push_back("Price weight " + util::FormatFixed(b.lo * 100, 0) + "-" +
                    util::FormatFixed(b.hi * 100, 0) + " %: " +
                    std::to_string(b.tenders) + " tenders, lowest price won " +
                    Of(b.lowest_won, b.tenders) + ", mean premium " +
                    Pct(b.mean_premium) + ".");
    }
  }
  out.push_back("Mean share of the points: price " + Pct(g.mean_type_share[0]) +
                ", cost " + Pct(g.mean_type_share[1]) + ", quality " +
                Pct(g.mean_type_share[2]) + "; circular criteria " +
                Pct(g.mean_circular_share) + ".");
  std::string by;
  for (std::size_t k = 0; k < g.mean_strategy_share.size(); ++k) {
    if (g.mean_strategy_share[k] <= 0) continue;
    if (!by.empty()) by += ", ";
    by += std::string(ToString(AllStrategies()[k])) + " " +
          Pct(g.mean_strategy_share[k]);
  }
  if (!by.empty()) out.push_back("By strategy: " + by + ".");
  return out;
}

std::string BatchFailure(const TenderBatchResult& r) {
  return (r.path.empty() ? r.info.reference : r.path) + ": " + r.error;
}

}  // namespace circa::explain
