// Golden files of what a person reads from `circa archive market`, `archive
// list` and `archive show` of notices, and batch's skip of notices: the six
// notices of notice_test.cc's market view (../shared/data) added from the
// data directory, so that the stored paths are relative. Approve changed
// output with CIRCA_APPROVE_BATCH=1 and read the diff.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

fs::path DataDir() {
  return fs::path(CIRCA_SOURCE_DIR) / ".." / "shared" / "data";
}

class MarketGolden : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!fs::is_directory(DataDir())) return;
    dir_ = (fs::temp_directory_path() /
            ("circa-market-golden-" + std::to_string(::getpid())))
               .string();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    const std::string add =
        "cd " + DataDir().string() + " && " + CIRCA_BINARY +
        " archive add --quiet --archive " + dir_ +
        "/a.db eforms-sdk/notices/can_24_FRA_comments.xml "
        "eforms-sdk/notices/can_81_FRA.xml eforms-sdk/notices/can_24_LSBU.xml "
        "eforms-sdk/notices/cn_24_open.xml eforms-sdk/notices/veat_81.xml "
        "ted-xml-data-converter/development-notices/ted-xml/"
        "22-011421-001-EXP.xml";
    ASSERT_EQ(std::system(add.c_str()), 0);
  }
  static void TearDownTestSuite() {
    std::error_code ec;
    if (!dir_.empty()) fs::remove_all(dir_, ec);
  }
  void SetUp() override {
    if (dir_.empty()) GTEST_SKIP() << "no shared data at " << DataDir();
  }
  static std::string Circa(const std::string& args, int* code) {
    const std::string out = dir_ + "/out.txt";
    const std::string line = "cd " + DataDir().string() + " && " +
                             CIRCA_BINARY + " " + args + " --archive " + dir_ +
                             "/a.db > " + out + " 2>" + dir_ + "/err.txt";
    const int status = std::system(line.c_str());
    *code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return Slurp(out);
  }
  static std::string Err() { return Slurp(dir_ + "/err.txt"); }
  static void Check(const std::string& name, const std::string& got) {
    const std::string path = std::string(CIRCA_SOURCE_DIR) +
                             "/tests/archive/golden/" + name + ".approved.txt";
    const char* approve = std::getenv("CIRCA_APPROVE_BATCH");
    if (approve != nullptr && std::string(approve) == "1") {
      std::ofstream(path, std::ios::binary) << got;
    }
    EXPECT_EQ(got, Slurp(path))
        << "approve with CIRCA_APPROVE_BATCH=1: " << path;
  }
  static inline std::string dir_;
};

TEST_F(MarketGolden, EveryFormat) {
  for (const char* format : {"table", "md", "csv", "json"}) {
    int code = -1;
    const std::string out =
        Circa(std::string("archive market -f ") + format, &code);
    EXPECT_EQ(code, 0) << format << "\n" << Err();
    Check(std::string("market-notices.") + format, out);
  }
}

TEST_F(MarketGolden, DutchAndFrench) {
  for (const char* lang : {"nl", "fr"}) {
    int code = -1;
    const std::string out =
        Circa(std::string("archive market --lang ") + lang, &code);
    EXPECT_EQ(code, 0) << lang << "\n" << Err();
    Check(std::string("market-notices.") + lang + ".table", out);
  }
}

// The added-at time is the only volatile field: replaced by a marker.
TEST_F(MarketGolden, ListAndShowNotices) {
  int code = -1;
  Check("archive-list-notices.table", Circa("archive list", &code));
  EXPECT_EQ(code, 0);
  std::string show = Circa("archive show 1", &code);
  EXPECT_EQ(code, 0);
  show = std::regex_replace(show, std::regex("added: [0-9TZ:-]+"),
                            "added: <time>");
  Check("archive-show-notice.table", show);
}

// Notices are skipped by batch with the reason, and are no failure.
TEST_F(MarketGolden, BatchSkipsNotices) {
  int code = -1;
  Circa("batch --quiet -f csv", &code);
  EXPECT_EQ(code, 0);
  EXPECT_EQ(Err(),
            "circa: 6 archived notices skipped: a published notice, not a "
            "tender: it has no bids and its award rules are drafts (circa "
            "archive market reads it)\n");
}

TEST_F(MarketGolden, FilterWithoutNoticesIsAnError) {
  int code = -1;
  Circa("archive market --year 1999", &code);
  EXPECT_EQ(code, 1);
  EXPECT_EQ(Err(),
            "circa: no notice in the archive that the filter takes; add "
            "eForms or TED notices with circa archive add\n");
}

}  // namespace
