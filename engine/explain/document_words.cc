// The words of the HTML report and the workbook (explain/document_words.h),
// from the message catalogues: keys "document.*" in
// engine/explain/messages/<lang>.txt.
#include "explain/document_words.h"

#include <array>
#include <cstddef>

#include "explain/messages.h"

namespace circa::explain {
namespace {

DocumentWords Make(Language language) {
  const Messages& m = Messages::Of(language);
  const auto word = [&m](const char* key) {
    return m(std::string("document.") + key);
  };
  DocumentWords w;
  w.language = std::string(ToString(language));
  w.number = [&m](double value, int decimals) {
    return m.Number(value, decimals);
  };
  w.ranking = word("ranking");
  w.criteria = word("criteria");
  w.bidders = word("bidders");
  w.notes = word("notes");
  w.rank = word("rank");
  w.bid = word("bid");
  w.supplier = word("supplier");
  w.total = word("total");
  w.criterion = word("criterion");
  w.type = word("type");
  w.type_name = [&m](const std::string& type) {
    return m("criterion.type", {{"type", type}});
  };
  w.weight = word("weight");
  w.rule = word("rule");
  w.relative = word("relative");
  w.absolute = word("absolute");
  w.excluded = word("excluded");
  w.winner = word("winner");
  w.points = word("points");
  w.value = word("value");
  w.score = word("score");
  w.versus_winner = word("versus_winner");
  w.table_equivalent = word("table_equivalent");
  w.chart_limit = [&m](int shown, int ranked) {
    return m("document.chart_limit", {{"shown", std::to_string(shown)},
                                      {"ranked", std::to_string(ranked)}});
  };
  w.set_line = [&m](const std::string& id, const std::string& version,
                    const std::string& publisher) {
    if (publisher.empty()) {
      return m("document.set_line", {{"id", id}, {"version", version}});
    }
    return m("document.set_line_publisher",
             {{"id", id}, {"version", version}, {"publisher", publisher}});
  };
  w.scope_line = [&m](int bids, int criteria, const std::string& scale) {
    return m("document.scope_line",
             {{"bids", bids},
              {"bid_count", std::to_string(bids)},
              {"criteria", criteria},
              {"criterion_count", std::to_string(criteria)},
              {"scale", scale}});
  };
  w.excluded_by = [&m](const std::string& rule) {
    return m("document.excluded_by", {{"rule", rule}});
  };
  w.chart_points_title = word("chart_points_title");
  w.chart_points_desc = [&m](int criteria, const std::string& winner,
                             const std::string& total) {
    const std::string count = std::to_string(criteria);
    if (winner.empty()) {
      return m("document.chart_points_desc",
               {{"criteria", criteria}, {"criterion_count", count}});
    }
    return m("document.chart_points_desc_winner", {{"criteria", criteria},
                                                   {"criterion_count", count},
                                                   {"winner", winner},
                                                   {"total", total}});
  };
  w.chart_gap_title = word("chart_gap_title");
  w.chart_gap_desc = [&m](const std::string& winner) {
    return m("document.chart_gap_desc", {{"winner", winner}});
  };
  w.gap_axis = word("gap_axis");
  w.chart_weights_title = word("chart_weights_title");
  w.chart_weights_desc = [&m](int criteria, const std::string& scale) {
    return m("document.chart_weights_desc",
             {{"criteria", criteria},
              {"criterion_count", std::to_string(criteria)},
              {"scale", scale}});
  };
  w.weights_axis = word("weights_axis");
  w.analysis = word("analysis");
  w.sensitivity_title = word("sensitivity_title");
  w.sensitivity_desc = [&m](const std::string& winner) {
    return m("document.sensitivity_desc", {{"winner", winner}});
  };
  w.decrease = word("decrease");
  w.increase = word("increase");
  w.no_change = word("no_change");
  w.new_winner = word("new_winner");
  w.smaa_title = word("smaa_title");
  w.smaa_desc = [&m](int samples) {
    return m("document.smaa_desc", {{"samples", std::to_string(samples)}});
  };
  w.rank_n = [&m](int rank) {
    return m("document.rank_n", {{"rank", std::to_string(rank)}});
  };
  w.acceptability = word("acceptability");
  w.sheet_criteria = word("sheet_criteria");
  w.sheet_values = word("sheet_values");
  w.sheet_scores = word("sheet_scores");
  w.sheet_ranking = word("sheet_ranking");
  w.sheet_explanations = word("sheet_explanations");
  w.id = word("id");
  w.unit = word("unit");
  w.direction = word("direction");
  w.parameters = word("parameters");
  w.scored_quality = word("scored_quality");
  w.scored_price = word("scored_price");
  w.explanation = word("explanation");
  w.lowest = word("lowest");
  w.highest = word("highest");
  w.comment_exclusion = word("comment_exclusion");
  w.comment_panel = word("comment_panel");
  w.comment_lcc = word("comment_lcc");
  w.comment_rank = word("comment_rank");
  w.comment_thresholds =
      m("document.comment_thresholds", {{"scores", w.sheet_scores}});
  w.quality_points = word("quality_points");
  w.thresholds_met = word("thresholds_met");
  w.column_of = [&m](const std::string& what, const std::string& name) {
    return m("document.column_of", {{"what", what}, {"name", name}});
  };
  return w;
}

}  // namespace

const DocumentWords& DocumentWordsFor(Language language) {
  // Built once per language on first use (thread-safe static init); the
  // catalogues (Messages::Of) live for the whole process, so the captured
  // references stay valid.
  static const std::array<DocumentWords, 3> kWords = {Make(Language::kEnglish),
                                                      Make(Language::kDutch),
                                                      Make(Language::kFrench)};
  return kWords[static_cast<std::size_t>(language)];
}

const DocumentWords& EnglishDocumentWords() {
  return DocumentWordsFor(Language::kEnglish);
}

}  // namespace circa::explain
