// Explanations in words a buyer can paste into an award letter, built from
// the stored evaluation (never re-scoring).
#ifndef CIRCA_EXPLAIN_H_
#define CIRCA_EXPLAIN_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "circa/bids.h"
#include "circa/criteria.h"
#include "circa/evaluation.h"
#include "circa/format.h"  // FormatNumber, declared here before
#include "circa/language.h"
#include "circa/panel.h"
#include "circa/scorer.h"

namespace circa {

struct CriterionExplanation {
  std::string id;
  std::string text;  // "price 10,000 EUR: lowest price 8,000 (B) / 10,000 =
                     // 0.800 -> 24.00 of 30 points"
};

struct BidExplanation {
  std::string summary;  // rank, total, gap to winner (or why excluded)
  // The award order for this bid: requirements, panel scores, thresholds,
  // abnormally-low flag, tie-break; one sentence each.
  std::vector<std::string> award_steps;
  std::vector<std::string> versus_winner;      // where points were won or lost
  std::vector<CriterionExplanation> criteria;  // per leaf criterion
  std::string relative_note;                   // what relative rules mean here
};

// Where Explainer::Explain(bid, sink) writes one bid's explanation, one
// sentence at a time, in the order of BidExplanation's fields: the summary,
// each award step, each sentence against the winner, each criterion's line
// and the relative note (always, possibly empty). A renderer of a million
// bids has each sentence appended straight to its output (the JSON writer),
// with no BidExplanation in between.
class ExplanationSink {
 public:
  enum class Part {
    kSummary,
    kAwardStep,
    kVersusWinner,
    kCriterion,
    kRelativeNote
  };
  virtual ~ExplanationSink() = default;
  // Where the next sentence, of `part`, is to be appended (`criterion`: the
  // column's id for kCriterion, else empty). Until End, the text returned
  // is only appended to.
  virtual std::string* Begin(Part part, std::string_view criterion) = 0;
  // The sentence begun last is complete.
  virtual void End() = 0;
};

// Explains one bid at a time, so that a renderer writing a million bids
// holds one explanation, not a million. What every bid's explanation shares
// (the winner, the runner-up, where each rank's run starts, each bid's tie
// record, the note on relative rules) is computed once, in O(bids). The
// inputs must outlive the Explainer.
class Explainer {
 public:
  // What comes before a criterion's value in its line, for bid `bid` and
  // column `column` ("" for nothing), e.g. the life-cycle cost a `from: lcc`
  // criterion scored: "<name>: <lead>; scored on <value>; <formula> ...".
  using CriterionLead = std::function<std::string(int bid, std::size_t column)>;

  // The words are in `language` (docs/translating.md).
  Explainer(const CriteriaSet& set, const Scorer& scorer, const BidSet& bids,
            const Evaluation& evaluation, const PanelResult* panel = nullptr,
            CriterionLead lead = {}, Language language = Language::kEnglish);

  // The explanation of bid `bid` (an index into `bids`).
  BidExplanation Explain(int bid) const;
  // The same, sentence by sentence into `sink` (the words are the same).
  void Explain(int bid, ExplanationSink& sink) const;
  // Bid `bid`'s value on column `column` as a reader sees it ("238.000
  // EUR", "ja"), and column `column`'s name, in the explainer's language.
  std::string Value(int bid, std::size_t column) const;
  const std::string& ColumnName(std::size_t column) const {
    return names_[column];
  }

 private:
  void Excluded(int bid, ExplanationSink& sink) const;
  // Appends "<name>: " and the lead, if any, of bid i's line on column j.
  void AppendLineStart(std::string* out, int bid, std::size_t column) const;

  const CriteriaSet& set_;
  const Scorer& scorer_;
  const BidSet& bids_;
  const Evaluation& e_;
  const PanelResult* panel_;
  CriterionLead lead_;
  Language language_;
  std::vector<std::string> names_;  // column names in language_
  int winner_ = -1;
  int runner_up_ = -1;
  int ranked_ = 0;
  std::string relative_note_;  // empty when no rule is relative
  std::string relative_;       // " (relative)" after a relative rule's line
  // Words every bid's explanation repeats, written once: the scale, each
  // column's weight, and the total and values of the bids the others are
  // compared with (the winner, and the runner-up for the winner).
  std::string scale_text_;
  std::vector<std::string> weight_text_;
  std::string winner_total_, runner_up_total_;
  std::vector<std::string> winner_values_, runner_up_values_;
  // Where each rank's run starts in e.order (tie partners without a scan).
  std::vector<std::size_t> tie_start_;
  // Each bid's tie record, -1 when none (no scan of every record per bid).
  std::vector<int> tie_record_;
};

// Every bid's explanation, in bid order (Explainer::Explain for each).
std::vector<BidExplanation> Explain(const CriteriaSet& set,
                                    const Scorer& scorer, const BidSet& bids,
                                    const Evaluation& evaluation,
                                    const PanelResult* panel = nullptr,
                                    Language language = Language::kEnglish);

// What turning an evaluation's facts into words needs besides the facts.
// Every pointer may be null; the words then fall back to ids ("bid 2").
struct FactContext {
  const CriteriaSet* set = nullptr;        // names, currency, rounding, policy
  const Scorer* scorer = nullptr;          // column ids (column notes)
  const Evaluation* evaluation = nullptr;  // tie records (NoteKind::kTie)
  const std::vector<std::string>* ids = nullptr;  // bid ids by index
  // A money award shows a tie-break value as a plain number (no currency
  // or unit).
  bool plain_tie_values = false;
  Language language = Language::kEnglish;  // of the words
};

// Why a bid left the evaluation, e.g. "scored 12.00 of 40 points on
// Quality, below the minimum of 20; excluded before price and cost were
// scored" (no leading "it", no full stop).
std::string DescribeExclusion(const Exclusion& exclusion,
                              const FactContext& context);
// Why a bid's price must be justified, with the numbers and the law.
std::string DescribeAbnormallyLow(const AbnormallyLowFlag& flag,
                                  const FactContext& context);
// One tie-break rule that separated bids, e.g. "rule 1, lower Price: B EUR
// 100, A EUR 120".
std::string DescribeTieStep(const TieBreakStepRecord& step,
                            const FactContext& context);
// The note as one sentence (without the final full stop).
std::string DescribeNote(const Note& note, const FactContext& context);

// Describes a scoring rule in one line, e.g. "lowest-ratio: score = lowest
// price / price (relative)".
std::string DescribeRule(const ScoringRule& rule, const std::string& currency,
                         const std::string& unit,
                         Language language = Language::kEnglish);

}  // namespace circa

#endif  // CIRCA_EXPLAIN_H_
