#include "exchange/xml_util.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "io/file.h"

namespace circa::exchange {

std::string_view LocalName(pugi::xml_node node) {
  const std::string_view name = node.name();
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string_view NamespaceOf(pugi::xml_node node) {
  const std::string_view name = node.name();
  const std::size_t colon = name.find(':');
  std::string attribute = "xmlns";
  if (colon != std::string_view::npos) {
    attribute += ':';
    attribute += name.substr(0, colon);
  }
  for (pugi::xml_node n = node; n && n.type() == pugi::node_element;
       n = n.parent()) {
    const pugi::xml_attribute a = n.attribute(attribute.c_str());
    if (a) return a.value();
  }
  return {};
}

bool Is(pugi::xml_node node, std::string_view ns, std::string_view local) {
  return node.type() == pugi::node_element && LocalName(node) == local &&
         NamespaceOf(node) == ns;
}

pugi::xml_node Child(pugi::xml_node node, std::string_view ns,
                     std::string_view local) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (Is(c, ns, local)) return c;
  }
  return {};
}

std::vector<pugi::xml_node> Children(pugi::xml_node node, std::string_view ns,
                                     std::string_view local) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (Is(c, ns, local)) out.push_back(c);
  }
  return out;
}

pugi::xml_node Path(
    pugi::xml_node node,
    std::initializer_list<std::pair<std::string_view, std::string_view>>
        steps) {
  for (const auto& [ns, local] : steps) {
    if (!node) return {};
    node = Child(node, ns, local);
  }
  return node;
}

std::string Squeeze(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (const char ch : text) {
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += ch;
  }
  return out;
}

std::string Text(pugi::xml_node node) {
  std::string raw;
  if (!node) return raw;
  // Iterative pre-order walk below `node` (no recursion on deep input).
  pugi::xml_node n = node.first_child();
  while (n) {
    if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
      if (!raw.empty()) raw += ' ';
      raw += n.value();
    }
    if (n.first_child()) {
      n = n.first_child();
      continue;
    }
    while (n && n != node && !n.next_sibling()) n = n.parent();
    if (!n || n == node) break;
    n = n.next_sibling();
  }
  return Squeeze(ValidUtf8(raw));
}

std::string ValidUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const auto b = static_cast<unsigned char>(text[i]);
    const std::size_t len = io::Utf8SequenceLength(text, i);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    if (len == 1 && b < 0x20 && b != '\n' && b != '\t' && b != '\r') {
      out += ' ';  // control characters have no place in names
    } else {
      out.append(text.substr(i, len));
    }
    i += len;
  }
  return out;
}

namespace {
bool IsLeadByte(char ch) {
  return (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
}
}  // namespace

LineIndex::LineIndex(std::string_view text, std::string file)
    : text_(text), file_(std::move(file)) {
  starts_.push_back(0);
  block_chars_.push_back(0);
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts_.push_back(i + 1);
    if (IsLeadByte(text[i])) ++chars;
    if ((i + 1) % kBlock == 0) block_chars_.push_back(chars);
  }
}

std::size_t LineIndex::CharsBefore(std::size_t pos) const {
  const std::size_t block = pos / kBlock;
  std::size_t chars = block_chars_[block];
  for (std::size_t i = block * kBlock; i < pos; ++i) {
    if (IsLeadByte(text_[i])) ++chars;
  }
  return chars;
}

SourceLocation LineIndex::At(std::ptrdiff_t offset) const {
  SourceLocation where;
  where.file = file_;
  if (offset < 0) return where;
  const auto pos = std::min(static_cast<std::size_t>(offset), text_.size());
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), pos);
  const std::size_t line = static_cast<std::size_t>(it - starts_.begin());
  const std::size_t start = starts_[line - 1];
  where.line = static_cast<int>(line);
  where.column = static_cast<int>(CharsBefore(pos) - CharsBefore(start)) + 1;
  return where;
}

SourceLocation LineIndex::Of(pugi::xml_node node) const {
  // offset_debug() points at the name, after '<'.
  const std::ptrdiff_t offset = node.offset_debug();
  return At(offset > 0 ? offset - 1 : offset);
}

std::optional<double> ParseNumber(std::string_view text) {
  const std::string s = Squeeze(text);
  if (s.empty() || s.size() > 64) return std::nullopt;
  for (const char ch : s) {
    if (!((ch >= '0' && ch <= '9') || ch == '.' || ch == '-' || ch == '+' ||
          ch == 'e' || ch == 'E')) {
      return std::nullopt;
    }
  }
  char* end = nullptr;
  const double value = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

std::string PlainNumber(double value) {
  if (!std::isfinite(value)) return "0";
  if (std::fabs(value) < 1e15 && value == std::round(value)) {
    return fmt::format("{}", static_cast<long long>(value));
  }
  std::string s = fmt::format("{:.6f}", value);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

}  // namespace circa::exchange
