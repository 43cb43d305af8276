// JSON result, schema circa.result/1 (docs/result-format.md). Numbers are
// rounded to 6 decimals so that output is byte-identical across builds.
#include <cmath>
#include <nlohmann/json.hpp>

#include "circa/report.h"
#include "circa/version.h"
#include "report/json_util.h"
#include "report/lcc_report.h"
#include "report/text_util.h"

namespace circa {
namespace report {

nlohmann::ordered_json CriteriaSetJson(const CriteriaSet& set,
                                       bool with_scale) {
  nlohmann::ordered_json j = {{"id", set.id},
                              {"version", set.version},
                              {"title", set.title},
                              {"description", set.description},
                              {"publisher", set.publisher},
                              {"currency", set.currency}};
  if (with_scale) j["scale"] = Round6(set.scale);
  if (!set.model_id.empty()) {
    j["model"] = {{"id", set.model_id}, {"version", set.model_version}};
  }
  return j;
}

nlohmann::ordered_json InputsJson(const CriteriaSet& set, const BidSet& bids,
                                  const PanelResult* panel,
                                  const LccEvaluation* lcc) {
  using nlohmann::ordered_json;
  ordered_json inputs = ordered_json::array(
      {{{"role", "criteria"}, {"path", set.source}, {"sha256", set.sha256}},
       {{"role", "bids"}, {"path", bids.source}, {"sha256", bids.sha256}}});
  if (panel != nullptr && !panel->source.empty()) {
    inputs.push_back({{"role", "panel"},
                      {"path", panel->source},
                      {"sha256", panel->sha256}});
  }
  if (lcc != nullptr) {
    inputs.push_back(
        {{"role", "costs"}, {"path", lcc->source}, {"sha256", lcc->sha256}});
  }
  if (!set.model_id.empty()) {
    // A derived set: its model too, so the bytes of both criteria files
    // are on record.
    inputs.push_back({{"role", "model"},
                      {"path", set.model_source},
                      {"sha256", set.model_sha256}});
  }
  return inputs;
}

}  // namespace report

std::string RenderJson(const Report& r) {
  using nlohmann::ordered_json;
  const CriteriaSet& set = *r.criteria;
  const BidSet& bids = *r.bids;
  const Scorer& scorer = *r.scorer;
  const Evaluation& e = *r.evaluation;

  ordered_json j;
  j["schema"] = kResultSchema;
  j["circa_version"] = kVersion;
  j["criteria_set"] = report::CriteriaSetJson(set, true);
  j["inputs"] = report::InputsJson(set, bids, r.panel, r.lcc);
  ordered_json criteria = ordered_json::array();
  for (const Column& c : scorer.columns()) {
    criteria.push_back(
        {{"id", c.id},
         {"name", c.name},
         {"type", ToString(c.type)},
         {"unit", c.unit},
         {"group",
          scorer.top_levels()[static_cast<std::size_t>(c.top_level)].id},
         {"rule", ToString(c.rule.rule)},
         {"rule_text", DescribeRule(c.rule, set.currency, c.unit)},
         {"relative", c.relative},
         {"weight", report::Round6(c.weight)}});
    if (!set.model_id.empty()) {
      if (const Criterion* found = set.Find(c.id)) {
        criteria.back()["origin"] =
            found->origin.kind == Origin::Kind::kLocal ? "local" : "model";
        criteria.back()["changed"] = found->origin.changed;
      }
    }
  }
  j["criteria"] = criteria;
  const int winner = e.Winner();
  j["winner"] = winner >= 0
                    ? ordered_json(bids.ids[static_cast<std::size_t>(winner)])
                    : ordered_json(nullptr);
  ordered_json out_bids = ordered_json::array();
  for (const int i : e.order) {
    const auto k = static_cast<std::size_t>(i);
    ordered_json b;
    b["id"] = bids.ids[k];
    b["supplier"] = bids.suppliers[k];
    b["rank"] = e.rank[k];
    b["status"] = e.status[k] == BidStatus::kRanked ? "ranked" : "excluded";
    b["tied"] = static_cast<bool>(e.tied[k]);
    if (!e.exclusion.empty() && e.exclusion[k].stage != ExclusionStage::kNone) {
      const Exclusion& x = e.exclusion[k];
      b["exclusion"] = {
          {"stage", x.stage == ExclusionStage::kRequirement ? "requirement"
                    : x.stage == ExclusionStage::kThreshold ? "threshold"
                                                            : "max-pass"},
          {"rule", x.rule},
          {"reason", x.reason}};
    }
    if (!e.abnormally_low.empty() && !e.abnormally_low[k].empty()) {
      b["abnormally_low"] = e.abnormally_low[k];
    }
    b["total"] = report::Round6(e.totals[i]);
    ordered_json subtotals = ordered_json::object();
    for (std::size_t t = 0; t < scorer.top_levels().size(); ++t) {
      subtotals[scorer.top_levels()[t].id] =
          report::Round6(e.subtotals(i, static_cast<Eigen::Index>(t)));
    }
    b["subtotals"] = subtotals;
    ordered_json cells = ordered_json::array();
    for (std::size_t c = 0; c < scorer.columns().size(); ++c) {
      const auto cc = static_cast<Eigen::Index>(c);
      const Column& col = scorer.columns()[c];
      cells.push_back(
          {{"id", col.id},
           {"raw", bids.text.empty() ? std::string() : bids.Text(i, cc)},
           {"value", report::Round6(bids.values(i, cc))},
           {"score", report::Round6(e.scores(i, cc))},
           {"weight", report::Round6(col.weight)},
           {"points", report::Round6(e.Points(i, cc))},
           {"relative", col.relative}});
    }
    b["criteria"] = cells;
    const BidExplanation& x = r.explanations[k];
    ordered_json lines = ordered_json::array();
    for (const CriterionExplanation& ce : x.criteria) {
      lines.push_back({{"id", ce.id}, {"text", ce.text}});
    }
    b["explanation"] = {{"summary", x.summary},
                        {"award_steps", x.award_steps},
                        {"versus_winner", x.versus_winner},
                        {"criteria", lines},
                        {"relative_note", x.relative_note}};
    out_bids.push_back(b);
  }
  j["bids"] = out_bids;
  if (r.lcc != nullptr) j["lcc"] = report::LccJson(*r.lcc);
  ordered_json notes = ordered_json::array();
  for (const Note& n : e.notes) {
    notes.push_back(
        {{"criterion",
          n.column >= 0
              ? ordered_json(
                    scorer.columns()[static_cast<std::size_t>(n.column)].id)
              : ordered_json(nullptr)},
         {"text", n.text}});
  }
  j["notes"] = notes;
  if (!e.tie_breaks.empty()) {
    ordered_json ties = ordered_json::array();
    for (const TieBreakRecord& t : e.tie_breaks) {
      ordered_json ids = ordered_json::array();
      ordered_json order = ordered_json::array();
      for (const int b : t.bids)
        ids.push_back(bids.ids[static_cast<std::size_t>(b)]);
      for (const int b : t.order)
        order.push_back(bids.ids[static_cast<std::size_t>(b)]);
      ties.push_back({{"total", report::Round6(t.total)},
                      {"bids", ids},
                      {"order", order},
                      {"resolved", t.resolved},
                      {"steps", t.steps}});
    }
    j["tie_breaks"] = ties;
  }
  return report::JsonText(j.dump(2)) + "\n";
}

}  // namespace circa
