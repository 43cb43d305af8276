// A bid set: the decision matrix (bids x leaf criteria) with the text each
// value was read from. See docs/bids-format.md.
#ifndef CIRCA_BIDS_H_
#define CIRCA_BIDS_H_

#include <Eigen/Core>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "circa/diagnostics.h"

namespace circa {

// The cells' texts of a bid set, in one buffer: cell k is a range of it
// (offset and size), so a file's 300,000 cells are not 300,000 strings.
// Cells are added in order (push_back, or AddRange for a range of a text
// kept whole by Keep: a CSV reader keeps the file and adds each cell
// without copying it); Set gives a cell a new text (put at the end of the
// buffer; the old bytes stay). The buffer holds at most 4 GiB
// (std::length_error past that).
class CellTexts {
 public:
  std::size_t size() const { return spans_.size(); }
  bool empty() const { return spans_.empty(); }
  std::string_view operator[](std::size_t k) const {
    const Span s = spans_[k];
    return {chars_.data() + s.offset, s.size};
  }
  void push_back(std::string_view text) { spans_.push_back(Append(text)); }
  // Puts `text` in the buffer without making it a cell; returns its offset
  // there, for AddRange.
  std::size_t Keep(std::string_view text) { return Append(text).offset; }
  // Adds a cell whose text is the buffer's `size` bytes at `offset` (a
  // range of a text given to Keep); std::out_of_range past the buffer.
  void AddRange(std::size_t offset, std::size_t size) {
    if (offset > chars_.size() || size > chars_.size() - offset) {
      ThrowOutOfRange();
    }
    spans_.push_back(
        {static_cast<std::uint32_t>(offset), static_cast<std::uint32_t>(size)});
  }
  // Replaces cell k's text.
  void Set(std::size_t k, std::string_view text) { spans_[k] = Append(text); }
  // n cells, each `text`.
  void assign(std::size_t n, std::string_view text) {
    clear();
    spans_.assign(n, Append(text));
  }
  void clear() {
    spans_.clear();
    chars_.clear();
  }
  // Room for `cells` cells of `chars` bytes in all.
  void reserve(std::size_t cells, std::size_t chars) {
    spans_.reserve(cells);
    chars_.reserve(chars);
  }
  // Same cells, same texts (the buffers' layouts may differ).
  friend bool operator==(const CellTexts& a, const CellTexts& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t k = 0; k < a.size(); ++k) {
      if (a[k] != b[k]) return false;
    }
    return true;
  }

 private:
  struct Span {
    std::uint32_t offset;
    std::uint32_t size;
  };
  Span Append(std::string_view text) {
    const std::size_t offset = chars_.size();
    if (text.size() > kMaxChars - offset) ThrowTooLarge();
    chars_.append(text);
    return {static_cast<std::uint32_t>(offset),
            static_cast<std::uint32_t>(text.size())};
  }
  [[noreturn]] static void ThrowTooLarge();
  [[noreturn]] static void ThrowOutOfRange();
  static constexpr std::size_t kMaxChars = 0xFFFFFFFFu;

  std::string chars_;
  std::vector<Span> spans_;
};

struct BidSet {
  std::vector<std::string> ids;        // one per bid, unique
  std::vector<std::string> suppliers;  // may be empty strings
  std::vector<std::string> criteria;   // leaf ids, columns of `values`
  // values(i, j): bid i's value on leaf j, as a number (yes = 1, no = 0,
  // scale criteria: the level's value).
  Eigen::MatrixXd values;
  // text[i * criteria.size() + j]: the cell as written in the file.
  CellTexts text;
  std::vector<SourceLocation> rows;  // where each bid starts
  // Bid fields that are not criteria but are read by requirements and the
  // tie-break policy (CriteriaSet::Fields()): fields[f][bid] as written.
  std::vector<std::string> field_names;
  std::vector<std::vector<std::string>> fields;
  // field_numbers[f][bid]: the field as a number when a requirement's min or
  // max or the award method reads it as one (checked when the file is read,
  // with the file's locale); NaN when empty or read as text only.
  std::vector<std::vector<double>> field_numbers;

  std::string locale;  // "auto", "en" or a decimal-comma locale like "nl-BE"
  std::string source;
  std::string sha256;

  Eigen::Index size() const { return values.rows(); }
  std::string_view Text(Eigen::Index bid, Eigen::Index criterion) const;
  // The bids at `keep` (indices, in that order), with everything kept per
  // bid: values, text, fields, rows.
  BidSet Subset(const std::vector<int>& keep) const;
  // The field's index in field_names, or -1.
  int FieldIndex(std::string_view name) const;
  // Bid `bid`'s value of field `name` as the reader read it as a number
  // (field_numbers), or nullopt when it was empty or not read as one.
  std::optional<double> FieldNumber(std::string_view name,
                                    Eigen::Index bid) const;
};

}  // namespace circa

#endif  // CIRCA_BIDS_H_
