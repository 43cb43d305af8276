// Bids as buyers keep them (issue 15): workbooks (.xlsx, .ods), headers
// matched by id, label or the tender's `bids:` mapping, values as people
// type them, spreadsheet leftovers and encodings.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "circa/evaluate.h"
#include "circa/load.h"
#include "circa/tender.h"
#include "io/bids_layout.h"
#include "test_util.h"

namespace circa {
namespace {

using circa_test::Messages;
using circa_test::ParseBidsOk;
using ::testing::ElementsAre;

const std::string kBuyer = "tests/io/data/buyer/";
const std::string kBooks = "tests/io/data/workbooks/";

// ------------------------------------------- the buyer's own spreadsheet

struct Scored {
  std::vector<std::string> ids, suppliers;
  Eigen::MatrixXd values;
  Eigen::VectorXd totals;
  std::vector<int> rank;
};

Scored ScoreBuyer(const std::string& bids) {
  const TenderPaths paths{"samples/catering-nl-xlsx/tender.yaml", bids, "", ""};
  Result<Tender> tender = LoadTender(paths, {});
  EXPECT_TRUE(tender.ok()) << bids << "\n"
                           << circa_test::Describe(tender.diagnostics);
  EXPECT_THAT(Messages(tender.diagnostics), ElementsAre()) << bids;
  if (!tender.ok()) return {};
  Result<Outcome> outcome = Evaluate(*tender.value);
  EXPECT_TRUE(outcome.ok());
  const Evaluation& e = outcome.value->points->evaluation;
  return {tender.value->bids.ids, tender.value->bids.suppliers,
          tender.value->bids.values, e.totals, e.rank};
}

// Done when: the spreadsheet saved as .xlsx, .ods, ";"-CSV UTF-8 with a
// byte-order mark and UTF-16 text scores as the clean CSV, without edits.
TEST(BuyerSpreadsheet, EveryWayOfSavingItScoresAsTheCleanCsv) {
  const Scored clean = ScoreBuyer(kBuyer + "bids-clean.csv");
  ASSERT_EQ(clean.ids.size(), 6u);
  EXPECT_EQ(clean.values(0, 0), 4.85);     // A's meal price
  EXPECT_EQ(clean.values(3, 1), 19750.5);  // D's tableware service
  EXPECT_EQ(clean.values(0, 2), 32.5);     // A's organic share
  for (const std::string& file :
       {std::string("samples/catering-nl-xlsx/bids.xlsx"), kBuyer + "bids.ods",
        kBuyer + "bids-excel.csv", kBuyer + "bids-utf16.txt"}) {
    SCOPED_TRACE(file);
    const Scored other = ScoreBuyer(file);
    EXPECT_EQ(other.ids, clean.ids);
    EXPECT_EQ(other.suppliers, clean.suppliers);
    EXPECT_EQ(other.values, clean.values);
    EXPECT_EQ(other.totals, clean.totals);
    EXPECT_EQ(other.rank, clean.rank);
  }
}

TEST(BuyerSpreadsheet, NotesAreKeptOutOfScoringAsAField) {
  const TenderPaths paths{"samples/catering-nl-xlsx/tender.yaml",
                          "samples/catering-nl-xlsx/bids.xlsx", "", ""};
  const Result<Tender> tender = LoadTender(paths, {});
  ASSERT_TRUE(tender.ok());
  const BidSet& bids = tender.value->bids;
  const int notes = bids.FieldIndex("Opmerkingen");
  ASSERT_GE(notes, 0);
  EXPECT_EQ(bids.fields[static_cast<std::size_t>(notes)][2],
            "Laagste prijs; abnormaal laag? navragen");
  EXPECT_EQ(bids.criteria.size(), 8u);
}

TEST(BuyerSpreadsheet, SheetChosenByName) {
  const TenderPaths paths{"samples/catering-nl-xlsx/tender.yaml",
                          "samples/catering-nl-xlsx/bids.xlsx", "", ""};
  const Result<Tender> tender = LoadTenderSheet(paths, {}, "Offerte");
  EXPECT_THAT(Messages(tender.diagnostics),
              ElementsAre("samples/catering-nl-xlsx/bids.xlsx: no sheet named "
                          "\"Offerte\"; the workbook has \"Offertes\", "
                          "\"Toelichting\" (did you mean --sheet "
                          "\"Offertes\"?)"));
  const Result<Tender> other = LoadTenderSheet(paths, {}, "Toelichting");
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(Messages(other.diagnostics).front(),
            "samples/catering-nl-xlsx/bids.xlsx:Toelichting!A1: header: "
            "unknown column \"Opening van de offertes op 14/11/2026.\"; "
            "expected bid, supplier or a leaf criterion id, or name the "
            "column in the tender (bids: columns: {<criterion id>: "
            "\"<header>\"}) or keep it out (bids: ignore: [\"<header>\"])");
}

TEST(Messages, AnEmptyPanelCellWithoutAPanelFileNamesTheFix) {
  const std::string bids = ::testing::TempDir() + "panel-missing.csv";
  {
    // The panel's criterion (waste_plan, the last column) left empty.
    const std::string text =
        "# locale: nl-BE\n"
        "bid;supplier;meal_price;tableware_service;organic_share;"
        "plant_based_days;seasonal;food_waste;reusable_transport;waste_plan\n"
        "A;Traiteur De Smet BV;4,85;21.450,00;32,5 %;2;ja;55;ja;\n"
        "C;Catering Vlaanderen NV;4,35;18.200,00;12,0 %;1;nee;85;nee;\n";
    std::FILE* f = std::fopen(bids.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    std::fwrite(text.data(), 1, text.size(), f);
    std::fclose(f);
  }
  const TenderPaths paths{"samples/catering-nl/tender.yaml", bids, "", ""};
  const Result<Tender> tender = LoadTender(paths, {});
  ASSERT_FALSE(tender.ok());
  EXPECT_THAT(Messages(tender.diagnostics),
              testing::Contains(testing::EndsWith(
                  "bids[A].waste_plan: no value: the bid file leaves it empty "
                  "and no panel file was given; give the panel's scores "
                  "(panel.csv in the tender directory, or --panel FILE)")));
}

// ------------------------------------------------------------ workbooks

constexpr const char* kSmall = R"(circa: 1
id: small
version: "1"
title: Small
tie-break: [{earlier: submitted}]
criteria:
  - {id: price, type: price, weight: 100, scoring: {rule: lowest-ratio}}
)";

Result<BidSet> Book(const std::string& name) {
  static const CriteriaSet set = circa_test::ParseCriteriaOk(kSmall);
  return LoadBidsFile(kBooks + name, set);
}

TEST(Workbook, DatesInBothDateSystems) {
  for (const char* name : {"dates-1900.xlsx", "dates-1904.xlsx"}) {
    SCOPED_TRACE(name);
    const Result<BidSet> r = Book(name);
    ASSERT_TRUE(r.ok()) << circa_test::Describe(r.diagnostics);
    EXPECT_THAT(r.value->fields[0],
                ElementsAre("2026-03-14T10:30:00", "2026-03-13"));
    EXPECT_EQ(r.value->values(1, 0), 120);
  }
}

TEST(Workbook, FormulaReadByItsCachedValue) {
  const Result<BidSet> r = Book("formula.xlsx");
  ASSERT_TRUE(r.ok()) << circa_test::Describe(r.diagnostics);
  EXPECT_EQ(r.value->values(0, 0), 100);
}

TEST(Workbook, ErrorsNameTheSheetAndTheCell) {
  EXPECT_THAT(
      Messages(Book("bad-values.xlsx").diagnostics),
      ElementsAre(
          "tests/io/data/workbooks/bad-values.xlsx:Offertes!B3: "
          "bids[B].price: an amount in USD, got \"USD 110\"; the criteria "
          "set's amounts are in EUR (currency: EUR): convert the amount, or "
          "correct the set's currency",
          "tests/io/data/workbooks/bad-values.xlsx:Offertes!B4: "
          "bids[C].price: expected a number, got \"veel\""));
}

TEST(Workbook, MalformedFilesGetALocatedError) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"truncated-zip.xlsx",
       "truncated-zip.xlsx: cannot read the workbook: not a zip container; "
       "expected an .xlsx or .ods file as a spreadsheet saves it"},
      {"not-a-zip.xlsx",
       "not-a-zip.xlsx: cannot read the workbook: not a zip container; "
       "expected an .xlsx or .ods file as a spreadsheet saves it"},
      {"bomb.xlsx",
       "bomb.xlsx: the part xl/worksheets/sheet1.xml unpacks to more than "
       "32 MiB (a zip bomb?); the limit keeps memory bounded"},
      {"huge-shared-strings.xlsx",
       "huge-shared-strings.xlsx:xl/sharedStrings.xml: more than 1000000 "
       "shared strings; the limit keeps memory bounded"},
      {"bad-xml.xlsx",
       "bad-xml.xlsx:xl/worksheets/sheet1.xml: malformed XML at byte 167: "
       "Start-end tags mismatch"},
      {"xxe.xlsx",
       "xxe.xlsx:xl/worksheets/sheet1.xml: a document type declaration "
       "(<!DOCTYPE) at byte 22; workbook XML has none, and circa does not "
       "read entities"},
      {"encrypted.xlsx",
       "encrypted.xlsx: an OLE compound file, not a zip container: a "
       "password-protected (encrypted) workbook or an old Excel 97-2003 "
       ".xls file; save it as .xlsx or .ods without a password, or as CSV "
       "UTF-8"},
      {"macro-only.xlsm",
       "macro-only.xlsm: the workbook holds macros but no worksheet; save "
       "the sheet with the bids as .xlsx"},
      {"bad-shared-index.xlsx",
       "bad-shared-index.xlsx:Sheet1!A1: refers to shared string 7, but "
       "the workbook has 0"},
  };
  for (const auto& [name, message] : cases) {
    const Result<BidSet> r = Book(name);
    EXPECT_FALSE(r.ok()) << name;
    EXPECT_THAT(Messages(r.diagnostics), ElementsAre(kBooks + message));
  }
}

// ------------------------------------------------------- values as typed

constexpr const char* kValues = R"(circa: 1
id: values
version: "1"
title: Values
requirements:
  - {id: thick, conditions: [{field: thickness, min: 2}]}
tie-break: [{earlier: submitted}]
criteria:
  - {id: price, type: price, weight: 60, scoring: {rule: lowest-ratio}}
  - id: recycled
    type: quality
    weight: 20
    labels: {nl: Gerecycleerd aandeel, fr: Part recyclée, en: Recycled share}
    scoring: {rule: linear, worst: 0, best: 100}
  - id: take_back
    type: quality
    weight: 20
    labels: {nl: Terugname, fr: Reprise}
    scoring: {rule: yes-no}
)";

const CriteriaSet& Values() {
  static const CriteriaSet set = circa_test::ParseCriteriaOk(kValues);
  return set;
}

TEST(ValuesAsTyped, CurrencyPercentBooleansAndDayFirstDates) {
  LoadOptions nl;
  nl.locale = "nl-BE";
  const BidSet bids = ParseBidsOk(
      "bid;price;recycled;take_back;thickness;submitted\n"
      "A;\xE2\x82\xAC 12.345,67;45%;WAAR;2,5 %;14/03/2026\n"
      "B;12 345,67 \xE2\x82\xAC;45 %;ONWAAR;3;14/03/2026 10:30\n"
      "C;EUR 12.345,67;45;VRAI;3;2026-03-14\n"
      "D;12.345,67 EUR;45;faux;3;1/3/2026\n",
      Values(), BidsFormat::kCsv, "bids.csv", nl);
  for (Eigen::Index i = 0; i < 4; ++i) {
    EXPECT_EQ(bids.values(i, 0), 12345.67) << i;
    EXPECT_EQ(bids.values(i, 1), 45) << i;
  }
  EXPECT_EQ(bids.values(0, 2), 1);
  EXPECT_EQ(bids.values(1, 2), 0);
  EXPECT_EQ(bids.values(2, 2), 1);
  EXPECT_EQ(bids.values(3, 2), 0);
  EXPECT_EQ(*bids.FieldNumber("thickness", 0), 2.5);
  EXPECT_THAT(
      bids.fields[static_cast<std::size_t>(bids.FieldIndex("submitted"))],
      ElementsAre("2026-03-14", "2026-03-14T10:30:00", "2026-03-14",
                  "2026-03-01"));
  LoadOptions en;
  en.locale = "en";
  const BidSet english = ParseBidsOk(
      "bid,price,recycled,take_back,thickness,submitted\n"
      "A,\"EUR 12,345.67\",45 %,yes,3,2026-03-14\n",
      Values(), BidsFormat::kCsv, "bids.csv", en);
  EXPECT_EQ(english.values(0, 0), 12345.67);
}

TEST(ValuesAsTyped, AnotherCurrencyOrAnAmbiguousDateIsAnError) {
  const Result<BidSet> r = ParseBids(
      "bid,price,recycled,take_back,thickness,submitted\n"
      "A,$ 100,45,yes,3,14/03/2026\n"
      "B,100 GBP,45,yes,3,2026-03-14\n",
      "bids.csv", BidsFormat::kCsv, Values());
  EXPECT_THAT(
      Messages(r.diagnostics),
      ElementsAre(
          "bids.csv:2:3: bids[A].price: an amount in USD, got \"$ 100\"; the "
          "criteria set's amounts are in EUR (currency: EUR): convert the "
          "amount, or correct the set's currency",
          "bids.csv:2:18: bids[A].submitted: expected a date or time such as "
          "2026-03-14 or 2026-03-14T10:30:00+01:00 (the tie-break compares "
          "it), got \"14/03/2026\"; a date written day first (dd/mm/yyyy) is "
          "read under a day-first locale: --locale nl-BE or fr-BE",
          "bids.csv:3:3: bids[B].price: an amount in GBP, got \"100 GBP\"; "
          "the criteria set's amounts are in EUR (currency: EUR): convert the "
          "amount, or correct the set's currency"));
}

// ------------------------------------------------------- header matching

TEST(Headers, MatchedByLabelIgnoringCaseSpacesAndAccents) {
  const BidSet bids = ParseBidsOk(
      "Offerte;Soumissionnaire; PRICE ;part recyclee;  Reprise ;thickness;"
      "submitted\n"
      "A;Meubles SA;100;45;oui;3;2026-03-14\n",
      Values());
  EXPECT_EQ(bids.ids[0], "A");
  EXPECT_EQ(bids.suppliers[0], "Meubles SA");
  EXPECT_EQ(bids.values(0, 1), 45);
  EXPECT_EQ(bids.values(0, 2), 1);
}

TEST(Headers, AHeaderMatchingTwoCriteriaIsAnErrorNamingBoth) {
  const CriteriaSet set = circa_test::ParseCriteriaOk(R"(circa: 1
id: two
version: "1"
title: Two
criteria:
  - {id: price, type: price, weight: 50, labels: {nl: Prijs}, scoring: {rule: lowest-ratio}}
  - {id: cost, type: price, weight: 50, labels: {fr: prijs}, scoring: {rule: lowest-ratio}}
)");
  const Result<BidSet> r =
      ParseBids("bid,Prijs\nA,1\n", "bids.csv", BidsFormat::kCsv, set);
  EXPECT_EQ(Messages(r.diagnostics).front(),
            "bids.csv:1:5: header: column \"Prijs\" matches two criteria, "
            "price and cost (by id or label); name the column of each in the "
            "tender (bids: columns: {price: \"Prijs\"})");
}

TEST(Headers, DeclaredColumnsIgnoredColumnsAndEncoding) {
  Diagnostics diag;
  const io::BidsLayout layout = io::ReadBidsLayout(
      "bids:\n"
      "  columns: {price: \"Totaalprijs (excl. btw)\", bid: Dossier}\n"
      "  ignore: [Contactpersoon]\n"
      "  encoding: windows-1252\n",
      "tender.yaml", Values(), &diag);
  EXPECT_FALSE(diag.HasErrors());
  // "Caf\xE9" in Windows-1252, and its euro sign 0x80.
  const Result<BidSet> r = io::ParseCsvBidsWithLayout(
      "Dossier;Totaalprijs (excl. btw);recycled;take_back;thickness;"
      "submitted;Contactpersoon;;\r\n"
      "A;\x80 100;45;ja;3;2026-03-14;Caf\xE9 Jansen;;\r\n"
      ";;;;;;;;\r\n",
      "bids.csv", Values(), {}, layout);
  ASSERT_TRUE(r.ok()) << circa_test::Describe(r.diagnostics);
  EXPECT_EQ(r.value->values(0, 0), 100);
  const int contact = r.value->FieldIndex("Contactpersoon");
  ASSERT_GE(contact, 0);
  EXPECT_EQ(r.value->fields[static_cast<std::size_t>(contact)][0],
            "Caf\xC3\xA9 Jansen");
}

TEST(Headers, LayoutErrorsAreLocatedInTheTender) {
  Diagnostics diag;
  io::ReadBidsLayout(
      "bids:\n"
      "  columns: {prise: Prijs}\n"
      "  encoding: ebcdic\n"
      "  sheets: x\n",
      "tender.yaml", Values(), &diag);
  EXPECT_THAT(
      Messages(diag.Take()),
      ElementsAre(
          "tender.yaml:4:3: bids.sheets: unknown key; did you mean "
          "\"sheet\"?",
          "tender.yaml:2:13: bids.columns.prise: \"prise\" is no leaf "
          "criterion, bid field, bid or supplier (did you mean \"price\"?)",
          "tender.yaml:3:13: bids.encoding: unknown encoding \"ebcdic\"; "
          "expected utf-8 or windows-1252 (UTF-16 files are recognised by "
          "themselves)"));
}

TEST(Leftovers, Utf16BigEndianAndValuesUnderNoHeader) {
  std::string be = "\xFE\xFF";
  for (const char c :
       std::string("bid,price,recycled,take_back,thickness,submitted\n"
                   "A,100,45,yes,3,2026-03-14\n")) {
    be += '\0';
    be += c;
  }
  const BidSet bids = ParseBidsOk(be, Values());
  EXPECT_EQ(bids.values(0, 0), 100);
  const Result<BidSet> r = ParseBids(
      "bid,price,,recycled,take_back,thickness,submitted,,\n"
      "A,100,x,45,yes,3,2026-03-14,,\n"
      "B,100,,45,yes,3,2026-03-14,,\n",
      "bids.csv", BidsFormat::kCsv, Values());
  EXPECT_THAT(Messages(r.diagnostics),
              ElementsAre("bids.csv:2:7: bids[A]: a value under a column "
                          "without a header; name the column, or leave it "
                          "empty"));
}

}  // namespace
}  // namespace circa
