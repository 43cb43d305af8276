// Results that never harm and never lie (issue 12, item 1; docs/cli.md
// "Output"): -o onto a device, FIFO or symlink; -o naming an input; file
// modes; checked writes to standard output; the temporary file on SIGTERM.
// Device nodes are made with mknod in a temporary directory (root only);
// the real /dev is never touched.
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <future>
#include <string>
#include <thread>
#include <vector>

#include "cli/cli_support.h"

extern char** environ;

namespace circa_test::cli {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::SizeIs;

const std::string kSample = "samples/office-furniture";

// A character device node with the numbers of /dev/null (1,3) or /dev/full
// (1,7), made in `dir`.
fs::path MakeDevice(const TempDir& dir, const std::string& name,
                    unsigned minor) {
  const fs::path p = dir.path() / name;
  if (mknod(p.c_str(), S_IFCHR | 0666, makedev(1, minor)) != 0) {
    ADD_FAILURE() << "mknod " << p << ": " << strerror(errno);
  }
  return p;
}

bool IsCharacterDevice(const fs::path& p) {
  struct stat st {};
  return lstat(p.c_str(), &st) == 0 && S_ISCHR(st.st_mode);
}

mode_t ModeOf(const fs::path& p) {
  struct stat st {};
  EXPECT_EQ(stat(p.c_str(), &st), 0) << p;
  return st.st_mode & 07777;
}

// A copy of the sample's tender.yaml, bids.csv and panel.csv in `dir`.
void CopySample(const TempDir& dir) {
  for (const char* name : {"tender.yaml", "bids.csv", "panel.csv"}) {
    dir.Write(name, ReadFile(SourceDir() / kSample / name));
  }
}

#define SKIP_UNLESS_ROOT() \
  if (geteuid() != 0) GTEST_SKIP() << "needs root to make device nodes"

// The command lines that write a result with -o TARGET.
std::vector<std::vector<std::string>> WritingCommands(
    const std::string& target) {
  return {
      {"score", kSample, "-f", "json", "-o", target},
      {"analyze", kSample, "--sensitivity", "-o", target},
      {"criteria", "export", "-f", "ocds", kSample + "/tender.yaml", "-o",
       target},
      {"weights", "ahp", kSample + "/ahp.yaml", "--apply",
       kSample + "/tender.yaml", "-o", target},
  };
}

TEST(CliSafeOutput, OutputOntoACharacterDeviceLeavesItADevice) {
  SKIP_UNLESS_ROOT();
  for (const auto& args : WritingCommands("@")) {
    SCOPED_TRACE(args[0]);
    const TempDir dir;
    const fs::path node = MakeDevice(dir, "null", 3);
    std::vector<std::string> a = args;
    a.back() = node.string();
    const RunResult r = RunCirca(a);
    EXPECT_EQ(r.exit_code, 0) << r.Describe();
    EXPECT_TRUE(IsCharacterDevice(node)) << "replaced by a regular file";
    // No temporary file either.
    EXPECT_THAT(dir.List(), ElementsAre("null"));
  }
}

TEST(CliSafeOutput, OutputOntoAFullDeviceFailsWithExit3) {
  SKIP_UNLESS_ROOT();
  const TempDir dir;
  const fs::path full = MakeDevice(dir, "full", 7);
  const RunResult r = RunCirca({"score", kSample, "-o", full.string()});
  EXPECT_EQ(r.exit_code, 3) << r.Describe();
  EXPECT_THAT(r.err, HasSubstr("circa: cannot write " + full.string() +
                               ": No space left on device\n"));
  EXPECT_TRUE(IsCharacterDevice(full));
}

TEST(CliSafeOutput, OutputIntoAFifoIsReadByItsReader) {
  for (const auto& args : WritingCommands("@")) {
    SCOPED_TRACE(args[0]);
    const TempDir dir;
    const fs::path fifo = dir.path() / "pipe";
    ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
    auto read = std::async(std::launch::async, [&fifo] {
      return ReadFifo(fifo, std::chrono::seconds(20));
    });
    std::vector<std::string> a = args;
    a.back() = fifo.string();
    const RunResult r = RunCirca(a, {.timeout = std::chrono::seconds(20)});
    EXPECT_EQ(r.exit_code, 0) << r.Describe();
    EXPECT_THAT(read.get(), Not(IsEmpty()));
    struct stat st {};
    ASSERT_EQ(lstat(fifo.c_str(), &st), 0);
    EXPECT_TRUE(S_ISFIFO(st.st_mode));
    EXPECT_THAT(dir.List(), ElementsAre("pipe"));
  }
}

TEST(CliSafeOutput, OutputThroughASymlinkReplacesItsTargetAndKeepsTheLink) {
  const TempDir dir;
  const fs::path real = dir.Write("sub/real.json", "old\n");
  ASSERT_EQ(chmod(real.c_str(), 0640), 0);
  const fs::path link = dir.path() / "link.json";
  fs::create_symlink("sub/real.json", link);
  const RunResult r =
      RunCirca({"score", kSample, "-f", "json", "-o", link.string()});
  ASSERT_EQ(r.exit_code, 0) << r.Describe();
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(fs::read_symlink(link), "sub/real.json");
  EXPECT_EQ(ReadFile(real), RunCirca({"score", kSample, "-f", "json"}).out);
  EXPECT_EQ(ModeOf(real), 0640u);
  EXPECT_THAT(dir.List(), ElementsAre("link.json", "sub"));
  EXPECT_THAT(fs::directory_iterator(dir.path() / "sub"),
              ::testing::Truly([](fs::directory_iterator it) {
                return std::distance(it, fs::directory_iterator()) == 1;
              }));
}

TEST(CliSafeOutput, AReplacedFileKeepsItsPermissionBits) {
  for (const auto& args : WritingCommands("@")) {
    SCOPED_TRACE(args[0]);
    const TempDir dir;
    const fs::path target = dir.Write("secret.out", "old\n");
    ASSERT_EQ(chmod(target.c_str(), 0600), 0);
    std::vector<std::string> a = args;
    a.back() = target.string();
    const RunResult r = RunCirca(a);
    ASSERT_EQ(r.exit_code, 0) << r.Describe();
    EXPECT_NE(ReadFile(target), "old\n");
    EXPECT_EQ(ModeOf(target), 0600u) << "scores are confidential";
  }
}

TEST(CliSafeOutput, ANewFileGetsItsModeFromTheUmask) {
  for (const mode_t mask : {0077u, 0027u, 0022u}) {
    SCOPED_TRACE(mask);
    const TempDir dir;
    const fs::path target = dir.path() / "new.json";
    const mode_t old = umask(mask);  // inherited by the child
    const RunResult r =
        RunCirca({"score", kSample, "-f", "json", "-o", target.string()});
    umask(old);
    ASSERT_EQ(r.exit_code, 0) << r.Describe();
    EXPECT_EQ(ModeOf(target), 0666u & ~mask);
  }
}

TEST(CliSafeOutput, OutputNamingAnInputIsRefusedBeforeAnythingIsRead) {
  const TempDir dir;
  CopySample(dir);
  const std::string tender = ReadFile(dir.path() / "tender.yaml");
  const std::string bids = ReadFile(dir.path() / "bids.csv");
  fs::create_symlink("bids.csv", dir.path() / "bids-link.csv");
  const std::string d = dir.path().string();
  struct Case {
    std::vector<std::string> args;
    std::string input;  // as the message names it
  };
  const std::vector<Case> cases = {
      {{"score", d, "-o", d + "/tender.yaml"}, d + "/tender.yaml"},
      {{"score", d, "-o", d + "/bids.csv"}, d + "/bids.csv"},
      {{"score", d, "-o", d + "/bids-link.csv"}, d + "/bids.csv"},
      {{"score", d, "-o", d + "/panel.csv"}, d + "/panel.csv"},
      {{"analyze", d + "/tender.yaml", d + "/bids.csv", "-o",
        d + "/./bids.csv"},
       d + "/bids.csv"},
      {{"criteria", "export", "-f", "ocds", d + "/tender.yaml", "-o",
        d + "/tender.yaml"},
       d + "/tender.yaml"},
      {{"weights", "ahp", kSample + "/ahp.yaml", "--apply", d + "/tender.yaml",
        "-o", d + "/tender.yaml"},
       d + "/tender.yaml"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.args[0] + " -o " + c.args.back());
    const RunResult r = RunCirca(c.args);
    EXPECT_EQ(r.exit_code, 2) << r.Describe();
    EXPECT_EQ(r.err, "circa: -o " + c.args.back() + " would overwrite " +
                         c.input +
                         ", an input of this run; write the result to "
                         "another file\n");
    EXPECT_EQ(ReadFile(dir.path() / "tender.yaml"), tender);
    EXPECT_EQ(ReadFile(dir.path() / "bids.csv"), bids);
  }
}

TEST(CliSafeOutput, OutputNamingTheModelIsRefused) {
  const TempDir dir;
  const std::string model = ReadFile(SourceDir() / "criteria/lighting.yaml");
  dir.Write("lib/lighting.yaml", model);
  const std::string tender =
      ReadFile(SourceDir() / "samples/model-lighting/tender.yaml");
  const std::string::size_type at = tender.find("../../criteria/");
  ASSERT_NE(at, std::string::npos);
  dir.Write("tender/tender.yaml",
            tender.substr(0, at) + "../lib/" +
                tender.substr(at + std::string("../../criteria/").size()));
  dir.Write("tender/bids.csv",
            ReadFile(SourceDir() / "samples/model-lighting/bids.csv"));
  const std::string out = (dir.path() / "lib/lighting.yaml").string();
  const RunResult r =
      RunCirca({"--library", (dir.path() / "lib").string(), "score",
                (dir.path() / "tender").string(), "-o", out});
  EXPECT_EQ(r.exit_code, 2) << r.Describe();
  EXPECT_THAT(r.err, HasSubstr("circa: -o " + out + " would overwrite "));
  EXPECT_THAT(r.err, HasSubstr(", the model " + dir.path().string() +
                               "/tender/tender.yaml derives from"));
  EXPECT_EQ(ReadFile(out), model);
}

// A set derived from a derived set: every model up the `extends:` chain is
// an input, not only the direct one.
TEST(CliSafeOutput, OutputNamingAModelUpTheChainIsRefused) {
  const TempDir dir;
  const std::string model = ReadFile(SourceDir() / "criteria/lighting.yaml");
  dir.Write("lib/lighting.yaml", model);
  const std::string tender =
      ReadFile(SourceDir() / "samples/model-lighting/tender.yaml");
  const std::string::size_type at = tender.find("../../criteria/");
  ASSERT_NE(at, std::string::npos);
  const std::string middle =
      tender.substr(0, at) + "../lib/" +
      tender.substr(at + std::string("../../criteria/").size());
  dir.Write("tender/middle.yaml", middle);
  dir.Write("tender/tender.yaml",
            "circa: 1\nid: herent-second\nversion: 1.0.0\n"
            "title: Derived from a derived set\nextends: middle.yaml\n");
  dir.Write("tender/bids.csv",
            ReadFile(SourceDir() / "samples/model-lighting/bids.csv"));
  const std::string derived = dir.path().string() + "/tender/tender.yaml";
  for (const std::string name : {"lib/lighting.yaml", "tender/middle.yaml"}) {
    SCOPED_TRACE(name);
    const std::string out = (dir.path() / name).string();
    const RunResult r =
        RunCirca({"--library", (dir.path() / "lib").string(), "score",
                  (dir.path() / "tender").string(), "-f", "json", "-o", out});
    EXPECT_EQ(r.exit_code, 2) << r.Describe();
    EXPECT_EQ(r.err, "circa: -o " + out + " would overwrite " + out + ", " +
                         (name == "lib/lighting.yaml"
                              ? "a model further up the extends: chain "
                              : "the model ") +
                         derived +
                         " derives from; write the result to another file\n");
  }
  EXPECT_EQ(ReadFile(dir.path() / "lib/lighting.yaml"), model);
  EXPECT_EQ(ReadFile(dir.path() / "tender/middle.yaml"), middle);
}

TEST(CliSafeOutput, AFullStandardOutputFailsEverySubcommandWithExit3) {
  SKIP_UNLESS_ROOT();
  const TempDir dir;
  const fs::path full = MakeDevice(dir, "full", 7);
  const std::vector<std::vector<std::string>> commands = {
      {"score", kSample, "-f", "json"},
      {"score", kSample},
      {"analyze", kSample},
      {"validate", kSample},
      {"weights", "ahp", kSample + "/ahp.yaml"},
      {"criteria", "show", kSample},
      {"criteria", "list"},
      {"criteria", "lint", kSample + "/tender.yaml"},
      {"criteria", "export", "-f", "eforms", kSample + "/tender.yaml"},
  };
  for (const auto& args : commands) {
    SCOPED_TRACE(args[0] + " " + args[1]);
    const RunResult r = RunCirca(args, {.stdout_path = full});
    EXPECT_EQ(r.exit_code, 3) << r.Describe();
    EXPECT_THAT(r.err, HasSubstr("circa: cannot write to standard output: No "
                                 "space left on device\n"));
    // Said once.
    EXPECT_EQ(r.err.find("cannot write"), r.err.rfind("cannot write"));
  }
}

TEST(CliSafeOutput, ATruncatedStandardOutputIsNeverExit0) {
  // RLIMIT_FSIZE makes the write fail half-way, as a full disk would.
  const RunResult whole = RunCirca({"score", kSample, "-f", "json"});
  ASSERT_GT(whole.out.size(), 2000u);
  const RunResult r =
      RunCirca({"score", kSample, "-f", "json"}, {.file_size_limit = 1000});
  EXPECT_EQ(r.exit_code, 3) << r.Describe();
  EXPECT_THAT(r.err, HasSubstr("circa: cannot write to standard output: File "
                               "too large\n"));
}

TEST(CliSafeOutput, ATruncatedOutputFileLeavesTheOldFileAndNoTemporary) {
  const TempDir dir;
  const fs::path target = dir.Write("result.json", "old\n");
  const RunResult r =
      RunCirca({"score", kSample, "-f", "json", "-o", target.string()},
               {.file_size_limit = 1000});
  EXPECT_EQ(r.exit_code, 3) << r.Describe();
  EXPECT_EQ(r.err,
            "circa: cannot write " + target.string() + ": File too large\n");
  EXPECT_EQ(ReadFile(target), "old\n");
  EXPECT_THAT(dir.List(), ElementsAre("result.json"));
}

// Starts circa without waiting; stdout and stderr go to /dev/null.
pid_t Start(const std::vector<std::string>& args) {
  const std::string binary = CircaBinary().string();
  const std::string cwd = SourceDir().string();
  std::vector<char*> argv{const_cast<char*>(binary.c_str())};
  for (const std::string& a : args)
    argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    const int null = open("/dev/null", O_RDWR);
    if (null < 0 || dup2(null, 1) < 0 || dup2(null, 2) < 0 ||
        chdir(cwd.c_str()) != 0) {
      _exit(125);
    }
    execve(binary.c_str(), argv.data(), environ);
    _exit(127);
  }
  return pid;
}

TEST(CliSafeOutput, SigtermOrCtrlCRemovesTheTemporaryFile) {
  for (const int sig : {SIGTERM, SIGINT}) {
    SCOPED_TRACE(sig);
    const TempDir dir;
    // The bids come from a FIFO nobody writes to: circa has opened its
    // output and waits in the middle of the run.
    const fs::path fifo = dir.path() / "bids.csv";
    ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
    const fs::path target = dir.path() / "result.json";
    const pid_t pid = Start({"score", kSample + "/tender.yaml", fifo.string(),
                             "-f", "json", "-o", target.string()});
    ASSERT_GT(pid, 0);
    bool temp_seen = false;
    for (int i = 0; i < 2000 && !temp_seen; ++i) {
      temp_seen = dir.List().size() == 2;
      if (!temp_seen) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    EXPECT_TRUE(temp_seen) << "no temporary file next to the output";
    ASSERT_EQ(kill(pid, sig), 0);
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == sig);
    EXPECT_THAT(dir.List(), ElementsAre("bids.csv"));
  }
}

TEST(CliSafeOutput, AnEmptyOutputPathIsAUsageError) {
  for (const auto& args : WritingCommands("")) {
    SCOPED_TRACE(args[0]);
    const RunResult r = RunCirca(args);
    EXPECT_EQ(r.exit_code, 2) << r.Describe();
    EXPECT_THAT(r.err, HasSubstr("--output: an empty path; give a file name, "
                                 "or - for standard output\n"));
  }
  const RunResult import = RunCirca(
      {"criteria", "import", "tests/exchange/notices/x.xml", "-o", ""});
  EXPECT_EQ(import.exit_code, 2) << import.Describe();
}

TEST(CliSafeOutput, OutputToASymlinkLoopSaysSo) {
  const TempDir dir;
  fs::create_symlink("b", dir.path() / "a");
  fs::create_symlink("a", dir.path() / "b");
  const RunResult r =
      RunCirca({"score", kSample, "-o", (dir.path() / "a").string()});
  EXPECT_EQ(r.exit_code, 3) << r.Describe();
  EXPECT_EQ(r.err, "circa: cannot write " + (dir.path() / "a").string() +
                       ": a symbolic link loop\n");
}

TEST(CliSafeOutput, OutputToADirectoryIsRefused) {
  const TempDir dir;
  const RunResult r = RunCirca({"score", kSample, "-o", dir.path().string()});
  EXPECT_EQ(r.exit_code, 3) << r.Describe();
  EXPECT_EQ(r.err, "circa: cannot write " + dir.path().string() +
                       ": it is a directory\n");
  EXPECT_THAT(dir.List(), IsEmpty());
}

}  // namespace
}  // namespace circa_test::cli
