// File access for loaders and the CLI: bounded reads, SHA-256 fingerprints,
// UTF-8 checks and atomic writes.
#ifndef CIRCA_ENGINE_IO_FILE_H_
#define CIRCA_ENGINE_IO_FILE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "circa/diagnostics.h"
#include "util/utf8.h"

namespace circa::io {

// Reads a whole file. On failure (missing, a directory, larger than
// max_bytes) adds an error naming the file and returns nullopt.
std::optional<std::string> ReadFile(const std::string& path,
                                    std::size_t max_bytes, Diagnostics* diag);

// Lower-case hex SHA-256 of `bytes`.
std::string Sha256Hex(std::string_view bytes);

// The cores this process may run on (its CPU affinity, so `taskset -c 0`
// gives 1; glibc's get_nprocs and std::thread::hardware_concurrency count
// the machine's), counted once per process; at least 1.
int UsableCores();

// Writes `contents` to `path` as an OutputTarget does (io/output.h): a
// regular file is replaced via a temporary file and a rename, so readers
// never see a partial file; a device, FIFO or socket is written into.
// Returns false and sets *error on failure.
bool WriteFileAtomic(const std::string& path, std::string_view contents,
                     std::string* error);

// Checks that `text` is UTF-8 without NUL bytes. On failure sets the 1-based
// line and column (in characters) of the first bad byte.
bool CheckUtf8(std::string_view text, int* line, int* column);

// CheckUtf8 with the message for a file that fails it, or "" when it
// passes: a file with NUL bytes is called binary; a text file with a byte
// UTF-8 does not allow gets the byte and the likely cause, an export in
// Windows-1252 or Latin-1 (as spreadsheets on Belgian desktops write CSV).
std::string Utf8Problem(std::string_view text, int* line, int* column);

// UTF-8 helpers, which lived here before engine/util/utf8.h.
using util::StripBom;
using util::Utf8Length;
using util::Utf8SequenceLength;

}  // namespace circa::io

#endif  // CIRCA_ENGINE_IO_FILE_H_
