// The market view over published notices in the archive (docs/archive.md,
// "Market view"): how buyers weigh price, how often price alone decides,
// how often environmental, social or circular criteria appear, and, where
// results are published, how often the winning tender cost more than the
// lowest one and by how much. Every figure comes with the caveats needed
// to read it (sample size, lots without weights or results, currencies).
#ifndef CIRCA_MARKET_H_
#define CIRCA_MARKET_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "circa/archive.h"
#include "circa/language.h"

namespace circa {

// One lot of one archived notice as the market view counts it.
struct MarketLot {
  std::int64_t archive_id = 0;
  std::string reference;  // the notice's (ArchivedTender::info.reference)
  std::string lot;        // the lot id as published
  std::string buyer;
  std::string date;
  std::string cpv;
  std::string currency;  // of the results, else of the lot
  int criteria = 0;
  // The share of the lot's weights on price and cost criteria (0..1;
  // "price or cost", Directive 2014/24/EU art. 67); nullopt when the lot
  // has no criteria or not every weight could be read.
  std::optional<double> price_weight;
  bool price_only = false;  // every criterion is a price criterion
  bool cost_only = false;   // every criterion is a cost criterion
  bool environmental = false;
  bool social = false;
  bool circular = false;
  // What the notice codes (BT-06, BT-774, BT-775, BT-805): an environmental
  // objective (env-imp, any BT-774 code, a BT-805 code), a social one
  // (soc-obj, any BT-775 code), circular economy (BT-774 circ-econ).
  bool objective_environmental = false;
  bool objective_social = false;
  bool objective_circular = false;
  std::optional<double> winning_value;  // BT-720
  std::optional<double> lowest_value;   // BT-710
  std::optional<double> highest_value;  // BT-711
  std::optional<int> tenders_received;  // BT-759
  // winning / lowest - 1, when both are published and lowest > 0.
  std::optional<double> premium;
};

// Quantiles of a sample (linear interpolation between order statistics).
struct MarketDistribution {
  int count = 0;
  double min = 0, p25 = 0, median = 0, p75 = 0, max = 0, mean = 0;
};

struct MarketView {
  int notices = 0;
  int tenders_skipped = 0;  // archived tenders (not notices) in the filter
  // Notices with the reference, date and buyer of an earlier one (the same
  // notice in two files, or versions of it): each is counted.
  int possible_duplicates = 0;
  std::vector<MarketLot> lots;  // every lot of every notice, archive order

  int lots_with_criteria = 0;
  int lots_with_weights = 0;         // every criterion's weight read
  int lots_without_weights = 0;      // criteria, but not every weight read
  MarketDistribution price_weights;  // over lots_with_weights
  // Lots with weights by their price weight: 0, under 30 %, 30-49 %,
  // 50-69 %, 70-99 %, 100 %.
  std::vector<int> price_weight_bands;
  int price_only = 0;                               // of lots_with_criteria
  int cost_only = 0;                                // of lots_with_criteria
  int environmental = 0, social = 0, circular = 0;  // of lots_with_criteria
  int objective_environmental = 0, objective_social = 0,
      objective_circular = 0;  // of every lot

  int lots_with_results = 0;  // any of BT-720, 710, 711, 759
  int lots_with_winning_and_lowest = 0;
  int above_lowest = 0;        // winning value > lowest tender value
  int below_lowest = 0;        // winning value < lowest: inconsistent
  MarketDistribution premium;  // over the lots above the lowest
  MarketDistribution tenders_received;
  // Lots with both values per currency, "EUR" -> count, sorted by code.
  std::vector<std::pair<std::string, int>> currencies;
};

// The view over the notices the filter takes (tenders are counted apart).
MarketView ComputeMarketView(const Archive& archive,
                             const ArchiveFilter& filter = {});

enum class MarketFormat { kTable, kMarkdown, kCsv, kJson };
std::optional<MarketFormat> MarketFormatFromString(std::string_view text);

// The view with its caveats. Table and Markdown: sentences in `language`;
// CSV: one row per lot; JSON: one object (summary, caveats, lots).
std::string RenderMarketView(const MarketView& view, MarketFormat format,
                             Language language = Language::kEnglish);

}  // namespace circa

#endif  // CIRCA_MARKET_H_
