#include "io/csv.h"

#include <algorithm>

#include "io/file.h"
#include "io/numbers.h"

namespace circa::io {
namespace {

char DetectDelimiter(std::string_view header_line) {
  int comma = 0;
  int semicolon = 0;
  int tab = 0;
  bool quoted = false;
  for (const char c : header_line) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == ',') ++comma;
    if (c == ';') ++semicolon;
    if (c == '\t') ++tab;
  }
  if (semicolon > comma && semicolon >= tab) return ';';
  if (tab > comma && tab > semicolon) return '\t';
  return ',';
}

bool IsBlank(std::string_view line) { return Trim(line).empty(); }

}  // namespace

std::string_view LoneCrToLf(std::string_view text, std::string* storage) {
  const std::size_t first = text.find('\r');
  if (first == std::string_view::npos) return text;
  const auto lone = [](std::string_view t, std::size_t i) {
    return t[i] == '\r' && (i + 1 == t.size() || t[i + 1] != '\n');
  };
  std::size_t i = first;
  while (i < text.size() && !lone(text, i)) ++i;
  if (i == text.size()) return text;
  storage->assign(text);
  for (; i < storage->size(); ++i) {
    if (lone(*storage, i)) (*storage)[i] = '\n';
  }
  return *storage;
}

bool ParseCsv(std::string_view text, const std::string& file, Diagnostics* diag,
              CsvTable* table) {
  std::vector<std::vector<CsvCell>> rows;
  const bool ok =
      ParseCsvRows(text, file, diag, table, [&rows](std::vector<CsvCell>& row) {
        rows.push_back(std::move(row));
        return true;
      });
  table->rows = std::move(rows);
  return ok;
}

bool ParseCsvRows(std::string_view text, const std::string& file,
                  Diagnostics* diag, CsvTable* table,
                  const std::function<bool(std::vector<CsvCell>&)>& on_row,
                  int max_syntax_errors) {
  text = StripBom(text);
  int bad_line = 0;
  int bad_column = 0;
  if (const std::string problem = Utf8Problem(text, &bad_line, &bad_column);
      !problem.empty()) {
    diag->Error({file, bad_line, bad_column}, "", problem);
    return false;
  }
  std::string storage;
  text = LoneCrToLf(text, &storage);
  std::size_t pos = 0;
  int line = 1;
  // Directive and comment lines before the header.
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view raw = text.substr(pos, end - pos);
    const std::string_view trimmed = Trim(raw);
    if (!trimmed.empty() && trimmed.front() != '#') break;
    if (!trimmed.empty()) {
      std::string_view body = Trim(trimmed.substr(1));
      const std::size_t colon = body.find(':');
      if (colon != std::string_view::npos) {
        std::string key(Trim(body.substr(0, colon)));
        for (char& c : key) {
          if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        }
        table->directives[key] = {std::string(Trim(body.substr(colon + 1))),
                                  line};
      }
    }
    pos = end + (end < text.size() ? 1 : 0);
    ++line;
  }
  if (pos >= text.size()) return true;  // no header: caller reports
  std::size_t header_end = text.find('\n', pos);
  if (header_end == std::string_view::npos) header_end = text.size();
  table->delimiter = DetectDelimiter(text.substr(pos, header_end - pos));
  const char delim = table->delimiter;

  std::vector<CsvCell> row;
  CsvCell cell{"", line, 1};
  int column = 1;
  bool quoted = false;      // inside quotes
  bool was_quoted = false;  // the current field was quoted
  int quote_line = 0;
  int quote_column = 0;
  bool ok = true;
  bool stopped = false;
  // Syntax errors are capped like every other error (LoadOptions).
  const int max_errors = std::max(1, max_syntax_errors);
  int syntax_errors = 0;
  const auto syntax_error = [&](int at_line, int at_column, const char* what) {
    ok = false;
    if (++syntax_errors > max_errors) return;
    diag->Error({file, at_line, at_column}, "", what);
    if (syntax_errors == max_errors) {
      diag->Error(
          {file, 0, 0}, "",
          "too many errors; stopped after " + std::to_string(max_errors));
      stopped = true;
    }
  };
  const auto end_row = [&] {
    row.push_back(std::move(cell));
    const bool blank =
        row.size() == 1 && IsBlank(row.front().text) && !was_quoted;
    if (!blank && !on_row(row)) stopped = true;
    row.clear();
  };
  for (std::size_t i = pos; i < text.size(); ++i) {
    const char c = text[i];
    const bool continuation = (static_cast<unsigned char>(c) & 0xC0) == 0x80;
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          cell.text += '"';
          ++i;
          column += 2;
          continue;
        }
        quoted = false;
        ++column;
        continue;
      }
      cell.text += c;
      if (c == '\n') {
        ++line;
        column = 1;
      } else if (!continuation) {
        ++column;
      }
      continue;
    }
    if (!was_quoted && c != '"' && c != delim && c != '\n' && c != '\r') {
      // Fast path: the run of ordinary bytes up to the next delimiter,
      // quote or line end, appended at once.
      std::size_t j = i;
      int characters = 0;
      for (; j < text.size(); ++j) {
        const char d = text[j];
        if (d == delim || d == '"' || d == '\n' || d == '\r') break;
        characters += (static_cast<unsigned char>(d) & 0xC0) != 0x80 ? 1 : 0;
      }
      cell.text.append(text.data() + i, j - i);
      column += characters;
      i = j - 1;
      continue;
    }
    if (c == '"') {
      if (!Trim(cell.text).empty() || was_quoted) {
        syntax_error(line, column,
                     "unexpected '\"' inside an unquoted field; quote the "
                     "whole field and double the quote (\"\")");
        if (stopped) return false;
      }
      cell.text.clear();
      quoted = true;
      was_quoted = true;
      quote_line = line;
      quote_column = column;
      ++column;
      continue;
    }
    if (c == delim) {
      row.push_back(std::move(cell));
      ++column;
      cell = CsvCell{"", line, column};
      was_quoted = false;
      continue;
    }
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    if (c == '\n') {
      end_row();
      if (stopped) return ok;
      ++line;
      column = 1;
      cell = CsvCell{"", line, 1};
      was_quoted = false;
      continue;
    }
    if (was_quoted) {
      if (c == ' ' || c == '\t' || c == '\r') {
        ++column;
        continue;
      }
      syntax_error(line, column, "unexpected text after a closing quote");
      if (stopped) return false;
      // Keep the stray text (whole UTF-8 characters) in the cell so that
      // later messages quoting it stay readable.
      was_quoted = false;
    }
    cell.text += c;
    if (!continuation) ++column;
  }
  if (quoted) {
    diag->Error({file, quote_line, quote_column}, "",
                "this quote is never closed");
    return false;
  }
  if (!cell.text.empty() || !row.empty() || was_quoted) end_row();
  return ok;
}

}  // namespace circa::io
