// Money-based award methods: each bid's price is turned into an evaluated
// price in money and the lowest evaluated price wins (DOMAIN.md §3). Four
// methods: fictitious price ("gunnen op waarde"), a discount per level (CO2
// performance ladder, as a percentage or a fixed amount), environmental cost
// added (MKI-W style) and ProZorro features. Every bid gets its breakdown as
// numbers (MoneyAdjustment); engine/explain/ words them for the award
// letter. See docs/money-methods.md.
#ifndef CIRCA_MONEY_H_
#define CIRCA_MONEY_H_

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "circa/diagnostics.h"

namespace circa {

enum class MoneyMethod {
  kFictitiousPrice,    // P - sum of the money value of the levels achieved
  kLadderDiscount,     // P * (1 - d_level), or P - amount_level
  kEnvironmentalCost,  // P + factor * environmental cost
  kProzorro,           // P / (1 + sum v / (1 - sum v_max))
};

std::string_view ToString(MoneyMethod method);

// A bid as the money-based methods see it.
struct MoneyBid {
  std::string id;
  std::string supplier;  // may be empty
  double price = 0;      // the offered price, >= 0
  // Level achieved per criterion id (fictitious price, ladder discount).
  std::map<std::string, std::string> levels;
  // Numbers per criterion id or feature code (environmental cost, ProZorro
  // parameters).
  std::map<std::string, double> values;
  SourceLocation where;  // where the bid starts (for diagnostics)
};

// How a level's `value` reads.
enum class LevelValue {
  kFraction,  // a fraction: of the criterion's money value (fictitious
              // price: 1 = 100 %, 0.6 = 60 %) or a discount (0.05 = 5 %)
  kAmount,    // an amount of money
};

struct ValueLevel {
  std::string name;  // "fully", "partially", "level 3"...
  double value = 0;  // negative: a malus
};

// Fictitious price: a quality criterion worth money.
struct ValueCriterion {
  std::string id;
  std::string name;  // defaults to id
  // Money value of the criterion at 100 % (kFraction levels). Unused for
  // kAmount levels.
  double value = 0;
  LevelValue kind = LevelValue::kFraction;
  std::vector<ValueLevel> levels;
  SourceLocation where;
};

struct FictitiousPrice {
  std::vector<ValueCriterion> criteria;
};

// Discount per level (CO2 performance ladder: level 1/2/3 -> 5/10/15 %).
// kFraction: evaluated = P * (1 - d); kAmount: evaluated = P - amount.
struct LadderDiscount {
  std::string criterion = "co2_ladder";  // key of MoneyBid::levels
  std::string name = "CO2 performance ladder";
  LevelValue kind = LevelValue::kFraction;
  std::vector<ValueLevel> levels;  // a fraction d < 1, or an amount
  SourceLocation where;
};

// Environmental cost added: evaluated = P + factor * environmental cost.
struct EnvironmentalCostAdded {
  std::string criterion = "environmental_cost";  // key of MoneyBid::values
  std::string name = "environmental cost (MKI)";
  double factor = 1;  // declared by the buyer, > 0
  SourceLocation where;
};

// A ProZorro feature (tender.features[]): a code and its enum values.
struct ProzorroFeature {
  std::string code;  // key of MoneyBid::values
  std::string title;
  std::vector<ValueLevel> options;  // enum[]: title and value (>= 0)
  SourceLocation where;
};

// ProZorro: adjusted = P / (1 + sum v / (1 - sum v_max)), with
// sum v_max <= cap (0.30 in ProZorro's rules).
struct ProzorroFeatures {
  std::vector<ProzorroFeature> features;
  double cap = 0.30;
  SourceLocation where;
};

struct MoneyOptions {
  // Currency of the prices (written after amounts).
  std::string currency = "EUR";
  // Evaluated prices are rounded half away from zero to this many decimals
  // before they are compared and printed (2: cents; ProZorro publishes
  // weightedValue.amount to 2 decimals). Between 0 and 6.
  int decimals = 2;

  bool IsValid(std::string* why) const;
};

// What moved the price for one criterion, and on what basis.
enum class AdjustmentKind {
  kValueShare,      // fictitious price: `value` (a fraction) x `base`, the
                    // criterion's money value at 100 %; lowers the price
  kValueAmount,     // fictitious price: the level is worth `value` in money
                    // (negative: a malus); lowers the price by it
  kDiscountShare,   // ladder: a discount of `value` (a fraction) x `base`,
                    // the bid's price
  kDiscountAmount,  // ladder: a discount of `value` in money for the level
  kCostAdded,       // environmental cost: `factor` x `value`, the bid's
                    // environmental cost, added
  kFeature,  // ProZorro: the bid's feature value `value`; `amount` is the
             // feature's share of the price change
};

std::string_view ToString(AdjustmentKind kind);  // "value-share"...

// One line of a bid's breakdown: how much one criterion moves the price.
struct MoneyAdjustment {
  AdjustmentKind kind = AdjustmentKind::kValueShare;
  std::string criterion;  // id or feature code
  std::string name;
  // The level achieved (fictitious price, ladder) or the title of the
  // feature's option the value matched (ProZorro); empty for the
  // environmental cost.
  std::string level;
  double value = 0;   // see AdjustmentKind
  double base = 0;    // kValueShare, kDiscountShare: the amount the fraction
                      // applies to; 0 otherwise
  double factor = 1;  // kCostAdded: the declared factor; 1 otherwise
  // Added to the price (negative lowers the evaluated price). For ProZorro,
  // the price's change attributable to this feature (its share of sum v).
  double amount = 0;
};

// How a bid's place was settled when it tied on the evaluated price.
enum class MoneyTiePolicy {
  kNotApplied,    // ties are reported, not broken (EvaluateMoneyAward)
  kNoneDeclared,  // the criteria set declares no usable tie-break: the tie
                  // stands (EvaluateAward)
  kDeclared,      // the set's tie-break was applied (EvaluateAward); see
                  // MoneyBidResult::tie_record
};

struct MoneyBidResult {
  std::string id;
  std::string supplier;
  double price = 0;
  double exact = 0;      // evaluated price before rounding
  double evaluated = 0;  // rounded to MoneyOptions::decimals; ranked on
  // ProZorro: 1 + sum v / (1 - sum v_max) (weightedValue.denominator);
  // other methods: 1.
  double coefficient = 1;
  std::vector<MoneyAdjustment> adjustments;
  int rank = 0;       // 1 = lowest evaluated price; tied bids share a rank
  bool tied = false;  // shares its rank with another bid
  // Index into MoneyRanking::ties of the bids with the same evaluated
  // price, or -1.
  int tie_group = -1;
  // Under MoneyTiePolicy::kNoneDeclared or kDeclared: index into
  // AwardResult::tie_breaks of the record that settled the tie, or -1.
  int tie_record = -1;
};

struct MoneyRanking {
  MoneyMethod method = MoneyMethod::kFictitiousPrice;
  std::string currency = "EUR";
  int decimals = 2;  // MoneyOptions::decimals of the evaluated prices
  // ProZorro: sum of the features' maximum values (sum v_max); 0 otherwise.
  double feature_max = 0;
  std::vector<MoneyBidResult> bids;  // input order
  // Bid indices, lowest evaluated price first (input order among equals).
  std::vector<std::size_t> order;
  // Groups of bid indices with the same evaluated price. Ties are reported,
  // never broken here: the set's tie-break policy decides.
  std::vector<std::vector<std::size_t>> ties;
  MoneyTiePolicy tie_policy = MoneyTiePolicy::kNotApplied;
};

// A money-based award declared in a criteria set (`award:`;
// docs/criteria-format.md, "Money-based award"): the method, the price leaf
// whose bid value is P, and the method's parameters. Only the member that
// matches `method` is used.
struct MoneyAward {
  MoneyMethod method = MoneyMethod::kFictitiousPrice;
  std::string price;  // id of the price (or cost) leaf: P
  MoneyOptions options;
  FictitiousPrice fictitious;
  LadderDiscount ladder;
  EnvironmentalCostAdded environmental;
  ProzorroFeatures prozorro;
  SourceLocation where;

  // Bid-file columns read as level names (fictitious price, ladder).
  std::vector<std::string> LevelColumns() const;
  // Bid-file columns read as numbers (environmental cost, ProZorro
  // parameters).
  std::vector<std::string> ValueColumns() const;
};

std::optional<MoneyMethod> MoneyMethodFromString(std::string_view text);

// Runs the award's method on `bids` (the Evaluate* function it names).
Result<MoneyRanking> EvaluateMoneyAward(const MoneyAward& award,
                                        const std::vector<MoneyBid>& bids);

// Each returns a ranking, or diagnostics for a level or value a bid lacks or
// that the method does not know, and for an invalid method (for instance
// ProZorro features whose maxima add up to more than the cap). Every problem
// is reported at once.
Result<MoneyRanking> EvaluateFictitiousPrice(const FictitiousPrice& method,
                                             const std::vector<MoneyBid>& bids,
                                             const MoneyOptions& options = {});
Result<MoneyRanking> EvaluateLadderDiscount(const LadderDiscount& method,
                                            const std::vector<MoneyBid>& bids,
                                            const MoneyOptions& options = {});
Result<MoneyRanking> EvaluateEnvironmentalCost(
    const EnvironmentalCostAdded& method, const std::vector<MoneyBid>& bids,
    const MoneyOptions& options = {});
Result<MoneyRanking> EvaluateProzorro(const ProzorroFeatures& method,
                                      const std::vector<MoneyBid>& bids,
                                      const MoneyOptions& options = {});

// Checks a method on its own (no bids): levels named once, fractions and
// factors in range, the ProZorro cap. The Evaluate* functions call these.
void CheckMethod(const FictitiousPrice& method, Diagnostics* diag);
void CheckMethod(const LadderDiscount& method, Diagnostics* diag);
void CheckMethod(const EnvironmentalCostAdded& method, Diagnostics* diag);
void CheckMethod(const ProzorroFeatures& method, Diagnostics* diag);

// ProZorro's coefficient 1 + sum_v / (1 - sum_v_max), computed in the same
// order as openprocurement.api, so that it equals weightedValue.denominator.
double ProzorroCoefficient(double sum_v, double sum_v_max);

// Ranks on evaluated prices (already rounded), lowest first; equal values
// share a rank and form a tie group. Fills rank, tied, tie_group, order and
// ties.
void RankByEvaluatedPrice(MoneyRanking* ranking);

// Rounds half away from zero to `decimals` decimals.
double RoundMoney(double value, int decimals);

// "80,000.00 EUR": an amount with thousands grouped and the currency
// (defined with the money words, engine/explain/money.cc).
std::string FormatMoney(double value, const std::string& currency,
                        int decimals = 2);

}  // namespace circa

#endif  // CIRCA_MONEY_H_
