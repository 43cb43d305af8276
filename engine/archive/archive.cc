// The archive in SQLite (docs/archive.md): the schema and its migrations,
// adding, listing, exporting and removing tenders, loading one from its
// compact form, and recording batch runs.
#include "circa/archive.h"

#include <openssl/evp.h>
#include <sqlite3.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <utility>

#include "archive/sqlite.h"
#include "circa/catalog.h"
#include "circa/version.h"

namespace circa {
namespace fs = std::filesystem;

namespace {

using archive_sql::Exec;
using archive_sql::HashFiles;
using archive_sql::NowUtc;
using archive_sql::ReadTransaction;
using archive_sql::Stmt;
using archive_sql::Transaction;

// Version 1: tenders, their files and bids. Version 2 adds the year, the
// published values, the compact form, criteria, panel scores, cost
// profiles and batch runs. Each step runs in the transaction that sets
// user_version.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE tenders (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE,
  reference TEXT NOT NULL DEFAULT '',
  buyer TEXT NOT NULL DEFAULT '',
  date TEXT NOT NULL DEFAULT '',
  cpv TEXT NOT NULL DEFAULT '',
  product_group TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  published_winner TEXT NOT NULL DEFAULT '',
  bid_count INTEGER NOT NULL DEFAULT 0,
  criterion_count INTEGER NOT NULL DEFAULT 0,
  criteria_written TEXT NOT NULL DEFAULT '',
  criteria_resolved TEXT NOT NULL DEFAULT '',
  added_at TEXT NOT NULL DEFAULT ''
);
CREATE TABLE files (
  tender_id INTEGER NOT NULL REFERENCES tenders(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  bytes BLOB NOT NULL,
  PRIMARY KEY (tender_id, name)
);
CREATE TABLE bids (
  tender_id INTEGER NOT NULL REFERENCES tenders(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  bid_id TEXT NOT NULL,
  supplier TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (tender_id, position)
);
)sql";

constexpr const char* kSchemaV2 = R"sql(
ALTER TABLE tenders ADD COLUMN year INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tenders ADD COLUMN winning_value REAL;
ALTER TABLE tenders ADD COLUMN lowest_value REAL;
ALTER TABLE tenders ADD COLUMN highest_value REAL;
ALTER TABLE tenders ADD COLUMN tenders_received INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tenders ADD COLUMN compact BLOB;
UPDATE tenders SET year = CAST(substr(date, 1, 4) AS INTEGER)
  WHERE date GLOB '[0-9][0-9][0-9][0-9]*';
CREATE INDEX tenders_group_year ON tenders (product_group, year);
CREATE TABLE criteria (
  tender_id INTEGER NOT NULL REFERENCES tenders(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  criterion_id TEXT NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  type TEXT NOT NULL,
  points REAL NOT NULL,
  rule TEXT NOT NULL DEFAULT '',
  strategies TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (tender_id, position)
);
CREATE TABLE panel_scores (
  tender_id INTEGER NOT NULL REFERENCES tenders(id) ON DELETE CASCADE,
  bid_id TEXT NOT NULL,
  criterion_id TEXT NOT NULL,
  evaluator TEXT NOT NULL,
  score REAL NOT NULL,
  rationale TEXT NOT NULL DEFAULT ''
);
CREATE INDEX panel_scores_tender ON panel_scores (tender_id);
CREATE TABLE cost_profiles (
  tender_id INTEGER PRIMARY KEY REFERENCES tenders(id) ON DELETE CASCADE,
  profile_id TEXT NOT NULL DEFAULT '',
  currency TEXT NOT NULL DEFAULT '',
  offers INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL,
  parameters TEXT NOT NULL,
  circa_version TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE run_results (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  tender_id INTEGER NOT NULL,
  scenario TEXT NOT NULL,
  method TEXT NOT NULL,
  input_hash TEXT NOT NULL,
  winner TEXT NOT NULL,
  margin REAL NOT NULL,
  flip INTEGER NOT NULL,
  error TEXT NOT NULL DEFAULT '',
  ranks BLOB,
  totals BLOB,
  points BLOB,
  PRIMARY KEY (run_id, tender_id, scenario)
);
)sql";

// Version 3: published notices (Archive::AddNotice, notice_store.cc). A
// notice is a row of `tenders` (kind 'notice', no bids, its file in
// `files`) with its lots and their award criteria as published.
constexpr const char* kSchemaV3 = R"sql(
ALTER TABLE tenders ADD COLUMN kind TEXT NOT NULL DEFAULT 'tender';
ALTER TABLE tenders ADD COLUMN procedure TEXT NOT NULL DEFAULT '';
CREATE TABLE notice_lots (
  tender_id INTEGER NOT NULL REFERENCES tenders(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  lot_id TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  currency TEXT NOT NULL DEFAULT '',
  weights_complete INTEGER NOT NULL DEFAULT 0,
  objectives TEXT NOT NULL DEFAULT '',
  winning_value REAL,
  lowest_value REAL,
  highest_value REAL,
  tenders_received INTEGER,
  result_currency TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (tender_id, position)
);
CREATE TABLE notice_criteria (
  tender_id INTEGER NOT NULL REFERENCES tenders(id) ON DELETE CASCADE,
  lot INTEGER NOT NULL,
  position INTEGER NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  type TEXT NOT NULL DEFAULT '',
  published TEXT NOT NULL DEFAULT '',
  share REAL,
  themes TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (tender_id, lot, position)
);
)sql";

const char* const kMigrations[] = {kSchemaV1, kSchemaV2, kSchemaV3};
static_assert(std::size(kMigrations) == kArchiveSchemaVersion);

bool ReadBytes(const fs::path& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  *out = s.str();
  return static_cast<bool>(in) || in.eof();
}

std::string JoinStrategies(const std::vector<Strategy>& strategies) {
  std::string out;
  for (const Strategy s : strategies) {
    if (!out.empty()) out += ' ';
    out += ToString(s);
  }
  return out;
}

template <typename T>
std::string Pack(const std::vector<T>& v) {
  return std::string(reinterpret_cast<const char*>(v.data()),
                     v.size() * sizeof(T));
}
template <typename T>
std::vector<T> Unpack(const std::string& bytes) {
  std::vector<T> v(bytes.size() / sizeof(T));
  if (!v.empty()) std::memcpy(v.data(), bytes.data(), v.size() * sizeof(T));
  return v;
}

constexpr const char* kTenderColumns =
    "id, path, hash, reference, buyer, date, cpv, product_group, title, "
    "published_winner, bid_count, criterion_count, added_at, winning_value, "
    "lowest_value, highest_value, tenders_received, kind, procedure";

ArchivedTender ReadTenderRow(const Stmt& s) {
  ArchivedTender t;
  t.id = s.Int(0);
  t.path = s.Text(1);
  t.hash = s.Text(2);
  t.info.reference = s.Text(3);
  t.info.buyer = s.Text(4);
  t.info.date = s.Text(5);
  t.info.cpv = s.Text(6);
  t.info.product_group = s.Text(7);
  t.info.title = s.Text(8);
  t.info.published_winner = s.Text(9);
  t.bids = static_cast<int>(s.Int(10));
  t.criteria = static_cast<int>(s.Int(11));
  t.added_at = s.Text(12);
  if (!s.Null(13)) t.info.winning_value = s.Real(13);
  if (!s.Null(14)) t.info.lowest_value = s.Real(14);
  if (!s.Null(15)) t.info.highest_value = s.Real(15);
  t.info.tenders_received = static_cast<int>(s.Int(16));
  t.notice = s.Text(17) == "notice";
  t.info.procedure = s.Text(18);
  return t;
}

Diagnostic ArchiveError(const std::string& file, const std::string& message) {
  Diagnostic d;
  d.where.file = file;
  d.path = "archive";
  d.message = message;
  return d;
}

}  // namespace

namespace archive_sql {
namespace {

std::string Hex(const unsigned char* p, unsigned n) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (unsigned i = 0; i < n; ++i) {
    out.push_back(digits[p[i] >> 4]);
    out.push_back(digits[p[i] & 15]);
  }
  return out;
}

}  // namespace

std::string NowUtc() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

// SHA-256 of the files: each name, its size and its bytes, in name order.
std::string HashFiles(std::vector<StoredFile> files) {
  std::sort(
      files.begin(), files.end(),
      [](const StoredFile& a, const StoredFile& b) { return a.name < b.name; });
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr);
  for (const StoredFile& f : files) {
    const std::string head =
        f.name + '\0' + std::to_string(f.bytes.size()) + '\0';
    EVP_DigestUpdate(ctx, head.data(), head.size());
    EVP_DigestUpdate(ctx, f.bytes.data(), f.bytes.size());
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned n = 0;
  EVP_DigestFinal_ex(ctx, digest, &n);
  EVP_MD_CTX_free(ctx);
  return Hex(digest, n);
}

}  // namespace archive_sql

int TenderInfo::Year() const {
  if (date.size() < 4) return 0;
  int year = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    if (date[i] < '0' || date[i] > '9') return 0;
    year = year * 10 + (date[i] - '0');
  }
  return year;
}

Archive::Archive(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Archive::Archive(Archive&&) noexcept = default;
Archive& Archive::operator=(Archive&&) noexcept = default;
Archive::~Archive() = default;

int Archive::SchemaVersion() const { return impl_->version; }

void Archive::BeginGroup() { Exec(impl_->db, "BEGIN IMMEDIATE"); }
void Archive::CommitGroup() { Exec(impl_->db, "COMMIT"); }
const std::string& Archive::path() const { return impl_->path; }

Result<Archive> Archive::Open(const std::string& path,
                              const ArchiveOptions& options) {
  Result<Archive> result;
  std::string why;
  if (!options.IsValid(&why)) {
    result.diagnostics.push_back(ArchiveError(path, "invalid options: " + why));
    return result;
  }
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX |
                    (options.must_exist ? 0 : SQLITE_OPEN_CREATE);
  if (sqlite3_open_v2(path.c_str(), &impl->db, flags, nullptr) != SQLITE_OK) {
    const std::string message =
        impl->db != nullptr ? sqlite3_errmsg(impl->db) : "out of memory";
    result.diagnostics.push_back(
        ArchiveError(path, "cannot open the archive: " + message));
    return result;
  }
  try {
    sqlite3_busy_timeout(impl->db, options.busy_timeout_ms);
    Exec(impl->db, "PRAGMA foreign_keys = ON");
    // Switching a new file to WAL takes an exclusive lock, and when another
    // process opens the same new file at that moment SQLite answers
    // SQLITE_BUSY at once, without calling the busy handler (seen with two
    // `circa archive add` started together, CliArchive.
    // TwoProcessesAddingAtOnce); so the switch is tried again until the
    // busy timeout has passed.
    const auto give_up = std::chrono::steady_clock::now() +
                         std::chrono::milliseconds(options.busy_timeout_ms);
    for (;;) {
      try {
        Stmt mode(impl->db, "PRAGMA journal_mode = WAL");
        mode.Step();
        break;
      } catch (const std::runtime_error&) {
        if ((sqlite3_errcode(impl->db) & 0xff) != SQLITE_BUSY ||
            std::chrono::steady_clock::now() >= give_up) {
          throw;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
      }
    }
    Exec(impl->db, "PRAGMA synchronous = NORMAL");
    Transaction tx(impl->db);
    int version = 0;
    {
      Stmt s(impl->db, "PRAGMA user_version");
      if (s.Step()) version = static_cast<int>(s.Int(0));
    }
    if (version > kArchiveSchemaVersion) {
      result.diagnostics.push_back(
          ArchiveError(path, "schema version " + std::to_string(version) +
                                 " is newer than this circa reads (" +
                                 std::to_string(kArchiveSchemaVersion) + ")"));
      return result;
    }
    for (int v = version; v < kArchiveSchemaVersion; ++v) {
      Exec(impl->db, kMigrations[v]);
    }
    if (version < kArchiveSchemaVersion) {
      Exec(impl->db,
           ("PRAGMA user_version = " + std::to_string(kArchiveSchemaVersion))
               .c_str());
    }
    tx.Commit();
    impl->version = kArchiveSchemaVersion;
  } catch (const std::exception& e) {
    result.diagnostics.push_back(ArchiveError(path, e.what()));
    return result;
  }
  result.value = Archive(std::move(impl));
  return result;
}

Result<AddedTender> Archive::AddTenderDirectory(const std::string& directory,
                                                const LoadOptions& options) {
  Result<AddedTender> result;
  Result<TenderPaths> paths = ResolveTenderDirectory(directory);
  result.diagnostics = paths.diagnostics;
  if (!paths.ok()) return result;
  const std::string record_path =
      (fs::path(directory) / "record.yaml").string();
  Result<TenderInfo> info = ReadTenderRecord(record_path);
  result.diagnostics.insert(result.diagnostics.end(), info.diagnostics.begin(),
                            info.diagnostics.end());
  if (!info.ok()) return result;
  Result<Tender> tender = circa::LoadTender(*paths.value, options);
  result.diagnostics.insert(result.diagnostics.end(),
                            tender.diagnostics.begin(),
                            tender.diagnostics.end());
  if (!tender.ok()) return result;
  // Every regular file at the top of the directory, as the analyst left it.
  std::vector<StoredFile> files;
  std::vector<fs::path> entries;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(directory, ec)) {
    if (entry.is_regular_file()) entries.push_back(entry.path());
  }
  std::sort(entries.begin(), entries.end());
  for (const fs::path& p : entries) {
    StoredFile f;
    f.name = p.filename().string();
    if (!ReadBytes(p, &f.bytes)) {
      result.diagnostics.push_back(
          ArchiveError(p.string(), "cannot read the file"));
      return result;
    }
    files.push_back(std::move(f));
  }
  TenderInfo meta = std::move(*info.value);
  if (meta.reference.empty()) {
    meta.reference = fs::path(directory).lexically_normal().filename().string();
    if (meta.reference.empty()) {
      meta.reference = fs::path(directory)
                           .lexically_normal()
                           .parent_path()
                           .filename()
                           .string();
    }
  }
  Result<AddedTender> added = AddTender(*tender.value, meta, files, directory);
  result.diagnostics.insert(result.diagnostics.end(), added.diagnostics.begin(),
                            added.diagnostics.end());
  result.value = added.value;
  return result;
}

Result<AddedTender> Archive::AddTender(const Tender& tender,
                                       const TenderInfo& given,
                                       const std::vector<StoredFile>& files,
                                       const std::string& directory) {
  Result<AddedTender> result;
  TenderInfo info = given;
  const CriteriaSet& set = tender.criteria;
  if (info.buyer.empty()) info.buyer = set.publisher;
  if (info.title.empty()) info.title = set.title;
  if (info.product_group.empty()) info.product_group = set.product_group;
  const std::string hash = HashFiles(files);
  std::string written;
  for (const StoredFile& f : files) {
    if (f.name == "tender.yaml") written = f.bytes;
  }
  const std::string resolved = WriteCriteriaYaml(set);
  const std::string compact = EncodeCompactTender(tender);
  const auto leaves = set.Leaves();
  sqlite3* db = impl_->db;
  try {
    Transaction tx(db);
    {
      Stmt find(db, "SELECT id FROM tenders WHERE hash = ?");
      find.Bind(1, hash);
      if (find.Step()) {
        result.value = AddedTender{find.Int(0), false, directory};
        return result;
      }
    }
    std::int64_t id = 0;
    {
      Stmt s(db,
             "INSERT INTO tenders (path, hash, reference, buyer, date, cpv, "
             "product_group, title, published_winner, bid_count, "
             "criterion_count, criteria_written, criteria_resolved, added_at, "
             "year, winning_value, lowest_value, highest_value, "
             "tenders_received, compact) VALUES "
             "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
      s.Bind(1, directory)
          .Bind(2, hash)
          .Bind(3, info.reference)
          .Bind(4, info.buyer)
          .Bind(5, info.date)
          .Bind(6, info.cpv)
          .Bind(7, info.product_group)
          .Bind(8, info.title)
          .Bind(9, info.published_winner)
          .Bind(10, static_cast<std::int64_t>(tender.bids.size()))
          .Bind(11, static_cast<std::int64_t>(leaves.size()))
          .Bind(12, written)
          .Bind(13, resolved)
          .Bind(14, NowUtc())
          .Bind(15, static_cast<std::int64_t>(info.Year()))
          .Bind(16, info.winning_value)
          .Bind(17, info.lowest_value)
          .Bind(18, info.highest_value)
          .Bind(19, static_cast<std::int64_t>(info.tenders_received))
          .Blob(20, compact.data(), compact.size());
      s.Step();
      id = sqlite3_last_insert_rowid(db);
    }
    {
      Stmt s(db, "INSERT INTO files (tender_id, name, bytes) VALUES (?,?,?)");
      for (const StoredFile& f : files) {
        s.Bind(1, id).Bind(2, f.name).Blob(3, f.bytes.data(), f.bytes.size());
        s.Step();
        s.Reset();
      }
    }
    {
      Stmt s(db,
             "INSERT INTO bids (tender_id, position, bid_id, supplier) "
             "VALUES (?,?,?,?)");
      for (std::size_t i = 0; i < tender.bids.ids.size(); ++i) {
        s.Bind(1, id)
            .Bind(2, static_cast<std::int64_t>(i))
            .Bind(3, tender.bids.ids[i])
            .Bind(4, i < tender.bids.suppliers.size() ? tender.bids.suppliers[i]
                                                      : std::string());
        s.Step();
        s.Reset();
      }
    }
    {
      Stmt s(db,
             "INSERT INTO criteria (tender_id, position, criterion_id, name, "
             "type, points, rule, strategies) VALUES (?,?,?,?,?,?,?,?)");
      for (std::size_t j = 0; j < leaves.size(); ++j) {
        const Criterion& c = *leaves[j];
        s.Bind(1, id)
            .Bind(2, static_cast<std::int64_t>(j))
            .Bind(3, c.id)
            .Bind(4, c.name)
            .Bind(5, std::string(ToString(c.type)))
            .Bind(6, c.effective_weight)
            .Bind(7, c.scoring ? std::string(ToString(c.scoring->rule))
                               : std::string())
            .Bind(8, JoinStrategies(c.doc.strategies));
        s.Step();
        s.Reset();
      }
    }
    if (tender.panel_scores) {
      Stmt s(db,
             "INSERT INTO panel_scores (tender_id, bid_id, criterion_id, "
             "evaluator, score, rationale) VALUES (?,?,?,?,?,?)");
      for (const PanelScore& p : tender.panel_scores->rows) {
        s.Bind(1, id)
            .Bind(2, p.bid)
            .Bind(3, p.criterion)
            .Bind(4, p.evaluator)
            .Bind(5, p.score)
            .Bind(6, p.rationale);
        s.Step();
        s.Reset();
      }
    }
    if (tender.cost_profile) {
      Stmt s(db,
             "INSERT INTO cost_profiles (tender_id, profile_id, currency, "
             "offers) VALUES (?,?,?,?)");
      s.Bind(1, id)
          .Bind(2, tender.cost_profile->id)
          .Bind(3, tender.cost_profile->currency)
          .Bind(4,
                static_cast<std::int64_t>(tender.cost_profile->offers.size()));
      s.Step();
    }
    tx.Commit();
    result.value = AddedTender{id, true, directory};
  } catch (const std::exception& e) {
    result.diagnostics.push_back(ArchiveError(impl_->path, e.what()));
  }
  return result;
}

std::vector<ArchivedTender> Archive::List(const ArchiveFilter& filter) const {
  std::string sql = std::string("SELECT ") + kTenderColumns +
                    " FROM tenders WHERE (?1 = '' OR product_group = ?1) AND "
                    "(?2 = '' OR buyer = ?2) AND (?3 = '' OR cpv LIKE ?3 || "
                    "'%') AND (?4 = 0 OR year = ?4) ORDER BY id";
  Stmt s(impl_->db, sql.c_str());
  s.Bind(1, filter.product_group)
      .Bind(2, filter.buyer)
      .Bind(3, filter.cpv)
      .Bind(4, static_cast<std::int64_t>(filter.year));
  std::vector<ArchivedTender> out;
  const std::set<std::int64_t> ids(filter.ids.begin(), filter.ids.end());
  while (s.Step()) {
    ArchivedTender t = ReadTenderRow(s);
    if (!ids.empty() && ids.count(t.id) == 0) continue;
    out.push_back(std::move(t));
  }
  return out;
}

std::optional<ArchivedTender> Archive::Find(std::int64_t id) const {
  Stmt s(impl_->db, (std::string("SELECT ") + kTenderColumns +
                     " FROM tenders WHERE id = ?")
                        .c_str());
  s.Bind(1, id);
  if (!s.Step()) return std::nullopt;
  return ReadTenderRow(s);
}

std::vector<StoredFile> Archive::Files(std::int64_t id) const {
  Stmt s(impl_->db,
         "SELECT name, bytes FROM files WHERE tender_id = ? ORDER BY name");
  s.Bind(1, id);
  std::vector<StoredFile> out;
  while (s.Step()) out.push_back(StoredFile{s.Text(0), s.Text(1)});
  return out;
}

std::string Archive::CriteriaWritten(std::int64_t id) const {
  Stmt s(impl_->db, "SELECT criteria_written FROM tenders WHERE id = ?");
  s.Bind(1, id);
  return s.Step() ? s.Text(0) : std::string();
}

std::string Archive::CriteriaResolved(std::int64_t id) const {
  Stmt s(impl_->db, "SELECT criteria_resolved FROM tenders WHERE id = ?");
  s.Bind(1, id);
  return s.Step() ? s.Text(0) : std::string();
}

std::string Archive::CompactForm(std::int64_t id) const {
  Stmt s(impl_->db, "SELECT compact FROM tenders WHERE id = ?");
  s.Bind(1, id);
  return s.Step() ? s.Text(0) : std::string();
}

std::vector<std::string> Archive::CompactForms(
    const std::vector<std::int64_t>& ids) const {
  std::vector<std::string> forms(ids.size());
  const ReadTransaction snapshot(impl_->db);
  Stmt s(impl_->db, "SELECT compact FROM tenders WHERE id = ?");
  for (std::size_t i = 0; i < ids.size(); ++i) {
    s.Bind(1, ids[i]);
    if (s.Step()) forms[i] = s.Text(0);
    s.Reset();
  }
  return forms;
}

Result<std::vector<std::string>> Archive::Export(
    std::int64_t id, const std::string& directory) const {
  Result<std::vector<std::string>> result;
  if (!Find(id)) {
    result.diagnostics.push_back(
        ArchiveError(impl_->path, "no tender with id " + std::to_string(id)));
    return result;
  }
  std::error_code ec;
  fs::create_directories(directory, ec);
  if (ec) {
    result.diagnostics.push_back(ArchiveError(
        directory, "cannot create the directory: " + ec.message()));
    return result;
  }
  std::vector<std::string> written;
  for (const StoredFile& f : Files(id)) {
    const fs::path target = fs::path(directory) / f.name;
    if (fs::exists(target)) {
      result.diagnostics.push_back(ArchiveError(
          target.string(), "the file exists; export does not overwrite"));
      return result;
    }
    std::ofstream out(target, std::ios::binary);
    out.write(f.bytes.data(), static_cast<std::streamsize>(f.bytes.size()));
    out.close();
    if (!out) {
      result.diagnostics.push_back(
          ArchiveError(target.string(), "cannot write the file"));
      return result;
    }
    written.push_back(target.string());
  }
  result.value = std::move(written);
  return result;
}

bool Archive::Remove(std::int64_t id) {
  Transaction tx(impl_->db);
  {
    Stmt s(impl_->db, "DELETE FROM run_results WHERE tender_id = ?");
    s.Bind(1, id);
    s.Step();
  }
  Stmt s(impl_->db, "DELETE FROM tenders WHERE id = ?");
  s.Bind(1, id);
  s.Step();
  const bool removed = sqlite3_changes(impl_->db) > 0;
  tx.Commit();
  return removed;
}

Result<Tender> Archive::LoadTender(std::int64_t id) const {
  Result<Tender> result;
  std::string compact;
  std::string resolved;
  bool found = false;
  bool has_compact = false;
  {
    Stmt s(impl_->db,
           "SELECT compact, criteria_resolved FROM tenders WHERE id = ?");
    s.Bind(1, id);
    if (s.Step()) {
      found = true;
      has_compact = !s.Null(0);
      compact = s.Text(0);
      resolved = s.Text(1);
    }
  }
  if (!found) {
    result.diagnostics.push_back(
        ArchiveError(impl_->path, "no tender with id " + std::to_string(id)));
    return result;
  }
  if (const std::optional<ArchivedTender> t = Find(id); t && t->notice) {
    result.diagnostics.push_back(ArchiveError(t->path, kNoticeNotScorable));
    return result;
  }
  if (!has_compact) {
    // Added by a schema-1 circa: load the stored files again.
    const fs::path dir = fs::temp_directory_path() /
                         ("circa-archive-" + std::to_string(::getpid()) + "-" +
                          std::to_string(id));
    std::error_code ec;
    fs::remove_all(dir, ec);
    Result<std::vector<std::string>> exported = Export(id, dir.string());
    if (!exported.ok()) {
      result.diagnostics = exported.diagnostics;
      return result;
    }
    Result<TenderPaths> paths = ResolveTenderDirectory(dir.string());
    if (paths.ok()) {
      result = circa::LoadTender(*paths.value, LoadOptions{});
    } else {
      result.diagnostics = paths.diagnostics;
    }
    fs::remove_all(dir, ec);
    return result;
  }
  std::optional<Tender> tender = DecodeCompactTender(compact);
  if (!tender) {
    result.diagnostics.push_back(ArchiveError(
        impl_->path,
        "tender " + std::to_string(id) + ": the compact form cannot be read"));
    return result;
  }
  if (tender->criteria.award) {
    // A money award is not in the compact form: read the resolved set.
    Result<CriteriaSet> set = ParseCriteria(resolved, tender->criteria.source);
    if (!set.ok()) {
      result.diagnostics = set.diagnostics;
      return result;
    }
    tender->criteria = std::move(*set.value);
  }
  result.value = std::move(tender);
  return result;
}

std::optional<RunRecord> Archive::FindUnfinishedRun(
    const std::string& key) const {
  Stmt s(impl_->db,
         "SELECT id, key, parameters, circa_version, started_at, finished "
         "FROM runs WHERE key = ? AND finished = 0 ORDER BY id DESC LIMIT 1");
  s.Bind(1, key);
  if (!s.Step()) return std::nullopt;
  return RunRecord{s.Int(0),  s.Text(1), s.Text(2),
                   s.Text(3), s.Text(4), s.Int(5) != 0};
}

std::int64_t Archive::BeginRun(const std::string& key,
                               const std::string& parameters) {
  Transaction tx(impl_->db);
  Stmt s(impl_->db,
         "INSERT INTO runs (key, parameters, circa_version, started_at) "
         "VALUES (?,?,?,?)");
  s.Bind(1, key)
      .Bind(2, parameters)
      .Bind(3, std::string(kVersion))
      .Bind(4, NowUtc());
  s.Step();
  const std::int64_t id = sqlite3_last_insert_rowid(impl_->db);
  tx.Commit();
  return id;
}

std::vector<std::int64_t> Archive::DoneTenders(std::int64_t run) const {
  Stmt s(impl_->db,
         "SELECT DISTINCT tender_id FROM run_results WHERE run_id = ? "
         "ORDER BY tender_id");
  s.Bind(1, run);
  std::vector<std::int64_t> out;
  while (s.Step()) out.push_back(s.Int(0));
  return out;
}

void Archive::RecordResults(std::int64_t run,
                            const std::vector<RunResultRecord>& results) {
  Transaction tx(impl_->db);
  Stmt s(impl_->db,
         "INSERT OR REPLACE INTO run_results (run_id, tender_id, scenario, "
         "method, input_hash, winner, margin, flip, error, ranks, totals, "
         "points) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
  for (const RunResultRecord& r : results) {
    const std::string ranks = Pack(r.ranks);
    const std::string totals = Pack(r.totals);
    const std::string points = Pack(r.points);
    s.Bind(1, run)
        .Bind(2, r.tender_id)
        .Bind(3, r.scenario)
        .Bind(4, r.method)
        .Bind(5, r.input_hash)
        .Bind(6, r.winner)
        .Bind(7, r.margin)
        .Bind(8, static_cast<std::int64_t>(r.flip ? 1 : 0))
        .Bind(9, r.error)
        .Blob(10, ranks.data(), ranks.size())
        .Blob(11, totals.data(), totals.size())
        .Blob(12, points.data(), points.size());
    s.Step();
    s.Reset();
  }
  tx.Commit();
}

void Archive::FinishRun(std::int64_t run) {
  Transaction tx(impl_->db);
  Stmt s(impl_->db, "UPDATE runs SET finished = 1 WHERE id = ?");
  s.Bind(1, run);
  s.Step();
  tx.Commit();
}

std::vector<RunRecord> Archive::Runs() const {
  Stmt s(impl_->db,
         "SELECT id, key, parameters, circa_version, started_at, finished "
         "FROM runs ORDER BY id");
  std::vector<RunRecord> out;
  while (s.Step()) {
    out.push_back(RunRecord{s.Int(0), s.Text(1), s.Text(2), s.Text(3),
                            s.Text(4), s.Int(5) != 0});
  }
  return out;
}

std::vector<RunResultRecord> Archive::RunResults(std::int64_t run) const {
  Stmt s(impl_->db,
         "SELECT tender_id, scenario, method, input_hash, winner, margin, "
         "flip, error, ranks, totals, points FROM run_results WHERE run_id = "
         "? ORDER BY tender_id, scenario");
  s.Bind(1, run);
  std::vector<RunResultRecord> out;
  while (s.Step()) {
    RunResultRecord r;
    r.tender_id = s.Int(0);
    r.scenario = s.Text(1);
    r.method = s.Text(2);
    r.input_hash = s.Text(3);
    r.winner = s.Text(4);
    r.margin = s.Real(5);
    r.flip = s.Int(6) != 0;
    r.error = s.Text(7);
    r.ranks = Unpack<int>(s.Text(8));
    r.totals = Unpack<double>(s.Text(9));
    r.points = Unpack<double>(s.Text(10));
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<std::string> FindTenderDirectories(
    const std::vector<std::string>& paths) {
  std::set<std::string> found;
  for (const std::string& root : paths) {
    std::error_code ec;
    if (fs::is_regular_file(fs::path(root) / "tender.yaml", ec)) {
      found.insert(root);
    }
    if (!fs::is_directory(root, ec)) continue;
    for (fs::recursive_directory_iterator
             it(root, fs::directory_options::skip_permission_denied, ec),
         end;
         it != end; it.increment(ec)) {
      if (ec) break;
      if (it->is_directory(ec) &&
          fs::is_regular_file(it->path() / "tender.yaml", ec)) {
        found.insert(it->path().string());
      }
    }
  }
  return {found.begin(), found.end()};
}

Result<TenderInfo> ReadTenderRecord(const std::string& path) {
  Result<TenderInfo> result;
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    result.value = TenderInfo{};
    return result;
  }
  std::string text;
  if (!ReadBytes(path, &text)) {
    result.diagnostics.push_back(ArchiveError(path, "cannot read the file"));
    return result;
  }
  const auto error = [&](const YAML::Mark& mark, const std::string& field,
                         const std::string& message) {
    Diagnostic d;
    d.where = SourceLocation{path, mark.line + 1, mark.column + 1};
    d.path = field;
    d.message = message;
    result.diagnostics.push_back(std::move(d));
  };
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    error(e.mark, "", "not valid YAML: " + e.msg);
    return result;
  }
  TenderInfo info;
  if (!root.IsMap()) {
    error(root.Mark(), "", "expected a mapping of tender facts");
    return result;
  }
  for (const auto& item : root) {
    const std::string key = item.first.as<std::string>("");
    const YAML::Node& value = item.second;
    if (!value.IsScalar()) {
      error(value.Mark(), key, "expected a single value");
      continue;
    }
    const std::string text_value = value.Scalar();
    const auto number = [&](std::optional<double>* out) {
      try {
        *out = value.as<double>();
      } catch (const YAML::Exception&) {
        error(value.Mark(), key,
              "expected a number, got \"" + text_value + "\"");
      }
    };
    if (key == "reference") {
      info.reference = text_value;
    } else if (key == "buyer") {
      info.buyer = text_value;
    } else if (key == "date") {
      info.date = text_value;
      if (info.Year() == 0) {
        error(value.Mark(), key,
              "expected a date YYYY-MM-DD, got \"" + text_value + "\"");
      }
    } else if (key == "cpv") {
      info.cpv = text_value;
    } else if (key == "product-group") {
      info.product_group = text_value;
    } else if (key == "title") {
      info.title = text_value;
    } else if (key == "winner") {
      info.published_winner = text_value;
    } else if (key == "winning-value") {
      number(&info.winning_value);
    } else if (key == "lowest-value") {
      number(&info.lowest_value);
    } else if (key == "highest-value") {
      number(&info.highest_value);
    } else if (key == "tenders-received") {
      std::optional<double> n;
      number(&n);
      if (n) info.tenders_received = static_cast<int>(*n);
    } else {
      error(item.first.Mark(), key,
            "unknown key; expected reference, buyer, date, cpv, "
            "product-group, title, winner, winning-value, lowest-value, "
            "highest-value or tenders-received");
    }
  }
  if (!HasErrors(result.diagnostics)) result.value = std::move(info);
  return result;
}

}  // namespace circa
