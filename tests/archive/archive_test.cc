// The archive (docs/archive.md): schema and migration, adding, exporting
// byte for byte, removing, the compact form, two writers at once and a
// killed import.
#include "circa/archive.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "../../bench/archive_data.h"
#include "circa/evaluate.h"
#include "test_util.h"

namespace circa {
namespace {

namespace fs = std::filesystem;

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A fresh directory under the system temp dir, removed at the end.
class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() /
            ("circa-archive-test-" + std::to_string(::getpid()) + "-" +
             std::to_string(counter_++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
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

std::string Sample(const std::string& name) {
  return std::string(CIRCA_SOURCE_DIR) + "/samples/" + name;
}

int Query(const std::string& db_path, const std::string& sql) {
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

TEST(Archive, NewFileHasTheCurrentSchemaInWalMode) {
  TempDir dir;
  Archive a = OpenOrDie(dir / "a.db");
  EXPECT_EQ(a.SchemaVersion(), kArchiveSchemaVersion);
  EXPECT_EQ(Query(dir / "a.db", "PRAGMA user_version"), kArchiveSchemaVersion);
  sqlite3* db = nullptr;
  sqlite3_open((dir / "a.db").c_str(), &db);
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &s, nullptr);
  ASSERT_EQ(sqlite3_step(s), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)), "wal");
  sqlite3_finalize(s);
  sqlite3_close(db);
}

// A file written by the first schema: its tenders survive the migration,
// get their year from the date, and still load (from the stored files,
// since schema 1 had no compact form).
TEST(Archive, MigratesFromSchemaVersion1) {
  TempDir dir;
  const std::string path = dir / "v1.db";
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    const char* v1 = R"sql(
CREATE TABLE tenders (id INTEGER PRIMARY KEY, path TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE, reference TEXT NOT NULL DEFAULT '',
  buyer TEXT NOT NULL DEFAULT '', date TEXT NOT NULL DEFAULT '',
  cpv TEXT NOT NULL DEFAULT '', product_group TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '', published_winner TEXT NOT NULL DEFAULT '',
  bid_count INTEGER NOT NULL DEFAULT 0,
  criterion_count INTEGER NOT NULL DEFAULT 0,
  criteria_written TEXT NOT NULL DEFAULT '',
  criteria_resolved TEXT NOT NULL DEFAULT '',
  added_at TEXT NOT NULL DEFAULT '');
CREATE TABLE files (tender_id INTEGER NOT NULL REFERENCES tenders(id)
  ON DELETE CASCADE, name TEXT NOT NULL, bytes BLOB NOT NULL,
  PRIMARY KEY (tender_id, name));
CREATE TABLE bids (tender_id INTEGER NOT NULL REFERENCES tenders(id)
  ON DELETE CASCADE, position INTEGER NOT NULL, bid_id TEXT NOT NULL,
  supplier TEXT NOT NULL DEFAULT '', PRIMARY KEY (tender_id, position));
INSERT INTO tenders (id, path, hash, reference, date, product_group,
  bid_count, criterion_count)
  VALUES (7, 'old/office-furniture', 'h1', 'OF-2023', '2023-04-01',
  'office-furniture', 5, 5);
PRAGMA user_version = 1;
)sql";
    ASSERT_EQ(sqlite3_exec(db, v1, nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO files VALUES (7, ?, ?)", -1, &s,
                       nullptr);
    for (const char* name : {"tender.yaml", "bids.csv", "panel.csv"}) {
      const std::string bytes = Slurp(Sample("office-furniture") + "/" + name);
      sqlite3_bind_text(s, 1, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_blob(s, 2, bytes.data(), static_cast<int>(bytes.size()),
                        SQLITE_TRANSIENT);
      ASSERT_EQ(sqlite3_step(s), SQLITE_DONE);
      sqlite3_reset(s);
    }
    sqlite3_finalize(s);
    sqlite3_close(db);
  }
  Archive a = OpenOrDie(path);
  EXPECT_EQ(a.SchemaVersion(), kArchiveSchemaVersion);
  EXPECT_EQ(Query(path, "PRAGMA user_version"), kArchiveSchemaVersion);
  const auto list = a.List();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].id, 7);
  EXPECT_EQ(list[0].info.reference, "OF-2023");
  EXPECT_EQ(Query(path, "SELECT year FROM tenders WHERE id = 7"), 2023);
  ArchiveFilter by_year;
  by_year.year = 2023;
  EXPECT_EQ(a.List(by_year).size(), 1u);
  Result<Tender> t = a.LoadTender(7);
  ASSERT_TRUE(t.ok()) << circa_test::Describe(t.diagnostics);
  Result<Outcome> o = Evaluate(*t.value);
  ASSERT_TRUE(o.ok());
  // samples/office-furniture/README.md: E wins with 85.38.
  EXPECT_EQ(t.value->bids.ids[static_cast<std::size_t>(o.value->Winner())],
            "E");
  // Opening again does not migrate twice.
  Archive again = OpenOrDie(path);
  EXPECT_EQ(again.List().size(), 1u);
}

TEST(Archive, RefusesANewerSchema) {
  TempDir dir;
  const std::string path = dir / "new.db";
  {
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    sqlite3_exec(db, "PRAGMA user_version = 9", nullptr, nullptr, nullptr);
    sqlite3_close(db);
  }
  Result<Archive> a = Archive::Open(path);
  ASSERT_FALSE(a.ok());
  ASSERT_EQ(a.diagnostics.size(), 1u);
  EXPECT_EQ(a.diagnostics[0].ToString(),
            path +
                ": archive: schema version 9 is newer than this circa "
                "reads (3)");
}

// add -> export gives every input file back byte for byte, for every
// sample tender (panels, cost profiles, money awards, derived sets).
TEST(Archive, AddThenExportIsByteIdentical) {
  TempDir dir;
  Archive a = OpenOrDie(dir / "a.db");
  const auto dirs =
      FindTenderDirectories({std::string(CIRCA_SOURCE_DIR) + "/samples"});
  ASSERT_GE(dirs.size(), 10u);
  for (const std::string& d : dirs) {
    Result<AddedTender> added = a.AddTenderDirectory(d);
    ASSERT_TRUE(added.ok()) << d << "\n"
                            << circa_test::Describe(added.diagnostics);
    EXPECT_TRUE(added.value->added);
    const std::string out = dir / ("export-" + std::to_string(added.value->id));
    Result<std::vector<std::string>> written = a.Export(added.value->id, out);
    ASSERT_TRUE(written.ok()) << circa_test::Describe(written.diagnostics);
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(d)) {
      if (!entry.is_regular_file()) continue;
      ++files;
      const fs::path copy = fs::path(out) / entry.path().filename();
      ASSERT_TRUE(fs::exists(copy)) << copy;
      EXPECT_EQ(Slurp(copy), Slurp(entry.path())) << copy;
    }
    EXPECT_EQ(written.value->size(), files);
  }
  // The same inputs again: found, not added twice.
  Result<AddedTender> again = a.AddTenderDirectory(Sample("office-furniture"));
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again.value->added);
  EXPECT_EQ(a.List().size(), dirs.size());
}

// Loading from the compact form gives the evaluation loading the files
// gives, for every sample (money awards read their resolved set).
TEST(Archive, CompactFormEvaluatesAsTheFilesDo) {
  TempDir dir;
  Archive a = OpenOrDie(dir / "a.db");
  for (const std::string& d :
       FindTenderDirectories({std::string(CIRCA_SOURCE_DIR) + "/samples"})) {
    Result<AddedTender> added = a.AddTenderDirectory(d);
    ASSERT_TRUE(added.ok());
    Result<TenderPaths> paths = ResolveTenderDirectory(d);
    Result<Tender> from_files = LoadTender(*paths.value, LoadOptions{});
    Result<Tender> from_archive = a.LoadTender(added.value->id);
    ASSERT_TRUE(from_archive.ok())
        << d << circa_test::Describe(from_archive.diagnostics);
    Result<Outcome> x = Evaluate(*from_files.value);
    Result<Outcome> y = Evaluate(*from_archive.value);
    ASSERT_TRUE(x.ok() && y.ok()) << d;
    EXPECT_EQ(x.value->Winner(), y.value->Winner()) << d;
    if (x.value->points) {
      const Eigen::VectorXd& tx = x.value->points->evaluation.totals;
      const Eigen::VectorXd& ty = y.value->points->evaluation.totals;
      ASSERT_EQ(tx.size(), ty.size());
      for (Eigen::Index i = 0; i < tx.size(); ++i) {
        EXPECT_EQ(tx[i], ty[i]) << d << " bid " << i;
      }
      EXPECT_EQ(x.value->points->evaluation.rank,
                y.value->points->evaluation.rank);
    }
  }
}

// The block read of `circa batch`: each id's compact form, in the order
// asked (repeats and all), empty for an id the archive does not hold;
// inside a group (an open transaction) as outside.
TEST(Archive, CompactFormsReadsABlockInTheOrderAsked) {
  TempDir dir;
  Archive a = OpenOrDie(dir / "a.db");
  std::vector<std::int64_t> ids;
  for (int n = 0; n < 5; ++n) {
    bench::SyntheticTender s = bench::MakeSyntheticTender(n);
    Result<AddedTender> r = a.AddTender(s.tender, s.info, s.files, "syn");
    ASSERT_TRUE(r.ok()) << circa_test::Describe(r.diagnostics);
    ids.push_back(r.value->id);
  }
  const std::vector<std::int64_t> asked = {ids[3], ids[0], 999999, ids[3],
                                           ids[4]};
  std::vector<std::string> forms = a.CompactForms(asked);
  ASSERT_EQ(forms.size(), asked.size());
  for (std::size_t i = 0; i < asked.size(); ++i) {
    EXPECT_EQ(forms[i], a.CompactForm(asked[i])) << i;
  }
  EXPECT_TRUE(forms[2].empty());
  EXPECT_FALSE(forms[0].empty());
  EXPECT_NE(forms[0], forms[1]);
  EXPECT_TRUE(a.CompactForms({}).empty());
  a.BeginGroup();
  EXPECT_EQ(a.CompactForms(asked), forms);
  a.CommitGroup();
}

TEST(Archive, CorruptCompactFormIsRefusedNotRead) {
  const bench::SyntheticTender s = bench::MakeSyntheticTender(3);
  const std::string bytes = EncodeCompactTender(s.tender);
  ASSERT_TRUE(DecodeCompactTender(bytes).has_value());
  // Every truncation is refused.
  for (std::size_t n = 0; n < bytes.size(); n += 7) {
    EXPECT_FALSE(DecodeCompactTender(std::string_view(bytes).substr(0, n)))
        << n;
  }
  std::string bad = bytes;
  bad[0] = 'X';
  EXPECT_FALSE(DecodeCompactTender(bad));
  // A bid value no reader accepts (fuzz_batch: NaN totals).
  Tender nan = s.tender;
  nan.bids.values(1, 0) = std::nan("");
  EXPECT_FALSE(DecodeCompactTender(EncodeCompactTender(nan)));
}

TEST(Archive, RemoveAndFilters) {
  TempDir dir;
  Archive a = OpenOrDie(dir / "a.db");
  for (int n = 0; n < 8; ++n) {
    bench::SyntheticTender s = bench::MakeSyntheticTender(n);
    Result<AddedTender> r = a.AddTender(s.tender, s.info, s.files, "syn");
    ASSERT_TRUE(r.ok()) << circa_test::Describe(r.diagnostics);
  }
  ArchiveFilter f;
  f.product_group = "cleaning";  // n % 4 == 2: tenders 2 and 6
  EXPECT_EQ(a.List(f).size(), 2u);
  f = {};
  f.year = 2021;  // n % 5 == 1: tender 1 and 6
  EXPECT_EQ(a.List(f).size(), 2u);
  f = {};
  f.cpv = "3021";  // odd n
  EXPECT_EQ(a.List(f).size(), 4u);
  const std::int64_t first = a.List()[0].id;
  EXPECT_TRUE(a.Remove(first));
  EXPECT_FALSE(a.Remove(first));
  EXPECT_EQ(a.List().size(), 7u);
  EXPECT_EQ(
      Query(dir / "a.db", "SELECT count(*) FROM files WHERE tender_id = " +
                              std::to_string(first)),
      0);
  EXPECT_EQ(Query(dir / "a.db", "SELECT count(*) FROM bids WHERE tender_id = " +
                                    std::to_string(first)),
            0);
}

TEST(Archive, RecordFileErrorsAreLocated) {
  TempDir dir;
  {
    std::ofstream out(dir / "record.yaml");
    out << "buyer: City\ndate: soon\nwinner-id: A\n";
  }
  Result<TenderInfo> r = ReadTenderRecord(dir / "record.yaml");
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.diagnostics.size(), 2u);
  EXPECT_EQ(r.diagnostics[0].ToString(),
            dir / "record.yaml" +
                ":2:7: date: expected a date YYYY-MM-DD, got \"soon\"");
  EXPECT_EQ(r.diagnostics[1].ToString(),
            dir / "record.yaml" +
                ":3:1: winner-id: unknown key; expected reference, buyer, "
                "date, cpv, product-group, title, winner, winning-value, "
                "lowest-value, highest-value or tenders-received");
}

// Two connections writing at once (as two processes would): every tender
// of both ends up in the archive; the busy timeout makes one wait.
TEST(Archive, TwoWritersAtOnce) {
  TempDir dir;
  const std::string path = dir / "a.db";
  OpenOrDie(path);
  const auto writer = [&](int from) {
    Archive a = OpenOrDie(path);
    for (int n = from; n < from + 40; ++n) {
      bench::SyntheticTender s = bench::MakeSyntheticTender(n);
      Result<AddedTender> r = a.AddTender(s.tender, s.info, s.files, "syn");
      EXPECT_TRUE(r.ok()) << circa_test::Describe(r.diagnostics);
    }
  };
  std::thread one(writer, 0);
  std::thread two(writer, 1000);
  one.join();
  two.join();
  EXPECT_EQ(OpenOrDie(path).List().size(), 80u);
}

}  // namespace
}  // namespace circa
