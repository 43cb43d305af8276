#include "report/text_util.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "circa/labels.h"
#include "io/file.h"
#include "util/criteria_index.h"
#include "util/display_text.h"
#include "util/number_format.h"
#include "util/round.h"

namespace circa::report {

std::string Display(std::string_view text) {
  return util::SanitizeForDisplay(text, util::Newlines::kSpace);
}

int Width(std::string_view text) {
  if (!util::NeedsSanitizing(text, util::Newlines::kSpace)) {
    return io::Utf8Length(text);
  }
  return io::Utf8Length(Display(text));
}

namespace {
// `text` is display text already.
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
  std::string s = Cut(Display(text), width);
  return s + std::string(static_cast<std::size_t>(width - Width(s)), ' ');
}

std::string PadLeft(std::string_view text, int width) {
  std::string s = Cut(Display(text), width);
  return std::string(static_cast<std::size_t>(width - Width(s)), ' ') + s;
}

std::string Wrap(std::string_view raw, int width, const std::string& indent) {
  const std::string display = Display(raw);
  const std::string_view text = display;
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

std::vector<std::string> TopLevelNames(const Report& r) {
  std::vector<std::string> out;
  const util::CriteriaIndex index(*r.criteria);
  for (const TopLevel& t : r.scorer->top_levels()) {
    const Criterion* c = index.Find(t.id);
    out.push_back(c != nullptr ? LocalName(*c, r.language) : t.name);
  }
  return out;
}

std::vector<std::string> ColumnNames(const Report& r) {
  std::vector<std::string> out;
  const util::CriteriaIndex index(*r.criteria);
  for (const Column& col : r.scorer->columns()) {
    const Criterion* c = index.Find(col.id);
    out.push_back(c != nullptr ? LocalName(*c, r.language) : col.name);
  }
  return out;
}

std::string RankLabel(const Evaluation& e, std::size_t bid) {
  if (e.status[bid] != BidStatus::kRanked) return "-";
  return std::to_string(e.rank[bid]) + (e.tied[bid] ? "=" : "");
}

namespace {
thread_local bool full_precision = false;
}  // namespace

FullPrecisionScope::FullPrecisionScope(bool on) : previous_(full_precision) {
  full_precision = on;
}
FullPrecisionScope::~FullPrecisionScope() { full_precision = previous_; }
bool FullPrecisionScope::On() { return full_precision; }

double Round6(double value) {
  const double r = full_precision ? value : util::RoundDecimal(value, 6);
  return r == 0 ? 0.0 : r;  // no "-0.0"
}

std::string JsonText(std::string dumped) {
  // C0 controls are escaped by the JSON writer; what is left to escape is
  // DEL and multi-byte characters. Plain ASCII (nearly every result) is
  // found by a loop the compiler vectorises.
  const bool ascii = std::all_of(dumped.begin(), dumped.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x7F;
  });
  if (ascii || !util::NeedsSanitizing(dumped)) return dumped;
  return util::SanitizeForDisplay(dumped);
}

std::string CsvField(std::string_view raw, char separator) {
  std::string text = util::SanitizeForDisplay(raw);
  // OWASP "CSV Injection": a spreadsheet runs a field starting with one of
  // these as a formula; a leading quote makes it text.
  const bool formula =
      !text.empty() &&
      std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
  if (formula) text.insert(0, 1, '\'');
  if (!formula && text.find_first_of(",\"\n\r") == std::string::npos &&
      text.find(separator) == std::string::npos) {
    return text;
  }
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string CsvNumber(double value) { return util::FormatFixed(value, 6); }

std::string MdText(std::string_view raw) {
  // One line: newlines, carriage returns and tabs become spaces, and the
  // leading spaces go (four of them would start a code block).
  std::string text;
  text.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n') continue;
    text += c == '\n' || c == '\r' || c == '\t' ? ' ' : c;
  }
  text.erase(0, std::min(text.find_first_not_of(' '), text.size()));
  std::string out;
  out.reserve(text.size() + 8);
  // At the start of a line, - and + start a list item (or, repeated, a
  // thematic break); digits followed by "." or ")" and a space start a
  // numbered item, escaped at the punctuation.
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    out += '\\';
  }
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') {
    ++digits;
  }
  const bool marker = digits > 0 && digits < text.size() &&
                      (text[digits] == '.' || text[digits] == ')') &&
                      (digits + 1 == text.size() || text[digits + 1] == ' ');
  const std::size_t numbered = marker ? digits : std::string::npos;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '<':
        out += "&lt;";
        continue;
      case '>':
        out += "&gt;";
        continue;
      case '&':
        out += "&amp;";
        continue;
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '|':
      case '#':
      case '~':
      case '$':
        out += '\\';
        break;
      default:
        if (i == numbered) out += '\\';
        break;
    }
    out += c;
  }
  // Control characters last, so that their escapes ("\u001b") are not
  // escaped again: CommonMark shows a backslash before a letter as written.
  return util::SanitizeForDisplay(out);
}

std::string MdCode(std::string_view raw) {
  const std::string text = Display(raw);
  std::size_t longest = 0;
  std::size_t run = 0;
  for (const char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  const std::string fence(longest + 1, '`');
  // A span that starts or ends with a backtick needs a space inside the
  // fence; CommonMark strips one space from each side.
  const bool pad = !text.empty() && (text.front() == '`' || text.back() == '`');
  const std::string space = pad ? " " : "";
  return fence + space + text + space + fence;
}

}  // namespace circa::report
