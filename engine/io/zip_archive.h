// A zip container read from memory with libzip, for workbook bid files
// (.xlsx, .ods), with limits against zip bombs: the number of entries and
// the uncompressed bytes read, whatever the entries' headers claim.
#ifndef CIRCA_ENGINE_IO_ZIP_ARCHIVE_H_
#define CIRCA_ENGINE_IO_ZIP_ARCHIVE_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace circa::io {

class ZipArchive {
 public:
  // At most this many entries (a workbook has a few dozen).
  static constexpr std::size_t kMaxEntries = 10000;
  // At most this many uncompressed bytes per entry and over all entries read.
  static constexpr std::size_t kMaxEntryBytes = 32u << 20;
  static constexpr std::size_t kMaxTotalBytes = 96u << 20;

  // Opens `bytes` (which must outlive the archive). On failure returns null
  // and sets *why to a sentence.
  static std::unique_ptr<ZipArchive> Open(std::string_view bytes,
                                          std::string* why);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  bool Has(const std::string& name) const;
  // The entry's uncompressed bytes; nullopt with *why when it is missing,
  // encrypted, corrupt or over a limit.
  std::optional<std::string> Read(const std::string& name, std::string* why);

 private:
  struct Impl;
  explicit ZipArchive(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
  std::size_t total_ = 0;
};

}  // namespace circa::io

#endif  // CIRCA_ENGINE_IO_ZIP_ARCHIVE_H_
