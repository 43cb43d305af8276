// Whether text reaching a terminal, spreadsheet or browser still holds a raw
// control character, counted here independently of engine/util: a C0
// control other than newline and tab, DEL, a C1 control (C2 80..C2 9F) or a
// bidirectional control (U+061C, U+200E/F, U+202A..E, U+2066..9). Shared by
// the renderer tests (tests/report) and the CLI tests (tests/cli).
#ifndef CIRCA_TESTS_RAW_CONTROL_H_
#define CIRCA_TESTS_RAW_CONTROL_H_

#include <cstddef>
#include <string_view>

namespace circa_test {

inline bool HasRawControl(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if ((b < 0x20 && b != '\n' && b != '\t') || b == 0x7F) return true;
    const auto at = [&](std::size_t k) {
      return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0;
    };
    if (b == 0xC2 && at(1) >= 0x80 && at(1) <= 0x9F) return true;
    if (b == 0xD8 && at(1) == 0x9C) return true;
    if (b == 0xE2 && at(1) == 0x80 &&
        (at(2) == 0x8E || at(2) == 0x8F || (at(2) >= 0xAA && at(2) <= 0xAE))) {
      return true;
    }
    if (b == 0xE2 && at(1) == 0x81 && at(2) >= 0xA6 && at(2) <= 0xA9) {
      return true;
    }
  }
  return false;
}

}  // namespace circa_test

#endif  // CIRCA_TESTS_RAW_CONTROL_H_
