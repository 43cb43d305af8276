#include "cli/cli_support.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace circa_test::cli {
namespace fs = std::filesystem;

std::string RunResult::Describe() const {
  std::ostringstream s;
  s << "exit code " << exit_code << (timed_out ? " (timed out)" : "")
    << " after " << seconds << " s, " << out.size()
    << " bytes on stdout; stderr:\n"
    << (err.size() > 4000 ? err.substr(0, 4000) + "\n[...]" : err);
  return s.str();
}

fs::path SourceDir() { return CIRCA_SOURCE_DIR; }
fs::path CircaBinary() { return CIRCA_BINARY; }

RunResult RunCirca(const std::vector<std::string>& args,
                   const RunOptions& options) {
  const TempDir capture;
  const std::string out_path = (capture.path() / "stdout").string();
  const std::string err_path = (capture.path() / "stderr").string();
  const std::string cwd =
      (options.cwd.empty() ? SourceDir() : options.cwd).string();
  const std::string binary = CircaBinary().string();
  const std::string stdout_path =
      options.stdout_path.empty() ? out_path : options.stdout_path.string();
  const int stdout_flags =
      options.stdout_path.empty() ? O_WRONLY | O_CREAT | O_TRUNC : O_WRONLY;

  // Everything the child needs is prepared before fork(): after it, the
  // child only calls async-signal-safe functions.
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(binary.c_str()));
  for (const std::string& a : args)
    argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);

  RunResult result;
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid < 0)
    throw std::runtime_error(std::string("fork: ") + strerror(errno));
  if (pid == 0) {
    const int out = open(stdout_path.c_str(), stdout_flags, 0600);
    const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int in = open("/dev/null", O_RDONLY);
    if (out < 0 || err < 0 || in < 0 || dup2(in, 0) < 0 || dup2(out, 1) < 0 ||
        dup2(err, 2) < 0 || chdir(cwd.c_str()) != 0) {
      _exit(125);
    }
    if (options.file_size_limit >= 0) {
      const rlimit limit{static_cast<rlim_t>(options.file_size_limit),
                         static_cast<rlim_t>(options.file_size_limit)};
      if (signal(SIGXFSZ, SIG_IGN) == SIG_ERR ||
          setrlimit(RLIMIT_FSIZE, &limit) != 0) {
        _exit(125);
      }
    }
    execve(binary.c_str(), argv.data(), environ);
    _exit(127);
  }
  int status = 0;
  const auto deadline = start + options.timeout;
  while (true) {
    const pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) {
      throw std::runtime_error(std::string("waitpid: ") + strerror(errno));
    }
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      result.timed_out = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  if (WIFEXITED(status)) {
    result.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.exit_code = 128 + WTERMSIG(status);
  }
  if (options.stdout_path.empty()) result.out = ReadFile(out_path);
  result.err = ReadFile(err_path);

  std::string command = "circa";
  for (const std::string& a : args) command += " " + a;
  if (result.exit_code == 125 || result.exit_code == 127) {
    ADD_FAILURE() << "could not start " << binary << " in " << cwd;
  }
  if (result.timed_out) {
    ADD_FAILURE() << command << " did not finish within "
                  << options.timeout.count() << " s; " << result.Describe();
  }
  for (const char* marker :
       {"ERROR: AddressSanitizer", "ERROR: LeakSanitizer",
        "runtime error:", "ERROR: UndefinedBehaviorSanitizer"}) {
    if (result.err.find(marker) != std::string::npos) {
      ADD_FAILURE() << command << ": sanitizer report\n" << result.Describe();
      break;
    }
  }
  return result;
}

std::vector<std::string> DiscoverSamples() {
  std::vector<std::string> names;
  std::error_code ec;
  for (const fs::directory_entry& entry :
       fs::directory_iterator(SourceDir() / "samples", ec)) {
    if (entry.is_directory(ec) &&
        fs::is_regular_file(entry.path() / "tender.yaml", ec)) {
      names.push_back(entry.path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

TempDir::TempDir() {
  std::string pattern =
      (fs::temp_directory_path() / "circa-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    throw std::runtime_error(std::string("mkdtemp: ") + strerror(errno));
  }
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

fs::path TempDir::Write(const std::string& name,
                        std::string_view contents) const {
  const fs::path p = path_ / name;
  fs::create_directories(p.parent_path());
  WriteFile(p, contents);
  return p;
}

std::vector<std::string> TempDir::List() const {
  std::vector<std::string> names;
  for (const fs::directory_entry& entry : fs::directory_iterator(path_)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  return std::string(std::istreambuf_iterator<char>(in),
                     std::istreambuf_iterator<char>());
}

void WriteFile(const fs::path& path, std::string_view contents) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string ReadFifo(const fs::path& fifo, std::chrono::seconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  // Non-blocking: open() returns at once, and read() returns 0 both before
  // a writer comes and after it leaves; data tells the two apart.
  const int fd = open(fifo.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return "";
  std::string data;
  char buffer[4096];
  while (std::chrono::steady_clock::now() < deadline) {
    const ssize_t n = read(fd, buffer, sizeof buffer);
    if (n > 0) {
      data.append(buffer, static_cast<std::size_t>(n));
      continue;
    }
    if (n == 0 && !data.empty()) break;  // the writer closed it
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  close(fd);
  return data;
}

std::vector<std::string> Lines(std::string_view text) {
  std::vector<std::string> lines;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    lines.emplace_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

}  // namespace circa_test::cli
