// One error cap for every reader (LoadOptions::max_errors): a file with
// thousands of mistakes shows the first N and one "too many errors" line.
#ifndef CIRCA_ENGINE_IO_ERROR_CAP_H_
#define CIRCA_ENGINE_IO_ERROR_CAP_H_

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "circa/diagnostics.h"

namespace circa::io {

// The message that ends a capped list of errors.
inline std::string TooManyErrors(int max_errors) {
  return "too many errors; stopped after " + std::to_string(max_errors);
}

// True once `diag` holds `max_errors` errors: a reader may stop looking.
inline bool ErrorsFull(const Diagnostics& diag, int max_errors) {
  return diag.ErrorCount() >= std::max(1, max_errors);
}

// Keeps the first `max_errors` errors of `diag` (and what came before the
// last of them), drops everything after, and ends the list with one
// "too many errors; stopped after N" error at `file`. A list already ended
// that way (a reader that stopped itself) is cut at that line. Does nothing
// when there are at most `max_errors` errors.
inline void CapErrors(Diagnostics* diag, const std::string& file,
                      int max_errors) {
  max_errors = std::max(1, max_errors);
  if (diag->ErrorCount() <= max_errors) return;
  const std::string stop = TooManyErrors(max_errors);
  std::vector<Diagnostic> items = diag->Take();
  Diagnostics kept;
  for (Diagnostic& d : items) {
    if (d.severity == Severity::kError && d.message == stop) break;
    if (d.severity == Severity::kError && kept.ErrorCount() == max_errors) {
      break;
    }
    kept.Add(std::move(d));
  }
  kept.Error({file, 0, 0}, "", stop);
  *diag = std::move(kept);
}

}  // namespace circa::io

#endif  // CIRCA_ENGINE_IO_ERROR_CAP_H_
