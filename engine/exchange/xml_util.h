// Small XML helpers for the exchange module: namespace-aware element
// matching on pugixml (which does not resolve prefixes), text extraction,
// byte offset -> 1-based line:column, and number formatting for XML, JSON
// and YAML output.
#ifndef CIRCA_ENGINE_EXCHANGE_XML_UTIL_H_
#define CIRCA_ENGINE_EXCHANGE_XML_UTIL_H_

#include <cstddef>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "circa/diagnostics.h"

namespace circa::exchange {

inline constexpr std::string_view kCac =
    "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
inline constexpr std::string_view kCbc =
    "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
inline constexpr std::string_view kExt =
    "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2";
inline constexpr std::string_view kEfext =
    "http://data.europa.eu/p27/eforms-ubl-extensions/1";
inline constexpr std::string_view kEfac =
    "http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1";
inline constexpr std::string_view kEfbc =
    "http://data.europa.eu/p27/eforms-ubl-extension-basic-components/1";
inline constexpr std::string_view kUblPrefix =
    "urn:oasis:names:specification:ubl:schema:xsd:";
inline constexpr std::string_view kTedPrefix =
    "http://publications.europa.eu/resource/schema/ted/";

// The part of the element name after the prefix.
std::string_view LocalName(pugi::xml_node node);
// The namespace URI bound to the element's prefix (or the default
// namespace), looking at the element and its ancestors; "" when unbound.
std::string_view NamespaceOf(pugi::xml_node node);
bool Is(pugi::xml_node node, std::string_view ns, std::string_view local);
// First / every element child with this namespace and local name.
pugi::xml_node Child(pugi::xml_node node, std::string_view ns,
                     std::string_view local);
std::vector<pugi::xml_node> Children(pugi::xml_node node, std::string_view ns,
                                     std::string_view local);
// Follows a path of (namespace, local) steps, first match at each step.
pugi::xml_node Path(
    pugi::xml_node node,
    std::initializer_list<std::pair<std::string_view, std::string_view>> steps);

// All text below the node (PCDATA and CDATA, in document order) with runs
// of white space collapsed to one space and the ends trimmed.
std::string Text(pugi::xml_node node);
// Collapses white space runs and trims.
std::string Squeeze(std::string_view text);
// Replaces bytes that are not UTF-8 with U+FFFD.
std::string ValidUtf8(std::string_view text);

// Byte offsets of one buffer -> SourceLocation (1-based line, column in
// characters). Built once per buffer; each lookup is a binary search for the
// line and a count of at most kBlock bytes for the column, so a notice of
// one 36 MB line costs no more than one of many short lines.
class LineIndex {
 public:
  LineIndex(std::string_view text, std::string file);
  SourceLocation At(std::ptrdiff_t offset) const;
  SourceLocation Of(pugi::xml_node node) const;

 private:
  static constexpr std::size_t kBlock = 4096;
  // Characters (UTF-8 lead bytes) in text_[0, pos).
  std::size_t CharsBefore(std::size_t pos) const;

  std::string_view text_;
  std::string file_;
  std::vector<std::size_t> starts_;
  std::vector<std::size_t> block_chars_;  // CharsBefore(b * kBlock)
};

// A number as written in C ("40", "12.5", "-3", "1e3"), the whole text;
// nullopt otherwise (also for inf/nan).
std::optional<double> ParseNumber(std::string_view text);
// Shortest plain form: integers without decimals, others up to 6 decimals,
// no thousands separators ("40", "10.08", "0.333333").
std::string PlainNumber(double value);

}  // namespace circa::exchange

#endif  // CIRCA_ENGINE_EXCHANGE_XML_UTIL_H_
