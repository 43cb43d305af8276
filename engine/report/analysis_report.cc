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
#include "circa/version.h"
#include "explain/method_words.h"
#include "report/text_util.h"
#include "util/number_format.h"

namespace circa::report {
namespace {

using nlohmann::ordered_json;

constexpr std::string_view kComparisonNote = explain::kComparisonOnly;

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

std::string CriterionName(const AnalysisReport& r, const WeightSensitivity& s) {
  if (s.kind == WeightSensitivity::Kind::kLeaf) {
    const Column& c = ColumnAt(r, s.index);
    return c.name.empty() ? c.id : c.name;
  }
  const TopLevel& t = r.scorer->top_levels()[static_cast<std::size_t>(s.index)];
  return t.name.empty() ? t.id : t.name;
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

std::string TopLevelName(const TopLevel& t) {
  return t.name.empty() ? t.id : t.name;
}

std::string ColumnName(const Column& c) {
  return c.name.empty() ? c.id : c.name;
}

// The published ranges SMAA sampled within, as UsePublishedRanges takes
// them from the scorer: "Price 60–70, Circularity 25–45".
std::string PublishedRangesText(const Scorer& scorer) {
  // In criteria order: each top-level group's range, then its leaves'.
  std::vector<std::string> parts;
  for (std::size_t t = 0; t < scorer.top_levels().size(); ++t) {
    const TopLevel& top = scorer.top_levels()[t];
    bool leaf = false;
    for (const Column& c : scorer.columns()) {
      if (c.top_level == static_cast<int>(t) && c.id == top.id) leaf = true;
    }
    if (top.weight_range && !leaf) {
      parts.push_back(TopLevelName(top) + " " + RangeText(*top.weight_range));
    }
    for (const Column& c : scorer.columns()) {
      if (c.top_level == static_cast<int>(t) && c.weight_range) {
        parts.push_back(ColumnName(c) + " " + RangeText(*c.weight_range));
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
  std::string text;
  if (s.within_ranges) {
    text = fmt::format(
        "{} weight vectors drawn uniformly at random with seed {} within the "
        "published weight ranges ({} points; criteria without a published "
        "range free), all adding up to {:g} ({} drawn to find them).",
        s.samples, s.seed, PublishedRangesText(*r.scorer), r.scorer->scale(),
        s.draws);
  } else {
    text =
        fmt::format("{} weight vectors drawn uniformly at random with seed {}.",
                    s.samples, s.seed);
  }
  return text +
         " Share of draws in which each bid takes each rank; confidence: its "
         "share of first place at its own central weights.";
}

void Section(std::string* out, std::string_view title) {
  *out += "\n";
  *out += title;
  *out += "\n";
  *out += std::string(title.size(), '-');
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

constexpr const char* kLeftOutTitle = "Bids left out of the analyses";
constexpr const char* kLeftOutText =
    "These bids were excluded from the award, as circa score shows; the "
    "analyses below concern only the bids that were ranked:";

// Why a bid of the full set was excluded, in the words of `circa score`.
std::string ExclusionReason(const AnalysisReport& r, const Exclusion& e) {
  const Evaluation& all =
      r.all_evaluation != nullptr ? *r.all_evaluation : *r.evaluation;
  const BidSet& bids = r.all_bids != nullptr ? *r.all_bids : *r.bids;
  const FactContext words{r.criteria, r.scorer, &all, &bids.ids, false};
  return DescribeExclusion(e, words);
}

std::string LeftOutSentence(const AnalysisReport& r, const LeftOutBid& b) {
  return "Bid " + LeftOutName(r, b) + " " + ExclusionReason(r, b.exclusion) +
         ".";
}

// ---------------------------------------------------------------------------
// Table sections

void LeftOutSection(const AnalysisReport& r, std::string* out) {
  Section(out, kLeftOutTitle);
  Paragraph(out, kLeftOutText, r.width);
  for (const LeftOutBid& b : *r.left_out) {
    Item(out, LeftOutSentence(r, b), r.width);
  }
}

std::string ThresholdText(const AnalysisReport& r, const WeightThreshold& t,
                          bool up) {
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
  if (money) return s + " " + r.criteria->currency;
  return s + (c.unit.empty() || c.unit == "%" ? c.unit : " " + c.unit);
}

std::string Like(const AnalysisReport& r, const CheaperBidSearch& c) {
  return c.like_bid < 0 ? std::string(
                              "the worst value of every other criterion among "
                              "the bids still in")
                        : "the other values of " + BidName(r, c.like_bid) +
                              ", the weakest bid still in";
}

std::vector<std::string> SearchSentences(const AnalysisReport& r) {
  std::vector<std::string> out;
  const RankReversalResult& rr = *r.reversal;
  const DominatedSearch& d = rr.dominated;
  if (d.searched) {
    if (d.found) {
      std::string where;
      for (std::size_t j = 0; j < r.scorer->columns().size(); ++j) {
        const Column& c = r.scorer->columns()[j];
        if (c.rule.rule != Rule::kLinearRange) continue;
        if (!where.empty()) where += " and ";
        where +=
            fmt::format("{} {} {}", ColumnName(c),
                        LowerIsBetter(c.rule) ? "above" : "below",
                        Amount(r, c, d.values[static_cast<Eigen::Index>(j)]));
      }
      out.push_back(fmt::format(
          "A dominated bid changes the winner from {} to {} once it has {} "
          "({} spans beyond the worst values; {}).",
          BidName(r, d.old_winner), BidName(r, d.new_winner), where,
          Fixed(d.stretch, 4),
          d.analytic ? "closed form, confirmed by re-scoring"
                     : "found by a scan and bisection"));
    } else {
      out.push_back(fmt::format(
          "No dominated bid changes the winner, up to {:g} spans beyond the "
          "worst values.",
          d.stretch));
    }
  }
  const CheaperBidSearch& c = rr.cheaper;
  if (c.searched) {
    const Column& col = ColumnAt(r, c.column);
    if (c.found) {
      out.push_back(fmt::format(
          "A new bid with {} below {} (the lowest now is {}) and {} points "
          "on the other criteria ({}) would change the winner from {} to {} "
          "without winning itself ({}).",
          ColumnName(col), Amount(r, col, c.below), Amount(r, col, c.lowest),
          Pts2(c.quality_points), Like(r, c), BidName(r, c.old_winner),
          BidName(r, c.new_winner),
          c.analytic ? "closed form, confirmed by re-scoring"
                     : "found by a scan and bisection"));
    } else if (c.new_bid_wins) {
      out.push_back(fmt::format(
          "A new bid with {} below {} and {} would win itself, so it "
          "reverses no order among the others.",
          ColumnName(col), Amount(r, col, c.lowest), Like(r, c)));
    } else {
      out.push_back(
          fmt::format("No new bid with {} below {} and {} changes the winner.",
                      ColumnName(col), Amount(r, col, c.lowest), Like(r, c)));
    }
  }
  return out;
}

void ReversalSection(const AnalysisReport& r, std::string* out) {
  const RankReversalResult& rr = *r.reversal;
  Section(out, "Rank reversal (withdrawn and added bids)");
  Paragraph(out, rr.explanation, r.width);
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
  Section(out, "Weight sensitivity (one weight moved, the others rescaled)");
  Paragraph(out, s.explanation, r.width);
  const auto line = [&](const WeightSensitivity& w) {
    std::string text =
        fmt::format("{} ({} points): up: {}; down: {}.", CriterionName(r, w),
                    Fixed(w.weight, 1), ThresholdText(r, w.increase, true),
                    ThresholdText(r, w.decrease, false));
    if (!w.range_explanation.empty()) {
      std::string range = w.range_explanation;
      range[0] = static_cast<char>(std::toupper(range[0]));
      text += " " + range + ".";
    }
    if (!w.note.empty()) text += " " + w.note;
    Item(out, text, r.width);
  };
  if (!s.leaves.empty()) *out += "Criteria:\n";
  for (const WeightSensitivity& w : s.leaves) line(w);
  if (!s.groups.empty()) *out += "Top-level criteria:\n";
  for (const WeightSensitivity& w : s.groups) line(w);
}

void CounterfactualSection(const AnalysisReport& r, std::string* out) {
  const CounterfactualResult& c = *r.counterfactual;
  Section(out, "What would have made each losing bid win");
  Paragraph(out, c.explanation, r.width);
  for (const Counterfactual& b : c.bids) {
    Item(out, b.sentence, r.width);
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

std::string EligibilitySentence(const AnalysisReport& r,
                                const EligibilityCounterfactual& e) {
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
  Section(out, "What would make each excluded bid eligible");
  Paragraph(out, EligibilityExplanation(r), r.width);
  for (const EligibilityCounterfactual& e : r.eligibility->bids) {
    Item(out, EligibilitySentence(r, e), r.width);
  }
}

void SmaaSection(const AnalysisReport& r, std::string* out) {
  const SmaaResult& s = *r.smaa;
  Section(out, s.within_ranges ? "SMAA (random weights within the published "
                                 "ranges)"
                               : "SMAA (random weights)");
  Paragraph(out, SmaaSentence(r), r.width);
  const Eigen::Index ranks = std::min<Eigen::Index>(s.acceptability.cols(), 3);
  int name_width = 4;
  for (const std::string& id : r.bids->ids) {
    name_width = std::max(name_width, std::min(Width(id), 24));
  }
  std::string head = PadRight("Bid", name_width);
  for (Eigen::Index k = 0; k < ranks; ++k) {
    head += "  " + PadLeft("rank " + std::to_string(k + 1), 7);
  }
  head += "  " + PadLeft("confidence", 10);
  *out += head + "\n";
  for (const int bid : r.evaluation->order) {
    std::string row = PadRight(BidName(r, bid), name_width);
    for (Eigen::Index k = 0; k < ranks; ++k) {
      row += "  " + PadLeft(Percent(s.acceptability(bid, k)), 7);
    }
    row += "  " + PadLeft(Percent(s.confidence[bid]), 10);
    *out += row + "\n";
  }
}

// The bids' names in analysis order, for the method words.
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
  std::vector<std::string> notes = {
      fmt::format("{}: {}", explain::DescribeMethod(a.options),
                  explain::DescribeValue(a.method))};
  if (const std::string w = explain::DescribeObjectiveWeights(a.options);
      !w.empty()) {
    std::vector<std::string> shares;
    for (std::size_t j = 0; j < r.scorer->columns().size(); ++j) {
      const Column& c = r.scorer->columns()[j];
      shares.push_back(fmt::format(
          "{} {}", c.id, Percent(a.weights[static_cast<Eigen::Index>(j)])));
    }
    notes.push_back(w + " (" + fmt::format("{}", fmt::join(shares, ", ")) +
                    ")");
  }
  if (a.vikor) {
    notes.push_back(explain::DescribeCompromise(*a.vikor, BidNames(r)));
  }
  return notes;
}

// Extra columns of a comparison: VIKOR's S and R, PROMETHEE's flows and
// each bid's PROMETHEE I relation to the first by net flow.
std::vector<std::string> ExtraHeadings(const AggregationResult& a) {
  if (a.vikor) return {"S", "R"};
  if (a.promethee) return {"phi+", "phi-", "PROMETHEE I vs first"};
  return {};
}

std::vector<std::string> ExtraCells(const AggregationResult& a, int bid) {
  if (a.vikor) return {Fixed(a.vikor->s[bid], 4), Fixed(a.vikor->r[bid], 4)};
  if (a.promethee) {
    const int first = a.order.front();
    return {Fixed(a.promethee->positive[bid], 4),
            Fixed(a.promethee->negative[bid], 4),
            bid == first ? std::string("-")
                         : std::string(explain::DescribeRelation(
                               PrometheeOne(*a.promethee, bid, first)))};
  }
  return {};
}

void ComparisonSection(const AnalysisReport& r, std::string* out) {
  const AggregationResult& a = *r.comparison;
  Section(out, fmt::format("Ranking by {} ({})", ToString(a.method),
                           kComparisonNote));
  for (const std::string& note : ComparisonNotes(r)) *out += note + "\n";
  int name_width = 4;
  for (const std::string& id : r.bids->ids) {
    name_width = std::max(name_width, std::min(Width(id), 24));
  }
  const std::vector<std::string> extra = ExtraHeadings(a);
  std::string heading = PadLeft("Rank", 4) + "  " +
                        PadRight("Bid", name_width) + "  " +
                        PadLeft("value", 10);
  for (const std::string& h : extra) heading += "  " + PadLeft(h, 10);
  *out += heading + "  " + PadLeft("award rank", 10) + "\n";
  for (const int bid : a.order) {
    const auto i = static_cast<std::size_t>(bid);
    const std::string rank = std::to_string(a.rank[i]) + (a.tied[i] ? "=" : "");
    std::string row = PadLeft(rank, 4) + "  " +
                      PadRight(BidName(r, bid), name_width) + "  " +
                      PadLeft(Fixed(a.value[bid], 4), 10);
    for (const std::string& c : ExtraCells(a, bid))
      row += "  " + PadLeft(c, 10);
    *out += row + "  " + PadLeft(RankLabel(*r.evaluation, i), 10) + "\n";
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
  ordered_json j;
  j["method"] = std::string(ToString(a.method));
  j["note"] = kComparisonNote;
  j["description"] = explain::DescribeMethod(o);
  j["value_meaning"] = explain::DescribeValue(a.method);
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
    j["weights_note"] = explain::DescribeObjectiveWeights(o);
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
                       : ordered_json(std::string(explain::DescribeRelation(
                             PrometheeOne(*a.promethee, bid, first))));
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
        {"sentence", explain::DescribeCompromise(*a.vikor, BidNames(r))}};
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
  MdSection(out, kLeftOutTitle);
  *out += MdText(kLeftOutText) + "\n\n";
  for (const LeftOutBid& b : *r.left_out) {
    *out += "- " + MdText(LeftOutSentence(r, b)) + "\n";
  }
}

std::string MdThreshold(const AnalysisReport& r, const WeightThreshold& t,
                        bool up) {
  if (!t.changes) {
    return up ? fmt::format("no change up to {:g}", r.scorer->scale())
              : "no change down to 0";
  }
  std::string delta = Fixed(t.delta, 2);
  if (delta.front() != '-') delta = "+" + delta;
  return fmt::format("{} at {} ({})", MdText(BidName(r, t.new_winner)),
                     Fixed(t.weight, 2), delta);
}

void ReversalMarkdown(const AnalysisReport& r, std::string* out) {
  const RankReversalResult& rr = *r.reversal;
  MdSection(out, "Rank reversal (withdrawn and added bids)");
  *out += MdText(rr.explanation) + "\n";
  if (rr.probes.empty()) return;
  *out +=
      "\n| Probe | Winner | Order of the other bids | Bids that moved (total, "
      "place) |\n|---|---|---|---|\n";
  for (const ReversalProbe& p : rr.probes) {
    const std::string probe =
        p.kind == ReversalProbe::Kind::kRemoved
            ? "Without " + BidName(r, p.removed_bid)
            : fmt::format("With a dominated bid added (total {})",
                          Fixed(p.added_total, 2));
    const std::string winner =
        p.winner_changed ? fmt::format("**changes from {} to {}**",
                                       MdText(BidName(r, p.old_winner)),
                                       MdText(BidName(r, p.new_winner)))
                         : "stays " + MdText(BidName(r, p.old_winner));
    std::string moved;
    for (const ReversalShift& sh : p.shifts) {
      if (!moved.empty()) moved += "; ";
      moved +=
          fmt::format("{} {} \u2192 {} (place {} \u2192 {})",
                      BidName(r, sh.bid), Fixed(sh.old_total, 2),
                      Fixed(sh.new_total, 2), sh.old_position, sh.new_position);
    }
    *out += "| " + MdText(probe) + " | " + winner + " | " +
            (p.order_changed ? "changes" : "unchanged") + " | " +
            MdText(moved) + " |\n";
  }
  const std::vector<std::string> searches = SearchSentences(r);
  if (!searches.empty()) *out += "\n";
  for (const std::string& line : searches) *out += "- " + MdText(line) + "\n";
}

void SensitivityMarkdown(const AnalysisReport& r, std::string* out) {
  const SensitivityResult& s = *r.sensitivity;
  MdSection(out, "Weight sensitivity (one weight moved, the others rescaled)");
  *out += MdText(s.explanation) + "\n";
  bool ranges = false;
  for (const auto* list : {&s.leaves, &s.groups}) {
    for (const WeightSensitivity& w : *list) {
      ranges = ranges || w.published_range.has_value();
    }
  }
  const auto table = [&](const std::vector<WeightSensitivity>& items,
                         std::string_view title) {
    if (items.empty()) return;
    *out += "\n### ";
    *out += title;
    *out +=
        "\n\n| Criterion | Points | Raised: new winner at | Lowered: new "
        "winner at |";
    *out += ranges ? " Published range |\n|---|---:|---|---|---|\n"
                   : "\n|---|---:|---|---|\n";
    std::vector<std::string> notes;
    for (const WeightSensitivity& w : items) {
      *out += "| " + MdText(CriterionName(r, w)) + " | " + Fixed(w.weight, 2) +
              " | " + MdThreshold(r, w.increase, true) + " | " +
              MdThreshold(r, w.decrease, false) + " |";
      if (ranges) {
        std::string range;
        if (w.published_range) {
          range = MdText(RangeText(*w.published_range)) + ": ";
          range += !w.robust_within_published_range   ? "not analysed"
                   : *w.robust_within_published_range ? "robust"
                                                      : "**not robust**";
        }
        *out += " " + range + " |";
      }
      *out += "\n";
      if (!w.note.empty()) {
        notes.push_back(CriterionName(r, w) + ": " + w.note);
      }
      if (w.robust_within_published_range &&
          !*w.robust_within_published_range) {
        notes.push_back(CriterionName(r, w) + ": " + w.range_explanation);
      }
    }
    if (!notes.empty()) *out += "\n";
    for (const std::string& n : notes) *out += "> Note: " + MdText(n) + ".\n";
  };
  table(s.leaves, "Criteria");
  table(s.groups, "Top-level criteria");
}

void CounterfactualMarkdown(const AnalysisReport& r, std::string* out) {
  const CounterfactualResult& c = *r.counterfactual;
  MdSection(out, "What would have made each losing bid win");
  *out += MdText(c.explanation) + "\n";
  if (!c.bids.empty()) *out += "\n";
  for (const Counterfactual& b : c.bids)
    *out += "- " + MdText(b.sentence) + "\n";
}

void EligibilityMarkdown(const AnalysisReport& r, std::string* out) {
  MdSection(out, "What would make each excluded bid eligible");
  *out += MdText(EligibilityExplanation(r)) + "\n";
  if (!r.eligibility->bids.empty()) *out += "\n";
  for (const EligibilityCounterfactual& e : r.eligibility->bids) {
    *out += "- " + MdText(EligibilitySentence(r, e)) + "\n";
  }
}

void SmaaMarkdown(const AnalysisReport& r, std::string* out) {
  const SmaaResult& s = *r.smaa;
  MdSection(out, s.within_ranges
                     ? "SMAA (random weights within the published ranges)"
                     : "SMAA (random weights)");
  *out += MdText(SmaaSentence(r)) + "\n\n";
  const Eigen::Index ranks = std::min<Eigen::Index>(s.acceptability.cols(), 3);
  std::string head = "| Bid |";
  std::string rule = "|---|";
  for (Eigen::Index k = 0; k < ranks; ++k) {
    head += fmt::format(" Rank {} |", k + 1);
    rule += "---:|";
  }
  *out += head + " Confidence |\n" + rule + "---:|\n";
  for (const int bid : r.evaluation->order) {
    *out += "| " + MdText(BidName(r, bid)) + " |";
    for (Eigen::Index k = 0; k < ranks; ++k) {
      *out += " " + Percent(s.acceptability(bid, k)) + " |";
    }
    *out += " " + Percent(s.confidence[bid]) + " |\n";
  }
}

void ComparisonMarkdown(const AnalysisReport& r, std::string* out) {
  const AggregationResult& a = *r.comparison;
  MdSection(out, fmt::format("Ranking by {} ({})", ToString(a.method),
                             kComparisonNote));
  for (const std::string& note : ComparisonNotes(r)) {
    *out += MdText(note) + "\n\n";
  }
  const std::vector<std::string> extra = ExtraHeadings(a);
  *out += "| Rank | Bid | Value |";
  for (const std::string& h : extra) *out += " " + MdText(h) + " |";
  *out += " Award rank |\n|---:|---|---:|";
  for (std::size_t k = 0; k < extra.size(); ++k) *out += "---:|";
  *out += "---:|\n";
  for (const int bid : a.order) {
    const auto i = static_cast<std::size_t>(bid);
    *out += "| " + std::to_string(a.rank[i]) + (a.tied[i] ? "=" : "") + " | " +
            MdText(BidName(r, bid)) + " | " + Fixed(a.value[bid], 4) + " |";
    for (const std::string& c : ExtraCells(a, bid)) *out += " " + c + " |";
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
  const int winner = r.evaluation->Winner();
  if (winner < 0) return "No bid was ranked, so there is no award to analyse.";
  const std::string name = BidName(r, winner);
  std::string weight_part;
  if (r.sensitivity) {
    const auto smallest = FindSmallestWeightChange(*r.sensitivity);
    if (smallest) {
      const Column& c = ColumnAt(r, smallest->column);
      weight_part = fmt::format(
          "the smallest weight change that changes the winner is {} {} "
          "points (to {})",
          c.name.empty() ? c.id : c.name, Signed1(smallest->delta),
          BidName(r, smallest->new_winner));
    } else {
      weight_part = "no change of a single weight changes the winner";
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
      weight_part += fmt::format(
          "; the winner changes within the published weight range of {} "
          "({} points)",
          CriterionName(r, *fragile), RangeText(*fragile->published_range));
    } else if (any_range) {
      weight_part +=
          "; no single weight moved within its published range changes it";
    }
  }
  std::string line;
  if (r.reversal) {
    const RankReversalResult& rr = *r.reversal;
    if (rr.winner_changes == 0) {
      line = "Winner " + name + " is robust: ";
      line += !rr.has_relative_rule
                  ? "no score depends on the other bids, so no withdrawal "
                    "changes the winner"
              : rr.complete ? "no single-bid withdrawal changes the winner"
                            : "none of the withdrawals probed changes the "
                              "winner";
    } else {
      int first = -1;
      for (const ReversalProbe& p : rr.probes) {
        if (p.winner_changed) {
          first = p.kind == ReversalProbe::Kind::kRemoved ? p.removed_bid : -1;
          break;
        }
      }
      line = "Winner " + name + " is NOT robust: ";
      line += first >= 0
                  ? fmt::format(
                        "withdrawing {} changes the winner ({} of {} "
                        "probes change it)",
                        BidName(r, first), rr.winner_changes, rr.probes.size())
                  : fmt::format("{} of {} probes change the winner",
                                rr.winner_changes, rr.probes.size());
    }
    if (!weight_part.empty()) line += "; " + weight_part;
  } else if (!weight_part.empty()) {
    line = "Winner " + name + ": " + weight_part;
  } else {
    line = "Winner " + name;
  }
  return line + ".";
}

std::string RenderAnalysisTable(const AnalysisReport& r) {
  const int width = std::max(r.width, 40);
  std::string out = Wrap(AnalysisHeadline(r), width, "");
  out += Wrap(fmt::format("Criteria set {} {}; {} bids. Award: weighted sum.",
                          r.criteria->id, r.criteria->version, r.bids->size()),
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
  std::string out = "# Robustness of the award: " + MdText(r.criteria->title) +
                    "\n\n**" + MdText(AnalysisHeadline(r)) + "**\n\n";
  out += fmt::format(
      "Criteria set {} version {}; {} bids. Award: weighted sum. Points "
      "with two decimals; the JSON output (`-f json`) has six.\n",
      MdCode(r.criteria->id), MdText(r.criteria->version), r.bids->size());
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
  j["headline"] = AnalysisHeadline(r);
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
