// Units a cost profile may use for quantities and prices, and conversion
// between units of one dimension (docs/lcc.md, "Units").
#ifndef CIRCA_ENGINE_IO_UNITS_H_
#define CIRCA_ENGINE_IO_UNITS_H_

#include <string>
#include <string_view>
#include <vector>

namespace circa::money {

struct Unit {
  std::string_view name;       // as written: "kWh"
  std::string_view dimension;  // "energy"
  double factor = 1;           // in the dimension's base unit
};

// The unit named exactly `name` (case matters: kWh, not kwh), or nullptr.
const Unit* FindUnit(std::string_view name);

// Every unit name, in documentation order.
std::vector<std::string> UnitNames();

// "kWh, MWh, Wh, GJ, l, m3, ..." for messages.
std::string UnitList();

}  // namespace circa::money

#endif  // CIRCA_ENGINE_IO_UNITS_H_
