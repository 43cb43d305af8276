// Inputs circa reads only where it should (issue 12, items 6 and 7;
// docs/criteria-format.md "Derived sets", docs/cli.md): `extends:` stays
// within the tender's directory and the libraries unless --allow-outside;
// a file that is not a criteria set is not echoed; --library must be a
// directory; symlink loops, FIFOs and devices are named; --seed is range
// checked.
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cli/cli_support.h"

namespace circa_test::cli {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

const std::string kSample = "samples/office-furniture";

constexpr const char* kHead = R"(circa: 1
id: derived
version: 1.0.0
title: Derived
)";

// dir/tender/tender.yaml extending `extends`, dir/tender/bids.csv from the
// sample, and the sample's set as a model at dir/outside/model.yaml (outside
// the tender's tree and any library).
struct Layout {
  TempDir dir;
  std::string tender;
  std::string outside;
  explicit Layout(const std::string& extends) {
    outside = dir.Write("outside/model.yaml",
                        ReadFile(SourceDir() / kSample / "tender.yaml"))
                  .string();
    tender = dir.Write("tender/tender.yaml",
                       std::string(kHead) + "extends: " + extends + "\n")
                 .string();
    dir.Write("tender/bids.csv", ReadFile(SourceDir() / kSample / "bids.csv"));
  }
  std::string lib() const { return (dir.path() / "lib").string(); }
};

TEST(CliConfined, ExtendsByAnAbsolutePathIsRefused) {
  Layout l("/etc/passwd");
  fs::create_directories(l.lib());
  const RunResult r = RunCirca({"--library", l.lib(), "validate", l.tender});
  EXPECT_EQ(r.exit_code, 1) << r.Describe();
  EXPECT_EQ(r.err, l.tender +
                       ":5:10: extends: the model set is named by an absolute "
                       "path; name it by library id (id@version) or by a path "
                       "relative to this file within the tender's directory "
                       "(or run with --allow-outside)\n");
}

TEST(CliConfined, ExtendsLeavingTheTreeByDotDotIsRefused) {
  Layout l("../outside/model.yaml");
  fs::create_directories(l.lib());
  const RunResult r = RunCirca({"--library", l.lib(), "validate", l.tender});
  EXPECT_EQ(r.exit_code, 1) << r.Describe();
  const std::string root = fs::canonical(l.dir.path()).string();
  EXPECT_EQ(r.err, l.tender + ":5:10: extends: the model set " + l.outside +
                       " lies outside the tender's directory and the model "
                       "libraries (" +
                       root + "/tender (the tender), " + l.lib() +
                       "); copy it into a library (--library DIR) or run "
                       "with --allow-outside\n");
  // --allow-outside lifts it.
  const RunResult allowed =
      RunCirca({"--library", l.lib(), "--allow-outside", "validate", l.tender});
  EXPECT_EQ(allowed.exit_code, 0) << allowed.Describe();
}

TEST(CliConfined, ExtendsLeavingTheTreeByASymlinkIsRefused) {
  Layout l("model.yaml");
  fs::create_directories(l.lib());
  fs::create_symlink(l.outside, l.dir.path() / "tender/model.yaml");
  const RunResult r = RunCirca({"--library", l.lib(), "validate", l.tender});
  EXPECT_EQ(r.exit_code, 1) << r.Describe();
  EXPECT_THAT(r.err, HasSubstr(":5:10: extends: the model set " +
                               (l.dir.path() / "tender/model.yaml").string() +
                               " lies outside the tender's directory"));
}

TEST(CliConfined, ExtendsWithinTheTreeOrALibraryIsAccepted) {
  Layout l("models/model.yaml");
  l.dir.Write("tender/models/model.yaml", ReadFile(l.outside));
  EXPECT_EQ(RunCirca({"validate", l.tender}).exit_code, 0);
  // A library directory elsewhere is a root too.
  Layout lib("../lib/model.yaml");
  lib.dir.Write("lib/model.yaml", ReadFile(lib.outside));
  const RunResult r =
      RunCirca({"--library", lib.lib(), "validate", lib.tender});
  EXPECT_EQ(r.exit_code, 0) << r.Describe();
}

TEST(CliConfined, AModelThatIsNotACriteriaSetIsNotEchoed) {
  Layout l("./secret.txt");
  l.dir.Write("tender/secret.txt",
              "root:$6$SECRETHASH:19000:0:99999:7:::\n"
              "daemon:*:19000:0:99999:7:::\n");
  for (const bool allow : {false, true}) {
    std::vector<std::string> args{"validate", l.tender};
    if (allow) args.insert(args.begin(), "--allow-outside");
    const RunResult r = RunCirca(args);
    EXPECT_EQ(r.exit_code, 1) << r.Describe();
    EXPECT_EQ(r.err, l.tender + ":5:10: extends: the model set " +
                         (l.dir.path() / "tender/secret.txt").string() +
                         " is not a criteria set (a YAML map with circa: 1, "
                         "id, version and criteria)\n");
    EXPECT_THAT(r.err, Not(HasSubstr("SECRET")));
  }
}

TEST(CliConfined, AMissingOrNonDirectoryLibraryIsAUsageError) {
  const TempDir dir;
  const std::string missing = (dir.path() / "nowhere").string();
  const std::string file = dir.Write("file.yaml", "x: 1\n").string();
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{
           {"--library", missing, "criteria", "list"},
           {"criteria", "list", "--library", missing},
           {"criteria", "list", "--library", file},
           {"--library", file, "validate", kSample}}) {
    SCOPED_TRACE(args[0] + " " + args[1]);
    const RunResult r = RunCirca(args);
    EXPECT_EQ(r.exit_code, 2) << r.Describe();
    EXPECT_THAT(r.err, HasSubstr("--library: "));
    EXPECT_EQ(r.out, "");
  }
}

TEST(CliConfined, ASymlinkLoopSaysSo) {
  const TempDir dir;
  fs::create_symlink("b.yaml", dir.path() / "a.yaml");
  fs::create_symlink("a.yaml", dir.path() / "b.yaml");
  const std::string a = (dir.path() / "a.yaml").string();
  const RunResult r = RunCirca({"validate", a});
  EXPECT_EQ(r.exit_code, 1) << r.Describe();
  EXPECT_EQ(r.err, a + ": cannot read file: a symbolic link loop\n");
  const RunResult bids = RunCirca({"validate", kSample + "/tender.yaml", a});
  EXPECT_EQ(bids.exit_code, 1) << bids.Describe();
  EXPECT_EQ(bids.err, a + ": cannot read file: a symbolic link loop\n");
}

TEST(CliConfined, ATenderDirectoryWithAFifoForBidsSaysWhatItIs) {
  const TempDir dir;
  dir.Write("tender.yaml", ReadFile(SourceDir() / kSample / "tender.yaml"));
  ASSERT_EQ(mkfifo((dir.path() / "bids.csv").c_str(), 0600), 0);
  const RunResult r = RunCirca({"score", dir.path().string()},
                               {.timeout = std::chrono::seconds(20)});
  EXPECT_EQ(r.exit_code, 1) << r.Describe();
  EXPECT_EQ(r.err, (dir.path() / "bids.csv").string() +
                       ": cannot read file: it is a FIFO (named pipe); a "
                       "tender directory holds regular files\n");
}

TEST(CliConfined, ATenderDirectoryWithADeviceForAFileSaysWhatItIs) {
  if (geteuid() != 0) GTEST_SKIP() << "needs root to make device nodes";
  for (const char* name : {"bids.csv", "panel.csv", "cost-profile.yaml"}) {
    SCOPED_TRACE(name);
    const TempDir dir;
    dir.Write("tender.yaml", ReadFile(SourceDir() / kSample / "tender.yaml"));
    if (std::string(name) != "bids.csv") {
      dir.Write("bids.csv", ReadFile(SourceDir() / kSample / "bids.csv"));
    }
    // /dev/zero's numbers: read forever if read at all.
    const fs::path node = dir.path() / name;
    ASSERT_EQ(mknod(node.c_str(), S_IFCHR | 0666, makedev(1, 5)), 0);
    const RunResult r = RunCirca({"validate", dir.path().string()},
                                 {.timeout = std::chrono::seconds(20)});
    EXPECT_EQ(r.exit_code, 1) << r.Describe();
    EXPECT_EQ(r.err, node.string() +
                         ": cannot read file: it is a character device; a "
                         "tender directory holds regular files\n");
  }
}

TEST(CliConfined, ASeedOutsideTheUnsigned64BitRangeIsAUsageError) {
  for (const char* seed : {"-1", "18446744073709551616", "1e3", "0x10", ""}) {
    SCOPED_TRACE(seed);
    const RunResult r =
        RunCirca({"analyze", kSample, "--smaa", "10", "--seed", seed});
    EXPECT_EQ(r.exit_code, 2) << r.Describe();
    EXPECT_THAT(r.err, HasSubstr("--seed: expected a whole number from 0 to "
                                 "18446744073709551615, got '" +
                                 std::string(seed) + "'"));
  }
  for (const char* seed : {"0", "18446744073709551615"}) {
    SCOPED_TRACE(seed);
    const RunResult r =
        RunCirca({"analyze", kSample, "--smaa", "10", "--seed", seed});
    EXPECT_EQ(r.exit_code, 0) << r.Describe();
  }
}

}  // namespace
}  // namespace circa_test::cli
