// The motivated award decision and the notification letters
// (docs/award-decision.md), Markdown, in the report's language. The
// decision gives every bid's scores with their reasons; a letter gives only
// the addressee's own and the winning bid's, never another bid's name or
// figures (tests/golden/letters_test.cc).
#include <string>
#include <vector>

#include "circa/labels.h"
#include "circa/report.h"
#include "explain/messages.h"
#include "report/sink.h"
#include "report/text_util.h"

namespace circa {
namespace {

using explain::Messages;
using report::MdText;

// A field the buyer fills in, or a flagged placeholder while it is empty.
std::string Field(const std::string& value, const char* key,
                  const Messages& m) {
  if (!value.empty()) return MdText(value);
  return "**" + m("decision.placeholder", {{"field", m(key)}}) + "**";
}

// The keys of the fields still empty, in the document's order.
std::vector<const char*> EmptyFields(const DecisionFields& d) {
  std::vector<const char*> out;
  const std::pair<const std::string*, const char*> fields[] = {
      {&d.buyer, "decision.field.buyer"},
      {&d.object, "decision.field.object"},
      {&d.reference, "decision.field.reference"},
      {&d.procedure, "decision.field.procedure"},
      {&d.standstill, "decision.field.standstill"},
      {&d.remedies, "decision.field.remedies"},
      {&d.place, "decision.field.place"},
      {&d.date, "decision.field.date"},
      {&d.signatory, "decision.field.signatory"}};
  for (const auto& [value, key] : fields) {
    if (value->empty()) out.push_back(key);
  }
  return out;
}

// The heading block both documents share: buyer, object, reference,
// procedure, and the warning while fields are empty.
std::string Head(const CriteriaSet& set, const char* title, const Messages& m) {
  const DecisionFields& d = set.decision;
  std::string out = "# " + m(title) + "\n\n";
  const std::string contract = LocalTitle(set, m.language());
  if (!contract.empty()) out += "**" + MdText(contract) + "**\n\n";
  const std::vector<const char*> empty = EmptyFields(d);
  if (!empty.empty()) {
    std::string list;
    for (std::size_t k = 0; k < empty.size(); ++k) {
      list += (k ? m("list.comma") : "") + m(empty[k]);
    }
    out += "> **" +
           m("decision.to_fill", {{"count", empty.size()},
                                  {"n", std::to_string(empty.size())},
                                  {"list", list}}) +
           "**\n\n";
  }
  for (const auto& [value, key] :
       {std::pair{&d.buyer, "decision.field.buyer"},
        std::pair{&d.object, "decision.field.object"},
        std::pair{&d.reference, "decision.field.reference"},
        std::pair{&d.procedure, "decision.field.procedure"}}) {
    out += "- " + m(key) + ": " + Field(*value, key, m) + "\n";
  }
  return out;
}

// Standstill, remedies and the signature block.
std::string Tail(const DecisionFields& d, const Messages& m) {
  std::string out = "\n## " + m("decision.field.standstill") + "\n\n" +
                    Field(d.standstill, "decision.field.standstill", m) +
                    "\n\n## " + m("decision.field.remedies") + "\n\n" +
                    Field(d.remedies, "decision.field.remedies", m) + "\n\n";
  for (const auto& [value, key] :
       {std::pair{&d.place, "decision.field.place"},
        std::pair{&d.date, "decision.field.date"},
        std::pair{&d.signatory, "decision.field.signatory"}}) {
    out += "- " + m(key) + ": " + Field(*value, key, m) + "\n";
  }
  return out;
}

std::string BidLabel(const BidSet& bids, std::size_t k) {
  return bids.suppliers[k].empty()
             ? MdText(bids.ids[k])
             : MdText(bids.ids[k]) + " (" + MdText(bids.suppliers[k]) + ")";
}

}  // namespace

void RenderDecision(const Report& r, const TextSink& sink) {
  const CriteriaSet& set = *r.criteria;
  const BidSet& bids = *r.bids;
  const Scorer& scorer = *r.scorer;
  const Evaluation& e = *r.evaluation;
  const Messages& m = Messages::Of(r.language);
  const DecisionFields& d = set.decision;
  report::ChunkedWriter out(sink);
  out += Head(set, "decision.title", m);
  out += "\n" + m("decision.legal") + "\n";

  // The award criteria as published.
  out += "\n## " + m("md.criteria") + "\n\n| " + m("md.criterion") + " | " +
         m("md.weight") + " | " + m("md.rule") + " |\n|---|---:|---|\n";
  const std::vector<std::string> names = report::ColumnNames(r);
  for (std::size_t j = 0; j < scorer.columns().size(); ++j) {
    const Column& c = scorer.columns()[j];
    out += "| " + MdText(names[j]) + " | " + m.Number(c.weight, 2) + " | " +
           MdText(DescribeRule(c.rule, set.currency, c.unit, r.language)) +
           " |\n";
  }
  // Their descriptions as published, in the document's language only.
  std::string described;
  for (std::size_t j = 0; j < scorer.columns().size(); ++j) {
    const Criterion* criterion = set.Find(scorer.columns()[j].id);
    if (criterion == nullptr) continue;
    const std::string text = LocalDescription(*criterion, r.language);
    if (!text.empty()) {
      described += "- " +
                   m("decision.described",
                     {{"name", MdText(names[j])}, {"text", MdText(text)}}) +
                   "\n";
    }
  }
  if (!described.empty()) out += "\n" + described;

  // The bids, the excluded ones with the rule they failed.
  out += "\n## " + m("decision.bids") + "\n\n" +
         m("decision.received", {{"count", bids.ids.size()},
                                 {"n", std::to_string(bids.ids.size())}}) +
         "\n\n";
  const FactContext facts = r.Facts();
  bool any_excluded = false;
  for (const int i : e.order) {
    const auto k = static_cast<std::size_t>(i);
    if (e.status[k] == BidStatus::kRanked) continue;
    any_excluded = true;
    out += "- " +
           m("decision.excluded_item",
             {{"bid", BidLabel(bids, k)},
              {"reason", MdText(DescribeExclusion(e.exclusion[k], facts))}}) +
           "\n";
  }
  if (!any_excluded) out += m("decision.none_excluded") + "\n";

  // Every bid's score on every criterion, with the reason.
  out += "\n## " + m("decision.scores") + "\n";
  report::WriteInBlocks(
      e.order.size(),
      [&r, &e, &bids](std::size_t n, std::string* text) {
        const int i = e.order[n];
        const auto k = static_cast<std::size_t>(i);
        const BidExplanation x = r.Explanation(i);
        *text += "\n### " + report::RankLabel(e, k) + ". " + BidLabel(bids, k) +
                 "\n\n" + MdText(x.summary) + "\n\n";
        for (const CriterionExplanation& c : x.criteria)
          *text += "- " + MdText(c.text) + "\n";
      },
      out);

  // The chosen bid and its relative advantages; the reasons for the others.
  const int winner = e.Winner();
  out += "\n## " + m("decision.award") + "\n\n";
  if (winner < 0) {
    out += m("decision.no_winner") + "\n";
  } else {
    const auto w = static_cast<std::size_t>(winner);
    const BidExplanation x = r.Explanation(winner);
    out += m("decision.awarded", {{"bid", BidLabel(bids, w)},
                                  {"total", m.Number(e.totals[winner], 2)},
                                  {"scale", m.Number(scorer.scale(), -1)}}) +
           "\n\n" + m("decision.advantages") + "\n\n";
    for (const std::string& s : x.versus_winner) out += MdText(s) + "\n";
    out += "\n## " + m("decision.reasons") + "\n\n";
    bool any = false;
    for (const int i : e.order) {
      if (i == winner) continue;
      any = true;
      const auto k = static_cast<std::size_t>(i);
      const BidExplanation y = r.Explanation(i);
      std::string reasons = y.summary;
      for (const std::string& s : y.versus_winner) reasons += " " + s;
      out += "- **" + BidLabel(bids, k) + "**: " + MdText(reasons) + "\n";
    }
    if (!any) out += m("decision.no_other") + "\n";
  }
  out += Tail(d, m);
}

std::string RenderLetter(const Report& r, int bid) {
  if (r.explainer == nullptr) return "";  // MakeReport(..., explain = false)
  const CriteriaSet& set = *r.criteria;
  const BidSet& bids = *r.bids;
  const Scorer& scorer = *r.scorer;
  const Evaluation& e = *r.evaluation;
  const Messages& m = Messages::Of(r.language);
  const auto k = static_cast<std::size_t>(bid);
  const int winner = e.Winner();
  const auto w = static_cast<std::size_t>(winner < 0 ? 0 : winner);
  std::string out = Head(set, "letter.title", m);
  out += "- " + m("letter.to", {{"bid", BidLabel(bids, k)}}) + "\n\n";
  const std::string scale = m.Number(scorer.scale(), -1);
  const bool ranked = e.status[k] == BidStatus::kRanked;
  if (bid == winner) {
    out += m("letter.won",
             {{"total", m.Number(e.totals[bid], 2)}, {"scale", scale}});
  } else if (winner < 0) {
    out += m("decision.no_winner");
  } else if (ranked) {
    out += m("letter.lost", {{"ordinal", m.Ordinal(e.rank[k])},
                             {"ranked", std::to_string(e.RankedCount())},
                             {"total", m.Number(e.totals[bid], 2)},
                             {"scale", scale},
                             {"winner", BidLabel(bids, w)},
                             {"winner_total", m.Number(e.totals[winner], 2)}});
  } else {
    out += m("letter.excluded",
             {{"reason", MdText(DescribeExclusion(e.exclusion[k], r.Facts()))},
              {"winner", BidLabel(bids, w)},
              {"winner_total", m.Number(e.totals[winner], 2)}});
  }
  out += "\n\n" + m("decision.legal") + "\n";

  // The addressee's scores, next to the winning bid's.
  const bool compare = winner >= 0 && bid != winner;
  out += "\n## " + m("letter.scores") + "\n\n| " + m("md.criterion") + " | " +
         m("md.weight") + " | " + m("md.rule") + " | " +
         m("letter.your_value") + " | " + m("letter.your_points") + " |";
  std::string rule = "|---|---:|---|---|---:|";
  if (compare) {
    out += " " + m("letter.winner_value") + " | " + m("letter.winner_points") +
           " |";
    rule += "---|---:|";
  }
  out += "\n" + rule + "\n";
  const std::vector<std::string> names = report::ColumnNames(r);
  const auto points = [&e, &m](int i, std::size_t j) {
    return m.Number(e.Points(i, static_cast<Eigen::Index>(j)), 2);
  };
  for (std::size_t j = 0; j < scorer.columns().size(); ++j) {
    const Column& c = scorer.columns()[j];
    const bool scored = e.Scored(bid, c.type != CriterionType::kQuality);
    out += "| " + MdText(names[j]) + " | " + m.Number(c.weight, 2) + " | " +
           MdText(DescribeRule(c.rule, set.currency, c.unit, r.language)) +
           " | " + MdText(r.explainer->Value(bid, j)) + " | " +
           (scored ? points(bid, j) : m("formula.not_scored")) + " |";
    if (compare) {
      out += " " + MdText(r.explainer->Value(winner, j)) + " | " +
             points(winner, j) + " |";
    }
    out += "\n";
  }
  if (ranked) {
    out += "| **" + m("table.total") + "** | " + scale + " | | | **" +
           m.Number(e.totals[bid], 2) + "** |";
    if (compare) out += " | **" + m.Number(e.totals[winner], 2) + "** |";
    out += "\n";
  }
  // Where the addressee won and lost points against the winning bid: the
  // winning bid's characteristics and relative advantages.
  if (compare && ranked) {
    const BidExplanation x = r.Explanation(bid);
    out += "\n" + m("decision.advantages") + "\n\n";
    for (const std::string& s : x.versus_winner) out += MdText(s) + "\n";
  }
  out += Tail(set.decision, m);
  return out;
}

}  // namespace circa
