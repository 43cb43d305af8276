// Notes: degenerate columns, the max-pass cut, the price/quality split,
// ties, abnormally-low rules that do not apply and rank reversal.
#include <string>

#include "explain/words.h"

namespace circa {
namespace {

// What a degenerate column's note says after "<criterion id>: ".
std::string ColumnNote(NoteKind kind) {
  switch (kind) {
    case NoteKind::kLowestIsZero:
      return "the lowest value is 0: bids at 0 score 1, all others score 0";
    case NoteKind::kAllEqual:
      return "all bids have the same value: each scores 1";
    case NoteKind::kNoneBelowCeiling:
      return "no bid is below the ceiling: each scores 0";
    case NoteKind::kBestIsZero:
      return "the best value is 0: every bid scores 0";
    case NoteKind::kNotReached:
      return "no bid reached this stage; nothing was scored";
    default:
      return "";
  }
}

std::string ColumnId(const Note& note, const FactContext& context) {
  const auto j = static_cast<std::size_t>(note.column);
  if (context.scorer != nullptr && note.column >= 0 &&
      j < context.scorer->columns().size()) {
    return context.scorer->columns()[j].id;
  }
  return "column " + std::to_string(note.column + 1);
}

std::string PriceQualitySplit(const Note& n) {
  const auto w = [](double v) { return FormatNumber(v, -1); };
  const auto p = [](double v) { return FormatNumber(v, 2); };
  return "price and cost hand out at most " + p(n.money_points) + " of their " +
         w(n.money_weight) + " points, quality at most " + p(n.quality_points) +
         " of its " + w(n.quality_weight) + ": the published split " +
         w(n.money_weight) + "/" + w(n.quality_weight) + " works like " +
         p(n.money_points) + "/" + p(n.quality_points) +
         " among these bids (the price and quality scales differ in length)";
}

std::string RankReversal(const Note& n) {
  const std::string what =
      n.reversal == ReversalChange::kRemoved
          ? "if bid " + n.removed_bid + " were withdrawn"
          : "if a bid worse than every other on every criterion were added";
  return "rank reversal: " + what + ", " + n.new_winner +
         " would win instead of " + n.old_winner +
         ", although no other bid changed (relative rules; run circa "
         "analyze --reversal for the numbers)";
}

}  // namespace

std::string DescribeNote(const Note& note, const FactContext& context) {
  switch (note.kind) {
    case NoteKind::kLowestIsZero:
    case NoteKind::kAllEqual:
    case NoteKind::kNoneBelowCeiling:
    case NoteKind::kBestIsZero:
    case NoteKind::kNotReached:
      return ColumnId(note, context) + ": " + ColumnNote(note.kind);
    case NoteKind::kMaxPassTie:
      return "max-pass " + std::to_string(note.max_pass) +
             ": bids tied on quality at the cut all go on (" +
             std::to_string(note.count) + " bids)";
    case NoteKind::kPriceQualitySplit:
      return PriceQualitySplit(note);
    case NoteKind::kTie: {
      const Evaluation* e = context.evaluation;
      if (e == nullptr || note.record < 0 ||
          static_cast<std::size_t>(note.record) >= e->tie_breaks.size()) {
        return "tie";
      }
      return explain::TieNote(
          e->tie_breaks[static_cast<std::size_t>(note.record)], context);
    }
    case NoteKind::kAbnormallyLowNoNumber:
    case NoteKind::kAbnormallyLowPriceShare:
    case NoteKind::kAbnormallyLowTooFewBids:
    case NoteKind::kAbnormallyLowIndicative:
    case NoteKind::kAbnormallyLowNoBudgetOne:
    case NoteKind::kAbnormallyLowNoBudgetThree:
      return explain::AbnormallyLowNote(note, context);
    case NoteKind::kRankReversal:
      return RankReversal(note);
  }
  return "";
}

}  // namespace circa
