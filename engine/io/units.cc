#include "io/units.h"

#include <array>

namespace circa::money {
namespace {

// Base units: kWh, l, kg, km, h; counted things are their own dimension
// (a page is not a piece).
constexpr std::array<Unit, 17> kUnits = {{
    {"kWh", "energy", 1},
    {"MWh", "energy", 1000},
    {"Wh", "energy", 0.001},
    {"GJ", "energy", 1000.0 / 3.6},
    {"l", "volume", 1},
    {"m3", "volume", 1000},
    {"kg", "mass", 1},
    {"g", "mass", 0.001},
    {"t", "mass", 1000},
    {"km", "distance", 1},
    {"h", "time", 1},
    {"piece", "piece", 1},
    {"set", "set", 1},
    {"pack", "pack", 1},
    {"page", "page", 1},
    {"cartridge", "cartridge", 1},
    {"visit", "visit", 1},
}};

}  // namespace

const Unit* FindUnit(std::string_view name) {
  for (const Unit& u : kUnits) {
    if (u.name == name) return &u;
  }
  return nullptr;
}

std::vector<std::string> UnitNames() {
  std::vector<std::string> out;
  for (const Unit& u : kUnits) out.emplace_back(u.name);
  return out;
}

std::string UnitList() {
  std::string out;
  for (const Unit& u : kUnits) {
    if (!out.empty()) out += ", ";
    out += u.name;
  }
  return out;
}

}  // namespace circa::money
