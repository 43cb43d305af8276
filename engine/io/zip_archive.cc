#include "io/zip_archive.h"

#include <zip.h>

namespace circa::io {

struct ZipArchive::Impl {
  zip_t* zip = nullptr;
  ~Impl() {
    if (zip != nullptr) zip_discard(zip);
  }
};

ZipArchive::ZipArchive(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ZipArchive::~ZipArchive() = default;

std::unique_ptr<ZipArchive> ZipArchive::Open(std::string_view bytes,
                                             std::string* why) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source =
      zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    *why = "cannot read the zip container";
    zip_error_fini(&error);
    return nullptr;
  }
  zip_t* zip = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (zip == nullptr) {
    zip_source_free(source);
    const int code = zip_error_code_zip(&error);
    zip_error_fini(&error);
    *why = code == ZIP_ER_NOZIP
               ? "not a zip container"
               : "a damaged zip container (" +
                     std::string(code == ZIP_ER_INCONS ? "inconsistent"
                                                       : "unreadable") +
                     " directory)";
    return nullptr;
  }
  zip_error_fini(&error);
  auto impl = std::make_unique<Impl>();
  impl->zip = zip;
  const zip_int64_t n = zip_get_num_entries(zip, 0);
  if (n < 0 || static_cast<std::size_t>(n) > kMaxEntries) {
    *why = "the zip container has " + std::to_string(n) +
           " entries; the limit is " + std::to_string(kMaxEntries);
    return nullptr;
  }
  return std::unique_ptr<ZipArchive>(new ZipArchive(std::move(impl)));
}

bool ZipArchive::Has(const std::string& name) const {
  return zip_name_locate(impl_->zip, name.c_str(), 0) >= 0;
}

std::optional<std::string> ZipArchive::Read(const std::string& name,
                                            std::string* why) {
  const zip_int64_t index = zip_name_locate(impl_->zip, name.c_str(), 0);
  if (index < 0) {
    *why = "the part " + name + " is missing";
    return std::nullopt;
  }
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(impl_->zip, static_cast<zip_uint64_t>(index), 0, &st) !=
      0) {
    *why = "the part " + name + " cannot be read";
    return std::nullopt;
  }
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) != 0 &&
      st.encryption_method != ZIP_EM_NONE) {
    *why = "the part " + name +
           " is encrypted (a password-protected workbook); save it without "
           "a password";
    return std::nullopt;
  }
  zip_file_t* f =
      zip_fopen_index(impl_->zip, static_cast<zip_uint64_t>(index), 0);
  if (f == nullptr) {
    *why = "the part " + name + " cannot be read (" +
           zip_error_strerror(zip_get_error(impl_->zip)) + ")";
    return std::nullopt;
  }
  std::string out;
  // The declared size is only a hint: a bomb lies about it.
  if ((st.valid & ZIP_STAT_SIZE) != 0 && st.size < (16u << 20)) {
    out.reserve(static_cast<std::size_t>(st.size));
  }
  char buffer[1 << 16];
  bool ok = true;
  while (true) {
    const zip_int64_t got = zip_fread(f, buffer, sizeof buffer);
    if (got < 0) {
      *why = "the part " + name + " is damaged (" +
             zip_error_strerror(zip_file_get_error(f)) + ")";
      ok = false;
      break;
    }
    if (got == 0) break;
    const auto g = static_cast<std::size_t>(got);
    if (out.size() + g > kMaxEntryBytes || total_ + g > kMaxTotalBytes) {
      *why =
          "the part " + name + " unpacks to more than " +
          std::to_string((out.size() + g > kMaxEntryBytes ? kMaxEntryBytes
                                                          : kMaxTotalBytes) >>
                         20) +
          " MiB (a zip bomb?); the limit keeps memory bounded";
      ok = false;
      break;
    }
    out.append(buffer, g);
    total_ += g;
  }
  zip_fclose(f);
  if (!ok) return std::nullopt;
  return out;
}

}  // namespace circa::io
