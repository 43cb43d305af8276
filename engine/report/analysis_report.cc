// Table and JSON rendering of `circa analyze`. Pure functions of the
// analysis results (report/analysis_report.h); no scoring happens here.
#include "report/analysis_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string_view>

#include "circa/direction.h"
#include "circa/explain.h"
#include "circa/labels.h"
#include "circa/version.h"
#include "explain/messages.h"
#include "explain/method_words.h"
#include "report/text_util.h"
#include "util/number_format.h"

namespace circa::report {
namespace {

using nlohmann::ordered_json;

std::string BidName(const AnalysisReport& r, int bid) {
  if (bid < 0) return "(none)";
  const auto i = static_cast<std::size_t>(bid);
  if (i < r.bids->ids.size()) return r.bids->ids[i];
  return "bid " + std::to_string(bid + 1);
}

ordered_json BidJson(const AnalysisReport& r, int bid) {
  if (bid < 0) return nullptr;
  return BidName(r, bid);
}

const Column& ColumnAt(const AnalysisReport& r, int column) {
  return r.scorer->columns()[static_cast<std::size_t>(column)];
}

// "+6.2" / "-0.3" points, one decimal, never "-0.0".
std::string Signed1(double v) {
  std::string s = fmt::format("{:+.1f}", v);
  if (s == "-0.0") s = "+0.0";
  return s;
}

std::string Fixed(double v, int decimals) {
  return util::FormatFixed(v, decimals);
}

// Points to two decimals, trailing zeros dropped ("12.5", "15").
std::string Pts2(double v) {
  std::string s = Fixed(v, 2);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s;
}

std::string Percent(double share) { return Fixed(100 * share, 1) + "%"; }

// "60–70": a published range in points, as written (%g).
std::string RangeText(const WeightRange& r) {
  return fmt::format("{:g}–{:g}", r.lo, r.hi);
}

const explain::Messages& Msg(const AnalysisReport& r) {
  return explain::Messages::Of(r.language);
}

bool English(const AnalysisReport& r) {
  return r.language == Language::kEnglish;
}

// A number written in circa's English form, in the report's language.
std::string L(const AnalysisReport& r, std::string english) {
  return explain::LocalizeNumber(std::move(english), r.language);
}

// A criterion's name in the report's language: its label for Dutch and
// French, the name as the scorer carries it for English.
std::string LocalCriterion(const AnalysisReport& r, const std::string& id,
                           const std::string& name) {
  if (!English(r)) {
    if (const Criterion* c = r.criteria->Find(id)) {
      return LocalName(*c, r.language);
    }
  }
  return name.empty() ? id : name;
}

std::string CriterionName(const AnalysisReport& r, const WeightSensitivity& s) {
  if (s.kind == WeightSensitivity::Kind::kLeaf) {
    const Column& c = ColumnAt(r, s.index);
    return LocalCriterion(r, c.id, c.name);
  }
  const TopLevel& t = r.scorer->top_levels()[static_cast<std::size_t>(s.index)];
  return LocalCriterion(r, t.id, t.name);
}

std::string ColumnName(const AnalysisReport& r, const Column& c) {
  return LocalCriterion(r, c.id, c.name);
}

std::string Percent(const AnalysisReport& r, double share) {
  if (English(r)) return Percent(share);
  return Msg(r)("analysis.percent", {{"value", L(r, Fixed(100 * share, 1))}});
}

// The published ranges SMAA sampled within, as UsePublishedRanges takes
// them from the scorer: "Price 60–70, Circularity 25–45".
std::string PublishedRangesText(const AnalysisReport& r) {
  const Scorer& scorer = *r.scorer;
  // In criteria order: each top-level group's range, then its leaves'.
  std::vector<std::string> parts;
  for (std::size_t t = 0; t < scorer.top_levels().size(); ++t) {
    const TopLevel& top = scorer.top_levels()[t];
    bool leaf = false;
    for (const Column& c : scorer.columns()) {
      if (c.top_level == static_cast<int>(t) && c.id == top.id) leaf = true;
    }
    if (top.weight_range && !leaf) {
      parts.push_back(LocalCriterion(r, top.id, top.name) + " " +
                      RangeText(*top.weight_range));
    }
    for (const Column& c : scorer.columns()) {
      if (c.top_level == static_cast<int>(t) && c.weight_range) {
        parts.push_back(ColumnName(r, c) + " " + RangeText(*c.weight_range));
      }
    }
  }
  std::string text;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    text += (i > 0 ? ", " : "") + parts[i];
  }
  return text;
}

// The SMAA sampling in one sentence (table and Markdown).
std::string SmaaSentence(const AnalysisReport& r) {
  const SmaaResult& s = *r.smaa;
  const explain::Messages& m = Msg(r);
  std::string text;
  if (s.within_ranges) {
    text = m("analysis.smaa.drawn_ranges",
             {{"samples", std::to_string(s.samples)},
              {"seed", std::to_string(s.seed)},
              {"ranges", L(r, PublishedRangesText(r))},
              {"scale", L(r, fmt::format("{:g}", r.scorer->scale()))},
              {"draws", std::to_string(s.draws)}});
  } else {
    text = m("analysis.smaa.drawn", {{"samples", std::to_string(s.samples)},
                                     {"seed", std::to_string(s.seed)}});
  }
  return text + " " + m("analysis.smaa.share");
}

void Section(std::string* out, std::string_view title) {
  *out += "\n";
  *out += title;
  *out += "\n";
  *out += std::string(static_cast<std::size_t>(Width(title)), '-');
  *out += "\n";
}

void Paragraph(std::string* out, std::string_view text, int width) {
  *out += Wrap(text, width, "");
}

void Item(std::string* out, std::string_view text, int width) {
  // "- " on the first line, two spaces on continuation lines.
  const std::string wrapped = Wrap(text, width - 2, "");
  bool first = true;
  std::size_t pos = 0;
  while (pos < wrapped.size()) {
    const std::size_t end = wrapped.find('\n', pos);
    *out += first ? "- " : "  ";
    *out += wrapped.substr(pos, end - pos);
    *out += "\n";
    first = false;
    pos = end + 1;
  }
}

// The bids the analyses left out, each with the stage that excluded it.
bool HasLeftOut(const AnalysisReport& r) {
  return r.left_out != nullptr && !r.left_out->empty() && r.all_bids != nullptr;
}

std::string LeftOutName(const AnalysisReport& r, const LeftOutBid& b) {
  return r.all_bids->ids[static_cast<std::size_t>(b.bid)];
}

// Why a bid of the full set was excluded, in the words of `circa score`.
std::string ExclusionReason(const AnalysisReport& r, const Exclusion& e) {
  const Evaluation& all =
      r.all_evaluation != nullptr ? *r.all_evaluation : *r.evaluation;
  const BidSet& bids = r.all_bids != nullptr ? *r.all_bids : *r.bids;
  FactContext words{r.criteria, r.scorer, &all, &bids.ids, false};
  words.language = r.language;
  return DescribeExclusion(e, words);
}

std::string LeftOutSentence(const AnalysisReport& r, const LeftOutBid& b) {
  if (!English(r)) {
    return Msg(r)("summary.excluded",
                  {{"bid", LeftOutName(r, b)},
                   {"reason", ExclusionReason(r, b.exclusion)}});
  }
  return "Bid " + LeftOutName(r, b) + " " + ExclusionReason(r, b.exclusion) +
         ".";
}

// ---------------------------------------------------------------------------
// Table sections

void LeftOutSection(const AnalysisReport& r, std::string* out) {
  Section(out, Msg(r)("analysis.left_out.title"));
  Paragraph(out, Msg(r)("analysis.left_out.text"), r.width);
  for (const LeftOutBid& b : *r.left_out) {
    Item(out, LeftOutSentence(r, b), r.width);
  }
}

std::string ThresholdText(const AnalysisReport& r, const WeightThreshold& t,
                          bool up) {
  if (!English(r)) {
    const explain::Messages& m = Msg(r);
    if (!t.changes) {
      return up ? m("analysis.up_none",
                    {{"max", L(r, fmt::format("{:g}", r.scorer->scale()))}})
                : m("analysis.down_none");
    }
    return m("analysis.new_winner_at", {{"bid", BidName(r, t.new_winner)},
                                        {"weight", L(r, Fixed(t.weight, 1))},
                                        {"delta", L(r, Signed1(t.delta))}});
  }
  if (!t.changes) {
    return up ? fmt::format("no change up to {:g}", r.scorer->scale())
              : "no change down to 0";
  }
  return fmt::format("winner becomes {} at {} ({} points)",
                     BidName(r, t.new_winner), Fixed(t.weight, 1),
                     Signed1(t.delta));
}

// The dominated-bid search and the cheaper-bid probe in words (table and
// Markdown); empty when not run.
std::string Amount(const AnalysisReport& r, const Column& c, double v) {
  const bool money =
      c.type == CriterionType::kPrice || c.type == CriterionType::kCost;
  std::string s = fmt::format("{:.2f}", v);
  if (s.size() > 3 && s.substr(s.size() - 3) == ".00") s.resize(s.size() - 3);
  // Thousands separators in the whole part: 166,771.50.
  const std::size_t start = s[0] == '-' ? 1 : 0;
  std::size_t dot = s.find('.');
  if (dot == std::string::npos) dot = s.size();
  for (std::size_t k = dot; k > start + 3; k -= 3) s.insert(k - 3, ",");
  s = L(r, s);
  if (money) return s + " " + r.criteria->currency;
  if (!English(r)) return Msg(r).Quantity(s, v, c.unit);
  return s + (c.unit.empty() || c.unit == "%" ? c.unit : " " + c.unit);
}

std::string Like(const AnalysisReport& r, const CheaperBidSearch& c) {
  return c.like_bid < 0
             ? Msg(r)("analysis.like.worst")
             : Msg(r)("analysis.like.bid", {{"bid", BidName(r, c.like_bid)}});
}

std::vector<std::string> SearchSentences(const AnalysisReport& r) {
  const explain::Messages& m = Msg(r);
  std::vector<std::string> out;
  const RankReversalResult& rr = *r.reversal;
  const DominatedSearch& d = rr.dominated;
  const auto method = [&m](bool analytic) {
    return m(analytic ? "analysis.method.closed" : "analysis.method.scan");
  };
  if (d.searched) {
    if (d.found) {
      std::string where;
      for (std::size_t j = 0; j < r.scorer->columns().size(); ++j) {
        const Column& c = r.scorer->columns()[j];
        if (c.rule.rule != Rule::kLinearRange) continue;
        if (!where.empty()) where += m("list.and");
        where += m(
            "analysis.dominated.where",
            {{"criterion", ColumnName(r, c)},
             {"direction", LowerIsBetter(c.rule) ? "above" : "below"},
             {"amount", Amount(r, c, d.values[static_cast<Eigen::Index>(j)])}});
      }
      out.push_back(
          m("analysis.dominated.found", {{"from", BidName(r, d.old_winner)},
                                         {"to", BidName(r, d.new_winner)},
                                         {"where", where},
                                         {"stretch", L(r, Fixed(d.stretch, 4))},
                                         {"method", method(d.analytic)}}));
    } else {
      out.push_back(m("analysis.dominated.none",
                      {{"stretch", L(r, fmt::format("{:g}", d.stretch))}}));
    }
  }
  const CheaperBidSearch& c = rr.cheaper;
  if (c.searched) {
    const Column& col = ColumnAt(r, c.column);
    if (c.found) {
      out.push_back(
          m("analysis.cheaper.found", {{"criterion", ColumnName(r, col)},
                                       {"below", Amount(r, col, c.below)},
                                       {"lowest", Amount(r, col, c.lowest)},
                                       {"points", L(r, Pts2(c.quality_points))},
                                       {"like", Like(r, c)},
                                       {"from", BidName(r, c.old_winner)},
                                       {"to", BidName(r, c.new_winner)},
                                       {"method", method(c.analytic)}}));
    } else {
      out.push_back(
          m(c.new_bid_wins ? "analysis.cheaper.wins" : "analysis.cheaper.none",
            {{"criterion", ColumnName(r, col)},
             {"lowest", Amount(r, col, c.lowest)},
             {"like", Like(r, c)}}));
    }
  }
  return out;
}

// --- The analyses' own sentences. English: as the analysis wrote them;
// Dutch and French: written again here from the same facts.

std::string ReversalExplanation(const AnalysisReport& r) {
  const RankReversalResult& rr = *r.reversal;
  if (English(r)) return rr.explanation;
  const explain::Messages& m = Msg(r);
  if (!rr.has_relative_rule) return m("analysis.reversal.absolute");
  if (rr.probes.empty()) return m("analysis.reversal.none");
  return m("analysis.reversal.ran",
           {{"probes", rr.probes.size()},
            {"probe_count", std::to_string(rr.probes.size())},
            {"changes", rr.winner_changes},
            {"change_count", std::to_string(rr.winner_changes)},
            {"orders", rr.order_changes},
            {"order_count", std::to_string(rr.order_changes)}});
}

std::string SensitivityExplanation(const AnalysisReport& r) {
  const SensitivityResult& s = *r.sensitivity;
  if (English(r)) return s.explanation;
  const explain::Messages& m = Msg(r);
  const Eigen::Index n = r.evaluation->totals.size();
  if (n == 0) return m("analysis.sensitivity.none");
  if (n == 1) return m("analysis.sensitivity.one");
  int changing = 0, ranges = 0, robust = 0;
  for (const auto* list : {&s.leaves, &s.groups}) {
    for (const WeightSensitivity& w : *list) {
      changing += (w.increase.changes || w.decrease.changes) ? 1 : 0;
      // A top-level leaf's range is the leaf's own: counted once.
      const bool same_as_leaf =
          list == &s.groups &&
          std::any_of(s.leaves.begin(), s.leaves.end(),
                      [&](const WeightSensitivity& l) { return l.id == w.id; });
      if (w.robust_within_published_range && !same_as_leaf) {
        ++ranges;
        robust += *w.robust_within_published_range ? 1 : 0;
      }
    }
  }
  std::string text =
      m("analysis.sensitivity.count",
        {{"changing", std::to_string(changing)},
         {"total", std::to_string(s.leaves.size() + s.groups.size())},
         {"scale", L(r, fmt::format("{:g}", r.scorer->scale()))}});
  if (ranges > 0) {
    text +=
        m("analysis.sensitivity.ranges", {{"robust", std::to_string(robust)},
                                          {"ranges", std::to_string(ranges)}});
  }
  const int winner = r.evaluation->Winner();
  if (winner >= 0 && r.evaluation->tied[static_cast<std::size_t>(winner)]) {
    text += m("analysis.sensitivity.tied");
  }
  return text + ".";
}

// The note of a weight that was not analysed (robustness.h).
std::string WeightNote(const AnalysisReport& r, const WeightSensitivity& w) {
  if (English(r) || w.note.empty()) return w.note;
  return Msg(r)(w.weight <= 0 ? "analysis.note.zero_group"
                              : "analysis.note.all_points");
}

// Why a published range does not hold, for the note under the table.
std::string RangeExplanation(const AnalysisReport& r,
                             const WeightSensitivity& w) {
  if (English(r) || !w.published_range) return w.range_explanation;
  const explain::Messages& m = Msg(r);
  const std::string range = L(r, RangeText(*w.published_range));
  if (!w.note.empty()) {
    return m("analysis.range.skipped",
             {{"range", range}, {"note", WeightNote(r, w)}});
  }
  const bool robust = w.robust_within_published_range.value_or(false);
  const std::string text =
      m(robust ? "analysis.range.robust_within" : "analysis.range.changes",
        {{"range", range}});
  const bool outside =
      w.weight < w.published_range->lo - 1e-9 * r.scorer->scale() ||
      w.weight > w.published_range->hi + 1e-9 * r.scorer->scale();
  if (!outside) return text;
  return m("analysis.range.outside",
           {{"text", text}, {"weight", L(r, Pts2(w.weight))}});
}

std::string CounterfactualExplanation(const AnalysisReport& r) {
  const CounterfactualResult& c = *r.counterfactual;
  if (English(r)) return c.explanation;
  const explain::Messages& m = Msg(r);
  const Eigen::Index n = r.evaluation->totals.size();
  if (n == 0) return m("analysis.counterfactual.none");
  if (n == 1) return m("analysis.counterfactual.one");
  int with = 0;
  for (const Counterfactual& b : c.bids) with += b.changes.empty() ? 0 : 1;
  std::string text = m("analysis.counterfactual.count",
                       {{"with", std::to_string(with)},
                        {"looked", std::to_string(c.bids.size())}});
  if (static_cast<int>(c.bids.size()) < c.non_winning) {
    text += m("analysis.counterfactual.limited",
              {{"looked", std::to_string(c.bids.size())},
               {"all", std::to_string(c.non_winning)}});
  }
  return text;
}

// A value of a counterfactual as the analysis writes it: money to two
// decimals without ".00", other values to four decimals without trailing
// zeros.
std::string ChangeNumber(const AnalysisReport& r, double v, bool money) {
  std::string s = FormatNumber(std::abs(v), money ? 2 : 4);
  const std::size_t dot = s.find('.');
  if (dot != std::string::npos) {
    if (money) {
      if (s.substr(dot) == ".00") s.resize(dot);
    } else {
      while (s.back() == '0') s.pop_back();
      if (s.back() == '.') s.pop_back();
    }
  }
  return L(r, (v < 0 ? "-" : "") + s);
}

std::string LevelText(const ScoringRule& rule, double v,
                      const AnalysisReport& r) {
  for (const ScaleLevel& level : rule.levels) {
    if (level.value == v && !level.descriptor.empty()) {
      return LocalLevel(level, r.language);
    }
  }
  return ChangeNumber(r, v, false);
}

std::string CounterfactualSentence(const AnalysisReport& r,
                                   const Counterfactual& b) {
  if (English(r)) return b.sentence;
  const explain::Messages& m = Msg(r);
  const std::string bid = BidName(r, b.bid);
  if (b.changes.empty()) {
    return m("analysis.counterfactual.cannot", {{"bid", bid}});
  }
  std::string changes;
  for (const SingleChange& c : b.changes) {
    if (!changes.empty()) changes += m("analysis.counterfactual.or");
    const Column& col = ColumnAt(r, c.column);
    const std::string name = ColumnName(r, col);
    const bool money =
        col.type == CriterionType::kPrice || col.type == CriterionType::kCost;
    const auto quantity = [&](double v) {
      const std::string number = ChangeNumber(r, v, money && c.continuous);
      return money && c.continuous ? number + " " + r.criteria->currency
                                   : m.Quantity(number, v, col.unit);
    };
    const char* direction = c.lower_is_better ? "lower" : "higher";
    if (col.rule.rule == Rule::kYesNo) {
      changes += m("analysis.change.yes", {{"criterion", name}});
    } else if (col.rule.rule == Rule::kScale) {
      changes += m("analysis.change.level",
                   {{"criterion", name},
                    {"level", LevelText(col.rule, c.value, r)},
                    {"now", LevelText(col.rule, c.current, r)}});
    } else {
      changes += m(col.rule.rule == Rule::kSteps ? "analysis.change.step"
                                                 : "analysis.change.value",
                   {{"criterion", name},
                    {"direction", direction},
                    {"value", quantity(c.value)},
                    {"now", quantity(c.current)}});
    }
  }
  return m("analysis.counterfactual.won", {{"bid", bid}, {"changes", changes}});
}

std::string ProbeName(const AnalysisReport& r, const ReversalProbe& p) {
  return p.kind == ReversalProbe::Kind::kRemoved
             ? Msg(r)("analysis.probe.without",
                      {{"bid", BidName(r, p.removed_bid)}})
             : Msg(r)("analysis.probe.added",
                      {{"total", L(r, Fixed(p.added_total, 2))}});
}

void ReversalSection(const AnalysisReport& r, std::string* out) {
  const RankReversalResult& rr = *r.reversal;
  Section(out, Msg(r)("analysis.reversal.title"));
  Paragraph(out, ReversalExplanation(r), r.width);
  if (!English(r)) {
    // The probes as in Markdown, one item each.
    const explain::Messages& m = Msg(r);
    for (const ReversalProbe& p : rr.probes) {
      std::string what =
          p.winner_changed
              ? m("analysis.probe.changes", {{"from", BidName(r, p.old_winner)},
                                             {"to", BidName(r, p.new_winner)}})
              : m("analysis.probe.stays", {{"bid", BidName(r, p.old_winner)}});
      what.erase(std::remove(what.begin(), what.end(), '*'), what.end());
      what +=
          m("analysis.sep") + m(p.order_changed ? "analysis.probe.order_changes"
                                                : "analysis.probe.order_same");
      for (const ReversalShift& s : p.shifts) {
        what +=
            m("analysis.sep") + m("analysis.probe.moved",
                                  {{"bid", BidName(r, s.bid)},
                                   {"from", L(r, Fixed(s.old_total, 2))},
                                   {"to", L(r, Fixed(s.new_total, 2))},
                                   {"p_from", std::to_string(s.old_position)},
                                   {"p_to", std::to_string(s.new_position)}});
      }
      Item(out,
           m("analysis.t.probe", {{"probe", ProbeName(r, p)}, {"text", what}}),
           r.width);
    }
    for (const std::string& line : SearchSentences(r)) Item(out, line, r.width);
    return;
  }
  for (const ReversalProbe& p : rr.probes) {
    std::string what =
        p.kind == ReversalProbe::Kind::kRemoved
            ? "Without " + BidName(r, p.removed_bid)
            : fmt::format("With a dominated bid added (total {})",
                          Fixed(p.added_total, 2));
    what += ": ";
    if (p.winner_changed) {
      what += fmt::format("the winner changes from {} to {}",
                          BidName(r, p.old_winner), BidName(r, p.new_winner));
    } else {
      what += "the winner stays " + BidName(r, p.old_winner);
    }
    what += p.order_changed ? "; the order of the other bids changes"
                            : "; the order is unchanged";
    for (const ReversalShift& s : p.shifts) {
      what += fmt::format("; {} {} -> {} (place {} -> {})", BidName(r, s.bid),
                          Fixed(s.old_total, 2), Fixed(s.new_total, 2),
                          s.old_position, s.new_position);
    }
    what += ".";
    Item(out, what, r.width);
  }
  for (const std::string& line : SearchSentences(r)) Item(out, line, r.width);
}

void SensitivitySection(const AnalysisReport& r, std::string* out) {
  const SensitivityResult& s = *r.sensitivity;
  const explain::Messages& m = Msg(r);
  Section(out, m("analysis.sensitivity.title"));
  Paragraph(out, SensitivityExplanation(r), r.width);
  const auto line = [&](const WeightSensitivity& w) {
    std::string text =
        m("analysis.t.line", {{"criterion", CriterionName(r, w)},
                              {"points", L(r, Fixed(w.weight, 1))},
                              {"up", ThresholdText(r, w.increase, true)},
                              {"down", ThresholdText(r, w.decrease, false)}});
    std::string range = RangeExplanation(r, w);
    if (!range.empty()) {
      range[0] = static_cast<char>(std::toupper(range[0]));
      text += " " + range + ".";
    }
    const std::string note = WeightNote(r, w);
    if (!note.empty()) text += " " + note;
    Item(out, text, r.width);
  };
  if (!s.leaves.empty()) {
    *out += m("analysis.t.list", {{"title", m("analysis.criteria")}}) + "\n";
  }
  for (const WeightSensitivity& w : s.leaves) line(w);
  if (!s.groups.empty()) {
    *out += m("analysis.t.list", {{"title", m("analysis.top_level")}}) + "\n";
  }
  for (const WeightSensitivity& w : s.groups) line(w);
}

void CounterfactualSection(const AnalysisReport& r, std::string* out) {
  const CounterfactualResult& c = *r.counterfactual;
  Section(out, Msg(r)("analysis.counterfactual.title"));
  Paragraph(out, CounterfactualExplanation(r), r.width);
  for (const Counterfactual& b : c.bids) {
    Item(out, CounterfactualSentence(r, b), r.width);
  }
}

// --- Excluded bids: one sentence per bid, shared by table and Markdown.

std::string AllBidName(const AnalysisReport& r, int bid) {
  const BidSet* bids = r.all_bids != nullptr ? r.all_bids : r.bids;
  const auto i = static_cast<std::size_t>(bid);
  if (bid >= 0 && i < bids->ids.size()) return bids->ids[i];
  return "bid " + std::to_string(bid + 1);
}

const Evaluation& AllEvaluation(const AnalysisReport& r) {
  return r.all_evaluation != nullptr ? *r.all_evaluation : *r.evaluation;
}

std::string ValueText(const Column& c, double v) {
  if (c.rule.rule == Rule::kYesNo) return v >= 1 ? "'yes'" : "'no'";
  if (c.rule.rule == Rule::kScale) {
    for (const ScaleLevel& level : c.rule.levels) {
      if (level.value == v && !level.descriptor.empty()) {
        return "'" + level.descriptor + "'";
      }
    }
  }
  const std::string unit =
      c.unit.empty() || c.unit == "%" ? c.unit : " " + c.unit;
  return fmt::format("{:g}", v) + unit;
}

// The eligibility sentences in Dutch and French, from the same facts.
std::string LocalValue(const AnalysisReport& r, const Column& c, double v) {
  const explain::Messages& m = Msg(r);
  if (c.rule.rule == Rule::kYesNo) {
    return "'" + m(v >= 1 ? "value.yes" : "value.no") + "'";
  }
  if (c.rule.rule == Rule::kScale) {
    for (const ScaleLevel& level : c.rule.levels) {
      if (level.value == v && !level.descriptor.empty()) {
        return "'" + LocalLevel(level, r.language) + "'";
      }
    }
  }
  return m.Quantity(L(r, fmt::format("{:g}", v)), v, c.unit);
}

std::string LocalEligibilitySentence(const AnalysisReport& r,
                                     const EligibilityCounterfactual& e) {
  const explain::Messages& m = Msg(r);
  const std::string bid = AllBidName(r, e.bid);
  const Evaluation& all = AllEvaluation(r);
  const auto k = static_cast<std::size_t>(e.bid);
  if (e.stage == ExclusionStage::kRequirement) {
    const std::string reason = k < all.exclusion.size()
                                   ? ExclusionReason(r, all.exclusion[k])
                                   : e.requirement;
    return m("analysis.eligibility.requirement",
             {{"bid", bid}, {"reason", reason}});
  }
  std::string text;
  if (e.stage == ExclusionStage::kThreshold) {
    std::string items;
    for (const ThresholdShortfall& s : e.thresholds) {
      const ScoreThreshold& th =
          r.scorer->thresholds()[static_cast<std::size_t>(s.threshold)];
      if (!items.empty()) items += m("analysis.sep");
      items += m("analysis.eligibility.lacks",
                 {{"lacking", L(r, Pts2(s.lacking))},
                  {"criterion", LocalCriterion(r, th.id, th.name)},
                  {"points", L(r, Pts2(s.points))},
                  {"max", L(r, Pts2(s.max_points))},
                  {"min", L(r, Pts2(s.min_points))}});
      if (s.needed && s.column >= 0) {
        const Column& c = ColumnAt(r, s.column);
        items += m("analysis.eligibility.reached",
                   {{"needed", LocalValue(r, c, *s.needed)},
                    {"current", LocalValue(r, c, s.current)}});
      }
    }
    text =
        m("analysis.eligibility.threshold", {{"bid", bid}, {"items", items}});
    if (e.cut_points && e.cut_lacking > 0) {
      text += m("analysis.eligibility.cut",
                {{"cut", L(r, Pts2(*e.cut_points))},
                 {"lacking", L(r, Pts2(e.cut_lacking))},
                 {"points", L(r, Pts2(e.quality_points))}});
    }
  } else {
    text = m(
        "analysis.eligibility.max_pass",
        {{"bid", bid},
         {"place", std::to_string(e.place)},
         {"passed", std::to_string(e.passed)},
         {"points", L(r, Pts2(e.quality_points))},
         {"lacking", L(r, Pts2(e.cut_lacking))},
         {"cut", e.cut_points ? L(r, Pts2(*e.cut_points)) : std::string("?")}});
  }
  return text + m("analysis.eligibility.no_price");
}

std::string EligibilitySentence(const AnalysisReport& r,
                                const EligibilityCounterfactual& e) {
  if (!English(r)) return LocalEligibilitySentence(r, e);
  const std::string name = "Bid " + AllBidName(r, e.bid);
  const Evaluation& all = AllEvaluation(r);
  const auto k = static_cast<std::size_t>(e.bid);
  const std::string reason = k < all.exclusion.size()
                                 ? ExclusionReason(r, all.exclusion[k])
                                 : std::string();
  constexpr const char* kNoPrice =
      " No price or cost can make it eligible: it was excluded before they "
      "were scored.";
  if (e.stage == ExclusionStage::kRequirement) {
    return name + " " +
           (reason.empty() ? "does not meet requirement " + e.requirement
                           : reason) +
           ". Only meeting the requirement makes it eligible: it was "
           "excluded before anything was scored, so no price, cost or "
           "quality can rescue it.";
  }
  std::string text;
  if (e.stage == ExclusionStage::kThreshold) {
    text = name + " was below a minimum score";
    for (std::size_t t = 0; t < e.thresholds.size(); ++t) {
      const ThresholdShortfall& s = e.thresholds[t];
      const ScoreThreshold& th =
          r.scorer->thresholds()[static_cast<std::size_t>(s.threshold)];
      text += t == 0 ? ": it" : "; it";
      text +=
          fmt::format(" lacks {} quality points on {} ({} of {}, minimum {})",
                      Pts2(s.lacking), th.name.empty() ? th.id : th.name,
                      Pts2(s.points), Pts2(s.max_points), Pts2(s.min_points));
      if (s.needed && s.column >= 0) {
        const Column& c = ColumnAt(r, s.column);
        text += fmt::format(", reached with {} instead of {}",
                            ValueText(c, *s.needed), ValueText(c, s.current));
      }
    }
    text += ".";
    if (e.cut_points && e.cut_lacking > 0) {
      text += fmt::format(
          " To go on past max-pass it would also need {} quality points in "
          "all, {} more than its {}.",
          Pts2(*e.cut_points), Pts2(e.cut_lacking), Pts2(e.quality_points));
    }
  } else {
    text = fmt::format(
        "{} placed {} of {} on quality with {} points, below the max-pass "
        "cut: it lacks {} quality points to reach the {} of the last bid that "
        "went on (a tie at the cut goes on).",
        name, e.place, e.passed, Pts2(e.quality_points), Pts2(e.cut_lacking),
        e.cut_points ? Pts2(*e.cut_points) : std::string("?"));
  }
  return text + kNoPrice;
}

std::string EligibilityExplanation(const AnalysisReport& r) {
  const EligibilityResult& el = *r.eligibility;
  if (!English(r)) {
    const explain::Messages& m = Msg(r);
    if (el.excluded == 0) return m("analysis.eligibility.none");
    std::string text =
        m("analysis.eligibility.count",
          {{"n", el.excluded}, {"count", std::to_string(el.excluded)}});
    if (static_cast<int>(el.bids.size()) < el.excluded) {
      text += m("analysis.eligibility.shown",
                {{"shown", std::to_string(el.bids.size())}});
    }
    return text;
  }
  if (el.excluded == 0) return "No bid was excluded.";
  std::string text = fmt::format(
      "{} excluded {} left out of the other analyses; what would have kept "
      "{} in:",
      el.excluded, el.excluded == 1 ? "bid is" : "bids are",
      el.excluded == 1 ? "it" : "each");
  if (static_cast<int>(el.bids.size()) < el.excluded) {
    text = fmt::format("{} (the first {} shown)",
                       text.substr(0, text.size() - 1), el.bids.size()) +
           ":";
  }
  return text;
}

void EligibilitySection(const AnalysisReport& r, std::string* out) {
  Section(out, Msg(r)("analysis.eligibility.title"));
  Paragraph(out, EligibilityExplanation(r), r.width);
  for (const EligibilityCounterfactual& e : r.eligibility->bids) {
    Item(out, EligibilitySentence(r, e), r.width);
  }
}

void SmaaSection(const AnalysisReport& r, std::string* out) {
  const SmaaResult& s = *r.smaa;
  const explain::Messages& m = Msg(r);
  Section(out, m(s.within_ranges ? "analysis.smaa.title_ranges"
                                 : "analysis.smaa.title"));
  Paragraph(out, SmaaSentence(r), r.width);
  const Eigen::Index ranks = std::min<Eigen::Index>(s.acceptability.cols(), 3);
  const std::string bid_head = m("analysis.smaa.bid");
  const std::string confidence = m("analysis.smaa.t_confidence");
  int name_width = std::max(4, Width(bid_head));
  for (const std::string& id : r.bids->ids) {
    name_width = std::max(name_width, std::min(Width(id), 24));
  }
  const int conf_width = std::max(10, Width(confidence));
  std::string head = PadRight(bid_head, name_width);
  for (Eigen::Index k = 0; k < ranks; ++k) {
    head +=
        "  " +
        PadLeft(m("analysis.smaa.t_rank", {{"k", std::to_string(k + 1)}}), 7);
  }
  head += "  " + PadLeft(confidence, conf_width);
  *out += head + "\n";
  for (const int bid : r.evaluation->order) {
    std::string row = PadRight(BidName(r, bid), name_width);
    for (Eigen::Index k = 0; k < ranks; ++k) {
      row += "  " + PadLeft(Percent(r, s.acceptability(bid, k)), 7);
    }
    row += "  " + PadLeft(Percent(r, s.confidence[bid]), conf_width);
    *out += row + "\n";
  }
}

std::vector<std::string> BidNames(const AnalysisReport& r) {
  std::vector<std::string> names;
  for (Eigen::Index i = 0; i < r.evaluation->totals.size(); ++i) {
    names.push_back(BidName(r, static_cast<int>(i)));
  }
  return names;
}

// Lines under a comparison's heading: what the value means, the objective
// weights' warning, VIKOR's compromise solution.
std::vector<std::string> ComparisonNotes(const AnalysisReport& r) {
  const AggregationResult& a = *r.comparison;
  const explain::Messages& m = Msg(r);
  std::vector<std::string> notes = {
      m("compare.note", {{"method", explain::DescribeMethod(a.options, m)},
                         {"meaning", explain::DescribeValue(a.method, m)}})};
  if (const std::string w = explain::DescribeObjectiveWeights(a.options, m);
      !w.empty()) {
    std::string shares;
    for (std::size_t j = 0; j < r.scorer->columns().size(); ++j) {
      const Column& c = r.scorer->columns()[j];
      if (j > 0) shares += m("list.comma");
      shares +=
          m("compare.share",
            {{"criterion", ColumnName(r, c)},
             {"share", Percent(r, a.weights[static_cast<Eigen::Index>(j)])}});
    }
    notes.push_back(
        m("compare.objective.shares", {{"text", w}, {"shares", shares}}));
  }
  if (a.vikor) {
    notes.push_back(explain::DescribeCompromise(*a.vikor, BidNames(r), m));
  }
  return notes;
}

// Extra columns of a comparison: VIKOR's S and R, PROMETHEE's flows and
// each bid's PROMETHEE I relation to the first by net flow.
std::vector<std::string> ExtraHeadings(const AnalysisReport& r) {
  const AggregationResult& a = *r.comparison;
  if (a.vikor) return {"S", "R"};
  if (a.promethee) return {"phi+", "phi-", Msg(r)("compare.promethee_first")};
  return {};
}

std::vector<std::string> ExtraCells(const AnalysisReport& r, int bid) {
  const AggregationResult& a = *r.comparison;
  if (a.vikor) {
    return {L(r, Fixed(a.vikor->s[bid], 4)), L(r, Fixed(a.vikor->r[bid], 4))};
  }
  if (a.promethee) {
    const int first = a.order.front();
    return {L(r, Fixed(a.promethee->positive[bid], 4)),
            L(r, Fixed(a.promethee->negative[bid], 4)),
            bid == first ? std::string("-")
                         : explain::DescribeRelation(
                               PrometheeOne(*a.promethee, bid, first), Msg(r))};
  }
  return {};
}

void ComparisonSection(const AnalysisReport& r, std::string* out) {
  const AggregationResult& a = *r.comparison;
  const explain::Messages& m = Msg(r);
  Section(out, explain::DescribeComparisonTitle(a.method, m));
  for (const std::string& note : ComparisonNotes(r)) *out += note + "\n";
  // The columns after the bid: value, the method's own, the award rank;
  // each as wide as its heading and cells (at least 10).
  std::vector<std::string> headings = {m("compare.table.value")};
  for (const std::string& h : ExtraHeadings(r)) headings.push_back(h);
  headings.push_back(m("compare.table.award_rank"));
  std::vector<std::vector<std::string>> rows;
  for (const int bid : a.order) {
    std::vector<std::string> cells = {L(r, Fixed(a.value[bid], 4))};
    for (const std::string& c : ExtraCells(r, bid)) cells.push_back(c);
    cells.push_back(RankLabel(*r.evaluation, static_cast<std::size_t>(bid)));
    rows.push_back(std::move(cells));
  }
  std::vector<int> widths;
  for (const std::string& h : headings)
    widths.push_back(std::max(10, Width(h)));
  for (const auto& cells : rows) {
    for (std::size_t k = 0; k < cells.size(); ++k) {
      widths[k] = std::max(widths[k], Width(cells[k]));
    }
  }
  const std::string rank_heading = m("compare.table.rank");
  const int rank_width = std::max(4, Width(rank_heading));
  const std::string bid_heading = m("compare.table.bid");
  int name_width = std::max(4, Width(bid_heading));
  for (const std::string& id : r.bids->ids) {
    name_width = std::max(name_width, std::min(Width(id), 24));
  }
  std::string heading = PadLeft(rank_heading, rank_width) + "  " +
                        PadRight(bid_heading, name_width);
  for (std::size_t k = 0; k < headings.size(); ++k) {
    heading += "  " + PadLeft(headings[k], widths[k]);
  }
  *out += heading + "\n";
  for (std::size_t n = 0; n < a.order.size(); ++n) {
    const int bid = a.order[n];
    const auto i = static_cast<std::size_t>(bid);
    const std::string rank = std::to_string(a.rank[i]) + (a.tied[i] ? "=" : "");
    std::string row = PadLeft(rank, rank_width) + "  " +
                      PadRight(BidName(r, bid), name_width);
    for (std::size_t k = 0; k < rows[n].size(); ++k) {
      row += "  " + PadLeft(rows[n][k], widths[k]);
    }
    *out += row + "\n";
  }
}

// ---------------------------------------------------------------------------
// JSON sections

ordered_json ThresholdJson(const AnalysisReport& r, const WeightThreshold& t) {
  ordered_json j;
  j["changes"] = t.changes;
  j["weight"] = t.changes ? ordered_json(report::Round6(t.weight)) : nullptr;
  j["delta"] = t.changes ? ordered_json(report::Round6(t.delta)) : nullptr;
  j["new_winner"] = t.changes ? BidJson(r, t.new_winner) : nullptr;
  return j;
}

ordered_json ReversalJson(const AnalysisReport& r) {
  const RankReversalResult& rr = *r.reversal;
  ordered_json j;
  j["has_relative_rule"] = rr.has_relative_rule;
  j["winner_changes"] = rr.winner_changes;
  j["order_changes"] = rr.order_changes;
  j["explanation"] = rr.explanation;
  ordered_json probes = ordered_json::array();
  for (const ReversalProbe& p : rr.probes) {
    ordered_json o;
    const bool removed = p.kind == ReversalProbe::Kind::kRemoved;
    o["kind"] = removed ? "removed" : "added-dominated";
    o["removed_bid"] = removed ? BidJson(r, p.removed_bid) : nullptr;
    o["added_total"] =
        removed ? nullptr : ordered_json(report::Round6(p.added_total));
    o["old_winner"] = BidJson(r, p.old_winner);
    o["new_winner"] = BidJson(r, p.new_winner);
    o["winner_changed"] = p.winner_changed;
    o["order_changed"] = p.order_changed;
    ordered_json shifts = ordered_json::array();
    for (const ReversalShift& s : p.shifts) {
      shifts.push_back({{"bid", BidName(r, s.bid)},
                        {"old_total", report::Round6(s.old_total)},
                        {"new_total", report::Round6(s.new_total)},
                        {"old_position", s.old_position},
                        {"new_position", s.new_position}});
    }
    o["shifts"] = shifts;
    probes.push_back(o);
  }
  j["probes"] = probes;
  const DominatedSearch& d = rr.dominated;
  if (d.searched) {
    ordered_json values = nullptr;
    if (d.found) {
      values = ordered_json::object();
      for (Eigen::Index k = 0; k < d.values.size(); ++k) {
        values[ColumnAt(r, static_cast<int>(k)).id] =
            report::Round6(d.values[k]);
      }
    }
    j["dominated_search"] = {
        {"found", d.found},
        {"analytic", d.analytic},
        {"stretch", report::Round6(d.stretch)},
        {"values", values},
        {"new_winner", d.found ? BidJson(r, d.new_winner) : nullptr}};
  }
  const CheaperBidSearch& c = rr.cheaper;
  if (c.searched) {
    j["cheaper_bid"] = {
        {"criterion", ColumnAt(r, c.column).id},
        {"lowest", report::Round6(c.lowest)},
        {"found", c.found},
        {"analytic", c.analytic},
        {"below", c.found ? ordered_json(report::Round6(c.below)) : nullptr},
        {"quality_points", report::Round6(c.quality_points)},
        {"like_bid", c.like_bid >= 0 ? BidJson(r, c.like_bid) : nullptr},
        {"new_bid_wins", c.new_bid_wins},
        {"new_winner", c.found ? BidJson(r, c.new_winner) : nullptr}};
  }
  return j;
}

ordered_json SensitivityJson(const AnalysisReport& r) {
  const SensitivityResult& s = *r.sensitivity;
  ordered_json j;
  j["winner"] = BidJson(r, s.winner);
  j["explanation"] = s.explanation;
  const auto smallest = FindSmallestWeightChange(s);
  if (smallest) {
    j["smallest_change"] = {{"criterion", ColumnAt(r, smallest->column).id},
                            {"delta", report::Round6(smallest->delta)},
                            {"new_winner", BidJson(r, smallest->new_winner)}};
  } else {
    j["smallest_change"] = nullptr;
  }
  const auto list = [&](const std::vector<WeightSensitivity>& items) {
    ordered_json a = ordered_json::array();
    for (const WeightSensitivity& w : items) {
      ordered_json o;
      o["id"] = w.id;
      o["weight"] = report::Round6(w.weight);
      o["increase"] = ThresholdJson(r, w.increase);
      o["decrease"] = ThresholdJson(r, w.decrease);
      o["published_range"] =
          w.published_range
              ? ordered_json{{"lo", report::Round6(w.published_range->lo)},
                             {"hi", report::Round6(w.published_range->hi)}}
              : ordered_json(nullptr);
      o["robust_within_published_range"] =
          w.robust_within_published_range
              ? ordered_json(*w.robust_within_published_range)
              : ordered_json(nullptr);
      o["range_explanation"] = w.range_explanation;
      o["note"] = w.note;
      a.push_back(o);
    }
    return a;
  };
  j["criteria"] = list(s.leaves);
  j["top_level"] = list(s.groups);
  return j;
}

ordered_json CounterfactualJson(const AnalysisReport& r) {
  const CounterfactualResult& c = *r.counterfactual;
  ordered_json j;
  j["winner"] = BidJson(r, c.winner);
  j["explanation"] = c.explanation;
  ordered_json bids = ordered_json::array();
  for (const Counterfactual& b : c.bids) {
    ordered_json changes = ordered_json::array();
    for (const SingleChange& ch : b.changes) {
      changes.push_back({{"criterion", ColumnAt(r, ch.column).id},
                         {"current", report::Round6(ch.current)},
                         {"value", report::Round6(ch.value)},
                         {"continuous", ch.continuous},
                         {"lower_is_better", ch.lower_is_better},
                         {"text", ch.text}});
    }
    bids.push_back({{"bid", BidName(r, b.bid)},
                    {"sentence", b.sentence},
                    {"changes", changes}});
  }
  j["bids"] = bids;
  return j;
}

ordered_json EligibilityJson(const AnalysisReport& r) {
  const EligibilityResult& el = *r.eligibility;
  ordered_json j;
  j["excluded"] = el.excluded;
  ordered_json bids = ordered_json::array();
  for (const EligibilityCounterfactual& e : el.bids) {
    ordered_json o;
    o["bid"] = AllBidName(r, e.bid);
    o["stage"] = ToString(e.stage);
    o["requirement"] = e.requirement.empty() ? ordered_json(nullptr)
                                             : ordered_json(e.requirement);
    ordered_json ts = ordered_json::array();
    for (const ThresholdShortfall& s : e.thresholds) {
      const ScoreThreshold& th =
          r.scorer->thresholds()[static_cast<std::size_t>(s.threshold)];
      ts.push_back(
          {{"criterion", th.id},
           {"points", report::Round6(s.points)},
           {"min_points", report::Round6(s.min_points)},
           {"max_points", report::Round6(s.max_points)},
           {"lacking", report::Round6(s.lacking)},
           {"current", s.column >= 0 ? ordered_json(report::Round6(s.current))
                                     : ordered_json(nullptr)},
           {"needed", s.needed ? ordered_json(report::Round6(*s.needed))
                               : ordered_json(nullptr)}});
    }
    o["thresholds"] = ts;
    const bool scored = e.stage != ExclusionStage::kRequirement;
    o["quality_points"] = scored
                              ? ordered_json(report::Round6(e.quality_points))
                              : ordered_json(nullptr);
    o["cut_points"] = e.cut_points ? ordered_json(report::Round6(*e.cut_points))
                                   : ordered_json(nullptr);
    o["cut_lacking"] = e.cut_points
                           ? ordered_json(report::Round6(e.cut_lacking))
                           : ordered_json(nullptr);
    o["place"] = e.stage == ExclusionStage::kMaxPass ? ordered_json(e.place)
                                                     : ordered_json(nullptr);
    o["price_can_rescue"] = e.price_can_rescue;
    o["sentence"] = EligibilitySentence(r, e);
    bids.push_back(o);
  }
  j["bids"] = bids;
  return j;
}

ordered_json SmaaJson(const AnalysisReport& r) {
  const SmaaResult& s = *r.smaa;
  ordered_json j;
  j["seed"] = s.seed;
  j["samples"] = s.samples;
  j["sampling"] = s.within_ranges ? "published-ranges" : "uniform";
  j["draws"] = s.draws;
  ordered_json ranges = ordered_json::array();
  if (s.within_ranges) {
    // In criteria order, as in the table's sentence.
    const auto add = [&](const std::string& id, const WeightRange& w) {
      ranges.push_back({{"criterion", id},
                        {"lo", report::Round6(w.lo)},
                        {"hi", report::Round6(w.hi)}});
    };
    for (std::size_t t = 0; t < r.scorer->top_levels().size(); ++t) {
      const TopLevel& top = r.scorer->top_levels()[t];
      bool leaf = false;
      for (const Column& c : r.scorer->columns()) {
        if (c.top_level == static_cast<int>(t) && c.id == top.id) leaf = true;
      }
      if (top.weight_range && !leaf) add(top.id, *top.weight_range);
      for (const Column& c : r.scorer->columns()) {
        if (c.top_level == static_cast<int>(t) && c.weight_range) {
          add(c.id, *c.weight_range);
        }
      }
    }
  }
  j["ranges"] = ranges;
  ordered_json bids = ordered_json::array();
  for (Eigen::Index i = 0; i < s.acceptability.rows(); ++i) {
    const auto bi = static_cast<std::size_t>(i);
    ordered_json acc = ordered_json::array();
    for (Eigen::Index k = 0; k < s.acceptability.cols(); ++k) {
      acc.push_back(report::Round6(s.acceptability(i, k)));
    }
    ordered_json central = nullptr;
    if (bi < s.has_central_weight.size() && s.has_central_weight[bi]) {
      central = ordered_json::object();
      for (Eigen::Index c = 0; c < s.central_weights.cols(); ++c) {
        central[ColumnAt(r, static_cast<int>(c)).id] =
            report::Round6(s.central_weights(i, c));
      }
    }
    bids.push_back({{"bid", BidName(r, static_cast<int>(i))},
                    {"acceptability", acc},
                    {"central_weights", central},
                    {"confidence", report::Round6(s.confidence[i])}});
  }
  j["bids"] = bids;
  return j;
}

ordered_json ComparisonJson(const AnalysisReport& r) {
  const AggregationResult& a = *r.comparison;
  const AggregationOptions& o = a.options;
  // The JSON's sentences are English, as the rest of the JSON output.
  const explain::Messages& en = explain::Messages::Of(Language::kEnglish);
  ordered_json j;
  j["method"] = std::string(ToString(a.method));
  j["note"] = en("compare.only");
  j["description"] = explain::DescribeMethod(o, en);
  j["value_meaning"] = explain::DescribeValue(a.method, en);
  ordered_json options;
  options["input"] = std::string(ToString(o.input));
  options["normalisation"] =
      o.normalisation ? ordered_json(std::string(ToString(*o.normalisation)))
                      : nullptr;
  if (a.method == Aggregation::kTopsis) {
    options["distance"] = std::string(ToString(o.distance));
  }
  if (a.method == Aggregation::kWeightedProduct ||
      a.method == Aggregation::kWaspas) {
    options["exponents"] = std::string(ToString(o.exponents));
  }
  if (a.method == Aggregation::kWaspas) options["lambda"] = Round6(o.lambda);
  if (a.method == Aggregation::kVikor) options["v"] = Round6(o.v);
  if (a.method == Aggregation::kPromethee) {
    ordered_json prefs = ordered_json::array();
    for (std::size_t c = 0; c < r.scorer->columns().size(); ++c) {
      const PreferenceCriterion& p =
          o.preference.empty() ? o.preference_all : o.preference[c];
      prefs.push_back({{"criterion", r.scorer->columns()[c].id},
                       {"function", std::string(ToString(p.function))},
                       {"q", Round6(p.q)},
                       {"p", Round6(p.p)},
                       {"s", Round6(p.s)}});
    }
    options["preference"] = prefs;
  }
  options["weights"] = std::string(ToString(o.weights));
  j["options"] = options;
  if (o.weights != ObjectiveWeights::kPublished) {
    j["weights_note"] = explain::DescribeObjectiveWeights(o, en);
    ordered_json weights = ordered_json::array();
    for (std::size_t c = 0; c < r.scorer->columns().size(); ++c) {
      weights.push_back(
          {{"criterion", r.scorer->columns()[c].id},
           {"weight", Round6(a.weights[static_cast<Eigen::Index>(c)])}});
    }
    j["weights"] = weights;
  }
  j["lower_is_better"] = a.lower_is_better;
  ordered_json ranking = ordered_json::array();
  for (const int bid : a.order) {
    const auto i = static_cast<std::size_t>(bid);
    ordered_json row = {{"bid", BidName(r, bid)},
                        {"rank", a.rank[i]},
                        {"tied", static_cast<bool>(a.tied[i])},
                        {"value", report::Round6(a.value[bid])}};
    if (a.vikor) {
      row["s"] = Round6(a.vikor->s[bid]);
      row["r"] = Round6(a.vikor->r[bid]);
    }
    if (a.promethee) {
      row["phi_plus"] = Round6(a.promethee->positive[bid]);
      row["phi_minus"] = Round6(a.promethee->negative[bid]);
      const int first = a.order.front();
      row["promethee_one_vs_first"] =
          bid == first ? ordered_json(nullptr)
                       : ordered_json(explain::DescribeRelation(
                             PrometheeOne(*a.promethee, bid, first), en));
    }
    row["award_rank"] = r.evaluation->rank[i];
    ranking.push_back(std::move(row));
  }
  j["ranking"] = ranking;
  if (a.vikor) {
    ordered_json compromise = ordered_json::array();
    for (const int b : a.vikor->compromise) compromise.push_back(BidName(r, b));
    j["vikor"] = {
        {"dq", Round6(a.vikor->dq)},
        {"acceptable_advantage", a.vikor->acceptable_advantage},
        {"acceptable_stability", a.vikor->acceptable_stability},
        {"compromise", compromise},
        {"sentence", explain::DescribeCompromise(*a.vikor, BidNames(r), en)}};
  }
  return j;
}

// ---------------------------------------------------------------------------
// Markdown sections

void MdSection(std::string* out, std::string_view title) {
  *out += "\n## ";
  *out += title;
  *out += "\n\n";
}

void LeftOutMarkdown(const AnalysisReport& r, std::string* out) {
  MdSection(out, Msg(r)("analysis.left_out.title"));
  *out += MdText(Msg(r)("analysis.left_out.text")) + "\n\n";
  for (const LeftOutBid& b : *r.left_out) {
    *out += "- " + MdText(LeftOutSentence(r, b)) + "\n";
  }
}

std::string MdThreshold(const AnalysisReport& r, const WeightThreshold& t,
                        bool up) {
  const explain::Messages& m = Msg(r);
  if (!t.changes) {
    return up ? m("analysis.up_none",
                  {{"max", L(r, fmt::format("{:g}", r.scorer->scale()))}})
              : m("analysis.down_none");
  }
  std::string delta = Fixed(t.delta, 2);
  if (delta.front() != '-') delta = "+" + delta;
  return m("analysis.new_winner_at", {{"bid", MdText(BidName(r, t.new_winner))},
                                      {"weight", L(r, Fixed(t.weight, 2))},
                                      {"delta", L(r, delta)}});
}

void ReversalMarkdown(const AnalysisReport& r, std::string* out) {
  const RankReversalResult& rr = *r.reversal;
  const explain::Messages& m = Msg(r);
  MdSection(out, m("analysis.reversal.title"));
  *out += MdText(ReversalExplanation(r)) + "\n";
  if (rr.probes.empty()) return;
  *out += "\n" + m("analysis.reversal.head") + "\n|---|---|---|---|\n";
  for (const ReversalProbe& p : rr.probes) {
    const std::string winner =
        p.winner_changed ? m("analysis.probe.changes",
                             {{"from", MdText(BidName(r, p.old_winner))},
                              {"to", MdText(BidName(r, p.new_winner))}})
                         : m("analysis.probe.stays",
                             {{"bid", MdText(BidName(r, p.old_winner))}});
    std::string moved;
    for (const ReversalShift& sh : p.shifts) {
      if (!moved.empty()) moved += m("analysis.sep");
      moved += m("analysis.probe.moved",
                 {{"bid", BidName(r, sh.bid)},
                  {"from", L(r, Fixed(sh.old_total, 2))},
                  {"to", L(r, Fixed(sh.new_total, 2))},
                  {"p_from", std::to_string(sh.old_position)},
                  {"p_to", std::to_string(sh.new_position)}});
    }
    *out += "| " + MdText(ProbeName(r, p)) + " | " + winner + " | " +
            m(p.order_changed ? "analysis.probe.order_changes"
                              : "analysis.probe.order_same") +
            " | " + MdText(moved) + " |\n";
  }
  const std::vector<std::string> searches = SearchSentences(r);
  if (!searches.empty()) *out += "\n";
  for (const std::string& line : searches) *out += "- " + MdText(line) + "\n";
}

void SensitivityMarkdown(const AnalysisReport& r, std::string* out) {
  const SensitivityResult& s = *r.sensitivity;
  const explain::Messages& m = Msg(r);
  MdSection(out, m("analysis.sensitivity.title"));
  *out += MdText(SensitivityExplanation(r)) + "\n";
  bool ranges = false;
  for (const auto* list : {&s.leaves, &s.groups}) {
    for (const WeightSensitivity& w : *list) {
      ranges = ranges || w.published_range.has_value();
    }
  }
  const auto table = [&](const std::vector<WeightSensitivity>& items,
                         const std::string& title) {
    if (items.empty()) return;
    *out += "\n### " + title + "\n\n" + m("analysis.sens.head");
    *out += ranges
                ? m("analysis.sens.range_head") + "\n|---|---:|---|---|---|\n"
                : "\n|---|---:|---|---|\n";
    std::vector<std::string> notes;
    for (const WeightSensitivity& w : items) {
      *out += "| " + MdText(CriterionName(r, w)) + " | " +
              L(r, Fixed(w.weight, 2)) + " | " +
              MdThreshold(r, w.increase, true) + " | " +
              MdThreshold(r, w.decrease, false) + " |";
      if (ranges) {
        std::string range;
        if (w.published_range) {
          range = MdText(L(r, RangeText(*w.published_range))) + ": ";
          range += m(
              !w.robust_within_published_range   ? "analysis.range.not_analysed"
              : *w.robust_within_published_range ? "analysis.range.robust"
                                                 : "analysis.range.not_robust");
        }
        *out += " " + range + " |";
      }
      *out += "\n";
      const std::string note = WeightNote(r, w);
      if (!note.empty()) notes.push_back(CriterionName(r, w) + ": " + note);
      if (w.robust_within_published_range &&
          !*w.robust_within_published_range) {
        notes.push_back(CriterionName(r, w) + ": " + RangeExplanation(r, w));
      }
    }
    if (!notes.empty()) *out += "\n";
    for (const std::string& n : notes) {
      *out += "> " + MdText(m("analysis.note", {{"text", n}})) + "\n";
    }
  };
  table(s.leaves, m("analysis.criteria"));
  table(s.groups, m("analysis.top_level"));
}

void CounterfactualMarkdown(const AnalysisReport& r, std::string* out) {
  const CounterfactualResult& c = *r.counterfactual;
  MdSection(out, Msg(r)("analysis.counterfactual.title"));
  *out += MdText(CounterfactualExplanation(r)) + "\n";
  if (!c.bids.empty()) *out += "\n";
  for (const Counterfactual& b : c.bids) {
    *out += "- " + MdText(CounterfactualSentence(r, b)) + "\n";
  }
}

void EligibilityMarkdown(const AnalysisReport& r, std::string* out) {
  MdSection(out, Msg(r)("analysis.eligibility.title"));
  *out += MdText(EligibilityExplanation(r)) + "\n";
  if (!r.eligibility->bids.empty()) *out += "\n";
  for (const EligibilityCounterfactual& e : r.eligibility->bids) {
    *out += "- " + MdText(EligibilitySentence(r, e)) + "\n";
  }
}

void SmaaMarkdown(const AnalysisReport& r, std::string* out) {
  const SmaaResult& s = *r.smaa;
  const explain::Messages& m = Msg(r);
  MdSection(out, m(s.within_ranges ? "analysis.smaa.title_ranges"
                                   : "analysis.smaa.title"));
  *out += MdText(SmaaSentence(r)) + "\n\n";
  const Eigen::Index ranks = std::min<Eigen::Index>(s.acceptability.cols(), 3);
  std::string head = "| " + m("analysis.smaa.bid") + " |";
  std::string rule = "|---|";
  for (Eigen::Index k = 0; k < ranks; ++k) {
    head +=
        " " + m("analysis.smaa.rank", {{"k", std::to_string(k + 1)}}) + " |";
    rule += "---:|";
  }
  *out +=
      head + " " + m("analysis.smaa.confidence") + " |\n" + rule + "---:|\n";
  for (const int bid : r.evaluation->order) {
    *out += "| " + MdText(BidName(r, bid)) + " |";
    for (Eigen::Index k = 0; k < ranks; ++k) {
      *out += " " + Percent(r, s.acceptability(bid, k)) + " |";
    }
    *out += " " + Percent(r, s.confidence[bid]) + " |\n";
  }
}

void ComparisonMarkdown(const AnalysisReport& r, std::string* out) {
  const AggregationResult& a = *r.comparison;
  const explain::Messages& m = Msg(r);
  MdSection(out, explain::DescribeComparisonTitle(a.method, m));
  for (const std::string& note : ComparisonNotes(r)) {
    *out += MdText(note) + "\n\n";
  }
  const std::vector<std::string> extra = ExtraHeadings(r);
  *out += "| " + MdText(m("compare.md.rank")) + " | " +
          MdText(m("compare.md.bid")) + " | " + MdText(m("compare.md.value")) +
          " |";
  for (const std::string& h : extra) *out += " " + MdText(h) + " |";
  *out += " " + MdText(m("compare.md.award_rank")) + " |\n|---:|---|---:|";
  for (std::size_t k = 0; k < extra.size(); ++k) *out += "---:|";
  *out += "---:|\n";
  for (const int bid : a.order) {
    const auto i = static_cast<std::size_t>(bid);
    *out += "| " + std::to_string(a.rank[i]) + (a.tied[i] ? "=" : "") + " | " +
            MdText(BidName(r, bid)) + " | " + L(r, Fixed(a.value[bid], 4)) +
            " |";
    for (const std::string& c : ExtraCells(r, bid)) *out += " " + c + " |";
    *out += " " + RankLabel(*r.evaluation, i) + " |\n";
  }
}

}  // namespace

std::optional<SmallestWeightChange> FindSmallestWeightChange(
    const SensitivityResult& sensitivity) {
  std::optional<SmallestWeightChange> best;
  for (const WeightSensitivity& w : sensitivity.leaves) {
    for (const WeightThreshold* t : {&w.increase, &w.decrease}) {
      if (!t->changes) continue;
      if (!best || std::abs(t->delta) < std::abs(best->delta)) {
        best = SmallestWeightChange{w.index, t->delta, t->new_winner};
      }
    }
  }
  return best;
}

std::string AnalysisHeadline(const AnalysisReport& r) {
  const explain::Messages& m = Msg(r);
  const std::string sep = m("analysis.sep");
  const int winner = r.evaluation->Winner();
  if (winner < 0) return m("analysis.no_winner");
  const std::string name = BidName(r, winner);
  std::string weight_part;
  if (r.sensitivity) {
    const auto smallest = FindSmallestWeightChange(*r.sensitivity);
    if (smallest) {
      const Column& c = ColumnAt(r, smallest->column);
      weight_part =
          m("analysis.smallest", {{"criterion", ColumnName(r, c)},
                                  {"delta", L(r, Signed1(smallest->delta))},
                                  {"bid", BidName(r, smallest->new_winner)}});
    } else {
      weight_part = m("analysis.no_single");
    }
    // Over the published weight ranges, if any (one weight moved at a
    // time): all robust, or the first criterion (leaves, then top-level
    // groups) whose range is not.
    bool any_range = false;
    const WeightSensitivity* fragile = nullptr;
    for (const auto* list : {&r.sensitivity->leaves, &r.sensitivity->groups}) {
      for (const WeightSensitivity& w : *list) {
        if (!w.robust_within_published_range) continue;
        any_range = true;
        if (!*w.robust_within_published_range && fragile == nullptr) {
          fragile = &w;
        }
      }
    }
    if (fragile != nullptr) {
      weight_part +=
          sep + m("analysis.fragile",
                  {{"criterion", CriterionName(r, *fragile)},
                   {"range", L(r, RangeText(*fragile->published_range))}});
    } else if (any_range) {
      weight_part += sep + m("analysis.ranges_hold");
    }
  }
  std::string line;
  if (r.reversal) {
    const RankReversalResult& rr = *r.reversal;
    if (rr.winner_changes == 0) {
      line = m("analysis.robust",
               {{"bid", name},
                {"why", m(!rr.has_relative_rule ? "analysis.robust.absolute"
                          : rr.complete         ? "analysis.robust.complete"
                                                : "analysis.robust.probed")}});
    } else {
      int first = -1;
      for (const ReversalProbe& p : rr.probes) {
        if (p.winner_changed) {
          first = p.kind == ReversalProbe::Kind::kRemoved ? p.removed_bid : -1;
          break;
        }
      }
      const std::string changes = std::to_string(rr.winner_changes);
      const std::string probes = std::to_string(rr.probes.size());
      line = m("analysis.not_robust",
               {{"bid", name},
                {"why", first >= 0
                            ? m("analysis.not_robust.withdraw",
                                {{"bid", BidName(r, first)},
                                 {"changes", changes},
                                 {"probes", probes}})
                            : m("analysis.not_robust.probes",
                                {{"changes", changes}, {"probes", probes}})}});
    }
    if (!weight_part.empty()) line += sep + weight_part;
  } else if (!weight_part.empty()) {
    line = m("analysis.winner_text", {{"bid", name}, {"text", weight_part}});
  } else {
    line = m("analysis.winner", {{"bid", name}});
  }
  return line + ".";
}

std::string RenderAnalysisTable(const AnalysisReport& r) {
  const int width = std::max(r.width, 40);
  std::string out = Wrap(AnalysisHeadline(r), width, "");
  out += Wrap(Msg(r)("analysis.table.set",
                     {{"id", r.criteria->id},
                      {"version", r.criteria->version},
                      {"bids", r.bids->size()},
                      {"bid_count", std::to_string(r.bids->size())}}),
              width, "");
  if (HasLeftOut(r)) LeftOutSection(r, &out);
  if (r.reversal) ReversalSection(r, &out);
  if (r.sensitivity) SensitivitySection(r, &out);
  if (r.counterfactual) CounterfactualSection(r, &out);
  if (r.eligibility) EligibilitySection(r, &out);
  if (r.smaa) SmaaSection(r, &out);
  if (r.comparison) ComparisonSection(r, &out);
  return out;
}

std::string RenderAnalysisMarkdown(const AnalysisReport& r) {
  const explain::Messages& m = Msg(r);
  std::string out =
      "# " +
      m("analysis.title",
        {{"title", MdText(LocalTitle(*r.criteria, r.language))}}) +
      "\n\n**" + MdText(AnalysisHeadline(r)) + "**\n\n";
  out += m("analysis.md.set", {{"id", MdCode(r.criteria->id)},
                               {"version", MdText(r.criteria->version)},
                               {"bids", r.bids->size()},
                               {"bid_count", std::to_string(r.bids->size())}}) +
         "\n";
  if (HasLeftOut(r)) LeftOutMarkdown(r, &out);
  if (r.reversal) ReversalMarkdown(r, &out);
  if (r.sensitivity) SensitivityMarkdown(r, &out);
  if (r.counterfactual) CounterfactualMarkdown(r, &out);
  if (r.eligibility) EligibilityMarkdown(r, &out);
  if (r.smaa) SmaaMarkdown(r, &out);
  if (r.comparison) ComparisonMarkdown(r, &out);
  return out;
}

std::string RenderAnalysisJson(const AnalysisReport& r) {
  ordered_json j;
  j["schema"] = kAnalysisSchema;
  j["circa_version"] = kVersion;
  j["criteria_set"] = {{"id", r.criteria->id},
                       {"version", r.criteria->version}};
  j["bids"] = r.bids->size();
  if (HasLeftOut(r)) {
    ordered_json left = ordered_json::array();
    for (const LeftOutBid& b : *r.left_out) {
      left.push_back({{"bid", LeftOutName(r, b)},
                      {"stage", ToString(b.exclusion.stage)},
                      {"rule", b.exclusion.rule},
                      {"reason", ExclusionReason(r, b.exclusion)}});
    }
    j["left_out"] = left;
  }
  j["winner"] = BidJson(r, r.evaluation->Winner());
  AnalysisReport english = r;
  english.language = Language::kEnglish;
  j["headline"] = AnalysisHeadline(english);
  j["robust"] = r.reversal ? ordered_json(r.reversal->winner_changes == 0)
                           : ordered_json(nullptr);
  j["reversal"] = r.reversal ? ReversalJson(r) : nullptr;
  j["sensitivity"] = r.sensitivity ? SensitivityJson(r) : nullptr;
  j["counterfactual"] = r.counterfactual ? CounterfactualJson(r) : nullptr;
  if (r.eligibility) j["eligibility"] = EligibilityJson(r);
  j["smaa"] = r.smaa ? SmaaJson(r) : nullptr;
  j["comparison"] = r.comparison ? ComparisonJson(r) : nullptr;
  return JsonText(j.dump(2)) + "\n";
}

}  // namespace circa::report
