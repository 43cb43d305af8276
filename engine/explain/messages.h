// The message catalogues (docs/translating.md): every sentence, heading and
// label a person reads is a key in engine/explain/messages/<lang>.txt, an
// ICU resource bundle holding ICU MessageFormat patterns ("{n, plural, one
// {# bid} other {# bids}}"). The bundles are compiled by genrb and icupkg at
// build time and embedded in the binary (cmake/Messages.cmake).
//
// Thread-safe and without global locale state: the language is a value
// passed with each call. Each pattern is parsed once, by icu::MessagePattern
// (the parser icu::MessageFormat uses), into a tree of text, arguments and
// choices that is formatted without further parsing; plural and
// selectordinal choose with CLDR's icu::PluralRules of the language, as
// icu::MessageFormat does (tests/explain/messages_test.cc checks both give
// the same text for every key). icu::MessageFormat itself is 5-10 times
// slower per call and lazily builds state inside const calls.
#ifndef CIRCA_ENGINE_EXPLAIN_MESSAGES_H_
#define CIRCA_ENGINE_EXPLAIN_MESSAGES_H_

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "circa/language.h"

namespace circa::explain {

// One argument of a message: its name in the pattern and a text, or a
// count (for plural, selectordinal and "#"). Numbers a person reads are
// passed as text, formatted by Messages::Number, so that every language
// rounds with circa's one rule.
struct Arg {
  Arg(std::string_view n, std::string_view t) : name(n), text(t) {}
  Arg(std::string_view n, const std::string& t) : name(n), text(t) {}
  Arg(std::string_view n, const char* t) : name(n), text(t) {}
  template <typename I, typename = std::enable_if_t<std::is_integral_v<I>>>
  Arg(std::string_view n, I value)
      : name(n), count(static_cast<std::int64_t>(value)), is_count(true) {}

  std::string_view name;
  std::string_view text;
  std::int64_t count = 0;
  bool is_count = false;
};

class Messages {
 public:
  // The catalogue of `language`, loaded once per process (immutable after).
  static const Messages& Of(Language language);

  Language language() const { return language_; }

  // The message `key` with `args`. A key or argument missing from the
  // catalogue is a bug (asserted); the key itself is returned in release.
  std::string operator()(std::string_view key,
                         std::initializer_list<Arg> args = {}) const;
  void Append(std::string* out, std::string_view key,
              std::initializer_list<Arg> args = {}) const;

  // A number in this language's convention: en "1,234.56", nl "1.234,56",
  // fr "1 234,56" (U+202F between thousands). `decimals` as FormatNumber.
  std::string Number(double value, int decimals) const;
  // A value with its unit as this language writes it (docs/glossary.md,
  // "Units"): "24 maanden", "24 mois" for a known time unit (years,
  // months, weeks, days, hours, in English, Dutch or French), "45%" /
  // "45 %" for percent, anything else as written ("12 kg CO2e"). `number`
  // is the value already formatted; `value` chooses singular or plural.
  std::string Quantity(const std::string& number, double value,
                       std::string_view unit) const;
  // Just the unit of Quantity, for a column heading ("maanden").
  std::string UnitName(std::string_view unit) const;

  // "1st", "1ste", "1er": the key "ordinal".
  std::string Ordinal(int n) const;

  // For tests: the message as icu::MessageFormat itself formats it (the
  // reference the fast formatter must match), every key, and the names of
  // a key's arguments (sorted).
  std::string FormatWithIcu(std::string_view key,
                            std::initializer_list<Arg> args = {}) const;
  std::vector<std::string> Keys() const;
  std::vector<std::string> ArgumentNames(std::string_view key) const;
  // The arguments of `key` that a plural or selectordinal chooses by.
  std::vector<std::string> CountArguments(std::string_view key) const;
  // The patterns of the catalogue that do not parse, or use an argument
  // type the formatter does not support ("key: why"); empty when sound.
  std::vector<std::string> Problems() const;

  struct Catalogue;
  explicit Messages(Language language);
  ~Messages();
  Messages(const Messages&) = delete;
  Messages& operator=(const Messages&) = delete;

 private:
  // Appends compiled items (messages.cc) with `args`; `pound` is the count
  // "#" stands for.
  void Format(std::string* out, const void* items,
              std::initializer_list<Arg> args, const Arg* pound) const;

  Language language_;
  std::unique_ptr<Catalogue> catalogue_;
};

// A number written in `language`'s convention from circa's English form
// ("1,234.56"): separators swapped (nl) or replaced (fr).
std::string LocalizeNumber(std::string english, Language language);

}  // namespace circa::explain

#endif  // CIRCA_ENGINE_EXPLAIN_MESSAGES_H_
