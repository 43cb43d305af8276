// A bid set: the decision matrix (bids x leaf criteria) with the text each
// value was read from. See docs/bids-format.md.
#ifndef CIRCA_BIDS_H_
#define CIRCA_BIDS_H_

#include <Eigen/Core>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "circa/diagnostics.h"

namespace circa {

struct BidSet {
  std::vector<std::string> ids;        // one per bid, unique
  std::vector<std::string> suppliers;  // may be empty strings
  std::vector<std::string> criteria;   // leaf ids, columns of `values`
  // values(i, j): bid i's value on leaf j, as a number (yes = 1, no = 0,
  // scale criteria: the level's value).
  Eigen::MatrixXd values;
  // text[i * criteria.size() + j]: the cell as written in the file.
  std::vector<std::string> text;
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
  const std::string& Text(Eigen::Index bid, Eigen::Index criterion) const;
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
