// circa archive and circa batch as a user runs them: 1,000 tenders with 50
// corrupt ones, kill -9 in the middle of an import and of a batch (the
// archive stays consistent and --resume finishes), two processes adding at
// once, JSON lines on stdin.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "../../bench/archive_data.h"
#include "circa/archive.h"
#include "test_util.h"

namespace circa {
namespace {

namespace fs = std::filesystem;

struct ShellRun {
  int code = -1;
  std::string out;
  std::string err;
};

// The exit status of a finished command and what it wrote to `out`, `err`.
ShellRun Collect(int status, const std::string& out, const std::string& err) {
  ShellRun r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream o(out), e(err);
  std::ostringstream so, se;
  so << o.rdbuf();
  se << e.rdbuf();
  r.out = so.str();
  r.err = se.str();
  return r;
}

// Runs a shell command line, capturing stdout and stderr.
ShellRun Shell(const std::string& dir, const std::string& command) {
  const std::string out = dir + "/stdout.txt";
  const std::string err = dir + "/stderr.txt";
  const std::string line = "bash -c '" + command + "' >" + out + " 2>" + err;
  return Collect(std::system(line.c_str()), out, err);
}

class CliArchive : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = (fs::temp_directory_path() /
            ("circa-archive-cli-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name()))
               .string();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = dir_ + "/a.db";
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  // n synthetic tenders, added through the API.
  void Fill(int n) {
    Result<Archive> a = Archive::Open(db_);
    ASSERT_TRUE(a.ok());
    for (int k = 0; k < n; ++k) {
      bench::SyntheticTender s = bench::MakeSyntheticTender(k);
      ASSERT_TRUE(
          a.value
              ->AddTender(s.tender, s.info, s.files, "syn/" + std::to_string(k))
              .ok());
    }
  }
  // n synthetic tender directories under dir_/tenders.
  void WriteDirectories(int n) {
    for (int k = 0; k < n; ++k) {
      const bench::SyntheticTender s = bench::MakeSyntheticTender(k);
      const fs::path d = fs::path(dir_) / "tenders" / ("t" + std::to_string(k));
      fs::create_directories(d);
      for (const StoredFile& f : s.files) {
        std::ofstream(d / f.name, std::ios::binary) << f.bytes;
      }
    }
  }
  int Query(const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open(db_.c_str(), &db);
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr);
    int value = -1;
    if (s != nullptr && sqlite3_step(s) == SQLITE_ROW) {
      value = sqlite3_column_int(s, 0);
    }
    sqlite3_finalize(s);
    sqlite3_close(db);
    return value;
  }
  // Runs `command` (through bash, exec'd so the pid is circa's) and sends
  // it `signal` as soon as `ready()` holds (polled every 2 ms, at most
  // 120 s): the kill lands at a known point of the work, whatever the
  // machine's speed, instead of after a fixed sleep.
  ShellRun SignalWhen(const std::string& command, int signal,
                      const std::function<bool()>& ready) {
    const std::string out = dir_ + "/stdout.txt";
    const std::string err = dir_ + "/stderr.txt";
    const std::string line =
        "cd " + dir_ + " && exec " + command + " >" + out + " 2>" + err;
    const pid_t pid = ::fork();
    if (pid == 0) {
      ::execl("/bin/bash", "bash", "-c", line.c_str(),
              static_cast<char*>(nullptr));
      ::_exit(127);
    }
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (!ready() && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    ::kill(pid, signal);
    int status = 0;
    ::waitpid(pid, &status, 0);
    return Collect(status, out, err);
  }
  std::string Exec(const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open(db_.c_str(), &db);
    sqlite3_busy_timeout(db, 5000);
    char* error = nullptr;
    sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    std::string e = error != nullptr ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    return e;
  }
  // Every tender whole: its three files, its bids, its criteria.
  void ExpectConsistent() {
    EXPECT_EQ(Query("SELECT count(*) FROM tenders t WHERE (SELECT count(*) "
                    "FROM files f WHERE f.tender_id = t.id) != 3 OR (SELECT "
                    "count(*) FROM bids b WHERE b.tender_id = t.id) != "
                    "t.bid_count OR (SELECT count(*) FROM criteria c WHERE "
                    "c.tender_id = t.id) != t.criterion_count"),
              0);
    sqlite3* db = nullptr;
    sqlite3_open(db_.c_str(), &db);
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, nullptr);
    ASSERT_EQ(sqlite3_step(s), SQLITE_ROW);
    EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)),
                 "ok");
    sqlite3_finalize(s);
    sqlite3_close(db);
  }
  std::string Circa() const { return CIRCA_BINARY; }

  std::string dir_;
  std::string db_;
};

// A synthetic text as a JSON string: its only character needing an escape
// is the line break.
std::string JsonQuote(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// Synthetic tender k as one JSON line of `circa batch --input -`: its
// criteria and bids files as JSON strings (the synthetic texts have no
// quotes, backslashes or controls other than line breaks).
std::string JsonLine(int k) {
  const bench::SyntheticTender s = bench::MakeSyntheticTender(k);
  std::string criteria, bids;
  for (const StoredFile& f : s.files) {
    if (f.name == "tender.yaml") criteria = f.bytes;
    if (f.name == "bids.csv") bids = f.bytes;
  }
  return "{\"id\": \"T" + std::to_string(k) +
         "\", \"criteria\": " + JsonQuote(criteria) +
         ", \"bids\": " + JsonQuote(bids) + "}\n";
}

int CountLines(const std::string& text, const std::string& needle) {
  int n = 0;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.find(needle) != std::string::npos) ++n;
  }
  return n;
}

// 1,000 tenders, 50 of them with a compact form that no longer reads:
// each is reported on stderr with its path, the other 950 give results,
// and the exit code is 4 (docs/cli.md).
TEST_F(CliArchive, BatchOverAThousandWithFiftyCorrupt) {
  Fill(1000);
  ASSERT_EQ(Exec("UPDATE tenders SET compact = X'00010203' WHERE id % 20 = 0"),
            "");
  const ShellRun r = Shell(dir_, Circa() + " batch --archive " + db_ +
                                     " -f jsonl --quiet --no-reversal");
  EXPECT_EQ(r.code, 4) << r.err;
  EXPECT_EQ(CountLines(r.out, "\"record\":\"tender\""), 1000);
  EXPECT_EQ(CountLines(r.out, "\"error\":"), 50);
  EXPECT_EQ(CountLines(r.out, "\"winner\":"), 950);
  EXPECT_EQ(CountLines(r.err, ": the compact form cannot be read"), 50);
  EXPECT_EQ(CountLines(r.err, "circa: syn/19: "), 1);  // id 20 is tender 19
  EXPECT_NE(r.err.find("circa: 50 of 1000 tenders could not be scored"),
            std::string::npos);
  // Every tender has its result in the archive, the failures with why.
  EXPECT_EQ(Query("SELECT count(*) FROM run_results"), 1000);
  EXPECT_EQ(Query("SELECT count(*) FROM run_results WHERE error != ''"), 50);
  EXPECT_EQ(Query("SELECT finished FROM runs"), 1);
}

// The same results on one thread as on two, in input order.
TEST_F(CliArchive, BatchIsDeterministicAcrossThreads) {
  Fill(60);
  const std::string scen = dir_ + "/s.yaml";
  std::ofstream(scen) << "scenarios:\n  - name: range\n    price-rule: "
                         "linear-range\n  - name: p70\n    price-weight: 70\n";
  const ShellRun one =
      Shell(dir_, Circa() + " batch --archive " + db_ + " --scenarios " + scen +
                      " -f csv --threads 1 --quiet");
  const ShellRun two =
      Shell(dir_, Circa() + " batch --archive " + db_ + " --scenarios " + scen +
                      " -f csv --threads 2 --quiet");
  EXPECT_EQ(one.code, 0) << one.err;
  EXPECT_EQ(one.out, two.out);
  EXPECT_EQ(CountLines(one.out, "syn/"), 60);
}

TEST_F(CliArchive, KillDuringImportLeavesNoHalfTender) {
  WriteDirectories(300);
  // Killed after a moment: some tenders are in, none is half in.
  SignalWhen(Circa() + " archive add --quiet --archive " + db_ + " " + dir_ +
                 "/tenders",
             SIGKILL,
             [&] { return Query("SELECT count(*) FROM tenders") > 0; });
  const int partial = Query("SELECT count(*) FROM tenders");
  EXPECT_GT(partial, 0);
  EXPECT_LT(partial, 300);
  ExpectConsistent();
  // Adding again finishes the job; what was in is not added twice.
  const ShellRun again = Shell(dir_, Circa() + " archive add --archive " + db_ +
                                         " " + dir_ + "/tenders");
  EXPECT_EQ(again.code, 0) << again.err;
  EXPECT_EQ(again.out, std::to_string(300 - partial) + " added, " +
                           std::to_string(partial) +
                           " already archived, 0 not added\n");
  EXPECT_EQ(Query("SELECT count(*) FROM tenders"), 300);
  ExpectConsistent();
}

TEST_F(CliArchive, KillDuringBatchThenResumeFinishes) {
  Fill(400);
  const std::string batch = Circa() + " batch --archive " + db_ +
                            " -f csv --quiet --threads 1 --smaa 10000";
  SignalWhen(batch, SIGKILL,
             [&] { return Query("SELECT count(*) FROM run_results") > 0; });
  const int partial = Query("SELECT count(*) FROM run_results");
  EXPECT_GT(partial, 0);  // whole blocks of 64 were committed
  EXPECT_LT(partial, 400);
  EXPECT_EQ(partial % 64, 0);
  EXPECT_EQ(Query("SELECT finished FROM runs"), 0);
  ExpectConsistent();
  const ShellRun resumed = Shell(dir_, batch + " --resume");
  EXPECT_EQ(resumed.code, 0) << resumed.err;
  EXPECT_EQ(CountLines(resumed.out, "syn/"), 400 - partial);
  EXPECT_EQ(Query("SELECT count(*) FROM runs"), 1);
  EXPECT_EQ(Query("SELECT count(*) FROM run_results"), 400);
  EXPECT_EQ(Query("SELECT count(DISTINCT tender_id) FROM run_results"), 400);
  EXPECT_EQ(Query("SELECT finished FROM runs"), 1);
}

TEST_F(CliArchive, InterruptStopsCleanlyWithExitCode130) {
  Fill(400);
  const std::string batch = Circa() + " batch --archive " + db_ +
                            " -f csv --quiet --threads 1 --smaa 10000";
  const ShellRun r = SignalWhen(batch, SIGINT, [&] {
    return Query("SELECT count(*) FROM run_results") > 0;
  });
  EXPECT_EQ(r.code, 130) << r.err;
  EXPECT_NE(r.err.find("with --resume to finish"), std::string::npos) << r.err;
  const int done = Query("SELECT count(*) FROM run_results");
  EXPECT_GT(done, 0);
  EXPECT_LT(done, 400);
  EXPECT_EQ(CountLines(r.out, "syn/"), done);
}

TEST_F(CliArchive, TwoProcessesAddingAtOnce) {
  WriteDirectories(120);
  fs::create_directories(dir_ + "/one");
  fs::create_directories(dir_ + "/two");
  for (int k = 0; k < 120; ++k) {
    fs::rename(dir_ + "/tenders/t" + std::to_string(k),
               dir_ + (k % 2 == 0 ? "/one/t" : "/two/t") + std::to_string(k));
  }
  const ShellRun r = Shell(
      dir_, Circa() + " archive add --quiet --archive " + db_ + " " + dir_ +
                "/one & a=$!; " + Circa() + " archive add --quiet --archive " +
                db_ + " " + dir_ + "/two & b=$!; wait $a && wait $b");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(Query("SELECT count(*) FROM tenders"), 120);
  ExpectConsistent();
}

// JSON lines on stdin: one result line per tender, a bad line reported
// with its line number and counted.
TEST_F(CliArchive, StreamsJsonLinesFromStdin) {
  std::string input;
  for (int k = 0; k < 30; ++k) {
    if (k == 7) {
      input += "{\"id\": \"T7\", \"criteria\": 1}\n";
      continue;
    }
    input += JsonLine(k);
  }
  std::ofstream(dir_ + "/in.jsonl") << input;
  const ShellRun r = Shell(
      dir_, Circa() + " batch --input - -f jsonl < " + dir_ + "/in.jsonl");
  EXPECT_EQ(r.code, 4);
  EXPECT_EQ(CountLines(r.out, "\"record\":\"tender\""), 30);
  EXPECT_EQ(CountLines(r.out, "\"error\":"), 1);
  EXPECT_EQ(r.err,
            "circa: stdin:8: stdin:8:1: criteria: expected the criteria "
            "file's text as a string\n");
}

// The streamed results come out in input order, the same on one worker as
// on two, with bad and blank lines among them, and the result of each
// line is the line's: 300 lines in chunks that the workers finish out of
// order.
TEST_F(CliArchive, StreamedResultsKeepInputOrderAcrossThreads) {
  std::string input;
  std::vector<int> line_of;  // the input line of tender k
  int lines_written = 0;
  for (int k = 0; k < 300; ++k) {
    if (k % 50 == 9) {
      input += "\n";
      ++lines_written;
    }
    line_of.push_back(++lines_written);
    if (k % 37 == 5) {
      input += "{\"id\": \"T" + std::to_string(k) + "\", \"criteria\": 1}\n";
      continue;
    }
    input += JsonLine(k);
  }
  std::ofstream(dir_ + "/in.jsonl") << input;
  const std::string scen = dir_ + "/s.yaml";
  std::ofstream(scen) << "scenarios:\n  - name: range\n    price-rule: "
                         "linear-range\n  - name: p70\n    price-weight: 70\n";
  const std::string command =
      Circa() + " batch --input - --scenarios " + scen + " -f jsonl";
  const ShellRun one =
      Shell(dir_, command + " --threads 1 < " + dir_ + "/in.jsonl");
  const ShellRun two =
      Shell(dir_, command + " --threads 2 < " + dir_ + "/in.jsonl");
  EXPECT_EQ(one.code, 4) << one.err;
  EXPECT_EQ(two.code, 4) << two.err;
  EXPECT_EQ(one.out, two.out);
  EXPECT_EQ(one.err, two.err);
  EXPECT_EQ(CountLines(two.out, "\"record\":\"tender\""), 300);
  EXPECT_EQ(CountLines(two.err, "circa: stdin:"), 8);
  std::istringstream lines(two.out);
  std::string line;
  int k = 0;
  while (std::getline(lines, line)) {
    const std::string tender =
        k % 37 == 5 ? "" : "T" + std::to_string(k);  // bad: no reference
    EXPECT_NE(
        line.find("\"tender\":\"" + tender + "\",\"path\":\"stdin:" +
                  std::to_string(line_of[static_cast<std::size_t>(k)]) + "\""),
        std::string::npos)
        << "line " << k << ": " << line.substr(0, 80);
    ++k;
  }
  EXPECT_EQ(k, 300);
}

// The same tenders streamed as JSON lines (--input -) and scored from the
// archive give the same result records, field for field, but for where
// each came from ("path", "archive_id"); with the reversal probe and every
// kind of scenario (tests/archive/scenarios.yaml). Two lines take
// nlohmann's way in (a \u escape; a number as a value) and one the quick
// way with every escape it reads.
TEST_F(CliArchive, StreamedJsonLinesEqualTheArchiveBatch) {
  constexpr int kTenders = 40;
  Fill(kTenders);
  const std::string scenarios =
      std::string(CIRCA_SOURCE_DIR) + "/tests/archive/scenarios.yaml";
  std::string input;
  for (int k = 0; k < kTenders; ++k) {
    const bench::SyntheticTender s = bench::MakeSyntheticTender(k);
    std::string criteria, bids;
    for (const StoredFile& f : s.files) {
      if (f.name == "tender.yaml") criteria = f.bytes;
      if (f.name == "bids.csv") bids = f.bytes;
    }
    std::string id = "\"T" + std::to_string(k) + "\"";
    std::string extra;
    if (k == 3) id = "\"\\u0054" + std::to_string(k) + "\"";  // "T3"
    if (k == 5) extra = ", \"note\": 12";
    const std::string bids_json = JsonQuote(bids);
    if (k == 8) {
      // Every escape the quick reader takes: \t \/ \" \\ \r in texts it
      // keeps as they are (the buyer), and a tab as whitespace.
      extra = ",\t\"unused\": \"a\\tb\\/c\\\"d\\\\e\\r\"";
    }
    input += "{\"id\": " + id + ", \"criteria\": " + JsonQuote(criteria) +
             ", \"bids\": " + bids_json + extra +
             ", \"record\": {\"buyer\": \"" + s.info.buyer +
             "\", \"date\": \"" + s.info.date + "\", \"cpv\": \"" + s.info.cpv +
             "\", \"product-group\": \"" + s.info.product_group + "\"}}\n";
  }
  std::ofstream(dir_ + "/in.jsonl") << input;
  const ShellRun streamed =
      Shell(dir_, Circa() + " batch --input - --scenarios " + scenarios +
                      " -f jsonl < " + dir_ + "/in.jsonl");
  const ShellRun archived =
      Shell(dir_, Circa() + " batch --archive " + db_ + " --scenarios " +
                      scenarios + " -f jsonl --quiet");
  ASSERT_EQ(streamed.code, 0) << streamed.err;
  ASSERT_EQ(archived.code, 0) << archived.err;
  // The tender records without "path" and "archive_id".
  const auto records = [](const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
      if (line.rfind("{\"record\":\"tender\"", 0) != 0) continue;
      for (const char* key : {"\"archive_id\":", "\"path\":"}) {
        const std::size_t at = line.find(key);
        if (at == std::string::npos) continue;
        const std::size_t end = line.find(",\"", at + 1);
        line.erase(at, end + 1 - at);
      }
      out.push_back(line);
    }
    return out;
  };
  const std::vector<std::string> a = records(streamed.out);
  const std::vector<std::string> b = records(archived.out);
  ASSERT_EQ(a.size(), static_cast<std::size_t>(kTenders));
  ASSERT_EQ(b.size(), static_cast<std::size_t>(kTenders));
  for (int k = 0; k < kTenders; ++k) {
    EXPECT_EQ(a[static_cast<std::size_t>(k)], b[static_cast<std::size_t>(k)])
        << "tender " << k;
  }
  EXPECT_NE(a[0].find("\"reversals\":"), std::string::npos) << a[0];
  EXPECT_NE(a[0].find("\"scenario\":\"topsis\""), std::string::npos) << a[0];
}

}  // namespace
}  // namespace circa
