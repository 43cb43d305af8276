// The analysts' archive: past tenders in one SQLite file (docs/archive.md).
// Each tender keeps the bytes of its input files (so that Export gives them
// back byte for byte), its criteria set as written and resolved, its
// metadata (buyer, reference, date, CPV, product group, the published
// winner) and a compact binary form of the resolved set and the bids, so
// that LoadTender costs microseconds, not a YAML parse. Batch runs
// (circa/batch.h) record their results here.
//
// Safe with several processes at once: the file is in WAL mode with a busy
// timeout, and every tender is added, and every block of batch results is
// recorded, in one transaction (a killed process loses nothing already
// committed and never leaves half a tender).
#ifndef CIRCA_ARCHIVE_H_
#define CIRCA_ARCHIVE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "circa/diagnostics.h"
#include "circa/load.h"
#include "circa/tender.h"

namespace circa {

// The schema version this build writes (PRAGMA user_version). Opening an
// archive of an older version migrates it; a newer one is refused.
inline constexpr int kArchiveSchemaVersion = 3;

// What is known about a tender besides its criteria and bids: read from the
// optional `record.yaml` of a tender directory (docs/archive.md), with
// defaults from the criteria set.
struct TenderInfo {
  std::string reference;      // default: the directory's name
  std::string buyer;          // default: the set's publisher
  std::string date;           // YYYY-MM-DD (or YYYY); may be empty
  std::string cpv;            // main CPV code, e.g. "39130000"
  std::string product_group;  // default: the set's (or its model's)
  std::string title;          // default: the set's title
  // The award as published: the winning bid's id (empty: not known) and,
  // from notices, BT-720 winning value, BT-710/711 lowest and highest
  // tender value and BT-759 tenders received (0: not known).
  std::string published_winner;
  std::optional<double> winning_value;
  std::optional<double> lowest_value;
  std::optional<double> highest_value;
  int tenders_received = 0;
  // Notices: the procedure type, eForms BT-105 code ("open", "restricted").
  std::string procedure;

  // The year of `date`, 0 when there is none.
  int Year() const;
};

// One archived tender as `archive list` shows it.
struct ArchivedTender {
  std::int64_t id = 0;
  std::string path;  // the directory it was added from
  std::string hash;  // SHA-256 of its input files (names and bytes)
  TenderInfo info;
  int bids = 0;
  int criteria = 0;      // leaf criteria
  std::string added_at;  // UTC, ISO 8601
  // A published notice (Archive::AddNotice): no bids, award criteria as
  // published (drafts that cannot be scored); its lots are NoticeLots.
  bool notice = false;
};

// Why a notice is not re-scored (Archive::LoadTender, circa batch).
inline constexpr const char* kNoticeNotScorable =
    "a published notice, not a tender: it has no bids and its award rules "
    "are drafts (circa archive market reads it)";

// One award criterion of an archived notice's lot, as published.
struct NoticeCriterion {
  std::string name;
  std::string description;
  std::string type;       // price, cost, quality; "" when not published
  std::string published;  // the weight as written ("40 %", "per-exa 40")
  // Its share of the lot's weights (0..1); nullopt when the lot's weights
  // could not all be read (order of importance, free text, withheld).
  std::optional<double> share;
  // What its name and description are about: "environmental", "social",
  // "circular" (NoticeThemes, docs/archive.md).
  std::vector<std::string> themes;
};

// One lot of an archived notice: its award criteria and published results.
struct NoticeLot {
  std::string lot_id;  // as published ("LOT-0001", TED LOT_NO), may be ""
  std::string title;
  std::string currency;  // the lot's currency as imported
  bool weights_complete = false;
  // Strategic procurement codes (eForms BT-06, BT-774, BT-775, BT-805).
  std::vector<std::string> objectives;
  std::optional<double> winning_value;  // BT-720
  std::optional<double> lowest_value;   // BT-710
  std::optional<double> highest_value;  // BT-711
  std::optional<int> tenders_received;  // BT-759
  std::string result_currency;          // of the three values
  std::vector<NoticeCriterion> criteria;
};

// The themes of an award criterion's text (lower-cased name and
// description): "environmental", "social", "circular", each when one of
// its stems occurs (docs/archive.md lists them).
std::vector<std::string> NoticeThemes(std::string_view text);

// Which tenders a listing or a batch takes; empty fields take every tender.
struct ArchiveFilter {
  std::string product_group;
  std::string buyer;
  std::string cpv;  // prefix: "3913" takes 39130000
  int year = 0;
  std::vector<std::int64_t> ids;
};

// An input file as stored: its name in the tender directory and its bytes.
struct StoredFile {
  std::string name;
  std::string bytes;
};

// What adding one tender directory gave.
struct AddedTender {
  std::int64_t id = 0;
  bool added = false;  // false: the same inputs (hash) were already archived
  std::string directory;
};

// A batch run as recorded (circa/batch.h).
struct RunRecord {
  std::int64_t id = 0;
  std::string key;         // hash of the run's parameters (resume finds it)
  std::string parameters;  // JSON: scenarios, method, filter, options
  std::string circa_version;
  std::string started_at;
  bool finished = false;
};

// One scoring of one tender in a run: the published rules (scenario "") or
// a scenario. ranks and totals per bid in bid order; points per bid and
// leaf criterion (row-major) for the published rules only.
struct RunResultRecord {
  std::int64_t tender_id = 0;
  std::string scenario;
  std::string method;
  std::string input_hash;
  std::string winner;  // bid id, empty when no bid was ranked
  double margin = 0;
  bool flip = false;
  std::string error;  // the tender could not be scored: why
  std::vector<int> ranks;
  std::vector<double> totals;
  std::vector<double> points;
};

struct ArchiveOptions {
  // How long a writer waits for another one's lock before giving up.
  int busy_timeout_ms = 10000;
  // Open an existing archive only (no file is created).
  bool must_exist = false;
  bool IsValid(std::string* why) const {
    if (busy_timeout_ms >= 0) return true;
    if (why != nullptr) *why = "busy_timeout_ms: must be >= 0";
    return false;
  }
};

class Archive {
 public:
  // Opens (or creates) the archive at `path` and migrates its schema to
  // kArchiveSchemaVersion. Errors name the file.
  static Result<Archive> Open(const std::string& path,
                              const ArchiveOptions& options = {});
  Archive(Archive&&) noexcept;
  Archive& operator=(Archive&&) noexcept;
  ~Archive();

  // The schema version of the open file (after migration).
  int SchemaVersion() const;
  const std::string& path() const;

  // Loads the tender directory `directory` (LoadTender), then stores it in
  // one transaction. A directory whose inputs are already archived gives
  // that tender's id with added = false. Bad input: its diagnostics.
  Result<AddedTender> AddTenderDirectory(const std::string& directory,
                                         const LoadOptions& options = {});
  // Imports the eForms or TED notice `path` (ImportNoticeFile) and stores
  // it in one transaction with its file, its lots, their award criteria
  // and published results. A file already archived gives its id with
  // added = false. A file that is not a notice: located diagnostics, and
  // nothing is stored.
  Result<AddedTender> AddNotice(const std::string& path);
  // An archived notice's lots (empty for a tender).
  std::vector<NoticeLot> NoticeLots(std::int64_t id) const;

  // Stores an already loaded tender with the files it was read from.
  Result<AddedTender> AddTender(const Tender& tender, const TenderInfo& info,
                                const std::vector<StoredFile>& files,
                                const std::string& directory);

  // Groups the additions that follow into one transaction until
  // CommitGroup (bulk loads: a crash loses the open group, never part of a
  // tender; each addition inside is still all or nothing).
  void BeginGroup();
  void CommitGroup();

  std::vector<ArchivedTender> List(const ArchiveFilter& filter = {}) const;
  std::optional<ArchivedTender> Find(std::int64_t id) const;
  std::vector<StoredFile> Files(std::int64_t id) const;
  // The criteria set as written (the tender's criteria file) and resolved
  // (`extends:` applied, WriteCriteriaYaml).
  std::string CriteriaWritten(std::int64_t id) const;
  std::string CriteriaResolved(std::int64_t id) const;
  // Writes the tender's input files into `directory` (created if needed),
  // byte for byte as they were added. Refuses to overwrite a file.
  Result<std::vector<std::string>> Export(std::int64_t id,
                                          const std::string& directory) const;
  // Removes a tender and everything recorded about it; false if absent.
  bool Remove(std::int64_t id);

  // The tender as LoadTender gave it when it was added, from the compact
  // form (no YAML parse; sets with a money-based award parse the resolved
  // set instead). Panel and cost-profile values are already in the bids.
  Result<Tender> LoadTender(std::int64_t id) const;
  // The compact form itself and its decoding (bench, tests).
  std::string CompactForm(std::int64_t id) const;
  // The compact forms of several tenders, read in one transaction with one
  // statement (empty for an id without one): `circa batch` reads its
  // tenders in blocks this way.
  std::vector<std::string> CompactForms(
      const std::vector<std::int64_t>& ids) const;

  // Batch runs. FindRun: an unfinished run with this key, if any.
  std::optional<RunRecord> FindUnfinishedRun(const std::string& key) const;
  std::int64_t BeginRun(const std::string& key, const std::string& parameters);
  // The tenders a run has results for.
  std::vector<std::int64_t> DoneTenders(std::int64_t run) const;
  // Records results in one transaction.
  void RecordResults(std::int64_t run,
                     const std::vector<RunResultRecord>& results);
  void FinishRun(std::int64_t run);
  std::vector<RunRecord> Runs() const;
  std::vector<RunResultRecord> RunResults(std::int64_t run) const;

 private:
  struct Impl;
  explicit Archive(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Encodes a loaded tender in the compact form, and back. Decode returns
// nullopt when `bytes` are not a compact form this build reads.
std::string EncodeCompactTender(const Tender& tender);
std::optional<Tender> DecodeCompactTender(std::string_view bytes);

// Tender directories under each path (a path that is one counts), found
// recursively, sorted: directories holding tender.yaml.
std::vector<std::string> FindTenderDirectories(
    const std::vector<std::string>& paths);

// Notice files under each path (a path that is one counts), found
// recursively, sorted: files named *.xml (any case) outside tender
// directories.
std::vector<std::string> FindNoticeFiles(const std::vector<std::string>& paths);

// Reads a tender directory's record.yaml (docs/archive.md); missing file:
// an empty TenderInfo. Errors are located diagnostics.
Result<TenderInfo> ReadTenderRecord(const std::string& path);

}  // namespace circa

#endif  // CIRCA_ARCHIVE_H_
