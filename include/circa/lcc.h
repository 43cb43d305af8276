// Life-cycle cost (LCC / TCO) of offers from a cost profile: acquisition,
// yearly operating cost, maintenance and repair, service fees, priced
// externalities, end-of-life cost and residual value, discounted over one
// declared horizon (Directive 2014/24/EU art. 68; DOMAIN.md §5):
//
//   LCC = acquisition + sum_{t=1..N} (operating + maintenance + externality)_t
//         / (1+r)^t + (end-of-life - residual) / (1+r)^N
//
// Purchase and product-as-a-service offers are compared in one table.
// File format, replacement and residual rules: docs/lcc.md.
#ifndef CIRCA_LCC_H_
#define CIRCA_LCC_H_

#include <Eigen/Core>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "circa/diagnostics.h"

namespace circa {

// Columns of the per-year cost matrices, in this order.
enum class LccComponent {
  kAcquisition,    // price + installation (year 0), replacements (year k)
  kOperating,      // energy, fuel, consumables: quantity x unit price
  kMaintenance,    // planned maintenance
  kRepair,         // repair
  kServiceFee,     // product-as-a-service fee
  kExternalities,  // emissions x buyer-supplied shadow price
  kEndOfLife,      // collection, recycling, disposal
  kResidual,       // residual or buy-back value (negative: it is received)
};
inline constexpr int kLccComponents = 8;

std::string_view ToString(LccComponent component);  // "end-of-life"...
std::string_view Label(LccComponent component);     // "end of life"...

enum class OfferKind { kPurchase, kService };
std::string_view ToString(OfferKind kind);

// What a purchased unit is worth at the horizon when the offer declares no
// residual value.
enum class ResidualRule {
  kLinear,  // price x remaining life / lifetime (straight-line)
  kNone,    // nothing
};
std::string_view ToString(ResidualRule rule);

// A buyer-supplied unit price (energy tariff, shadow price of an emission).
struct CostPrice {
  std::string name;    // "electricity", "co2"
  double price = 0;    // currency per `unit`
  std::string unit;    // "kWh", "kg"
  std::string source;  // where the value comes from (free text)
  SourceLocation where;
};

// A yearly usage driver shared by all offers ("distance": 25,000 km/year).
struct UsageDriver {
  std::string name;
  std::vector<double> quantity;  // per year t = 1..N
  std::string unit;
  SourceLocation where;
};

// One yearly cost line of an offer, resolved to money for each year.
struct CostLine {
  LccComponent component = LccComponent::kOperating;
  std::string name;              // "diesel", "maintenance", "fee"
  std::vector<double> quantity;  // per year in `unit`; empty: money only
  std::string unit;
  double unit_price = 0;       // currency per `unit` (converted)
  std::string price_basis;     // "prices.diesel", "unit-price"...
  std::vector<double> amount;  // per year t = 1..N, in currency
  SourceLocation where;
};

struct CostOffer {
  std::string id;
  std::string supplier;
  std::string description;
  OfferKind kind = OfferKind::kPurchase;
  double price = 0;         // purchase price (purchase offers)
  double installation = 0;  // year 0; a service's set-up fee
  // A replacement unit's cost (default: price + installation).
  std::optional<double> replacement_price;
  int lifetime = 0;  // years one unit lasts (purchase); 0: the horizon
  std::vector<CostLine> lines;        // yearly lines, file order
  double end_of_life = 0;             // per disposal
  std::optional<double> residual;     // declared value at the horizon
  std::vector<std::string> includes;  // what a service fee includes
  bool take_back = false;  // a service provider takes the product back
  SourceLocation where;
};

struct CostProfile {
  int format = 1;
  std::string id;
  std::string title;
  std::string currency = "EUR";
  int horizon = 0;           // N years, >= 1
  double discount_rate = 0;  // r, 0 <= r < 1
  ResidualRule residual_rule = ResidualRule::kLinear;
  std::vector<UsageDriver> usage;
  std::vector<CostPrice> prices;
  std::vector<CostPrice> shadow_prices;
  std::vector<CostOffer> offers;
  std::string source;  // file read
  std::string sha256;  // of its bytes
};

struct CostProfileOptions {
  // Larger files are refused before parsing.
  std::size_t max_bytes = 4u << 20;
  // Longest horizon accepted, in years.
  int max_horizon = 100;
  // Stop collecting after this many errors (as LoadOptions::max_errors).
  int max_errors = 50;

  // True if the options can be used; otherwise writes why to `why` (when
  // not null).
  bool IsValid(std::string* why) const {
    const char* problem = max_bytes == 0    ? "max_bytes: must be > 0"
                          : max_horizon < 1 ? "max_horizon: must be >= 1"
                          : max_errors < 1  ? "max_errors: must be >= 1"
                                            : nullptr;
    if (problem != nullptr && why != nullptr) *why = problem;
    return problem == nullptr;
  }
};

// Reads and validates a cost profile, reporting every problem at once with
// file:line:column, field path and what was expected. A path ending in
// ".csv" is read as CSV (ParseCostProfileCsv), any other as YAML.
Result<CostProfile> LoadCostProfileFile(const std::string& path,
                                        const CostProfileOptions& options = {});
// The YAML form (docs/lcc.md, "Format").
Result<CostProfile> ParseCostProfile(std::string_view text,
                                     const std::string& file_name,
                                     const CostProfileOptions& options = {});
// The CSV form (docs/lcc.md, "CSV layout"): the same profile as rows of
// offer, key, name, value, unit, per, unit-price, note. It is checked by
// the same rules as the YAML form, with the same messages and field paths;
// positions point at the CSV cells.
Result<CostProfile> ParseCostProfileCsv(std::string_view text,
                                        const std::string& file_name,
                                        const CostProfileOptions& options = {});

// How an offer's residual value at the horizon was found.
enum class ResidualBasis {
  kServiceTakeBack,  // a service; the provider takes the product back: 0
  kServiceOwned,     // a service; the provider owns the product: 0
  kDeclared,         // declared by the bidder (CostOffer::residual)
  kEndOfLife,        // the unit in service reaches the end of its life at
                     // the horizon: 0
  kNoneDeclared,     // nothing declared and residual-rule none: 0
  kLinear,           // price x years_left / life (residual-rule linear)
};
std::string_view ToString(ResidualBasis basis);  // "declared"...

struct LccResidual {
  ResidualBasis basis = ResidualBasis::kDeclared;
  int life = 0;        // kEndOfLife, kLinear: years one unit lasts
  int years_left = 0;  // kLinear: of the unit in service at the horizon
  double price = 0;    // kLinear: that unit's price
};

struct LccOfferResult {
  std::string id;
  std::string supplier;
  OfferKind kind = OfferKind::kPurchase;
  // Money per year (rows t = 0..N) and component (kLccComponents columns),
  // as paid; and the same with row t multiplied by (1+r)^-t.
  Eigen::MatrixXd nominal;
  Eigen::MatrixXd discounted;
  // Present value per component: discount_factors^T * nominal.
  Eigen::RowVectorXd present_value;
  double lcc = 0;          // sum of present_value
  double lcc_rounded = 0;  // to cents; ranked on
  double price = 0;        // purchase price (purchase offers; 0 for a service)
  double acquisition = 0;  // year 0 outlay (price + installation)
  std::vector<int> replacement_years;
  double residual = 0;         // value at the horizon (undiscounted)
  LccResidual residual_basis;  // how `residual` was found
  int rank = 0;                // 1 = lowest LCC; tied offers share a rank
  bool tied = false;
  int tie_group = -1;    // index into LccEvaluation::ties, or -1
  SourceLocation where;  // the offer in the profile (CostOffer::where)
};

struct LccEvaluation {
  std::string source;  // the profile's file (CostProfile::source)
  std::string sha256;  // of its bytes
  std::string currency = "EUR";
  int horizon = 0;
  double discount_rate = 0;
  Eigen::VectorXd discount_factors;            // (1+r)^-t, t = 0..N
  std::vector<LccOfferResult> offers;          // profile order
  std::vector<std::size_t> order;              // lowest LCC first
  std::vector<std::vector<std::size_t>> ties;  // never broken here
};

// Computes every offer's LCC from a validated profile.
LccEvaluation EvaluateLcc(const CostProfile& profile);

// (1+r)^-t for t = 0..horizon.
Eigen::VectorXd DiscountFactors(double rate, int horizon);

// Years (1..horizon-1) in which a unit lasting `lifetime` years is replaced.
std::vector<int> ReplacementYears(int lifetime, int horizon);

// The LCC of each bid, in `bid_ids` order (a BidSet's ids), for a `cost`
// criterion scored on life-cycle cost instead of the purchase price. A bid
// with no offer in the profile, and an offer that matches no bid, are
// errors (at the profile's file); so is an LCC beyond +-kMaxLcc or not a
// finite number (at the offer: docs/lcc.md, "Limits").
inline constexpr double kMaxLcc = 1e12;
Result<std::vector<double>> LccForBids(const LccEvaluation& evaluation,
                                       const std::vector<std::string>& bid_ids,
                                       const std::string& profile_file);

// The offer's LCC by id, or nullopt.
std::optional<double> LccOf(const LccEvaluation& evaluation,
                            std::string_view offer_id);

}  // namespace circa

#endif  // CIRCA_LCC_H_
