#include "util/json_string.h"

#include <nlohmann/json.hpp>

namespace circa::util {

void AppendJsonString(std::string* out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  const std::size_t start = out->size();
  out->push_back('"');
  std::size_t run = 0;  // text[run, i) needs no escape
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b >= 0x20 && b < 0x80 && b != '"' && b != '\\') continue;
    if (b >= 0x80) {
      // Non-ASCII: nlohmann checks the UTF-8 as it always has.
      out->resize(start);
      out->append(nlohmann::json(std::string(text)).dump());
      return;
    }
    out->append(text.substr(run, i - run));
    run = i + 1;
    out->push_back('\\');
    switch (b) {
      case '"':
      case '\\':
        out->push_back(static_cast<char>(b));
        break;
      case '\b':
        out->push_back('b');
        break;
      case '\t':
        out->push_back('t');
        break;
      case '\n':
        out->push_back('n');
        break;
      case '\f':
        out->push_back('f');
        break;
      case '\r':
        out->push_back('r');
        break;
      default:
        out->append("u00");
        out->push_back(kHex[b >> 4]);
        out->push_back(kHex[b & 0xF]);
    }
  }
  out->append(text.substr(run));
  out->push_back('"');
}

}  // namespace circa::util
