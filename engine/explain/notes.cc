// Notes: degenerate columns, the max-pass cut, the price/quality split,
// ties, abnormally-low rules that do not apply and rank reversal.
#include <string>

#include "explain/words.h"

namespace circa {
namespace {

using explain::Messages;

// The key of what a degenerate column's note says after "<criterion id>: ".
const char* ColumnNote(NoteKind kind) {
  switch (kind) {
    case NoteKind::kLowestIsZero:
      return "note.lowest_is_zero";
    case NoteKind::kAllEqual:
      return "note.all_equal";
    case NoteKind::kNoneBelowCeiling:
      return "note.none_below_ceiling";
    case NoteKind::kBestIsZero:
      return "note.best_is_zero";
    case NoteKind::kNotReached:
      return "note.not_reached";
    default:
      return "";
  }
}

std::string ColumnId(const Note& note, const FactContext& context,
                     const Messages& m) {
  const auto j = static_cast<std::size_t>(note.column);
  if (context.scorer != nullptr && note.column >= 0 &&
      j < context.scorer->columns().size()) {
    return context.scorer->columns()[j].id;
  }
  return m("note.column", {{"n", std::to_string(note.column + 1)}});
}

std::string PriceQualitySplit(const Note& n, const Messages& m) {
  return m("note.price_quality_split",
           {{"money_points", m.Number(n.money_points, 2)},
            {"money_weight", m.Number(n.money_weight, -1)},
            {"quality_points", m.Number(n.quality_points, 2)},
            {"quality_weight", m.Number(n.quality_weight, -1)}});
}

std::string RankReversal(const Note& n, const Messages& m) {
  return m(n.reversal == ReversalChange::kRemoved ? "note.reversal_removed"
                                                  : "note.reversal_added",
           {{"removed", n.removed_bid},
            {"new_winner", n.new_winner},
            {"old_winner", n.old_winner}});
}

}  // namespace

std::string DescribeNote(const Note& note, const FactContext& context) {
  const Messages& m = explain::Words(context);
  switch (note.kind) {
    case NoteKind::kLowestIsZero:
    case NoteKind::kAllEqual:
    case NoteKind::kNoneBelowCeiling:
    case NoteKind::kBestIsZero:
    case NoteKind::kNotReached:
      return m("note.on_column", {{"column", ColumnId(note, context, m)},
                                  {"note", m(ColumnNote(note.kind))}});
    case NoteKind::kMaxPassTie:
      return m("note.max_pass_tie",
               {{"max_pass", std::to_string(note.max_pass)},
                {"count", note.count},
                {"bids", std::to_string(note.count)}});
    case NoteKind::kPriceQualitySplit:
      return PriceQualitySplit(note, m);
    case NoteKind::kTie: {
      const Evaluation* e = context.evaluation;
      if (e == nullptr || note.record < 0 ||
          static_cast<std::size_t>(note.record) >= e->tie_breaks.size()) {
        return m("note.tie");
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
      return RankReversal(note, m);
  }
  return "";
}

}  // namespace circa
