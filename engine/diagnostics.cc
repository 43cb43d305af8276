#include "circa/diagnostics.h"

#include <algorithm>

#include "util/display_text.h"

namespace circa {

// One line; text taken from the input (a bid id, a value, a file name)
// shows its control characters escaped and cannot start a second line.
std::string Diagnostic::ToString() const {
  constexpr util::Newlines kOneLine = util::Newlines::kEscape;
  std::string out = where.file.empty()
                        ? std::string("<input>")
                        : util::SanitizeForDisplay(where.file, kOneLine);
  if (where.line > 0) {
    out += ':' + std::to_string(where.line);
    if (where.column > 0) out += ':' + std::to_string(where.column);
  }
  out += ": ";
  if (severity == Severity::kWarning) out += "warning: ";
  if (!path.empty()) out += util::SanitizeForDisplay(path, kOneLine) + ": ";
  out += util::SanitizeForDisplay(message, kOneLine);
  return out;
}

void Diagnostics::Error(SourceLocation where, std::string path,
                        std::string message) {
  Add({Severity::kError, std::move(where), std::move(path),
       std::move(message)});
}

void Diagnostics::Warning(SourceLocation where, std::string path,
                          std::string message) {
  Add({Severity::kWarning, std::move(where), std::move(path),
       std::move(message)});
}

void Diagnostics::Add(Diagnostic d) {
  if (d.severity == Severity::kError) ++errors_;
  items_.push_back(std::move(d));
}

void Diagnostics::Append(const std::vector<Diagnostic>& more) {
  for (const Diagnostic& d : more) Add(d);
}

bool HasErrors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(
      diagnostics.begin(), diagnostics.end(),
      [](const Diagnostic& d) { return d.severity == Severity::kError; });
}

}  // namespace circa
