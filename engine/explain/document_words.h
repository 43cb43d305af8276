// Every word of the HTML report and the workbook (issue 14, items 3 and 4):
// headings, chart titles, axis labels, sheet names, column heads and text
// alternatives. One struct holds them, so a language is one instance of it,
// filled from the message catalogue (keys "document.*" in
// engine/explain/messages/<lang>.txt, docs/translating.md). Plain strings
// where the words are fixed; a function taking typed arguments where numbers
// or names go in. The explanations themselves come from the Explainer
// (circa/explain.h).
#ifndef CIRCA_ENGINE_EXPLAIN_DOCUMENT_WORDS_H_
#define CIRCA_ENGINE_EXPLAIN_DOCUMENT_WORDS_H_

#include <functional>
#include <string>

#include "circa/language.h"

namespace circa::explain {

struct DocumentWords {
  std::string language;  // BCP 47 code written into <html lang>
  // A number in the language's convention (Messages::Number): en 1,234.56,
  // nl 1.234,56, fr 1 234,56; `decimals` as FormatNumber.
  std::function<std::string(double value, int decimals)> number;

  // Headings and captions shared by the HTML report and the workbook.
  std::string ranking;
  std::string criteria;
  std::string bidders;
  std::string notes;
  std::string rank;
  std::string bid;
  std::string supplier;
  std::string total;
  std::string criterion;
  std::string type;
  // A criterion type ("price", "cost", "quality") in the language.
  std::function<std::string(const std::string& type)> type_name;
  std::string weight;
  std::string rule;
  std::string relative;
  std::string absolute;
  std::string excluded;
  std::string winner;
  std::string points;
  std::string value;
  std::string score;
  std::string versus_winner;
  std::string table_equivalent;  // caption of the table under each chart
  // "The charts show the best 40 of 120 ranked bids; the tables show all."
  std::function<std::string(int shown, int ranked)> chart_limit;

  // "Criteria set office-furniture-2026 version 1.0, published by X."
  std::function<std::string(const std::string& id, const std::string& version,
                            const std::string& publisher)>
      set_line;
  // "7 bids scored on 5 criteria out of 100 points."
  std::function<std::string(int bids, int criteria, const std::string& scale)>
      scope_line;
  // "excluded (price-cap)"
  std::function<std::string(const std::string& rule)> excluded_by;

  // Charts: titles and text alternatives.
  std::string chart_points_title;
  // "Stacked bars, one per bid, of the points on each of 5 criteria; B wins
  // with 82.50 points."
  std::function<std::string(int criteria, const std::string& winner,
                            const std::string& total)>
      chart_points_desc;
  std::string chart_gap_title;
  std::function<std::string(const std::string& winner)> chart_gap_desc;
  std::string gap_axis;  // "points against the winner"
  std::string chart_weights_title;
  std::function<std::string(int criteria, const std::string& scale)>
      chart_weights_desc;
  std::string weights_axis;  // "points"

  // Analysis charts.
  std::string analysis;
  std::string sensitivity_title;
  std::function<std::string(const std::string& winner)> sensitivity_desc;
  std::string decrease;    // "weight change down"
  std::string increase;    // "weight change up"
  std::string no_change;   // "no change in the range"
  std::string new_winner;  // "new winner"
  std::string smaa_title;
  std::function<std::string(int samples)> smaa_desc;
  std::function<std::string(int rank)> rank_n;  // "rank 1"
  std::string acceptability;                    // "rank acceptability"

  // Workbook: sheet names (at most 31 characters, none of []:*?/\).
  std::string sheet_criteria;
  std::string sheet_values;
  std::string sheet_scores;
  std::string sheet_ranking;
  std::string sheet_explanations;
  std::string id;
  std::string unit;
  std::string direction;
  std::string parameters;
  std::string scored_quality;  // "in quality stage (1/0)"
  std::string scored_price;    // "in price stage (1/0)"
  std::string explanation;
  std::string lowest;
  std::string highest;
  // Cell comments where a rule or a stage cannot be a formula.
  std::string comment_exclusion;   // the stage flags are circa's decision
  std::string comment_panel;       // a panel's aggregated value
  std::string comment_lcc;         // a life-cycle cost from the profile
  std::string comment_rank;        // RANK ignores the tie-break policy
  std::string comment_thresholds;  // the price stage flag as a formula
  std::string quality_points;      // "Quality points"
  std::string thresholds_met;      // "Minimum scores met (1/0)"
  // A column head of the Scores sheet: "Score: Price" ("Score : Prix").
  std::function<std::string(const std::string& what, const std::string& name)>
      column_of;
};

// The words of `language`, from its catalogue (built once per language).
const DocumentWords& DocumentWordsFor(Language language);
// DocumentWordsFor(Language::kEnglish).
const DocumentWords& EnglishDocumentWords();

}  // namespace circa::explain

#endif  // CIRCA_ENGINE_EXPLAIN_DOCUMENT_WORDS_H_
