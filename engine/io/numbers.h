// Locale-aware number and yes/no parsing for bid files.
#ifndef CIRCA_ENGINE_IO_NUMBERS_H_
#define CIRCA_ENGINE_IO_NUMBERS_H_

#include <optional>
#include <string>
#include <string_view>

namespace circa::io {

enum class DecimalMark { kAuto, kPoint, kComma };

// Maps a locale name ("auto", "en", "nl-BE", "fr_BE", "de"...) to its decimal
// mark; nullopt for a locale circa does not know.
std::optional<DecimalMark> DecimalMarkOf(std::string_view locale);

// Parses a number the way a buyer writes it (see ParseLocaleNumber in
// circa/load.h). On failure returns false and sets *why to a full sentence.
bool ParseNumber(std::string_view text, DecimalMark mark,
                 std::string_view locale_name, double* value, std::string* why);

// Strict C-locale number for YAML criteria files ("15", "-2.5", "1e3").
bool ParsePlainNumber(std::string_view text, double* value);

// `text` without leading and trailing spaces, tabs and line ends (inline:
// called for every cell of a bid file).
inline std::string_view Trim(std::string_view text) {
  const auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

// A value as a buyer types it in a spreadsheet: a currency symbol or ISO
// code before or after the amount ("€ 12.345,67", "12 345,67 €",
// "EUR 12,345.67"), or a trailing percent sign ("45%", "45 %"). Returns the
// bare number's text; sets *currency to the ISO code written ("" when none)
// and *percent when a % was dropped. Text with neither comes back as is.
std::string_view StripUnit(std::string_view text, std::string* currency,
                           bool* percent);

// A day-first date as nl-BE and fr-BE spreadsheets write it: dd/mm/yyyy
// (also with - or .), optionally followed by hh:mm[:ss]. Returns the ISO
// 8601 text (2026-03-14 or 2026-03-14T10:30:00), or "" when `text` is not
// such a date.
std::string DayFirstDateToIso(std::string_view text);

// True when the locale writes dates day first and may read DayFirstDate
// (a decimal-comma locale: nl-BE, fr-BE, de-BE...).
bool DayFirstLocale(std::string_view locale);

// An ISO 8601 date or date-time as a buyer's system exports it:
// YYYY-MM-DD, optionally followed by T or a space and hh:mm[:ss[.fff]], and
// optionally Z or +hh:mm / -hh:mm. Returns seconds since 1970-01-01 UTC (a
// time without offset is read as UTC), or nullopt.
std::optional<double> ParseTimestamp(std::string_view text);

}  // namespace circa::io

#endif  // CIRCA_ENGINE_IO_NUMBERS_H_
