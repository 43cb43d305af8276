#include "util/display_text.h"

namespace circa::util {
namespace {

// The character at text[i] when it is shown escaped: its code point and its
// length in bytes; length 0 when it is shown as it is.
struct Control {
  unsigned code = 0;
  std::size_t size = 0;
};

Control ControlAt(std::string_view text, std::size_t i) {
  const auto b = static_cast<unsigned char>(text[i]);
  if (b < 0x20 || b == 0x7F) return {b, 1};
  if (b != 0xC2 && b != 0xD8 && b != 0xE2) return {};
  if (i + 1 >= text.size()) return {};
  const auto b1 = static_cast<unsigned char>(text[i + 1]);
  if (b == 0xC2) {  // U+0080..U+009F are C2 80..C2 9F
    return b1 >= 0x80 && b1 <= 0x9F ? Control{b1, 2} : Control{};
  }
  if (b == 0xD8) {  // U+061C ARABIC LETTER MARK is D8 9C
    return b1 == 0x9C ? Control{0x061C, 2} : Control{};
  }
  if (i + 2 >= text.size()) return {};
  const auto b2 = static_cast<unsigned char>(text[i + 2]);
  if (b1 == 0x80 && (b2 == 0x8E || b2 == 0x8F || (b2 >= 0xAA && b2 <= 0xAE))) {
    return {0x2000u + (b2 - 0x80u), 3};  // U+200E, U+200F, U+202A..U+202E
  }
  if (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9) {
    return {0x2040u + (b2 - 0x80u), 3};  // U+2066..U+2069
  }
  return {};
}

// What happens to the character at text[i]: 0 copied as it is, 1 a space
// (Newlines::kSpace), 2 an escape.
int Treatment(std::string_view text, std::size_t i, Newlines newlines,
              Control* control) {
  *control = ControlAt(text, i);
  if (control->size == 0) return 0;
  const char c = text[i];
  if (newlines == Newlines::kSpace && (c == '\n' || c == '\r' || c == '\t')) {
    return 1;
  }
  if (c == '\t') return 0;
  if (c == '\n' && newlines == Newlines::kKeep) return 0;
  return 2;
}

}  // namespace

bool NeedsSanitizing(std::string_view text, Newlines newlines) {
  // Printable ASCII (nearly all text) needs nothing: skip it without
  // looking at each character's neighbours (a report of a million bids
  // checks every cell it prints).
  std::size_t i = 0;
  while (i < text.size() && static_cast<unsigned char>(text[i]) >= 0x20 &&
         static_cast<unsigned char>(text[i]) < 0x7F) {
    ++i;
  }
  Control control;
  for (; i < text.size(); ++i) {
    if (Treatment(text, i, newlines, &control) != 0) return true;
  }
  return false;
}

std::string SanitizeForDisplay(std::string_view text, Newlines newlines) {
  if (!NeedsSanitizing(text, newlines)) return std::string(text);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size() + 16);
  Control control;
  for (std::size_t i = 0; i < text.size();) {
    switch (Treatment(text, i, newlines, &control)) {
      case 0:
        out += text[i];
        ++i;
        continue;
      case 1:
        // "\r\n" is one line break, so one space.
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        out += ' ';
        ++i;
        continue;
      default:
        out += "\\u";
        for (int shift = 12; shift >= 0; shift -= 4) {
          out += kHex[(control.code >> shift) & 0xF];
        }
        i += control.size;
    }
  }
  return out;
}

}  // namespace circa::util
