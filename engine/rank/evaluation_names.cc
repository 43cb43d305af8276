// The names of the evaluation facts' enums, one table each, as the JSON
// result writes them (docs/result-format.md).
#include "circa/evaluation.h"

namespace circa {

std::string_view ToString(ExclusionStage stage) {
  switch (stage) {
    case ExclusionStage::kNone:
      return "none";
    case ExclusionStage::kRequirement:
      return "requirement";
    case ExclusionStage::kThreshold:
      return "threshold";
    case ExclusionStage::kMaxPass:
      return "max-pass";
  }
  return "none";
}

std::string_view ToString(AbnormallyLowBasis basis) {
  switch (basis) {
    case AbnormallyLowBasis::kNone:
      return "none";
    case AbnormallyLowBasis::kMeanOfOthers:
      return "mean-of-others";
    case AbnormallyLowBasis::kMeanWithoutHighest:
      return "mean-without-highest";
    case AbnormallyLowBasis::kMeanWithoutHighestAndLowest:
      return "mean-without-highest-and-lowest";
    case AbnormallyLowBasis::kBudget:
      return "budget";
    case AbnormallyLowBasis::kOtherBid:
      return "other-bid";
    case AbnormallyLowBasis::kMeanOfAll:
      return "mean-of-all";
    case AbnormallyLowBasis::kMeanOfTwoLower:
      return "mean-of-two-lower";
    case AbnormallyLowBasis::kMeanOfThreeLowest:
      return "mean-of-three-lowest";
    case AbnormallyLowBasis::kMeanWithinTenPercent:
      return "mean-within-ten-percent";
  }
  return "none";
}

std::string_view ToString(AbnormallyLowRule::Kind kind) {
  switch (kind) {
    case AbnormallyLowRule::Kind::kNone:
      return "none";
    case AbnormallyLowRule::Kind::kBelowMean:
      return "below-mean";
    case AbnormallyLowRule::Kind::kRglcap85:
      return "rglcap-85";
    case AbnormallyLowRule::Kind::kKb2017Art36:
      return "kb-2017-36";
  }
  return "none";
}

std::string_view ToString(NoteKind kind) {
  switch (kind) {
    case NoteKind::kLowestIsZero:
      return "lowest-is-zero";
    case NoteKind::kAllEqual:
      return "all-equal";
    case NoteKind::kNoneBelowCeiling:
      return "none-below-ceiling";
    case NoteKind::kBestIsZero:
      return "best-is-zero";
    case NoteKind::kNotReached:
      return "not-reached";
    case NoteKind::kMaxPassTie:
      return "max-pass-tie";
    case NoteKind::kPriceQualitySplit:
      return "price-quality-split";
    case NoteKind::kTie:
      return "tie";
    case NoteKind::kAbnormallyLowNoNumber:
      return "abnormally-low-no-number";
    case NoteKind::kAbnormallyLowPriceShare:
      return "abnormally-low-price-share";
    case NoteKind::kAbnormallyLowTooFewBids:
      return "abnormally-low-too-few-bids";
    case NoteKind::kAbnormallyLowIndicative:
      return "abnormally-low-indicative";
    case NoteKind::kAbnormallyLowNoBudgetOne:
      return "abnormally-low-no-budget-one";
    case NoteKind::kAbnormallyLowNoBudgetThree:
      return "abnormally-low-no-budget-three";
    case NoteKind::kRankReversal:
      return "rank-reversal";
  }
  return "";
}

std::string_view ToString(ReversalChange change) {
  return change == ReversalChange::kRemoved ? "removed" : "added-dominated";
}

std::string_view ToString(Condition::Op op) {
  switch (op) {
    case Condition::Op::kEquals:
      return "equals";
    case Condition::Op::kMin:
      return "min";
    case Condition::Op::kMax:
      return "max";
    case Condition::Op::kOneOf:
      return "one-of";
    case Condition::Op::kPattern:
      return "pattern";
  }
  return "";
}

std::string_view ToString(TieBreakStep::Kind kind) {
  switch (kind) {
    case TieBreakStep::Kind::kHigherPoints:
      return "higher";
    case TieBreakStep::Kind::kLowerValue:
      return "lower";
    case TieBreakStep::Kind::kEarlier:
      return "earlier";
    case TieBreakStep::Kind::kDraw:
      return "draw";
  }
  return "";
}

}  // namespace circa
