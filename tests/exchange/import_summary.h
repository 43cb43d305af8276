// Compact views of an imported lot for assertions, shared by the exchange
// tests on synthetic notices and on the real ones in ../shared/data.
#ifndef CIRCA_TESTS_EXCHANGE_IMPORT_SUMMARY_H_
#define CIRCA_TESTS_EXCHANGE_IMPORT_SUMMARY_H_

#include <string>
#include <vector>

#include "circa/exchange.h"
#include "circa/explain.h"

namespace circa_test::exchange {

// "quality 70", "price 15", "? TODO"; sub-criteria indented by two spaces.
inline std::vector<std::string> Summary(const circa::ImportedLot& lot) {
  std::vector<std::string> out;
  auto add = [&](const circa::ImportedCriterion& c, const std::string& indent) {
    out.push_back(
        indent +
        (c.type ? std::string(circa::ToString(*c.type)) : std::string("?")) +
        " " +
        (c.weight ? circa::FormatNumber(*c.weight, -1) : std::string("TODO")));
  };
  for (const circa::ImportedCriterion& c : lot.criteria) {
    add(c, "");
    for (const circa::ImportedCriterion& child : c.children) add(child, "  ");
  }
  return out;
}

// Report codes, "!" in front of those not mapped.
inline std::vector<std::string> Codes(const circa::ImportedLot& lot) {
  std::vector<std::string> out;
  for (const circa::ImportReportEntry& e : lot.report) {
    out.push_back((e.mapped ? "" : "!") + e.code);
  }
  return out;
}

}  // namespace circa_test::exchange

#endif  // CIRCA_TESTS_EXCHANGE_IMPORT_SUMMARY_H_
