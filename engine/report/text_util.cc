#include "report/text_util.h"

#include <fmt/format.h>

#include <cmath>

#include "io/file.h"

namespace circa::report {

int Width(std::string_view text) { return io::Utf8Length(text); }

namespace {
std::string Cut(std::string_view text, int width) {
  if (Width(text) <= width) return std::string(text);
  std::string out;
  int w = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool start = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (start && ++w > width - 1) break;
    out += text[i];
  }
  return out + "~";
}
}  // namespace

std::string PadRight(std::string_view text, int width) {
  std::string s = Cut(text, width);
  return s + std::string(static_cast<std::size_t>(width - Width(s)), ' ');
}

std::string PadLeft(std::string_view text, int width) {
  std::string s = Cut(text, width);
  return std::string(static_cast<std::size_t>(width - Width(s)), ' ') + s;
}

std::string Wrap(std::string_view text, int width, const std::string& indent) {
  std::string out;
  std::string line = indent;
  std::size_t pos = 0;
  bool first_word = true;
  while (pos < text.size()) {
    std::size_t end = text.find(' ', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(pos, end - pos);
    pos = end + 1;
    if (word.empty()) continue;
    if (!first_word && Width(line) + 1 + Width(word) > width) {
      out += line + "\n";
      line = indent;
      first_word = true;
    }
    if (!first_word) line += ' ';
    line += word;
    first_word = false;
  }
  if (!first_word) out += line + "\n";
  return out;
}

std::string RankLabel(const Evaluation& e, std::size_t bid) {
  if (e.status[bid] != BidStatus::kRanked) return "-";
  return std::to_string(e.rank[bid]) + (e.tied[bid] ? "=" : "");
}

double Round6(double value) {
  const double r = std::round(value * 1e6) / 1e6;
  return r == 0 ? 0.0 : r;  // no "-0.0"
}

std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string CsvNumber(double value) {
  std::string s = fmt::format("{:.6f}", value);
  if (s == "-0.000000") s = "0.000000";
  return s;
}

}  // namespace circa::report
