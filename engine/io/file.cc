#include "io/file.h"

// SHA256_Init/Update/Final are deprecated in OpenSSL 3 in favour of EVP,
// but EVP's first digest initialises the library (providers, the
// configuration file openssl.cnf, name tables): about 9 % of a whole
// `circa score` of a small tender. The low-level functions hash with the
// same code (SHA-NI/AVX2 where present) without that set-up.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>
#include <sched.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "io/output.h"

namespace circa::io {

std::optional<std::string> ReadFile(const std::string& path,
                                    std::size_t max_bytes, Diagnostics* diag) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (ec.value() == ELOOP) {
    diag->Error({path, 0, 0}, "", "cannot read file: a symbolic link loop");
    return std::nullopt;
  }
  if (ec || !fs::exists(st)) {
    diag->Error({path, 0, 0}, "", "cannot read file: no such file");
    return std::nullopt;
  }
  if (fs::is_directory(st)) {
    diag->Error({path, 0, 0}, "", "cannot read file: it is a directory");
    return std::nullopt;
  }
  const std::uintmax_t size = fs::file_size(path, ec);
  if (!ec && size > max_bytes) {
    diag->Error({path, 0, 0}, "",
                "file is " + std::to_string(size) + " bytes; the limit is " +
                    std::to_string(max_bytes) + " bytes");
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diag->Error({path, 0, 0}, "",
                std::string("cannot read file: ") + std::strerror(errno));
    return std::nullopt;
  }
  std::string data;
  // Read in chunks so that special files without a size stay bounded too.
  char buffer[1 << 16];
  while (in) {
    in.read(buffer, sizeof buffer);
    data.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (data.size() > max_bytes) {
      diag->Error({path, 0, 0}, "",
                  "file is larger than the limit of " +
                      std::to_string(max_bytes) + " bytes");
      return std::nullopt;
    }
  }
  return data;
}

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256_CTX context;
  SHA256_Init(&context);
  SHA256_Update(&context, bytes.data(), bytes.size());
  SHA256_Final(digest, &context);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * SHA256_DIGEST_LENGTH);
  for (unsigned int i = 0; i < SHA256_DIGEST_LENGTH; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 0xf];
  }
  return out;
}

int UsableCores() {
  static const int cores = [] {
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) != 0) return 1;
    return std::max(1, CPU_COUNT(&set));
  }();
  return cores;
}

bool WriteFileAtomic(const std::string& path, std::string_view contents,
                     std::string* error) {
  OutputTarget out;
  if (out.Open(path) && out.Write(contents) && out.Commit()) return true;
  *error = out.error();
  return false;
}

namespace {

// Offset of the first NUL byte or byte that starts no well-formed UTF-8
// sequence, with its 1-based line and column (in characters); npos when
// there is none.
std::size_t FirstBadUtf8(std::string_view text, int* line, int* column) {
  int ln = 1;
  int col = 1;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t len = text[i] == '\0' ? 0 : Utf8SequenceLength(text, i);
    if (len == 0) {
      *line = ln;
      *column = col;
      return i;
    }
    if (text[i] == '\n') {
      ++ln;
      col = 1;
    } else {
      ++col;
    }
    i += len;
  }
  return std::string_view::npos;
}

}  // namespace

bool CheckUtf8(std::string_view text, int* line, int* column) {
  return FirstBadUtf8(text, line, column) == std::string_view::npos;
}

std::string Utf8Problem(std::string_view text, int* line, int* column) {
  const std::size_t bad = FirstBadUtf8(text, line, column);
  if (bad == std::string_view::npos) return "";
  if (text.find('\0') != std::string_view::npos) {
    return "expected UTF-8 text, found a byte that is not (binary file?)";
  }
  const auto byte = static_cast<unsigned char>(text[bad]);
  static constexpr char kHex[] = "0123456789ABCDEF";
  return std::string("expected UTF-8 text, found the byte 0x") +
         kHex[byte >> 4] + kHex[byte & 0xF] +
         ", which UTF-8 does not allow here (saved as Windows-1252 or "
         "Latin-1? save or export the file as UTF-8)";
}

}  // namespace circa::io
