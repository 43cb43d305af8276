// Runs the real `circa` executable for the CLI and golden tests: a child
// process with its own working directory, stdout and stderr captured
// separately, the exit code, and a deadline so that no test can hang.
#ifndef CIRCA_TESTS_CLI_CLI_SUPPORT_H_
#define CIRCA_TESTS_CLI_CLI_SUPPORT_H_

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace circa_test::cli {

struct RunOptions {
  // Working directory of the child; empty: the source tree, so that
  // relative paths like samples/office-furniture work.
  std::filesystem::path cwd{};
  // The child is killed (and the run reported as timed out) after this.
  std::chrono::seconds timeout{60};
  // When set, the child's stdout is this file, opened for writing without
  // creating or truncating it (a device node such as a copy of /dev/full);
  // RunResult::out is then empty.
  std::filesystem::path stdout_path{};
  // When >= 0, the child's RLIMIT_FSIZE in bytes, with SIGXFSZ ignored, so
  // that a write past it fails with EFBIG as on a full disk.
  long long file_size_limit = -1;
};

struct RunResult {
  int exit_code = -1;  // 128 + signal number when killed by a signal
  bool timed_out = false;
  std::string out;     // everything written to stdout
  std::string err;     // everything written to stderr
  double seconds = 0;  // wall time

  // One-line summary for failure messages, with stderr.
  std::string Describe() const;
};

// Runs `circa args...`. Reports a test failure (without stopping the test)
// when the child timed out or a sanitizer reported a problem, since such a
// run can still exit with an expected code.
RunResult RunCirca(const std::vector<std::string>& args,
                   const RunOptions& options = {});

// The source tree (samples/, tests/) and the circa executable under test.
std::filesystem::path SourceDir();
std::filesystem::path CircaBinary();

// Names of samples/*/ directories holding tender.yaml, sorted. Found when
// called, so a sample added to the tree is picked up without rebuilding.
std::vector<std::string> DiscoverSamples();

// A fresh directory under the system temp directory, removed with its
// contents when the object goes out of scope.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // Writes `contents` to path()/name (binary, no newline translation).
  std::filesystem::path Write(const std::string& name,
                              std::string_view contents) const;
  // Names of the entries directly in the directory, sorted.
  std::vector<std::string> List() const;

 private:
  std::filesystem::path path_;
};

std::string ReadFile(const std::filesystem::path& path);
void WriteFile(const std::filesystem::path& path, std::string_view contents);

// Reads a FIFO until its writer closes it, without ever blocking past
// `timeout` (a writer that never comes, or replaces the FIFO, ends the read
// at the deadline with what was read so far).
std::string ReadFifo(const std::filesystem::path& fifo,
                     std::chrono::seconds timeout);

// Splits text into lines without their '\n'.
std::vector<std::string> Lines(std::string_view text);

}  // namespace circa_test::cli

#endif  // CIRCA_TESTS_CLI_CLI_SUPPORT_H_
