// Explanations read the stored evaluation: scores, points, column extremes
// and notes. Nothing here re-scores. One bid at a time: its summary (rank,
// total, gap), where it won and lost points, and each criterion's cell;
// the words of each fact live in a file of their own (words.h).
#include "circa/explain.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "circa/labels.h"
#include "explain/words.h"
#include "util/criteria_index.h"

namespace circa {

using explain::AwardSteps;
using explain::Context;
using explain::Messages;
using explain::Pts;
using explain::TiePartners;

Explainer::Explainer(const CriteriaSet& set, const Scorer& scorer,
                     const BidSet& bids, const Evaluation& evaluation,
                     const PanelResult* panel, CriterionLead lead,
                     Language language)
    : set_(set),
      scorer_(scorer),
      bids_(bids),
      e_(evaluation),
      panel_(panel),
      lead_(std::move(lead)),
      language_(language),
      winner_(evaluation.Winner()),
      ranked_(evaluation.RankedCount()) {
  const Evaluation& e = e_;
  const Messages& m = Messages::Of(language);
  const auto n = static_cast<int>(bids.size());
  runner_up_ =
      e.order.size() > 1 && e.status[static_cast<std::size_t>(e.order[1])] ==
                                BidStatus::kRanked
          ? e.order[1]
          : -1;
  const util::CriteriaIndex index(set);
  for (const Column& c : scorer.columns()) {
    const Criterion* found = index.Find(c.id);
    names_.push_back(found != nullptr ? LocalName(*found, language) : c.name);
  }

  relative_ = m("criterion.relative");
  std::vector<std::string> relative;
  for (std::size_t j = 0; j < scorer.columns().size(); ++j) {
    const Column& c = scorer.columns()[j];
    if (c.relative) {
      relative.push_back(m(
          "relative.item",
          {{"name", names_[j]}, {"rule", std::string(ToString(c.rule.rule))}}));
    }
  }
  if (!relative.empty()) {
    std::string list;
    for (std::size_t t = 0; t < relative.size(); ++t) {
      list += (t ? m("list.comma") : "") + relative[t];
    }
    relative_note_ = m("relative.note", {{"list", list}});
  }

  const Context ctx{set_, scorer_, bids_, e_, m, names_};
  scale_text_ = m.Number(scorer.scale(), -1);
  for (const Column& c : scorer.columns()) {
    weight_text_.push_back(Pts(c.weight, m));
  }
  const auto reference = [&](int bid, std::string* total,
                             std::vector<std::string>* values) {
    if (bid < 0) return;
    *total = Pts(e.totals[bid], m);
    for (std::size_t j = 0; j < scorer.columns().size(); ++j) {
      values->push_back(ctx.Value(bid, j));
    }
  };
  reference(winner_, &winner_total_, &winner_values_);
  reference(runner_up_, &runner_up_total_, &runner_up_values_);

  // Where each rank's run starts in e.order, so that tie partners are found
  // without scanning every bid for every tied bid.
  tie_start_.assign(static_cast<std::size_t>(n) + 1, 0);
  for (std::size_t p = e.order.size(); p-- > 0;) {
    tie_start_[static_cast<std::size_t>(
        e.rank[static_cast<std::size_t>(e.order[p])])] = p;
  }

  // The tie record of each bid (-1: none), so that a bid's tie is found
  // without scanning every record (100,000 bids in tied pairs).
  tie_record_.assign(static_cast<std::size_t>(n), -1);
  for (std::size_t r = 0; r < e.tie_breaks.size(); ++r) {
    for (const int b : e.tie_breaks[r].bids) {
      if (tie_record_[static_cast<std::size_t>(b)] < 0)
        tie_record_[static_cast<std::size_t>(b)] = static_cast<int>(r);
    }
  }
}

void Explainer::AppendLineStart(std::string* out, int i, std::size_t j) const {
  const Messages& m = Messages::Of(language_);
  if (!lead_) return m.Append(out, "line.start", {{"name", names_[j]}});
  const std::string lead = lead_(i, j);
  if (lead.empty()) return m.Append(out, "line.start", {{"name", names_[j]}});
  m.Append(out, "line.lead", {{"name", names_[j]}, {"lead", lead}});
}

namespace {

using Part = ExplanationSink::Part;

// Collects the sentences into a BidExplanation (Explainer::Explain(bid)).
class CollectExplanation final : public ExplanationSink {
 public:
  explicit CollectExplanation(BidExplanation* x) : x_(x) {}
  std::string* Begin(Part part, std::string_view criterion) override {
    switch (part) {
      case Part::kSummary:
        return &x_->summary;
      case Part::kAwardStep:
        return &x_->award_steps.emplace_back();
      case Part::kVersusWinner:
        return &x_->versus_winner.emplace_back();
      case Part::kCriterion:
        x_->criteria.push_back({std::string(criterion), {}});
        return &x_->criteria.back().text;
      case Part::kRelativeNote:
        return &x_->relative_note;
    }
    return &x_->summary;
  }
  void End() override {}

 private:
  BidExplanation* x_;
};

// The text of one argument, built in a buffer each thread reuses (a
// report asks for millions of them): the buffer keeps its capacity.
class Scratch {
 public:
  explicit Scratch(std::size_t slot) : text_(Buffers()[slot]) { text_.clear(); }
  std::string* operator->() { return &text_; }
  std::string* get() { return &text_; }
  const std::string& operator*() const { return text_; }

 private:
  static std::array<std::string, 8>& Buffers() {
    thread_local std::array<std::string, 8> buffers;
    return buffers;
  }
  std::string& text_;
};

}  // namespace

BidExplanation Explainer::Explain(int i) const {
  BidExplanation x;
  CollectExplanation collect(&x);
  Explain(i, collect);
  return x;
}

void Explainer::Excluded(int i, ExplanationSink& sink) const {
  const Messages& m = Messages::Of(language_);
  const Context ctx{set_, scorer_, bids_, e_, m, names_};
  const Evaluation& e = e_;
  const auto k = static_cast<std::size_t>(i);
  m.Append(sink.Begin(Part::kSummary, {}), "summary.excluded",
           {{"bid", ctx.BidName(i)},
            {"reason", DescribeExclusion(e.exclusion[k], ctx.Facts())}});
  sink.End();
  AwardSteps(set_, scorer_, bids_, e, i, panel_, tie_record_, language_, sink);
  for (std::size_t j = 0; j < scorer_.columns().size(); ++j) {
    const Column& c = scorer_.columns()[j];
    const auto jj = static_cast<Eigen::Index>(j);
    const bool money = c.type != CriterionType::kQuality;
    Scratch start(0);
    AppendLineStart(start.get(), i, j);
    std::string* out = sink.Begin(Part::kCriterion, c.id);
    if (e.Scored(i, money)) {
      m.Append(out, "criterion.line",
               {{"start", *start},
                {"value", ctx.Value(i, j)},
                {"formula", ctx.Formula(i, j)},
                {"weight", weight_text_[j]},
                {"points", Pts(e.Points(i, jj), m)},
                {"relative", ""}});
    } else {
      m.Append(out, "criterion.not_scored",
               {{"start", *start}, {"value", ctx.Value(i, j)}});
    }
    sink.End();
  }
  sink.Begin(Part::kRelativeNote, {});
  sink.End();
}

void Explainer::Explain(int i, ExplanationSink& sink) const {
  const auto k = static_cast<std::size_t>(i);
  if (e_.status[k] != BidStatus::kRanked) return Excluded(i, sink);
  const Messages& m = Messages::Of(language_);
  const Context ctx{set_, scorer_, bids_, e_, m, names_};
  const Evaluation& e = e_;
  const BidSet& bids = bids_;
  const Scorer& scorer = scorer_;
  const std::size_t mcols = scorer.columns().size();
  const int winner = winner_;
  const double total = e.totals[i];
  const int reference = (i == winner) ? runner_up_ : winner;
  const std::string& reference_total =
      i == winner ? runner_up_total_ : winner_total_;
  const std::vector<std::string>& reference_values =
      i == winner ? runner_up_values_ : winner_values_;
  // The bid's value on each column, as the reader sees it (written twice:
  // against the winner and in the criterion's line).
  thread_local std::vector<std::string> values;
  values.resize(mcols);
  for (std::size_t j = 0; j < mcols; ++j) values[j] = ctx.Value(i, j);
  {
    std::string* summary = sink.Begin(Part::kSummary, {});
    m.Append(summary, "summary.rank",
             {{"bid", ctx.BidName(i)},
              {"ordinal", m.Ordinal(e.rank[k])},
              {"rank", e.rank[k]},
              {"ranked", std::to_string(ranked_)},
              {"count", ranked_},
              {"total", Pts(total, m)},
              {"scale", scale_text_}});
    if (e.tied[k]) {
      summary->push_back(' ');
      m.Append(summary, "summary.tied",
               {{"partners", TiePartners(e, bids, i, tie_start_, m)}});
    }
    if (reference >= 0 && !(e.tied[k] && e.rank[k] == 1)) {
      const double gap = std::abs(total - e.totals[reference]);
      const std::string& ref_name =
          bids.ids[static_cast<std::size_t>(reference)];
      summary->push_back(' ');
      if (gap <= kTieTolerance) {
        m.Append(summary,
                 i == winner ? "summary.same_ahead" : "summary.same_behind",
                 {{"ref", ref_name}});
      } else if (i == winner) {
        m.Append(summary, "summary.leads",
                 {{"ref", ref_name}, {"gap", Pts(gap, m)}});
      } else {
        m.Append(summary, "summary.behind",
                 {{"ref", ref_name},
                  {"gap", Pts(gap, m)},
                  {"total", reference_total}});
      }
    }
    sink.End();
  }
  AwardSteps(set_, scorer, bids, e, i, panel_, tie_record_, language_, sink);
  // Where this bid won and lost points against the reference bid.
  if (reference >= 0) {
    struct Diff {
      double points;
      std::size_t column;
    };
    std::vector<Diff> diffs;
    for (std::size_t j = 0; j < mcols; ++j) {
      const auto jj = static_cast<Eigen::Index>(j);
      const double d = e.Points(i, jj) - e.Points(reference, jj);
      if (std::abs(d) >= 0.005) diffs.push_back({d, j});
    }
    std::stable_sort(diffs.begin(), diffs.end(),
                     [](const Diff& a, const Diff& b) {
                       return std::abs(a.points) > std::abs(b.points);
                     });
    const std::string& ref_id = bids.ids[static_cast<std::size_t>(reference)];
    // The gained and lost items joined as JoinAnd joins them.
    Scratch gained(1), lost(2);
    std::size_t gained_count = 0, lost_count = 0;
    const auto count = [&](bool gain) {
      std::size_t n = 0;
      for (const Diff& d : diffs) n += (d.points > 0) == gain;
      return n;
    };
    const std::size_t gains = count(true), losses = diffs.size() - gains;
    for (const Diff& d : diffs) {
      const bool gain = d.points > 0;
      std::string* list = gain ? gained.get() : lost.get();
      std::size_t& done = gain ? gained_count : lost_count;
      const std::size_t all = gain ? gains : losses;
      if (done != 0) {
        m.Append(list, done + 1 == all ? "list.and" : "list.comma");
      }
      ++done;
      m.Append(list, "versus.item",
               {{"points", Pts(std::abs(d.points), m)},
                {"name", names_[d.column]},
                {"value", values[d.column]},
                {"other", reference_values[d.column]}});
    }
    std::string* out = sink.Begin(Part::kVersusWinner, {});
    if (gains != 0 && losses != 0) {
      m.Append(out, "versus.both",
               {{"ref", ref_id}, {"gained", *gained}, {"lost", *lost}});
    } else if (gains != 0) {
      m.Append(out, "versus.gains", {{"ref", ref_id}, {"gained", *gained}});
    } else if (losses != 0) {
      m.Append(out, "versus.loses", {{"ref", ref_id}, {"lost", *lost}});
    } else {
      m.Append(out, "versus.same", {{"ref", ref_id}});
    }
    sink.End();
  }
  for (std::size_t j = 0; j < mcols; ++j) {
    const Column& c = scorer.columns()[j];
    const auto jj = static_cast<Eigen::Index>(j);
    Scratch start(0);
    AppendLineStart(start.get(), i, j);
    m.Append(sink.Begin(Part::kCriterion, c.id), "criterion.line",
             {{"start", *start},
              {"value", values[j]},
              {"formula", ctx.Formula(i, j)},
              {"weight", weight_text_[j]},
              {"points", Pts(e.Points(i, jj), m)},
              {"relative", c.relative ? relative_ : std::string_view()}});
    sink.End();
  }
  sink.Begin(Part::kRelativeNote, {})->append(relative_note_);
  sink.End();
}

std::string Explainer::Value(int i, std::size_t j) const {
  const Context ctx{set_, scorer_, bids_, e_, Messages::Of(language_), names_};
  return ctx.Value(i, j);
}

std::vector<BidExplanation> Explain(const CriteriaSet& set,
                                    const Scorer& scorer, const BidSet& bids,
                                    const Evaluation& e,
                                    const PanelResult* panel,
                                    Language language) {
  const Explainer explainer(set, scorer, bids, e, panel, {}, language);
  std::vector<BidExplanation> out;
  out.reserve(static_cast<std::size_t>(bids.size()));
  for (int i = 0; i < static_cast<int>(bids.size()); ++i) {
    out.push_back(explainer.Explain(i));
  }
  return out;
}

}  // namespace circa
