// Internal: the words of the market view (docs/archive.md, "Market view"):
// its title, caveats and sections, written from the view's numbers in one
// language through the message catalogues (keys "market.*").
#ifndef CIRCA_ENGINE_EXPLAIN_MARKET_WORDS_H_
#define CIRCA_ENGINE_EXPLAIN_MARKET_WORDS_H_

#include <string>
#include <vector>

#include "circa/language.h"
#include "circa/market.h"

namespace circa::explain {

struct MarketSection {
  std::string title;
  std::vector<std::string> lines;  // one sentence each
  // A table under the lines: headings, then rows of cells (may be empty).
  std::vector<std::string> headings;
  std::vector<std::vector<std::string>> rows;
};

struct MarketText {
  std::string title;
  std::string caveats_title;
  std::vector<std::string> caveats;
  std::vector<MarketSection> sections;
};

MarketText MarketWords(const MarketView& view, Language language);

}  // namespace circa::explain

#endif  // CIRCA_ENGINE_EXPLAIN_MARKET_WORDS_H_
