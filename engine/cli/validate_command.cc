// circa validate CRITERIA [BIDS] | TENDER_DIR: every problem, no scoring.
#include <cstdio>
#include <memory>

#include "circa/validate.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "io/bids_layout.h"
#include "util/display_text.h"

namespace circa::cli {
namespace {

// Names and ids from the inputs, control characters shown escaped.
std::string Shown(const std::string& text) {
  return util::SanitizeForDisplay(text, util::Newlines::kEscape);
}

struct ValidateArgs {
  std::string first;
  std::string second;
  std::string locale;
  std::string panel;
  std::string costs;
};

int RunValidate(const ValidateArgs& args) {
  int failure = kExitUsage;
  const auto inputs = ResolveInputs(args.first, args.second, false, &failure);
  if (!inputs) return failure;
  const LoadOptions options = MakeLoadOptions(args.locale);
  if (!CheckOptions(options)) return kExitUsage;
  const Result<CriteriaSet> criteria =
      LoadCriteriaFile(inputs->criteria, options);
  if (PrintDiagnostics(criteria.diagnostics)) return kExitInvalidInput;
  const CriteriaSet& set = *criteria.value;
  // Draft criteria are checked but not yet scored: said, not refused.
  PrintDiagnostics(DraftCriteria(set, Severity::kWarning));
  if (set.award) {
    std::printf("%s: ok: %s %s, awarded on %s (lowest evaluated price)\n",
                Shown(inputs->criteria).c_str(), Shown(set.id).c_str(),
                Shown(set.version).c_str(),
                std::string(ToString(set.award->method)).c_str());
  } else {
    std::printf("%s: ok: %s %s, %zu criteria scored, weights add up to %s\n",
                Shown(inputs->criteria).c_str(), Shown(set.id).c_str(),
                Shown(set.version).c_str(), set.Leaves().size(),
                FormatNumber(set.scale, -1).c_str());
  }
  // A derived set: the model and the origin of every criterion.
  for (const std::string& line : DescribeOrigins(set)) {
    std::printf("%s: %s\n", Shown(inputs->criteria).c_str(),
                Shown(line).c_str());
  }
  if (inputs->bids.empty()) return kExitOk;
  TenderPaths paths{inputs->criteria, inputs->bids, inputs->panel,
                    inputs->costs};
  if (!args.panel.empty()) paths.panel = args.panel;
  if (!args.costs.empty()) paths.cost_profile = args.costs;
  const Result<Tender> tender = LoadTenderSheet(paths, options, SheetOption());
  if (PrintDiagnostics(tender.diagnostics)) return kExitInvalidInput;
  std::printf("%s: ok: %td bids, locale %s\n", Shown(inputs->bids).c_str(),
              tender.value->bids.size(),
              Shown(tender.value->bids.locale).c_str());
  if (tender.value->lcc) {
    const int horizon = tender.value->lcc->horizon;
    std::printf("%s: ok: %zu offers over %d %s\n",
                Shown(paths.cost_profile).c_str(),
                tender.value->lcc->offers.size(), horizon,
                horizon == 1 ? "year" : "years");
  }
  if (tender.value->panel_scores) {
    std::printf("%s: ok: %zu scores\n", Shown(paths.panel).c_str(),
                tender.value->panel_scores->rows.size());
  }
  return kExitOk;
}

}  // namespace

Runner AddValidateCommand(CLI::App& app) {
  auto args = std::make_shared<ValidateArgs>();
  CLI::App* cmd = app.add_subcommand(
      "validate", "Check a criteria set (and bids) and report every problem");
  cmd->add_option("CRITERIA", args->first,
                  "Criteria set (YAML) or a tender directory")
      ->required();
  cmd->add_option("BIDS", args->second, "Bids (CSV, YAML or JSON)");
  AddTenderFileOptions(cmd, &args->locale, &args->panel, &args->costs);
  return [args] { return RunValidate(*args); };
}

}  // namespace circa::cli
