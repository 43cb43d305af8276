// Shared pieces of the notice importers (import.cc, eforms_import.cc,
// ted_import.cc). Not installed.
#ifndef CIRCA_ENGINE_EXCHANGE_IMPORT_INTERNAL_H_
#define CIRCA_ENGINE_EXCHANGE_IMPORT_INTERNAL_H_

#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "circa/exchange.h"
#include "exchange/xml_util.h"

namespace circa::exchange {

// Adds a report entry to `lot`.
void Report(ImportedLot* lot, std::string code, int criterion, bool mapped,
            std::string message, SourceLocation where);

// A published result amount (BT-710/711/720): the element's number, or
// nullopt when the element is absent or its text is not a number >= 0
// (then reported on `lot` as "result-value"; the results importers).
std::optional<double> ResultAmount(pugi::xml_node node, const char* term,
                                   const LineIndex& lines, ImportedLot* lot);

// Weight analysis and ids, once a lot's criteria are collected with
// `published` (the weight text as written) and `weight_code` set:
// eForms codes ("per-exa", ...), "text" for a TED AC_WEIGHTING, "order"
// for criteria published in order of importance only, "" when none.
void FinishLot(ImportedLot* lot);

// The currency of a country outside the euro area, by ISO 3166 alpha-2
// (TED: "NO", and TED's "UK") or alpha-3 (eForms: "NOR") code; empty for a
// euro country or one not in the table.
std::string CurrencyOfCountry(std::string_view code);

// A notice that states no amount: the currency of the buyer's country
// (`country`, a code as above, located at `where`) with a `currency` report
// entry, else EUR unchanged.
void CurrencyFromCountry(ImportedLot* lot, std::string_view country,
                         const SourceLocation& where);

// Parsers: fill `notice` from a parsed document whose root was recognised.
void ImportEforms(pugi::xml_node root, const LineIndex& lines,
                  ImportedNotice* notice, Diagnostics* diag);
void ImportEformsFragment(pugi::xml_node root, const LineIndex& lines,
                          ImportedNotice* notice);
void ImportTed(pugi::xml_node root, const LineIndex& lines,
               ImportedNotice* notice, Diagnostics* diag);

// The procedure's facts and the lots' published results (eforms_results.cc,
// ted_results.cc), once the lots are read.
void ImportEformsFacts(pugi::xml_node root, const LineIndex& lines,
                       ImportedNotice* notice);
void ImportTedFacts(pugi::xml_node root, pugi::xml_node form,
                    const LineIndex& lines, ImportedNotice* notice);

// An id in circa's syntax made of `text` (letters, digits, '-', '_'),
// at most `max` characters; "" when nothing usable is left.
std::string Slug(std::string_view text, std::size_t max);

}  // namespace circa::exchange

#endif  // CIRCA_ENGINE_EXCHANGE_IMPORT_INTERNAL_H_
