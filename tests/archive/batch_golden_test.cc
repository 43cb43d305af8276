// Golden files of what a person reads from `circa batch` and `circa archive
// list`: six sample tenders archived (points and money awards, a derived
// set, a tie, a panel), then batched under tests/archive/scenarios.yaml in
// every format. The files live in tests/archive/golden/ (not
// tests/golden/approved/, whose script keeps only the samples' reports).
// Approve changed output with CIRCA_APPROVE_BATCH=1 and read the diff.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
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

class BatchGolden : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = (fs::temp_directory_path() /
            ("circa-batch-golden-" + std::to_string(::getpid())))
               .string();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    // From the source tree, so that the stored paths are relative.
    const std::string add =
        std::string("cd ") + CIRCA_SOURCE_DIR + " && " + CIRCA_BINARY +
        " archive add --quiet --archive " + dir_ +
        "/a.db samples/office-furniture "
        "samples/model-office-furniture samples/catering-nl "
        "samples/value-award samples/tie-break "
        "samples/workwear";
    ASSERT_EQ(std::system(add.c_str()), 0);
  }
  static void TearDownTestSuite() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  // Runs circa with `args` from the source tree; stdout.
  static std::string Circa(const std::string& args, int* code) {
    const std::string out = dir_ + "/out.txt";
    const std::string line = std::string("cd ") + CIRCA_SOURCE_DIR + " && " +
                             CIRCA_BINARY + " " + args + " --archive " + dir_ +
                             "/a.db > " + out + " 2>" + dir_ + "/err.txt";
    const int status = std::system(line.c_str());
    *code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return Slurp(out);
  }
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

TEST_F(BatchGolden, EveryFormat) {
  for (const char* format : {"table", "md", "csv", "jsonl"}) {
    int code = -1;
    const std::string out =
        Circa(std::string("batch --scenarios tests/archive/scenarios.yaml "
                          "--quiet --threads 2 -f ") +
                  format,
              &code);
    EXPECT_EQ(code, 0) << format << "\n" << Slurp(dir_ + "/err.txt");
    Check(std::string("batch-samples.") + format, out);
  }
}

TEST_F(BatchGolden, ArchiveList) {
  int code = -1;
  const std::string out = Circa("archive list", &code);
  EXPECT_EQ(code, 0);
  Check("archive-list-samples.table", out);
}

}  // namespace
