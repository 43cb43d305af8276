// Where a command's result goes (`-o FILE` or standard output), written so
// that it never harms what is there and never lies about success
// (docs/cli.md "Output"):
// - a regular file (or the file a symlink names) is replaced atomically: a
//   temporary file next to it, fsync, rename; it keeps its permission bits,
//   and a new file gets 0666 & ~umask;
// - anything else (a character device such as /dev/null, a FIFO, a socket,
//   /dev/stdout or /proc/self/fd/N) is written into directly, never
//   replaced;
// - every write is checked, and Commit() reports a short write, a full disk
//   or a failed flush;
// - the temporary file is removed when the target is destroyed uncommitted
//   and when the process is stopped by SIGINT, SIGTERM, SIGHUP or SIGQUIT.
#ifndef CIRCA_ENGINE_IO_OUTPUT_H_
#define CIRCA_ENGINE_IO_OUTPUT_H_

#include <sys/types.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace circa::io {

class OutputTarget {
 public:
  OutputTarget() = default;
  ~OutputTarget();
  OutputTarget(const OutputTarget&) = delete;
  OutputTarget& operator=(const OutputTarget&) = delete;

  // Standard output (through stdio, so that it stays in order with other
  // printf output of the process).
  void OpenStdout();
  // `path` (not empty). Returns false and sets error() when it cannot be
  // written: a directory, a symlink loop, a missing directory, no
  // permission. A regular file is not touched until Commit().
  bool Open(const std::string& path);

  // Appends bytes. Returns false (and keeps returning false) after the
  // first failed write; error() says why.
  bool Write(std::string_view bytes);

  // Makes the result visible: renames the temporary file over the target,
  // or flushes standard output / closes the descriptor. Returns false and
  // sets error() on any failure, including an earlier failed Write().
  bool Commit();

  const std::string& error() const { return error_; }
  // The path as given ("standard output" for stdout).
  const std::string& name() const { return name_; }
  bool to_stdout() const { return kind_ == Kind::kStdout; }

 private:
  enum class Kind { kNone, kStdout, kDirect, kAtomic };
  bool Fail(const std::string& what, int err);
  void Discard();

  Kind kind_ = Kind::kNone;
  int fd_ = -1;
  bool own_fd_ = false;
  bool failed_ = false;
  bool committed_ = false;
  mode_t mode_ = 0;
  std::string name_;    // as given
  std::string target_;  // the regular file replaced (symlinks followed)
  std::string temp_;    // temporary file next to target_
  std::string error_;
};

// The first of `inputs` that is the same file as `output` (same device and
// inode, symlinks followed), or nullopt. Empty entries and paths that do
// not exist are skipped.
std::optional<std::string> SameFileAs(const std::string& output,
                                      const std::vector<std::string>& inputs);

}  // namespace circa::io

#endif  // CIRCA_ENGINE_IO_OUTPUT_H_
