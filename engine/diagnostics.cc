#include "circa/diagnostics.h"

#include <algorithm>

namespace circa {

std::string Diagnostic::ToString() const {
  std::string out = where.file.empty() ? std::string("<input>") : where.file;
  if (where.line > 0) {
    out += ':' + std::to_string(where.line);
    if (where.column > 0) out += ':' + std::to_string(where.column);
  }
  out += ": ";
  if (severity == Severity::kWarning) out += "warning: ";
  if (!path.empty()) out += path + ": ";
  out += message;
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
