#include "io/csv.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// True when every one of the 64 bytes at `p` is ASCII and none is NUL.
bool AsciiBlock64(const char* p) {
#if defined(__SSE2__)
  const auto load = [p](int k) {
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
  };
  const __m128i a = load(0), b = load(1), c = load(2), d = load(3);
  const __m128i any = _mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d));
  const __m128i low = _mm_min_epu8(_mm_min_epu8(a, b), _mm_min_epu8(c, d));
  return (_mm_movemask_epi8(any) |
          _mm_movemask_epi8(_mm_cmpeq_epi8(low, _mm_setzero_si128()))) == 0;
#else
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  std::uint64_t bad = 0;
  for (int k = 0; k < 8; ++k) {
    std::uint64_t w = 0;
    std::memcpy(&w, p + 8 * k, 8);
    bad |= (w & kHigh) | ((w - kOnes) & ~w & kHigh);
  }
  return bad == 0;
#endif
}

// True when `text` is UTF-8 without NUL bytes (Utf8Problem's test), with
// *ascii set when every byte is ASCII; ASCII is skipped 64 bytes, then 8
// bytes at a time.
bool ValidUtf8(std::string_view text, bool* ascii) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  *ascii = true;
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    while (i + 64 <= n && AsciiBlock64(text.data() + i)) i += 64;
    while (i + 8 <= n) {
      std::uint64_t w = 0;
      std::memcpy(&w, text.data() + i, 8);
      // A byte with its high bit set, or a zero byte.
      if (((w & kHigh) | ((w - kOnes) & ~w & kHigh)) != 0) break;
      i += 8;
    }
    if (i >= n) break;
    const auto b = static_cast<unsigned char>(text[i]);
    if (b == 0) return false;
    if (b < 0x80) {
      ++i;
      continue;
    }
    *ascii = false;
    const std::size_t len = Utf8SequenceLength(text, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

// Finds the bytes that end an unquoted cell (the delimiter, '"', '\n',
// '\r') 64 at a time: a bit mask per block of 64 bytes, then one count of
// trailing zeros per cell (SSE2 compares on x86-64, portable word tricks
// elsewhere).
class SpecialScanner {
 public:
  SpecialScanner(std::string_view text, char delim)
      : text_(text), delim_(delim) {
#if defined(__SSE2__)
    delim_v_ = _mm_set1_epi8(delim_);
    quote_v_ = _mm_set1_epi8('"');
    lf_v_ = _mm_set1_epi8('\n');
    cr_v_ = _mm_set1_epi8('\r');
#endif
    Load(0);
  }

  // Reads the row that starts at `start` (line `line`, column 1) when none
  // of its cells is quoted: its cells go to *cells (views of the text),
  // and the result is where the row ends (its line feed, or the text's
  // size), or npos when it holds a quote or a carriage return not before a
  // line feed (the caller's byte loop reads it then, with the same
  // result). One pass over the set bits of the masks, one count of
  // trailing zeros per cell, the scan's state in locals (registers).
  std::size_t PlainRow(std::size_t start, int line, bool ascii,
                       std::vector<CsvField>* cells) {
    cells->clear();
    const char* const data = text_.data();
    const std::size_t size = text_.size();
    if (start < base_ || start - base_ >= 64) Load(start);
    std::size_t base = base_;
    std::uint64_t rest = mask_ & (~std::uint64_t{0} << (start - base));
    std::size_t at = start;
    int column = 1;
    std::size_t result = std::string_view::npos;
    while (true) {
      std::size_t end = size;
      while (rest == 0 && base + 64 < size) {
        Load(base + 64);
        base = base_;
        rest = mask_;
      }
      if (rest != 0)
        end = base + static_cast<std::size_t>(std::countr_zero(rest));
      const char c = end < size ? data[end] : '\n';
      if (c == '"') break;
      // A carriage return is here only before a line feed (LoneCrToLf).
      if (c == '\r' && (end + 1 >= size || data[end + 1] != '\n')) break;
      cells->push_back(
          CsvField{std::string_view(data + at, end - at), line, column});
      if (c != delim_) {
        result = c == '\r' ? end + 1 : end;
        break;
      }
      column += (ascii ? static_cast<int>(end - at) : Characters(at, end)) + 1;
      at = end + 1;
      rest &= rest - 1;
    }
    return result;
  }

 private:
  void Load(std::size_t at) {
    base_ = at;
    const std::size_t left = at < text_.size() ? text_.size() - at : 0;
    if (left >= 64) {
      mask_ = Mask64(text_.data() + at);
      return;
    }
    // The last block: a copy padded with NUL bytes (never special).
    char block[64] = {};
    std::memcpy(block, text_.data() + at, left);
    mask_ = Mask64(block) & ((std::uint64_t{1} << left) - 1);
  }

  std::uint64_t Mask64(const char* p) const {
#if defined(__SSE2__)
    std::uint64_t m = 0;
    for (int k = 0; k < 4; ++k) {
      const __m128i v =
          _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
      const __m128i hit = _mm_or_si128(
          _mm_or_si128(_mm_cmpeq_epi8(v, delim_v_),
                       _mm_cmpeq_epi8(v, quote_v_)),
          _mm_or_si128(_mm_cmpeq_epi8(v, lf_v_), _mm_cmpeq_epi8(v, cr_v_)));
      m |= static_cast<std::uint64_t>(
               static_cast<std::uint16_t>(_mm_movemask_epi8(hit)))
           << (16 * k);
    }
    return m;
#else
    std::uint64_t m = 0;
    if constexpr (std::endian::native == std::endian::little) {
      for (int k = 0; k < 8; ++k) {
        std::uint64_t w = 0;
        std::memcpy(&w, p + 8 * k, 8);
        const std::uint64_t zero =
            Zeros(w, delim_) | Zeros(w, '"') | Zeros(w, '\n') | Zeros(w, '\r');
        // One bit per byte: byte j's high bit to bit 56 + j, then down.
        m |= (((zero >> 7) * 0x0102040810204080ULL) >> 56) << (8 * k);
      }
    } else {
      for (int k = 0; k < 64; ++k) {
        const char c = p[k];
        if (c == delim_ || c == '"' || c == '\n' || c == '\r') {
          m |= std::uint64_t{1} << k;
        }
      }
    }
    return m;
#endif
  }

#if !defined(__SSE2__)
  // The high bit of each byte of `w` equal to `c` (exactly: no borrow).
  static std::uint64_t Zeros(std::uint64_t w, char c) {
    constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;
    const std::uint64_t x =
        w ^ (0x0101010101010101ULL * static_cast<unsigned char>(c));
    return ~(((x & kLow7) + kLow7) | x) & ~kLow7;
  }
#endif

  // Characters (not continuation bytes) in text_[from, to).
  int Characters(std::size_t from, std::size_t to) const {
    int n = 0;
    for (std::size_t k = from; k < to; ++k) {
      n += (static_cast<unsigned char>(text_[k]) & 0xC0) != 0x80 ? 1 : 0;
    }
    return n;
  }

  std::string_view text_;
  char delim_;
#if defined(__SSE2__)
  __m128i delim_v_, quote_v_, lf_v_, cr_v_;
#endif
  std::size_t base_ = 0;
  std::uint64_t mask_ = 0;
};

// The cells of one row as positions: a cell's text is a range of the
// parsed text while every byte appended to it follows the previous one
// (an unquoted field, a quoted field without doubled quotes), else a range
// of the row's storage. Views are made when the row is complete, since the
// storage may move while it grows.
class RowBuilder {
 public:
  explicit RowBuilder(std::string_view text) : text_(text) {}

  void Start(int line, int column) { cell_ = Cell{false, 0, 0, line, column}; }
  // Appends text_[at, at + n) to the current cell.
  void Append(std::size_t at, std::size_t n) {
    if (!cell_.owned && cell_.begin == cell_.end) {
      cell_.begin = at;
      cell_.end = at + n;
    } else {
      AppendMore(at, n);
    }
  }
  void AppendMore(std::size_t at, std::size_t n) {
    if (cell_.owned) {
      storage_.append(text_.data() + at, n);
    } else if (cell_.end == at) {
      cell_.end += n;
    } else {
      const std::size_t offset = storage_.size();
      storage_.append(text_.data() + cell_.begin, cell_.end - cell_.begin);
      storage_.append(text_.data() + at, n);
      cell_.owned = true;
      cell_.begin = offset;
    }
  }
  void ClearText() {
    if (cell_.owned) storage_.resize(cell_.begin);
    cell_.owned = false;
    cell_.begin = cell_.end = 0;
  }
  // The current cell's text so far.
  std::string_view Text() const {
    if (cell_.owned) {
      return std::string_view(storage_).substr(cell_.begin);
    }
    return text_.substr(cell_.begin, cell_.end - cell_.begin);
  }
  void EndCell() {
    if (cell_.owned) cell_.end = storage_.size();
    cells_.push_back(cell_);
  }
  std::size_t Cells() const { return cells_.size(); }
  std::vector<CsvField>& Fields() {
    fields_.clear();
    for (const Cell& c : cells_) {
      const std::string_view from =
          c.owned ? std::string_view(storage_) : text_;
      fields_.push_back(
          CsvField{from.substr(c.begin, c.end - c.begin), c.line, c.column});
    }
    return fields_;
  }
  void Clear() {
    cells_.clear();
    storage_.clear();
  }

 private:
  struct Cell {
    bool owned;  // in storage_, from begin to its end
    std::size_t begin;
    std::size_t end;
    int line;
    int column;
  };
  std::string_view text_;
  Cell cell_{};
  std::vector<Cell> cells_;
  std::string storage_;
  std::vector<CsvField> fields_;
};

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
  std::vector<CsvCell> cells;
  return ParseCsvFields(
      text, file, diag, table,
      [&](std::vector<CsvField>& fields) {
        cells.clear();
        cells.reserve(fields.size());
        for (const CsvField& f : fields) {
          cells.push_back(CsvCell{std::string(f.text), f.line, f.column});
        }
        return on_row(cells);
      },
      max_syntax_errors);
}

bool ParseCsvFields(std::string_view text, const std::string& file,
                    Diagnostics* diag, CsvTable* table,
                    const std::function<bool(std::vector<CsvField>&)>& on_row,
                    int max_syntax_errors, bool plain_rows) {
  text = StripBom(text);
  bool ascii = true;
  if (!ValidUtf8(text, &ascii)) {
    int bad_line = 0;
    int bad_column = 0;
    const std::string problem = Utf8Problem(text, &bad_line, &bad_column);
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
  // Bytes that end a run of ordinary bytes outside quotes.
  std::array<bool, 256> special{};
  for (const char c : {delim, '"', '\n', '\r'}) {
    special[static_cast<unsigned char>(c)] = true;
  }
  // Characters (not continuation bytes) in text[from, to).
  const auto characters = [&text, ascii](std::size_t from, std::size_t to) {
    if (ascii) return static_cast<int>(to - from);
    int n = 0;
    for (std::size_t k = from; k < to; ++k) {
      n += (static_cast<unsigned char>(text[k]) & 0xC0) != 0x80 ? 1 : 0;
    }
    return n;
  };

  RowBuilder row(text);
  row.Start(line, 1);
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
    row.EndCell();
    std::vector<CsvField>& fields = row.Fields();
    const bool blank =
        fields.size() == 1 && IsBlank(fields.front().text) && !was_quoted;
    if (!blank && !on_row(fields)) stopped = true;
    row.Clear();
  };
  const std::size_t size = text.size();
  constexpr std::size_t kQuoted = std::string_view::npos;
  SpecialScanner scanner(text, delim);
  std::vector<CsvField> plain;
  bool row_start = plain_rows;
  for (std::size_t i = pos; i < size; ++i) {
    if (row_start) {
      row_start = false;
      // A row without quotes, cell by cell from the special bytes.
      const std::size_t end = scanner.PlainRow(i, line, ascii, &plain);
      if (end != kQuoted) {
        const bool blank = plain.size() == 1 && IsBlank(plain.front().text);
        if (!blank && !on_row(plain)) return ok;
        if (end >= size) break;
        ++line;
        row.Start(line, 1);
        i = end;
        row_start = true;
        continue;
      }
    }
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < size && text[i + 1] == '"') {
          row.Append(i, 1);
          ++i;
          column += 2;
          continue;
        }
        quoted = false;
        ++column;
        continue;
      }
      if (c == '\n') {
        row.Append(i, 1);
        ++line;
        column = 1;
        continue;
      }
      // The run up to the next quote or line end, at once.
      std::size_t j = i + 1;
      while (j < size && text[j] != '"' && text[j] != '\n') ++j;
      row.Append(i, j - i);
      column += characters(i, j);
      i = j - 1;
      continue;
    }
    if (!was_quoted && !special[static_cast<unsigned char>(c)]) {
      // Fast path: the run of ordinary bytes up to the next delimiter,
      // quote or line end, at once.
      std::size_t j = i + 1;
      while (j < size && !special[static_cast<unsigned char>(text[j])]) ++j;
      row.Append(i, j - i);
      column += characters(i, j);
      i = j - 1;
      continue;
    }
    if (c == '"') {
      if (!Trim(row.Text()).empty() || was_quoted) {
        syntax_error(line, column,
                     "unexpected '\"' inside an unquoted field; quote the "
                     "whole field and double the quote (\"\")");
        if (stopped) return false;
      }
      row.ClearText();
      quoted = true;
      was_quoted = true;
      quote_line = line;
      quote_column = column;
      ++column;
      continue;
    }
    if (c == delim) {
      row.EndCell();
      ++column;
      row.Start(line, column);
      was_quoted = false;
      continue;
    }
    if (c == '\r' && i + 1 < size && text[i + 1] == '\n') continue;
    if (c == '\n') {
      end_row();
      if (stopped) return ok;
      ++line;
      column = 1;
      row.Start(line, 1);
      was_quoted = false;
      row_start = plain_rows;
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
    row.Append(i, 1);
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++column;
  }
  if (quoted) {
    diag->Error({file, quote_line, quote_column}, "",
                "this quote is never closed");
    return false;
  }
  if (!row.Text().empty() || row.Cells() > 0 || was_quoted) end_row();
  return ok;
}

}  // namespace circa::io
