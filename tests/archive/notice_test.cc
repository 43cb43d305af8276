// Published notices in the archive (docs/archive.md, "Notices" and "Market
// view"): real notices of ../shared/data added with their published
// results, the figures counted by reading the XML (each assertion says
// which fields and values), the migration from schema 2, export byte for
// byte, malformed notices, and the market view over six notices.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "circa/archive.h"
#include "circa/exchange.h"
#include "circa/market.h"
#include "test_util.h"

namespace circa {
namespace {

namespace fs = std::filesystem;

fs::path DataDir() {
  return fs::path(CIRCA_SOURCE_DIR) / ".." / "shared" / "data";
}

#define REQUIRE_DATA()                                                     \
  do {                                                                     \
    if (!fs::is_directory(DataDir())) {                                    \
      GTEST_SKIP() << "no shared data at " << DataDir().string()           \
                   << " (the repository's sibling directory shared/data)"; \
    }                                                                      \
  } while (0)

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() /
            ("circa-notice-test-" + std::to_string(::getpid()) + "-" +
             std::to_string(counter_++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string operator/(const std::string& name) const {
    return (path_ / name).string();
  }

 private:
  static inline int counter_ = 0;
  fs::path path_;
};

Archive OpenOrDie(const std::string& path) {
  Result<Archive> a = Archive::Open(path);
  EXPECT_TRUE(a.ok()) << circa_test::Describe(a.diagnostics);
  return std::move(*a.value);
}

std::int64_t AddOrDie(Archive* a, const std::string& relative) {
  Result<AddedTender> r = a->AddNotice((DataDir() / relative).string());
  EXPECT_TRUE(r.ok()) << relative << "\n"
                      << circa_test::Describe(r.diagnostics);
  return r.ok() ? r.value->id : 0;
}

int Count(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open(db_path.c_str(), &db);
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr);
  int value = -1;
  if (sqlite3_step(s) == SQLITE_ROW) value = sqlite3_column_int(s, 0);
  sqlite3_finalize(s);
  sqlite3_close(db);
  return value;
}

constexpr const char* kFraComments =
    "eforms-sdk/notices/can_24_FRA_comments.xml";
constexpr const char* kCan81 = "eforms-sdk/notices/can_81_FRA.xml";
constexpr const char* kLsbu = "eforms-sdk/notices/can_24_LSBU.xml";
constexpr const char* kOpen = "eforms-sdk/notices/cn_24_open.xml";
constexpr const char* kVeat = "eforms-sdk/notices/veat_81.xml";
constexpr const char* kTed =
    "ted-xml-data-converter/development-notices/ted-xml/22-011421-001-EXP.xml";

// eForms contract award notice, two lots, read by eye:
// - root cbc:IssueDate 2019-10-23+01:00; BT-22 cac:ProcurementProject/cbc:ID
//   "19S0001"; BT-262 77310000; BT-105 ProcedureCode "open"; the buyer is
//   ORG-0001 (cac:ContractingParty), whose PartyName is "Rouen Habitat".
// - LOT-0001: price per-exa 40, quality per-exa 60; its LotResult has
//   HigherTenderAmount 95414, LowerTenderAmount 59299.64 EUR, statistics
//   "tenders" 3, selec-w and LotTender TEN-0001, whose PayableAmount is
//   95414.
// - LOT-0002: price per-exa 60, quality per-exa 40; Higher 26500, Lower
//   14802.46, "tenders" 2, TEN-0002 PayableAmount 26500.
TEST(Notices, EformsAwardNoticeWithResultsPerLot) {
  REQUIRE_DATA();
  TempDir dir;
  Archive a = OpenOrDie(dir / "a.db");
  const std::int64_t id = AddOrDie(&a, kFraComments);
  const std::optional<ArchivedTender> t = a.Find(id);
  ASSERT_TRUE(t);
  EXPECT_TRUE(t->notice);
  EXPECT_EQ(t->info.reference, "19S0001");
  EXPECT_EQ(t->info.buyer, "Rouen Habitat");
  EXPECT_EQ(t->info.date, "2019-10-23");
  EXPECT_EQ(t->info.Year(), 2019);
  EXPECT_EQ(t->info.cpv, "77310000");
  EXPECT_EQ(t->info.procedure, "open");
  EXPECT_EQ(t->bids, 0);
  EXPECT_EQ(t->criteria, 4);  // 2 + 2
  const std::vector<NoticeLot> lots = a.NoticeLots(id);
  ASSERT_EQ(lots.size(), 2u);
  EXPECT_EQ(lots[0].lot_id, "LOT-0001");
  ASSERT_EQ(lots[0].criteria.size(), 2u);
  EXPECT_EQ(lots[0].criteria[0].type, "price");
  EXPECT_EQ(lots[0].criteria[0].name, "Prix");
  EXPECT_EQ(lots[0].criteria[0].published, "per-exa 40");
  EXPECT_DOUBLE_EQ(*lots[0].criteria[0].share, 0.4);
  EXPECT_EQ(lots[0].criteria[1].type, "quality");
  EXPECT_DOUBLE_EQ(*lots[0].criteria[1].share, 0.6);
  EXPECT_DOUBLE_EQ(*lots[0].winning_value, 95414);
  EXPECT_DOUBLE_EQ(*lots[0].lowest_value, 59299.64);
  EXPECT_DOUBLE_EQ(*lots[0].highest_value, 95414);
  EXPECT_EQ(*lots[0].tenders_received, 3);
  EXPECT_EQ(lots[0].result_currency, "EUR");
  EXPECT_EQ(lots[1].lot_id, "LOT-0002");
  EXPECT_DOUBLE_EQ(*lots[1].criteria[0].share, 0.6);
  EXPECT_DOUBLE_EQ(*lots[1].winning_value, 26500);
  EXPECT_DOUBLE_EQ(*lots[1].lowest_value, 14802.46);
  EXPECT_DOUBLE_EQ(*lots[1].highest_value, 26500);
  EXPECT_EQ(*lots[1].tenders_received, 2);
  // Two lots: the notice row holds no single lot's results.
  EXPECT_FALSE(t->info.winning_value);
}

// TED F03_2014, the ORIGINAL (EN) form of 22-011421-001-EXP: DATE_PUB
// 20220112; OFFICIALNAME "Translation Centre for the Bodies of the European
// Union (CdT)"; CPV_MAIN 79530000; PT_OPEN; eight OBJECT_DESCR lots 1..8,
// each AC_QUALITY "Kvalitet"/"Quality" AC_WEIGHTING 70 and AC_PRICE 30.
// AWARD_CONTRACT per lot (the first for each LOT_NO): NB_TENDERS_RECEIVED
// 14, 11, 9, 27, 10, 26, 9, 9; VAL_RANGE_TOTAL LOW/HIGH of lot 1 9.60 /
// 18.00, of lot 4 21.84 / 43.31 (EUR); no VAL_TOTAL, so no winning value.
TEST(Notices, TedAwardNoticeRangesAndTendersReceived) {
  REQUIRE_DATA();
  TempDir dir;
  Archive a = OpenOrDie(dir / "a.db");
  const std::int64_t id = AddOrDie(&a, kTed);
  const std::optional<ArchivedTender> t = a.Find(id);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->info.date, "2022-01-12");
  EXPECT_EQ(t->info.buyer,
            "Translation Centre for the Bodies of the European Union (CdT)");
  EXPECT_EQ(t->info.cpv, "79530000");
  EXPECT_EQ(t->info.procedure, "open");
  const std::vector<NoticeLot> lots = a.NoticeLots(id);
  ASSERT_EQ(lots.size(), 8u);
  const int received[] = {14, 11, 9, 27, 10, 26, 9, 9};
  for (std::size_t i = 0; i < 8; ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(lots[i].lot_id, std::to_string(i + 1));
    ASSERT_EQ(lots[i].criteria.size(), 2u);
    EXPECT_EQ(lots[i].criteria[0].type, "quality");
    EXPECT_DOUBLE_EQ(*lots[i].criteria[0].share, 0.7);
    EXPECT_EQ(lots[i].criteria[1].type, "price");
    EXPECT_DOUBLE_EQ(*lots[i].criteria[1].share, 0.3);
    EXPECT_EQ(*lots[i].tenders_received, received[i]);
    EXPECT_FALSE(lots[i].winning_value);
  }
  EXPECT_DOUBLE_EQ(*lots[0].lowest_value, 9.60);
  EXPECT_DOUBLE_EQ(*lots[0].highest_value, 18.00);
  EXPECT_DOUBLE_EQ(*lots[3].lowest_value, 21.84);
  EXPECT_DOUBLE_EQ(*lots[3].highest_value, 43.31);
  EXPECT_EQ(lots[0].result_currency, "EUR");
}

// veat_81: LOT-0002's cac:ProcurementAdditionalType codes are
// environmental-impact circ-econ, social-objective hum-right and opp (and
// innovative-acquisition prod-innov, not an objective list); LOT-0001 has
// none. Neither LotResult states an amount or a count.
TEST(Notices, StrategicProcurementCodesPerLot) {
  REQUIRE_DATA();
  TempDir dir;
  Archive a = OpenOrDie(dir / "a.db");
  const std::vector<NoticeLot> lots = a.NoticeLots(AddOrDie(&a, kVeat));
  ASSERT_EQ(lots.size(), 2u);
  EXPECT_TRUE(lots[0].objectives.empty());
  EXPECT_EQ(lots[1].objectives,
            (std::vector<std::string>{"environmental-impact:circ-econ",
                                      "social-objective:hum-right",
                                      "social-objective:opp"}));
  EXPECT_FALSE(lots[1].winning_value || lots[1].lowest_value ||
               lots[1].tenders_received);
}

TEST(Notices, ThemesFromTheCriterionText) {
  EXPECT_EQ(NoticeThemes("Fair working practices"),
            std::vector<std::string>{"social"});
  EXPECT_EQ(NoticeThemes("Réparabilité et pièces détachées"),
            (std::vector<std::string>{"environmental", "circular"}));
  EXPECT_EQ(NoticeThemes("CO2-uitstoot van de voertuigen"),
            std::vector<std::string>{"environmental"});
  EXPECT_TRUE(NoticeThemes("Prix").empty());
  // Norwegian "tilgjengelig" is "available", not accessibility.
  EXPECT_TRUE(NoticeThemes("tilgjengelig på nettsiden").empty());
}

// add -> export gives the notice file back byte for byte; adding it again
// is recognised by its hash; remove takes its lots and criteria too.
TEST(Notices, ExportIsByteIdenticalAndRemoveTakesEverything) {
  REQUIRE_DATA();
  TempDir dir;
  const std::string db = dir / "a.db";
  Archive a = OpenOrDie(db);
  const std::int64_t id = AddOrDie(&a, kTed);
  Result<AddedTender> again = a.AddNotice((DataDir() / kTed).string());
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again.value->added);
  EXPECT_EQ(again.value->id, id);
  Result<std::vector<std::string>> written = a.Export(id, dir / "out");
  ASSERT_TRUE(written.ok()) << circa_test::Describe(written.diagnostics);
  ASSERT_EQ(written.value->size(), 1u);
  EXPECT_EQ(Slurp(dir / "out/22-011421-001-EXP.xml"), Slurp(DataDir() / kTed));
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM notice_lots"), 8);
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM notice_criteria"), 16);
  ASSERT_TRUE(a.Remove(id));
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM notice_lots"), 0);
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM notice_criteria"), 0);
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM files"), 0);
}

// A notice is never loaded as a tender: it has no bids to score.
TEST(Notices, LoadTenderRefusesANotice) {
  REQUIRE_DATA();
  TempDir dir;
  Archive a = OpenOrDie(dir / "a.db");
  const std::int64_t id = AddOrDie(&a, kCan81);
  Result<Tender> t = a.LoadTender(id);
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.diagnostics[0].ToString(),
            (DataDir() / kCan81).string() +
                ": archive: a published notice, not a tender: it has no bids "
                "and its award rules are drafts (circa archive market reads "
                "it)");
}

// Malformed notices: a located error and nothing stored.
TEST(Notices, MalformedNoticeIsLocatedAndStoresNothing) {
  TempDir dir;
  const std::string db = dir / "a.db";
  Archive a = OpenOrDie(db);
  const std::string cut = dir / "cut.xml";
  std::ofstream(cut) << "<?xml version=\"1.0\"?>\n<ContractAwardNotice>\n"
                        "  <cbc:ID>1</cbc:ID\n";
  Result<AddedTender> r = a.AddNotice(cut);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.diagnostics[0].ToString(),
            cut + ":3:20: invalid XML: error parsing end element tag");
  const std::string fragment = dir / "terms.xml";
  std::ofstream(fragment)
      << "<cac:AwardingTerms xmlns:cac=\"urn:oasis:names:specification:ubl:"
         "schema:xsd:CommonAggregateComponents-2\"/>\n";
  r = a.AddNotice(fragment);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.diagnostics.back().ToString(),
            fragment +
                ":1:1: a bare cac:AwardingTerms fragment is not a notice (no "
                "buyer, date or results); expected an eForms or TED notice");
  EXPECT_TRUE(a.List().empty());
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM files"), 0);
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM notice_lots"), 0);
}

// A small TED award notice (the fuzz seed): lot 1's award gives all four
// results; lot 2's are not numbers >= 0 ("many" tenders, VAL_TOTAL -3),
// each left out with a located report entry, and lot 2 is price alone.
TEST(Notices, ResultsThatAreNotNumbersAreLeftOutAndReported) {
  const std::string file =
      std::string(CIRCA_SOURCE_DIR) +
      "/tests/fuzz/corpus/notices/test-ted-award-results.xml";
  Result<ImportedNotice> n = ImportNoticeFile(file);
  ASSERT_TRUE(n.ok()) << circa_test::Describe(n.diagnostics);
  EXPECT_EQ(n.value->buyer, "Buyer");
  EXPECT_EQ(n.value->reference, "R-1");
  EXPECT_EQ(n.value->date, "2022-01-12");
  EXPECT_EQ(n.value->cpv, "79530000");
  EXPECT_EQ(n.value->procedure, "open");
  ASSERT_EQ(n.value->lots.size(), 2u);
  const LotResults& one = n.value->lots[0].results;
  EXPECT_DOUBLE_EQ(*one.winning_value, 12.5);
  EXPECT_DOUBLE_EQ(*one.lowest_value, 9.6);
  EXPECT_DOUBLE_EQ(*one.highest_value, 18);
  EXPECT_EQ(*one.tenders_received, 14);
  EXPECT_EQ(one.currency, "EUR");
  const ImportedLot& two = n.value->lots[1];
  EXPECT_FALSE(two.results.Published());
  std::vector<std::string> report;
  for (const ImportReportEntry& e : two.report) {
    if (e.code == "result-value") report.push_back(e.ToString());
  }
  EXPECT_EQ(report,
            (std::vector<std::string>{
                file + ":16:71: lot 2: result-value (not mapped): "
                       "NB_TENDERS_RECEIVED (BT-759) \"many\" is not a whole "
                       "number; left out",
                file + ":17:9: lot 2: result-value (not mapped): "
                       "VAL_TOTAL (BT-720) \"-3\" is not an amount (a number "
                       ">= 0); left out"}));
  TempDir dir;
  Archive a = OpenOrDie(dir / "a.db");
  Result<AddedTender> added = a.AddNotice(file);
  ASSERT_TRUE(added.ok());
  const MarketView v = ComputeMarketView(a);
  EXPECT_EQ(v.price_only, 1);  // lot 2: AC_PRICE alone
  EXPECT_EQ(v.lots_with_results, 1);
  EXPECT_EQ(v.below_lowest, 0);
  // 12.5 / 9.60 - 1
  EXPECT_DOUBLE_EQ(*v.lots[0].premium, 12.5 / 9.6 - 1);
}

// can_24_minimal.xml is in eforms-sdk/notices and, with other bytes, in
// ted-doffin-to-ocds/xmlfile: both have notice id 65667997-031a-...,
// root IssueDate 2019-10-23 and the same buyer. Both are stored (other bytes)
// and the market view says one may repeat the other.
TEST(Notices, TheSameNoticeInTwoFilesIsACaveat) {
  REQUIRE_DATA();
  TempDir dir;
  Archive a = OpenOrDie(dir / "a.db");
  AddOrDie(&a, "eforms-sdk/notices/can_24_minimal.xml");
  AddOrDie(&a, "ted-doffin-to-ocds/xmlfile/can_24_minimal.xml");
  const MarketView v = ComputeMarketView(a);
  EXPECT_EQ(v.notices, 2);
  EXPECT_EQ(v.possible_duplicates, 1);
  const std::string text = RenderMarketView(v, MarketFormat::kTable);
  EXPECT_NE(text.find("- 1 notice has the reference, date and buyer of "
                      "another one (the same notice in two files, or a "
                      "corrected version): each is counted.\n"),
            std::string::npos)
      << text;
}

// A file written by schema 2 (as circa wrote it before notices): its
// tender survives, is a tender (kind 'tender'), and notices can be added.
TEST(Notices, MigratesFromSchemaVersion2) {
  TempDir dir;
  const std::string path = dir / "v2.db";
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    // Schema 2 as engine/archive/archive.cc created it (version 1 plus the
    // version 2 step), with one tender.
    const char* v2 = R"sql(
CREATE TABLE tenders (id INTEGER PRIMARY KEY, path TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE, reference TEXT NOT NULL DEFAULT '',
  buyer TEXT NOT NULL DEFAULT '', date TEXT NOT NULL DEFAULT '',
  cpv TEXT NOT NULL DEFAULT '', product_group TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '', published_winner TEXT NOT NULL DEFAULT '',
  bid_count INTEGER NOT NULL DEFAULT 0,
  criterion_count INTEGER NOT NULL DEFAULT 0,
  criteria_written TEXT NOT NULL DEFAULT '',
  criteria_resolved TEXT NOT NULL DEFAULT '',
  added_at TEXT NOT NULL DEFAULT '',
  year INTEGER NOT NULL DEFAULT 0, winning_value REAL, lowest_value REAL,
  highest_value REAL, tenders_received INTEGER NOT NULL DEFAULT 0,
  compact BLOB);
CREATE TABLE files (tender_id INTEGER NOT NULL REFERENCES tenders(id)
  ON DELETE CASCADE, name TEXT NOT NULL, bytes BLOB NOT NULL,
  PRIMARY KEY (tender_id, name));
CREATE TABLE bids (tender_id INTEGER NOT NULL REFERENCES tenders(id)
  ON DELETE CASCADE, position INTEGER NOT NULL, bid_id TEXT NOT NULL,
  supplier TEXT NOT NULL DEFAULT '', PRIMARY KEY (tender_id, position));
CREATE TABLE criteria (tender_id INTEGER NOT NULL REFERENCES tenders(id)
  ON DELETE CASCADE, position INTEGER NOT NULL, criterion_id TEXT NOT NULL,
  name TEXT NOT NULL DEFAULT '', type TEXT NOT NULL, points REAL NOT NULL,
  rule TEXT NOT NULL DEFAULT '', strategies TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (tender_id, position));
CREATE TABLE panel_scores (tender_id INTEGER NOT NULL, bid_id TEXT NOT NULL,
  criterion_id TEXT NOT NULL, evaluator TEXT NOT NULL, score REAL NOT NULL,
  rationale TEXT NOT NULL DEFAULT '');
CREATE TABLE cost_profiles (tender_id INTEGER PRIMARY KEY,
  profile_id TEXT NOT NULL DEFAULT '', currency TEXT NOT NULL DEFAULT '',
  offers INTEGER NOT NULL DEFAULT 0);
CREATE TABLE runs (id INTEGER PRIMARY KEY, key TEXT NOT NULL,
  parameters TEXT NOT NULL, circa_version TEXT NOT NULL,
  started_at TEXT NOT NULL, finished INTEGER NOT NULL DEFAULT 0);
CREATE TABLE run_results (run_id INTEGER NOT NULL, tender_id INTEGER NOT NULL,
  scenario TEXT NOT NULL, method TEXT NOT NULL, input_hash TEXT NOT NULL,
  winner TEXT NOT NULL, margin REAL NOT NULL, flip INTEGER NOT NULL,
  error TEXT NOT NULL DEFAULT '', ranks BLOB, totals BLOB, points BLOB,
  PRIMARY KEY (run_id, tender_id, scenario));
INSERT INTO tenders (id, path, hash, reference, date, year, winning_value,
  tenders_received) VALUES (5, 'old/t', 'h5', 'T-2022', '2022-03-01', 2022,
  1000, 4);
PRAGMA user_version = 2;
)sql";
    ASSERT_EQ(sqlite3_exec(db, v2, nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  }
  Archive a = OpenOrDie(path);
  EXPECT_EQ(a.SchemaVersion(), 3);
  EXPECT_EQ(Count(path, "PRAGMA user_version"), 3);
  const auto list = a.List();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].id, 5);
  EXPECT_FALSE(list[0].notice);
  EXPECT_EQ(list[0].info.reference, "T-2022");
  EXPECT_DOUBLE_EQ(*list[0].info.winning_value, 1000);
  EXPECT_EQ(list[0].info.tenders_received, 4);
  EXPECT_TRUE(a.NoticeLots(5).empty());
  if (fs::is_directory(DataDir())) {
    const std::int64_t id = AddOrDie(&a, kCan81);
    EXPECT_EQ(a.NoticeLots(id).size(), 1u);
    EXPECT_EQ(a.List().size(), 2u);
  }
}

// The market view over six notices, every figure counted from the XML (the
// tests above and the comments here say which fields):
// - can_24_FRA_comments: 2 lots, price 40 % and 60 %; both publish BT-720
//   and BT-710: 95414 / 59299.64 and 26500 / 14802.46 (EUR); BT-759 3, 2.
// - can_81_FRA: 1 lot, four quality criteria per-exa 50/20/20/10 (price
//   weight 0); BT-720 375950, BT-710 300000 EUR; BT-759 2.
// - can_24_LSBU: 1 lot, Quality1-4 20/20/10/20 and Price 30; Quality3 is
//   "Track record of delivering sustainable business ..." (environmental:
//   "sustainab"); BT-720 4500000 GBP, no BT-710; BT-759 12.
// - cn_24_open: 1 lot, a contract notice (no results): Methodology 15,
//   "Fair working practices" 5, "Community benefits offered" 3, "Community
//   benefit methodology" 2 (social), Price 75.
// - 22-011421 (TED): 8 lots, quality 70 / price 30, BT-759 14, 11, 9, 27,
//   10, 26, 9, 9, LOW/HIGH without VAL_TOTAL.
// - veat_81: 2 lots without award criteria; LOT-0002 codes circ-econ and
//   two social objectives; no results.
TEST(Notices, MarketViewOfSixNotices) {
  REQUIRE_DATA();
  TempDir dir;
  Archive a = OpenOrDie(dir / "a.db");
  for (const char* n : {kFraComments, kCan81, kLsbu, kOpen, kTed, kVeat}) {
    AddOrDie(&a, n);
  }
  const MarketView v = ComputeMarketView(a);
  EXPECT_EQ(v.notices, 6);
  EXPECT_EQ(v.possible_duplicates, 0);
  EXPECT_EQ(v.lots.size(), 15u);        // 2 + 1 + 1 + 1 + 8 + 2
  EXPECT_EQ(v.lots_with_criteria, 13);  // all but veat_81's two
  EXPECT_EQ(v.lots_with_weights, 13);   // every weight per-exa or a number
  EXPECT_EQ(v.lots_without_weights, 0);
  // Price weights: 0.4, 0.6 | 0 | 0.3 | 0.75 | 0.3 x 8; sorted 0, 0.3 x 9,
  // 0.4, 0.6, 0.75: the 7th of 13 (median) and the 4th and 10th (quartiles,
  // positions 3 and 9 from 0) are 0.3; the mean is 4.45 / 13.
  EXPECT_EQ(v.price_weights.count, 13);
  EXPECT_DOUBLE_EQ(v.price_weights.min, 0);
  EXPECT_DOUBLE_EQ(v.price_weights.p25, 0.3);
  EXPECT_DOUBLE_EQ(v.price_weights.median, 0.3);
  EXPECT_DOUBLE_EQ(v.price_weights.p75, 0.3);
  EXPECT_DOUBLE_EQ(v.price_weights.max, 0.75);
  EXPECT_NEAR(v.price_weights.mean, 4.45 / 13, 1e-12);
  // Bands 0 | (0, 30) | [30, 50) | [50, 70) | [70, 100) | 100.
  EXPECT_EQ(v.price_weight_bands, (std::vector<int>{1, 0, 10, 1, 1, 0}));
  EXPECT_EQ(v.price_only, 0);
  EXPECT_EQ(v.cost_only, 0);
  EXPECT_EQ(v.environmental, 1);  // can_24_LSBU's Quality3
  EXPECT_EQ(v.social, 1);         // cn_24_open
  EXPECT_EQ(v.circular, 0);
  EXPECT_EQ(v.objective_environmental, 1);  // veat_81 LOT-0002 circ-econ
  EXPECT_EQ(v.objective_social, 1);
  EXPECT_EQ(v.objective_circular, 1);
  // Results: FRA 2, can_81 1, LSBU 1, TED 8 = 12 lots; cn_24_open and
  // veat_81's two lots publish none.
  EXPECT_EQ(v.lots_with_results, 12);
  EXPECT_EQ(v.lots_with_winning_and_lowest, 3);
  EXPECT_EQ(v.above_lowest, 3);
  EXPECT_EQ(v.below_lowest, 0);
  const double p1 = 95414 / 59299.64 - 1;   // 0.609 (the winner is BT-711)
  const double p2 = 26500 / 14802.46 - 1;   // 0.790
  const double p3 = 375950.0 / 300000 - 1;  // 0.253
  EXPECT_DOUBLE_EQ(v.premium.median, p1);
  EXPECT_DOUBLE_EQ(v.premium.min, p3);
  EXPECT_DOUBLE_EQ(v.premium.max, p2);
  EXPECT_NEAR(v.premium.mean, (p1 + p2 + p3) / 3, 1e-12);
  // BT-759 sorted: 2 2 3 9 9 9 10 11 12 14 26 27 (12 lots).
  EXPECT_EQ(v.tenders_received.count, 12);
  EXPECT_DOUBLE_EQ(v.tenders_received.median, 9.5);
  EXPECT_NEAR(v.tenders_received.mean, 134.0 / 12, 1e-12);
  EXPECT_EQ(v.currencies,
            (std::vector<std::pair<std::string, int>>{{"EUR", 3}}));
}

}  // namespace
}  // namespace circa
