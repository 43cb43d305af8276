// Cost profiles in CSV (engine/io/lcc_csv_reader.cc): the same profile
// written as YAML and as CSV gives the same LCC, and every message names the
// CSV cell (file:line:column), the field path and what was expected.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "circa/lcc.h"
#include "explain/money_words.h"
#include "test_util.h"

namespace circa {
namespace {

using circa_test::Messages;

std::vector<std::string> Problems(const std::string& csv) {
  return Messages(ParseCostProfileCsv(csv, "p.csv").diagnostics);
}

// Every key of the format once: settings, usage, prices, shadow prices, a
// purchase with yearly lists, and a usage-based service with take-back.
constexpr const char* kEveryKeyCsv =
    R"(offer,key,name,value,unit,per,unit-price,note
,circa,,1,,,,
,id,,every-key,,,,
,currency,,EUR,,,,
,horizon,,3,,,,
,discount-rate,,0.05,,,,
,residual-rule,,linear,,,,
,usage,distance,1000,km,,,"buyer's estimate, per year"
,prices,electricity,0.25,EUR/kWh,,,energy contract
,shadow-prices,co2,0.10,EUR/kg,,,buyer's shadow price
# a comment row
A,supplier,,Print NV,,,,
A,description,,"Printer, bought",,,,
A,price,,10000,,,,
A,installation,,500,,,,
A,lifetime,,3,,,,
A,operating,electricity,2,MWh,,,
A,operating,toner,4,cartridge,,60,bidder's price
A,maintenance,,100 200 300,,,,
A,repair,,50,,,,
A,emissions,co2,1,t,,,
A,end-of-life,,400,,,,
A,residual,,2000,,,,
S,kind,,service,,,,
S,fee,,0.5,,distance,,
S,includes,,maintenance,,,,
S,includes,,take-back,,,,
S,take-back,,true,,,,
)";

constexpr const char* kEveryKeyYaml = R"(circa: 1
id: every-key
currency: EUR
horizon: 3
discount-rate: 0.05
residual-rule: linear
usage:
  distance: {quantity: 1000, unit: km, source: "buyer's estimate, per year"}
prices:
  electricity: {price: 0.25, unit: EUR/kWh, source: energy contract}
shadow-prices:
  co2: {price: 0.10, unit: EUR/kg, source: buyer's shadow price}
offers:
  - id: A
    supplier: Print NV
    description: Printer, bought
    price: 10000
    installation: 500
    lifetime: 3
    operating:
      - {name: electricity, quantity: 2, unit: MWh}
      - {name: toner, quantity: 4, unit: cartridge, unit-price: 60, note: bidder's price}
    maintenance: [100, 200, 300]
    repair: 50
    emissions:
      - {name: co2, quantity: 1, unit: t}
    end-of-life: 400
    residual: 2000
  - id: S
    kind: service
    fee: {amount: 0.5, per: distance}
    includes: [maintenance, take-back]
    take-back: true
)";

TEST(LccCsv, SameProfileAsYamlSameLcc) {
  Result<CostProfile> csv = ParseCostProfileCsv(kEveryKeyCsv, "p.csv");
  ASSERT_TRUE(csv.ok()) << circa_test::Describe(csv.diagnostics);
  EXPECT_TRUE(csv.diagnostics.empty()) << circa_test::Describe(csv.diagnostics);
  Result<CostProfile> yaml = ParseCostProfile(kEveryKeyYaml, "p.yaml");
  ASSERT_TRUE(yaml.ok()) << circa_test::Describe(yaml.diagnostics);
  EXPECT_EQ(csv.value->source, "p.csv");
  EXPECT_EQ(csv.value->id, "every-key");
  ASSERT_EQ(csv.value->offers.size(), 2u);
  EXPECT_EQ(csv.value->offers[0].supplier, "Print NV");
  EXPECT_EQ(csv.value->offers[0].description, "Printer, bought");
  EXPECT_EQ(csv.value->offers[1].includes,
            (std::vector<std::string>{"maintenance", "take-back"}));
  EXPECT_TRUE(csv.value->offers[1].take_back);
  EXPECT_EQ(csv.value->usage[0].where.line, 8);
  const LccEvaluation a = EvaluateLcc(*csv.value);
  const LccEvaluation b = EvaluateLcc(*yaml.value);
  ASSERT_EQ(a.offers.size(), b.offers.size());
  for (std::size_t i = 0; i < a.offers.size(); ++i) {
    EXPECT_EQ(a.offers[i].lcc, b.offers[i].lcc) << a.offers[i].id;
    EXPECT_EQ(LccOfferSentence(a, i), LccOfferSentence(b, i));
  }
  // The YAML form's worked case (lcc_test.cc, EveryComponentWrittenOut...):
  // 10,500 + 990/1.05 + 1,090/1.05^2 + (1,190 + 400 - 2,000)/1.05^3.
  EXPECT_NEAR(a.offers[0].lcc,
              10500 + 990 / 1.05 + 1090 / (1.05 * 1.05) +
                  (1190 + 400 - 2000) / (1.05 * 1.05 * 1.05),
              1e-6);
  // Service: 0.5 EUR/km x 1,000 km = 500 a year, at the end of each year.
  EXPECT_NEAR(a.offers[1].lcc,
              500 / 1.05 + 500 / (1.05 * 1.05) + 500 / (1.05 * 1.05 * 1.05),
              1e-6);
}

TEST(LccCsv, ColumnsInAnyOrderAndSemicolons) {
  const std::string csv =
      "key;value;offer\n"
      "circa;1;\n"
      "horizon;2;\n"
      "discount-rate;0;\n"
      "price;100;A\n"
      "maintenance;10 20;A\n";
  Result<CostProfile> r = ParseCostProfileCsv(csv, "p.csv");
  ASSERT_TRUE(r.ok()) << circa_test::Describe(r.diagnostics);
  // 100 + 10 + 20.
  EXPECT_NEAR(EvaluateLcc(*r.value).offers[0].lcc, 130, 1e-12);
}

TEST(LccCsv, HeaderProblems) {
  EXPECT_EQ(Problems("offer,key,nmae,value\n"),
            (std::vector<std::string>{
                "p.csv:1:11: header: unknown column \"nmae\"; expected "
                "offer, key, name, value, unit, per, unit-price or note (did "
                "you mean \"name\"?)"}));
  EXPECT_EQ(Problems("offer,name\n"),
            (std::vector<std::string>{
                "p.csv:1:1: header: missing the key column; expected a "
                "header row: offer, key, name, value, unit, per, "
                "unit-price, note",
                "p.csv:1:1: header: missing the value column; expected a "
                "header row: offer, key, name, value, unit, per, "
                "unit-price, note"}));
  EXPECT_EQ(Problems(""),
            (std::vector<std::string>{
                "p.csv:1:1: the file is empty; expected a header row: "
                "offer, key, name, value, unit, per, unit-price, note"}));
}

TEST(LccCsv, RowProblemsPointAtTheirCells) {
  const std::string csv =
      "offer,key,name,value,unit\n"  // 1
      ",circa,,1,\n"                 // 2
      ",horizon,,3,years\n"          // 3
      ",prices,,0.25,EUR/kWh\n"      // 4
      ",offers,,x,\n"                // 5
      "A,id,,B,\n"                   // 6
      "A,price,,100\n"               // 7
      ",,,,\n"                       // 8: blank, skipped
      "A,,,5,\n";                    // 9
  EXPECT_EQ(
      Problems(csv),
      (std::vector<std::string>{
          "p.csv:7:1: row has 4 values; the header has 5 columns",
          "p.csv:9:3: missing the key; expected a setting such as horizon, a "
          "list such as prices, or an offer's cost such as price",
      }));
  const std::string placed =
      "offer,key,name,value,unit\n"  // 1
      ",circa,,1,\n"                 // 2
      ",horizon,,3,years\n"          // 3
      ",prices,,0.25,EUR/kWh\n"      // 4
      ",offers,,x,\n"                // 5
      "A,id,,B,\n"                   // 6
      "A,price,,100,\n";             // 7
  EXPECT_EQ(Problems(placed),
            (std::vector<std::string>{
                "p.csv:3:13: horizon: the unit column is not read on a horizon "
                "row; this row reads value",
                "p.csv:5:2: offers: offers are rows with the offer's id in the "
                "offer column, not an offers row",
                "p.csv:4:9: prices: missing the name; expected the name of the "
                "priced item (e.g. electricity)",
                "p.csv:6:3: offers[A].id: an offer's id is its offer column; "
                "remove this row",
            }));
}

TEST(LccCsv, ProfileRulesReportCsvCells) {
  // The YAML reader's checks, with positions moved to the CSV cells.
  const std::string csv =
      "offer,key,name,value,unit,per,unit-price,note\n"  // 1
      ",circa,,1,,,,\n"                                  // 2
      ",discount-rate,,4,,,,\n"                          // 3
      ",prices,electricity,0.25,EUR/kwh,,,contract\n"    // 4
      "A,price,,1000,,,,\n"                              // 5
      "A,maintenanse,,10,,,,\n"                          // 6
      "A,operating,electricity,-5,kWh,,,\n"              // 7
      "A,emissions,co2,1,kg,,,\n"                        // 8
      "A,repair,,1 2,,,,\n";                             // 9
  EXPECT_EQ(
      Problems(csv),
      (std::vector<std::string>{
          "p.csv:1:1: horizon: missing; expected the horizon in years (a "
          "whole number from 1 to 100)",
          "p.csv:3:17: discount-rate: expected a discount rate between 0 and "
          "1 (e.g. 0.04 for 4 %), got \"4\"",
          "p.csv:4:26: prices.electricity.unit: unknown unit \"kwh\"; "
          "expected one of kWh, MWh, Wh, GJ, l, m3, kg, g, t, km, h, piece, "
          "set, pack, page, cartridge, visit (did you mean \"kWh\"?)",
          "p.csv:6:3: offers[A].maintenanse: unknown key; did you mean "
          "\"maintenance\"?",
          "p.csv:7:25: offers[A].operating[0].quantity: expected a quantity "
          ">= 0, got \"-5\"",
          "p.csv:8:13: offers[A].emissions[0].name: no shadow price for "
          "\"co2\"; declare shadow-prices.co2 with its source (circa has no "
          "built-in value)",
      }));
}

// The CSV path of LccValidation.ACostLineNeedsAName: the one check both
// formats share reports an empty name cell at that cell, and a row of a
// file without a name column at the row.
TEST(LccCsv, ACostLineNeedsANameCell) {
  const std::string csv =
      "offer,key,name,value,unit\n"  // 1
      ",circa,,1,\n"                 // 2
      ",horizon,,1,\n"               // 3
      ",discount-rate,,0,\n"         // 4
      "A,price,,1,\n"                // 5
      "A,operating,,5,kWh\n"         // 6
      "A,emissions,,2,kg\n";         // 7
  EXPECT_EQ(Problems(csv),
            (std::vector<std::string>{
                "p.csv:6:13: offers[A].operating[0].name: expected the name "
                "of the priced item (e.g. electricity), got \"\"",
                "p.csv:7:13: offers[A].emissions[0].name: expected the name "
                "of the emission (e.g. co2), got \"\""}));
  // Without a name column (this message had no position before).
  EXPECT_EQ(Problems("offer,key,value\n,circa,1\n,prices,0.25\n"),
            (std::vector<std::string>{
                "p.csv:3:1: prices: missing the name; expected the name of the "
                "priced item (e.g. electricity)"}));
}

TEST(LccCsv, NonAsciiTextSurvives) {
  const std::string csv =
      "offer,key,value\n"
      ",circa,1\n"
      ",horizon,1\n"
      ",discount-rate,0\n"
      "A,supplier,Ørsted Ñandú 東京 😀\n"
      "A,price,1\n";
  Result<CostProfile> r = ParseCostProfileCsv(csv, "p.csv");
  ASSERT_TRUE(r.ok()) << circa_test::Describe(r.diagnostics);
  EXPECT_EQ(r.value->offers[0].supplier, "Ørsted Ñandú 東京 😀");
}

TEST(LccCsv, LoadChoosesTheReaderByExtension) {
  const std::string dir = std::string(CIRCA_SOURCE_DIR) + "/samples/";
  Result<CostProfile> r =
      LoadCostProfileFile(dir + "furniture-buyback/cost-profile.csv");
  ASSERT_TRUE(r.ok()) << circa_test::Describe(r.diagnostics);
  EXPECT_EQ(r.value->offers.size(), 3u);
}

// Issue 12: a 60,000-line profile with a mistake on every row gave 120,000
// messages; the reader stops at CostProfileOptions::max_errors.
TEST(LccCsv, ErrorsStopAtTheCapOnASixtyThousandLineProfile) {
  std::string csv = "offer,key,name,value,unit,per,unit-price,note\n";
  for (int i = 0; i < 59999; ++i) {
    csv += "X" + std::to_string(i) + ",bogus,,abc,,,,\n";
  }
  const std::vector<std::string> problems = Problems(csv);
  ASSERT_EQ(problems.size(), 51u);
  EXPECT_EQ(problems[50], "p.csv: too many errors; stopped after 50");
  CostProfileOptions options;
  options.max_errors = 2;
  const std::string head = csv.substr(0, csv.find("X100,"));
  EXPECT_EQ(ParseCostProfileCsv(head, "p.csv", options).diagnostics.size(), 3u);
}

}  // namespace
}  // namespace circa
