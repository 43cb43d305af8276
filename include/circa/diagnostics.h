// Diagnostics: how circa reports bad input. Every problem carries the file,
// a 1-based line and column, the field path and what was expected.
#ifndef CIRCA_DIAGNOSTICS_H_
#define CIRCA_DIAGNOSTICS_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace circa {

enum class Severity { kWarning, kError };

// A position in an input file. line and column are 1-based; 0 means unknown.
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
};

struct Diagnostic {
  Severity severity = Severity::kError;
  SourceLocation where;
  std::string path;     // field path, e.g. "criteria[2].weight"
  std::string message;  // what was expected and what was found

  // "file:line:col: path: message"; warnings carry "warning: " before path.
  std::string ToString() const;
};

// An ordered list of diagnostics; worst severity wins.
class Diagnostics {
 public:
  void Error(SourceLocation where, std::string path, std::string message);
  void Warning(SourceLocation where, std::string path, std::string message);
  void Add(Diagnostic d);
  void Append(const std::vector<Diagnostic>& more);

  bool HasErrors() const { return errors_ > 0; }
  int ErrorCount() const { return errors_; }
  const std::vector<Diagnostic>& items() const { return items_; }
  std::vector<Diagnostic> Take() { return std::move(items_); }

 private:
  std::vector<Diagnostic> items_;
  int errors_ = 0;
};

// The outcome of loading or validating input: a value when there were no
// errors, and every diagnostic found either way.
template <typename T>
struct Result {
  std::optional<T> value;
  std::vector<Diagnostic> diagnostics;

  bool ok() const { return value.has_value(); }
};

// True if any diagnostic is an error.
bool HasErrors(const std::vector<Diagnostic>& diagnostics);

}  // namespace circa

#endif  // CIRCA_DIAGNOSTICS_H_
