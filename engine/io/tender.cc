#include "circa/tender.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <string_view>
#include <unordered_set>

#include "circa/lcc.h"
#include "circa/load.h"
#include "circa/panel.h"
#include "io/bids_layout.h"
#include "io/file.h"
#include "score/stages.h"

namespace circa {

namespace {

namespace fs = std::filesystem;

// Whether dir/name is there as a regular file (symlinks followed). One that
// is there as something else (a FIFO would block the read, a device would
// be read forever) is an error saying what it is.
bool IsTenderFile(const fs::path& dir, const char* name, Diagnostics* diag) {
  const fs::path path = dir / name;
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (ec.value() == ELOOP) {
    diag->Error({path.string(), 0, 0}, "",
                "cannot read file: a symbolic link loop");
    return false;
  }
  if (ec || !fs::exists(st)) return false;
  if (fs::is_regular_file(st)) return true;
  const char* what = fs::is_directory(st)        ? "a directory"
                     : fs::is_fifo(st)           ? "a FIFO (named pipe)"
                     : fs::is_character_file(st) ? "a character device"
                     : fs::is_block_file(st)     ? "a block device"
                     : fs::is_socket(st)         ? "a socket"
                                                 : "not a regular file";
  diag->Error({path.string(), 0, 0}, "",
              std::string("cannot read file: it is ") + what +
                  "; a tender directory holds regular files");
  return false;
}

}  // namespace

Result<TenderPaths> ResolveTenderDirectory(const std::string& directory) {
  Diagnostics diag;
  const fs::path dir(directory);
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    diag.Error({directory, 0, 0}, "", "not a tender directory");
    return {std::nullopt, diag.Take()};
  }
  TenderPaths paths;
  const std::size_t before = diag.items().size();
  if (IsTenderFile(dir, "tender.yaml", &diag)) {
    paths.criteria = (dir / "tender.yaml").string();
  } else if (diag.items().size() == before) {
    diag.Error({directory, 0, 0}, "",
               "a tender directory needs tender.yaml (the criteria set)");
  }
  const std::size_t before_bids = diag.items().size();
  for (const char* name : {"bids.csv", "bids.yaml", "bids.yml", "bids.json",
                           "bids.xlsx", "bids.ods"}) {
    if (IsTenderFile(dir, name, &diag)) {
      paths.bids = (dir / name).string();
      break;
    }
  }
  if (IsTenderFile(dir, "panel.csv", &diag)) {
    paths.panel = (dir / "panel.csv").string();
  }
  for (const char* name :
       {"cost-profile.yaml", "cost-profile.yml", "cost-profile.csv"}) {
    if (IsTenderFile(dir, name, &diag)) {
      paths.cost_profile = (dir / name).string();
      break;
    }
  }
  if (paths.bids.empty() && diag.items().size() == before_bids) {
    diag.Error({directory, 0, 0}, "",
               "a tender directory needs bids.csv, bids.yaml, bids.json, "
               "bids.xlsx or bids.ods");
  }
  if (diag.HasErrors()) return {std::nullopt, diag.Take()};
  return {paths, diag.Take()};
}

namespace {

// Each `from: lcc` leaf's column becomes the bids' LCC from the cost
// profile, rounded to the cent as every report shows it. Returns false
// after adding errors.
bool FillLcc(const TenderPaths& paths,
             const std::vector<const Criterion*>& leaves, Tender* t,
             std::vector<Diagnostic>* diagnostics) {
  std::vector<std::size_t> columns;
  for (std::size_t j = 0; j < leaves.size(); ++j) {
    if (leaves[j]->from_lcc) columns.push_back(j);
  }
  if (columns.empty()) {
    if (!paths.cost_profile.empty()) {
      diagnostics->push_back({Severity::kWarning,
                              {paths.cost_profile, 0, 0},
                              "",
                              "cost profile not used: no criterion of " +
                                  t->criteria.source +
                                  " takes its value from it (from: lcc)"});
    }
    return true;
  }
  if (paths.cost_profile.empty()) {
    const Criterion& leaf = *leaves[columns.front()];
    diagnostics->push_back(
        {Severity::kError, leaf.where, leaf.id + ".from",
         "the value is each bid's life-cycle cost; give a cost profile "
         "(cost-profile.yaml or cost-profile.csv in the tender directory, "
         "or --costs FILE)"});
    return false;
  }
  Result<CostProfile> profile = LoadCostProfileFile(paths.cost_profile);
  diagnostics->insert(diagnostics->end(), profile.diagnostics.begin(),
                      profile.diagnostics.end());
  if (!profile.ok()) return false;
  LccEvaluation lcc = EvaluateLcc(*profile.value);
  const Result<std::vector<double>> values =
      LccForBids(lcc, t->bids.ids, paths.cost_profile);
  diagnostics->insert(diagnostics->end(), values.diagnostics.begin(),
                      values.diagnostics.end());
  if (!values.ok()) return false;
  const std::size_t width = t->bids.criteria.size();
  for (std::size_t i = 0; i < t->bids.ids.size(); ++i) {
    double rounded = 0;
    for (const LccOfferResult& o : lcc.offers) {
      if (o.id == t->bids.ids[i]) rounded = o.lcc_rounded;
    }
    for (const std::size_t j : columns) {
      t->bids.values(static_cast<Eigen::Index>(i),
                     static_cast<Eigen::Index>(j)) = rounded;
      if (t->bids.text.size() == t->bids.ids.size() * width) {
        const std::string_view given = t->bids.text[i * width + j];
        if (!given.empty()) {
          diagnostics->push_back(
              {Severity::kWarning,
               i < t->bids.rows.size() ? t->bids.rows[i]
                                       : SourceLocation{t->bids.source, 0, 0},
               "bids[" + t->bids.ids[i] + "]." + t->bids.criteria[j],
               "the value comes from the cost profile (from: lcc); \"" +
                   std::string(given) + "\" in the bid file is ignored"});
        }
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "%.2f", rounded);
        t->bids.text.Set(i * width + j, buffer);
      }
    }
  }
  t->cost_profile = std::move(profile.value);
  t->lcc = std::move(lcc);
  return true;
}

// One error per declared panel criterion (DeclaredPanelLeaves) that the
// bid file gives a value for, located at the first such bid.
std::vector<Diagnostic> PanelValuesWithoutPanel(
    const CriteriaSet& set, const BidSet& bids,
    const std::vector<std::string>& excluded) {
  Diagnostics diag;
  const std::size_t m = bids.criteria.size();
  const std::unordered_set<std::string_view> skip(excluded.begin(),
                                                  excluded.end());
  for (const Criterion* leaf : DeclaredPanelLeaves(set)) {
    const auto col =
        std::find(bids.criteria.begin(), bids.criteria.end(), leaf->id);
    if (col == bids.criteria.end()) continue;
    const auto j = static_cast<std::size_t>(col - bids.criteria.begin());
    std::size_t first = bids.ids.size();
    int count = 0;
    for (std::size_t i = 0; i < bids.ids.size(); ++i) {
      const std::size_t k = i * m + j;
      if (k >= bids.text.size() || bids.text[k].empty()) continue;
      if (skip.count(bids.ids[i]) > 0) continue;
      if (count++ == 0) first = i;
    }
    if (count == 0) continue;
    const PanelPolicy* policy = PanelPolicyFor(set, leaf->id);
    const std::string declared =
        policy != nullptr && policy->where.line > 0
            ? " (declared at " + policy->where.file + ":" +
                  std::to_string(policy->where.line) + ")"
            : "";
    diag.Error(
        first < bids.rows.size() ? bids.rows[first]
                                 : SourceLocation{bids.source, 0, 0},
        "bids[" + bids.ids[first] + "]." + leaf->id,
        "the bid file gives a value for \"" + leaf->id + "\"" +
            (count > 1 ? " (and for " + std::to_string(count - 1) +
                             (count == 2 ? " other bid)" : " other bids)")
                       : std::string()) +
            ", which has a panel policy" + declared +
            ": it is scored only from a panel file; give the panel's scores "
            "(panel.csv in the tender directory, or --panel FILE) and leave "
            "the bid file's cells empty, or remove panel: from the "
            "criterion");
  }
  return diag.Take();
}

}  // namespace

Result<Tender> LoadTender(const TenderPaths& paths,
                          const LoadOptions& options) {
  return LoadTenderSheet(paths, options, "");
}

Result<Tender> LoadTenderSheet(const TenderPaths& paths,
                               const LoadOptions& options,
                               const std::string& sheet) {
  Result<Tender> out;
  if (std::string why; !options.IsValid(&why)) {
    out.diagnostics.push_back({Severity::kError, {}, "options", why});
    return out;
  }
  // The set, and how the bid file is laid out (`bids:` in the criteria
  // file), from one parse of the file.
  io::BidsLayout layout;
  Diagnostics layout_diag;
  Result<CriteriaSet> criteria =
      LoadCriteriaFileAndLayout(paths.criteria, options, &layout, &layout_diag);
  out.diagnostics = std::move(criteria.diagnostics);
  if (!criteria.ok()) return out;
  Tender t;
  t.criteria = std::move(*criteria.value);
  {
    const auto d = layout_diag.Take();
    out.diagnostics.insert(out.diagnostics.end(), d.begin(), d.end());
    if (HasErrors(d)) return out;
  }
  if (!sheet.empty()) layout.sheet = sheet;
  Result<BidSet> bids =
      io::LoadBidsWithLayout(paths.bids, t.criteria, options, layout);
  out.diagnostics.insert(out.diagnostics.end(), bids.diagnostics.begin(),
                         bids.diagnostics.end());
  if (!bids.ok()) return out;
  t.bids = std::move(*bids.value);
  // Bids that fail a minimum requirement are out before quality is scored:
  // the panel need not score them.
  std::vector<std::string> excluded;
  const std::vector<const Criterion*> leaves = t.criteria.Leaves();
  std::vector<std::string> leaf_ids;
  for (const Criterion* c : leaves) leaf_ids.push_back(c->id);
  for (Eigen::Index i = 0; i < t.bids.size(); ++i) {
    // The award order's first stage, as the scorer and the money award run
    // it (score::CheckRequirements).
    if (score::CheckRequirements(t.criteria.requirements, t.bids, i, leaf_ids)
            .stage != ExclusionStage::kNone) {
      excluded.push_back(t.bids.ids[static_cast<std::size_t>(i)]);
    }
  }
  if (paths.panel.empty()) {
    // A criterion with its own or its group's panel policy is scored only
    // from a panel file (docs/panels.md): a bid file's value is no panel
    // score, it has no consensus and no rationale (issue 13).
    const auto refused = PanelValuesWithoutPanel(t.criteria, t.bids, excluded);
    out.diagnostics.insert(out.diagnostics.end(), refused.begin(),
                           refused.end());
    if (!refused.empty()) return out;
  }
  if (!paths.panel.empty()) {
    Diagnostics read;
    const auto text = io::ReadFile(paths.panel, options.max_bids_bytes, &read);
    if (!text) {
      const auto d = read.Take();
      out.diagnostics.insert(out.diagnostics.end(), d.begin(), d.end());
      return out;
    }
    Result<PanelScores> panel = ParsePanel(*text, paths.panel, t.criteria,
                                           t.bids.ids, excluded, options);
    out.diagnostics.insert(out.diagnostics.end(), panel.diagnostics.begin(),
                           panel.diagnostics.end());
    if (!panel.ok()) return out;
    t.panel = AggregatePanel(*panel.value, t.criteria);
    ApplyPanel(*t.panel, &t.bids);
    t.panel_scores = std::move(panel.value);
  }
  std::vector<Diagnostic> empty =
      CheckPanelFilled(t.bids, t.criteria, excluded);
  if (paths.panel.empty()) {
    // No panel file was given at all: say where one goes.
    for (Diagnostic& d : empty) {
      d.message =
          "no value: the bid file leaves it empty and no panel file was "
          "given; give the panel's scores (panel.csv in the tender "
          "directory, or --panel FILE)";
    }
  }
  out.diagnostics.insert(out.diagnostics.end(), empty.begin(), empty.end());
  if (HasErrors(empty)) return out;
  if (!FillLcc(paths, leaves, &t, &out.diagnostics)) return out;
  out.value = std::move(t);
  return out;
}

}  // namespace circa
