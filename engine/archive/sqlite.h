// The archive's SQLite plumbing, shared by archive.cc and the notice
// store (notice_store.cc): a prepared statement, Exec, a transaction, and
// the archive's private state. Not installed.
#ifndef CIRCA_ENGINE_ARCHIVE_SQLITE_H_
#define CIRCA_ENGINE_ARCHIVE_SQLITE_H_

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "circa/archive.h"

namespace circa {
namespace archive_sql {

class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) {
      throw std::runtime_error(std::string("archive: ") + sqlite3_errmsg(db));
    }
  }
  ~Stmt() { sqlite3_finalize(stmt_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Stmt& Bind(int i, std::int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  Stmt& Bind(int i, double v) {
    sqlite3_bind_double(stmt_, i, v);
    return *this;
  }
  Stmt& Bind(int i, const std::string& v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()),
                      SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& Bind(int i, const std::optional<double>& v) {
    if (v) return Bind(i, *v);
    sqlite3_bind_null(stmt_, i);
    return *this;
  }
  Stmt& Blob(int i, const void* p, std::size_t n) {
    sqlite3_bind_blob(stmt_, i, n == 0 ? "" : p, static_cast<int>(n),
                      SQLITE_TRANSIENT);
    return *this;
  }
  // True while there is a row.
  bool Step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw std::runtime_error(std::string("archive: ") +
                             sqlite3_errmsg(sqlite3_db_handle(stmt_)));
  }
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::int64_t Int(int i) const { return sqlite3_column_int64(stmt_, i); }
  double Real(int i) const { return sqlite3_column_double(stmt_, i); }
  bool Null(int i) const {
    return sqlite3_column_type(stmt_, i) == SQLITE_NULL;
  }
  std::string Text(int i) const {
    const void* p = sqlite3_column_blob(stmt_, i);
    const int n = sqlite3_column_bytes(stmt_, i);
    return p == nullptr ? std::string()
                        : std::string(static_cast<const char*>(p),
                                      static_cast<std::size_t>(n));
  }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

inline void Exec(sqlite3* db, const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error != nullptr ? error : "unknown error";
    sqlite3_free(error);
    throw std::runtime_error("archive: " + message);
  }
}

// BEGIN IMMEDIATE ... COMMIT, rolled back when left by an exception; inside
// an open transaction (Archive::BeginGroup) a savepoint, so that a failed
// step still leaves nothing of itself.
class Transaction {
 public:
  explicit Transaction(sqlite3* db)
      : db_(db), nested_(sqlite3_get_autocommit(db) == 0) {
    Exec(db_, nested_ ? "SAVEPOINT step" : "BEGIN IMMEDIATE");
  }
  ~Transaction() {
    if (done_) return;
    sqlite3_exec(db_, nested_ ? "ROLLBACK TO step; RELEASE step" : "ROLLBACK",
                 nullptr, nullptr, nullptr);
  }
  void Commit() {
    Exec(db_, nested_ ? "RELEASE step" : "COMMIT");
    done_ = true;
  }

 private:
  sqlite3* db_;
  bool nested_;
  bool done_ = false;
};

// A read transaction (deferred BEGIN ... COMMIT) around several reads, so
// that they take the file's read lock once and see one snapshot; nothing
// when a transaction is already open.
class ReadTransaction {
 public:
  explicit ReadTransaction(sqlite3* db)
      : db_(sqlite3_get_autocommit(db) != 0 ? db : nullptr) {
    if (db_ != nullptr) Exec(db_, "BEGIN");
  }
  ~ReadTransaction() {
    if (db_ != nullptr) sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
  }
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;

 private:
  sqlite3* db_;
};

// The time now, UTC, ISO 8601 ("2026-12-06T11:30:00Z").
std::string NowUtc();
// SHA-256 of the files: each name, its size and its bytes, in name order.
std::string HashFiles(std::vector<StoredFile> files);

}  // namespace archive_sql

struct Archive::Impl {
  sqlite3* db = nullptr;
  std::string path;
  int version = 0;
  ~Impl() {
    if (db != nullptr) sqlite3_close(db);
  }
};

}  // namespace circa

#endif  // CIRCA_ENGINE_ARCHIVE_SQLITE_H_
