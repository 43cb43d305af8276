// File helpers (engine/io/file.cc): bounded reads, SHA-256, UTF-8 checks;
// and the output writer (engine/io/output.cc).
#include "io/file.h"

#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <iterator>
#include <thread>

#include "io/output.h"
#include "test_util.h"

namespace circa::io {
namespace {

using ::testing::ElementsAre;

TEST(Sha256Test, KnownVectors) {
  // FIPS 180-2 test vectors.
  EXPECT_EQ(Sha256Hex(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Utf8Test, ValidText) {
  int line = 0;
  int column = 0;
  EXPECT_TRUE(CheckUtf8("plain", &line, &column));
  EXPECT_TRUE(CheckUtf8("Société\n€ 1\u202F234", &line, &column));
  EXPECT_EQ(Utf8Length("Société"), 7);
  EXPECT_EQ(Utf8Length("€"), 1);
}

TEST(Utf8Test, FirstBadBytePosition) {
  int line = 0;
  int column = 0;
  EXPECT_FALSE(CheckUtf8("ab\ncd\xC3(", &line, &column));  // bad continuation
  EXPECT_EQ(line, 2);
  EXPECT_EQ(column, 3);
  EXPECT_FALSE(CheckUtf8("é\xC0\xAF", &line, &column));  // overlong '/'
  EXPECT_EQ(line, 1);
  EXPECT_EQ(column, 2);
  EXPECT_FALSE(CheckUtf8(std::string_view("a\0b", 3), &line, &column));  // NUL
  EXPECT_EQ(column, 2);
  EXPECT_FALSE(CheckUtf8("\xED\xA0\x80", &line, &column));  // surrogate
  EXPECT_FALSE(CheckUtf8("x\xE2\x82", &line, &column));     // truncated
  EXPECT_EQ(column, 2);
}

TEST(Utf8Test, StripBom) {
  EXPECT_EQ(StripBom("\xEF\xBB\xBFid"), "id");
  EXPECT_EQ(StripBom("id"), "id");
  EXPECT_EQ(StripBom("\xEF\xBB"), "\xEF\xBB");
}

TEST(ReadFileTest, ReadsAndRefuses) {
  Diagnostics diag;
  const std::string path =
      circa_test::SourcePath("samples/office-furniture/bids.csv");
  const auto text = ReadFile(path, 1 << 20, &diag);
  ASSERT_TRUE(text.has_value());
  EXPECT_EQ(*text, circa_test::ReadText(path));

  EXPECT_FALSE(ReadFile(path, 10, &diag).has_value());
  EXPECT_FALSE(ReadFile(circa_test::SourcePath("no/such/file.csv"), 10, &diag)
                   .has_value());
  EXPECT_FALSE(
      ReadFile(circa_test::SourcePath("samples"), 10, &diag).has_value());
  const std::string size = std::to_string(std::filesystem::file_size(path));
  EXPECT_THAT(
      circa_test::Messages(diag.items()),
      ElementsAre(path + ": file is " + size + " bytes; the limit is 10 bytes",
                  circa_test::SourcePath("no/such/file.csv") +
                      ": cannot read file: no such file",
                  circa_test::SourcePath("samples") +
                      ": cannot read file: it is a directory"));
}

TEST(ReadFileTest, NamesASymbolicLinkLoop) {
  namespace fs = std::filesystem;
  const fs::path dir =
      fs::temp_directory_path() / ("circa-loop-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::create_symlink("b", dir / "a");
  fs::create_symlink("a", dir / "b");
  Diagnostics diag;
  EXPECT_FALSE(ReadFile((dir / "a").string(), 10, &diag).has_value());
  EXPECT_THAT(circa_test::Messages(diag.items()),
              ElementsAre((dir / "a").string() +
                          ": cannot read file: a symbolic link loop"));
  fs::remove_all(dir);
}

// A scratch directory per test, removed afterwards.
class OutputTargetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("circa-output-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Path(const std::string& name) const {
    return (dir_ / name).string();
  }
  static std::string Read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  std::vector<std::string> List() const {
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(dir_)) {
      names.push_back(e.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }
  static mode_t Mode(const std::string& path) {
    struct stat st {};
    EXPECT_EQ(::stat(path.c_str(), &st), 0);
    return st.st_mode & 07777;
  }

  std::filesystem::path dir_;
};

TEST_F(OutputTargetTest, WritesInPiecesAndReplacesOnlyOnCommit) {
  const std::string path = Path("result.txt");
  std::ofstream(path) << "old";
  ASSERT_EQ(::chmod(path.c_str(), 0600), 0);
  {
    OutputTarget out;
    ASSERT_TRUE(out.Open(path)) << out.error();
    EXPECT_TRUE(out.Write("new "));
    EXPECT_TRUE(out.Write("content"));
    EXPECT_EQ(Read(path), "old");  // not visible before Commit
    EXPECT_EQ(List().size(), 2u);  // the temporary file
    ASSERT_TRUE(out.Commit()) << out.error();
  }
  EXPECT_EQ(Read(path), "new content");
  EXPECT_EQ(Mode(path), 0600u);
  EXPECT_THAT(List(), ElementsAre("result.txt"));
}

TEST_F(OutputTargetTest, AnUncommittedTargetLeavesNothingBehind) {
  const std::string path = Path("result.txt");
  std::ofstream(path) << "old";
  {
    OutputTarget out;
    ASSERT_TRUE(out.Open(path));
    EXPECT_TRUE(out.Write("half"));
  }
  EXPECT_EQ(Read(path), "old");
  EXPECT_THAT(List(), ElementsAre("result.txt"));
}

TEST_F(OutputTargetTest, ANewFileGetsTheUmasksMode) {
  const mode_t old = ::umask(027);
  OutputTarget out;
  const bool ok = out.Open(Path("new.txt")) && out.Write("x") && out.Commit();
  ::umask(old);
  ASSERT_TRUE(ok) << out.error();
  EXPECT_EQ(Mode(Path("new.txt")), 0640u);
}

TEST_F(OutputTargetTest, ASymlinksTargetIsReplacedAndTheLinkStays) {
  std::ofstream(Path("real.txt")) << "old";
  std::filesystem::create_symlink("real.txt", Path("link.txt"));
  OutputTarget out;
  ASSERT_TRUE(out.Open(Path("link.txt")) && out.Write("new") && out.Commit())
      << out.error();
  EXPECT_TRUE(std::filesystem::is_symlink(Path("link.txt")));
  EXPECT_EQ(Read(Path("real.txt")), "new");
  EXPECT_THAT(List(), ElementsAre("link.txt", "real.txt"));
}

TEST_F(OutputTargetTest, AFifoIsWrittenIntoNotReplaced) {
  const std::string fifo = Path("pipe");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  // The reader never blocks: O_NONBLOCK, polling until the writer has
  // written and closed (or 20 s passed).
  auto reader = std::async(std::launch::async, [&fifo] {
    const int fd = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
    std::string data;
    char buffer[256];
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (fd >= 0 && std::chrono::steady_clock::now() < deadline) {
      const ssize_t n = ::read(fd, buffer, sizeof buffer);
      if (n > 0) {
        data.append(buffer, static_cast<std::size_t>(n));
      } else if (n == 0 && !data.empty()) {
        break;
      } else {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
      }
    }
    if (fd >= 0) ::close(fd);
    return data;
  });
  OutputTarget out;
  ASSERT_TRUE(out.Open(fifo) && out.Write("through the pipe") && out.Commit())
      << out.error();
  EXPECT_EQ(reader.get(), "through the pipe");
  struct stat st {};
  ASSERT_EQ(::lstat(fifo.c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode));
}

TEST_F(OutputTargetTest, ADeviceIsWrittenIntoAndAFullOneFails) {
  if (::geteuid() != 0) GTEST_SKIP() << "needs root to make device nodes";
  const std::string null = Path("null");
  const std::string full = Path("full");
  ASSERT_EQ(::mknod(null.c_str(), S_IFCHR | 0666, makedev(1, 3)), 0);
  ASSERT_EQ(::mknod(full.c_str(), S_IFCHR | 0666, makedev(1, 7)), 0);
  OutputTarget to_null;
  EXPECT_TRUE(to_null.Open(null) && to_null.Write("gone") && to_null.Commit())
      << to_null.error();
  OutputTarget to_full;
  ASSERT_TRUE(to_full.Open(full));
  EXPECT_FALSE(to_full.Write("no room"));
  EXPECT_FALSE(to_full.Commit());
  EXPECT_EQ(to_full.error(),
            "cannot write " + full + ": No space left on device");
  for (const std::string& p : {null, full}) {
    struct stat st {};
    ASSERT_EQ(::lstat(p.c_str(), &st), 0);
    EXPECT_TRUE(S_ISCHR(st.st_mode)) << p;
  }
  EXPECT_THAT(List(), ElementsAre("full", "null"));
}

TEST_F(OutputTargetTest, RefusesADirectoryAndALoop) {
  std::filesystem::create_symlink("b", Path("a"));
  std::filesystem::create_symlink("a", Path("b"));
  OutputTarget loop;
  EXPECT_FALSE(loop.Open(Path("a")));
  EXPECT_EQ(loop.error(),
            "cannot write " + Path("a") + ": a symbolic link loop");
  OutputTarget dir;
  EXPECT_FALSE(dir.Open(dir_.string()));
  EXPECT_EQ(dir.error(),
            "cannot write " + dir_.string() + ": it is a directory");
}

TEST_F(OutputTargetTest, SameFileAsFollowsSymlinks) {
  std::ofstream(Path("bids.csv")) << "bid\n";
  std::filesystem::create_symlink("bids.csv", Path("alias.csv"));
  EXPECT_EQ(SameFileAs(Path("alias.csv"), {"", Path("none"), Path("bids.csv")}),
            Path("bids.csv"));
  EXPECT_EQ(SameFileAs(Path("other.csv"), {Path("bids.csv")}), std::nullopt);
}

}  // namespace
}  // namespace circa::io
