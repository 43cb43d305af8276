#include "io/output.h"

#include <fcntl.h>
#include <pthread.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cassert>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace circa::io {
namespace {

namespace fs = std::filesystem;

// The temporary file a signal handler removes. Only async-signal-safe
// operations touch it from the handler: read the flag, unlink the path.
// One output is open at a time (the CLI writes its files one after another).
char g_temp_path[4096];
volatile std::sig_atomic_t g_temp_registered = 0;

extern "C" void RemoveTempOnSignal(int sig) {
  if (g_temp_registered) ::unlink(g_temp_path);
  // SA_RESETHAND restored the default action; raising again (pending until
  // this handler returns) ends the process as the signal would have.
  ::raise(sig);
}

void InstallSignalHandlers() {
  static bool installed = false;
  if (installed) return;
  installed = true;
  for (const int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) {
    struct sigaction old {};
    if (::sigaction(sig, nullptr, &old) != 0) continue;
    // A signal the caller ignores (nohup) stays ignored.
    if (old.sa_handler == SIG_IGN) continue;
    struct sigaction action {};
    action.sa_handler = RemoveTempOnSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = static_cast<int>(SA_RESETHAND);
    ::sigaction(sig, &action, nullptr);
  }
}

bool RegisterTemp(const std::string& path) {
  assert(!g_temp_registered);
  if (path.size() >= sizeof g_temp_path) return false;
  std::memcpy(g_temp_path, path.c_str(), path.size() + 1);
  InstallSignalHandlers();
  g_temp_registered = 1;
  return true;
}

void UnregisterTemp() { g_temp_registered = 0; }

// The descriptor that /dev/stdout, /dev/stderr, /dev/fd/N and
// /proc/self/fd/N (or /proc/PID/fd/N of this process) stand for, or -1.
// Reopening them would truncate what the shell opened (`>> log`) or fail
// for a pipe; writing to the descriptor itself does what the shell set up.
int DescriptorAlias(const std::string& path) {
  if (path == "/dev/stdout") return STDOUT_FILENO;
  if (path == "/dev/stderr") return STDERR_FILENO;
  std::string_view rest;
  for (const std::string& prefix :
       {std::string("/dev/fd/"), std::string("/proc/self/fd/"),
        std::string("/proc/thread-self/fd/"),
        "/proc/" + std::to_string(::getpid()) + "/fd/"}) {
    if (path.size() > prefix.size() &&
        path.compare(0, prefix.size(), prefix) == 0) {
      rest = std::string_view(path).substr(prefix.size());
      break;
    }
  }
  if (rest.empty() || rest.size() > 9) return -1;
  int fd = 0;
  for (const char c : rest) {
    if (c < '0' || c > '9') return -1;
    fd = fd * 10 + (c - '0');
  }
  return fd;
}

const char* KindOf(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

mode_t CurrentUmask() {
  // The CLI is single-threaded; the mask is restored at once.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return mask;
}

}  // namespace

OutputTarget::~OutputTarget() { Discard(); }

void OutputTarget::Discard() {
  if (kind_ == Kind::kAtomic && !committed_) {
    UnregisterTemp();
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    if (!temp_.empty()) ::unlink(temp_.c_str());
    temp_.clear();
  } else if (own_fd_ && fd_ >= 0) {
    ::close(fd_);
    fd_ = -1;
  }
}

bool OutputTarget::Fail(const std::string& what, int err) {
  if (!failed_) {
    failed_ = true;
    error_ = what + (err != 0 ? std::string(": ") + std::strerror(err) : "");
  }
  return false;
}

void OutputTarget::OpenStdout() {
  kind_ = Kind::kStdout;
  name_ = "standard output";
}

bool OutputTarget::Open(const std::string& path) {
  assert(kind_ == Kind::kNone && !path.empty());
  name_ = path;
  const std::string cannot = "cannot write " + path;
  std::string p = path;
  // Follow symlinks one by one, so that a descriptor alias anywhere on the
  // way is recognised and a loop is named.
  for (int hops = 0;; ++hops) {
    if (const int alias = DescriptorAlias(p); alias >= 0) {
      std::fflush(stdout);
      fd_ = ::fcntl(alias, F_DUPFD_CLOEXEC, 3);
      if (fd_ < 0) return Fail(cannot, errno);
      own_fd_ = true;
      kind_ = Kind::kDirect;
      return true;
    }
    struct stat st {};
    if (::lstat(p.c_str(), &st) != 0) {
      if (errno == ELOOP) return Fail(cannot + ": a symbolic link loop", 0);
      if (errno != ENOENT) return Fail(cannot, errno);
      // A new file: a mode from the umask, as any program creating it.
      mode_ = 0666 & ~CurrentUmask();
      target_ = p;
      break;
    }
    if (S_ISLNK(st.st_mode)) {
      if (hops >= 40) return Fail(cannot + ": a symbolic link loop", 0);
      std::error_code ec;
      const fs::path link = fs::read_symlink(p, ec);
      if (ec) return Fail(cannot, ec.value());
      p = link.is_absolute() ? link.string()
                             : (fs::path(p).parent_path() / link).string();
      continue;
    }
    if (S_ISREG(st.st_mode)) {
      // Replaced: keep its permission bits (and owner, where allowed).
      mode_ = st.st_mode & 07777;
      target_ = p;
      break;
    }
    if (S_ISDIR(st.st_mode)) {
      return Fail(cannot + ": it is a directory", 0);
    }
    if (S_ISSOCK(st.st_mode)) {
      sockaddr_un address{};
      address.sun_family = AF_UNIX;
      if (p.size() >= sizeof address.sun_path) {
        return Fail(cannot + ": the socket's path is too long", 0);
      }
      std::memcpy(address.sun_path, p.c_str(), p.size() + 1);
      fd_ = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
      if (fd_ < 0) return Fail(cannot, errno);
      own_fd_ = true;
      if (::connect(fd_, reinterpret_cast<const sockaddr*>(&address),
                    sizeof address) != 0) {
        return Fail(cannot + " (a socket)", errno);
      }
      kind_ = Kind::kDirect;
      return true;
    }
    // A device or a FIFO: written into, never replaced or truncated away.
    fd_ = ::open(p.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd_ < 0) return Fail(cannot + " (" + KindOf(st.st_mode) + ")", errno);
    own_fd_ = true;
    kind_ = Kind::kDirect;
    return true;
  }

  const fs::path target(target_);
  fs::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  std::string tmpl =
      (dir / ("." + target.filename().string() + ".XXXXXX")).string();
  // The file is made and registered with the terminating signals blocked:
  // a Ctrl-C between the two would otherwise leave the file behind.
  InstallSignalHandlers();
  sigset_t terminating;
  sigset_t before;
  sigemptyset(&terminating);
  for (const int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) {
    sigaddset(&terminating, sig);
  }
  ::pthread_sigmask(SIG_BLOCK, &terminating, &before);
  fd_ = ::mkostemp(tmpl.data(), O_CLOEXEC);
  const int made_errno = errno;
  const bool registered = fd_ >= 0 && RegisterTemp(tmpl);
  ::pthread_sigmask(SIG_SETMASK, &before, nullptr);
  if (fd_ < 0) {
    return Fail("cannot create a temporary file next to " + target_,
                made_errno);
  }
  temp_ = tmpl;
  kind_ = Kind::kAtomic;
  if (!registered) {
    Discard();
    return Fail(cannot + ": the path is too long", 0);
  }
  struct stat old {};
  if (::stat(target_.c_str(), &old) == 0 &&
      (old.st_uid != ::geteuid() || old.st_gid != ::getegid())) {
    // Best effort: only root (or the owner, for the group) may.
    if (::fchown(fd_, old.st_uid, old.st_gid) != 0) {
      (void)::fchown(fd_, static_cast<uid_t>(-1), old.st_gid);
    }
  }
  if (::fchmod(fd_, mode_) != 0) {
    const int err = errno;
    Discard();
    return Fail(cannot, err);
  }
  return true;
}

bool OutputTarget::Write(std::string_view bytes) {
  if (failed_) return false;
  assert(kind_ != Kind::kNone);
  if (kind_ == Kind::kStdout) {
    if (bytes.empty()) return true;
    if (std::fwrite(bytes.data(), 1, bytes.size(), stdout) != bytes.size()) {
      return Fail("cannot write to standard output", errno);
    }
    return true;
  }
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      Discard();
      return Fail("cannot write " + name_, err);
    }
    if (n == 0) {
      Discard();
      return Fail("cannot write " + name_ + ": no space left", 0);
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

bool OutputTarget::Commit() {
  if (failed_) return false;
  switch (kind_) {
    case Kind::kNone:
      assert(false);
      return false;
    case Kind::kStdout:
      if (std::fflush(stdout) != 0) {
        return Fail("cannot write to standard output", errno);
      }
      if (std::ferror(stdout)) {
        return Fail("cannot write to standard output", 0);
      }
      committed_ = true;
      return true;
    case Kind::kDirect: {
      const int fd = fd_;
      fd_ = -1;
      committed_ = true;
      if (::close(fd) != 0) return Fail("cannot write " + name_, errno);
      return true;
    }
    case Kind::kAtomic: {
      if (::fsync(fd_) != 0) {
        const int err = errno;
        Discard();
        return Fail("cannot write " + name_, err);
      }
      const int fd = fd_;
      fd_ = -1;
      if (::close(fd) != 0 || ::rename(temp_.c_str(), target_.c_str()) != 0) {
        const int err = errno;
        Discard();
        return Fail("cannot write " + name_, err);
      }
      committed_ = true;
      UnregisterTemp();
      temp_.clear();
      // Make the rename itself durable (best effort).
      fs::path dir = fs::path(target_).parent_path();
      if (dir.empty()) dir = ".";
      if (const int d = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
          d >= 0) {
        (void)::fsync(d);
        ::close(d);
      }
      return true;
    }
  }
  return false;
}

std::optional<std::string> SameFileAs(const std::string& output,
                                      const std::vector<std::string>& inputs) {
  struct stat out {};
  if (output.empty() || ::stat(output.c_str(), &out) != 0) return std::nullopt;
  for (const std::string& input : inputs) {
    struct stat in {};
    if (input.empty() || ::stat(input.c_str(), &in) != 0) continue;
    if (in.st_dev == out.st_dev && in.st_ino == out.st_ino) return input;
  }
  return std::nullopt;
}

}  // namespace circa::io
