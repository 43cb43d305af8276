// circa weights ahp FILE [--method] [--format] [--random-index] [--complete]
//   [--apply SET -o OUT]
#include <cstdio>
#include <memory>

#include "circa/ahp.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "io/file.h"
#include "io/output.h"

namespace circa::cli {
namespace {

struct AhpArgs {
  std::string file;
  std::string method = "eigen";
  std::string format = "table";
  std::string random_index = "saaty";
  std::string complete = "none";
  std::string apply;
  std::string output;
};

int RunAhpCommand(const AhpArgs& args) {
  std::unique_ptr<io::OutputTarget> out;
  if (!args.apply.empty()) {
    int failure = kExitUsage;
    out = OpenOutput(args.output, {args.file, args.apply}, &failure);
    if (!out) return failure;
  }
  AhpOptions options;
  options.method = AhpMethodFromString(args.method).value_or(AhpMethod::kEigen);
  options.random_index = RandomIndexTableFromString(args.random_index)
                             .value_or(RandomIndexTable::kSaaty);
  options.completion =
      AhpCompletionFromString(args.complete).value_or(AhpCompletion::kNone);
  const Result<AhpJudgements> judgements =
      LoadAhpFile(args.file, options.random_index, options.completion);
  if (PrintDiagnostics(judgements.diagnostics)) return kExitInvalidInput;
  const Result<AhpResult> result = RunAhp(*judgements.value, options);
  if (PrintDiagnostics(result.diagnostics)) return kExitInvalidInput;

  if (!args.apply.empty()) {
    Diagnostics diag;
    const auto text =
        io::ReadFile(args.apply, LoadOptions{}.max_criteria_bytes, &diag);
    if (PrintDiagnostics(diag.Take())) return kExitInvalidInput;
    const Result<std::string> applied =
        ApplyAhpWeights(*text, args.apply, *result.value);
    if (PrintDiagnostics(applied.diagnostics)) return kExitInvalidInput;
    if (const int code = FinishOutput(out.get(), *applied.value);
        code != kExitOk) {
      return code;
    }
  }
  const std::string report = args.format == "json"
                                 ? RenderAhpJson(*result.value)
                                 : RenderAhpTable(*result.value);
  return WriteDisplayText(report);
}

}  // namespace

Runner AddWeightsCommand(CLI::App& app) {
  auto args = std::make_shared<AhpArgs>();
  CLI::App* weights =
      app.add_subcommand("weights", "Derive criterion weights (docs/ahp.md)");
  weights->require_subcommand(1);
  CLI::App* ahp = weights->add_subcommand(
      "ahp",
      "Weights from AHP pairwise comparisons (Saaty 1-9 scale), with the "
      "consistency ratio");
  ahp->add_option("FILE", args->file, "AHP judgements (YAML, docs/ahp.md)")
      ->required();
  ahp->add_option("--method", args->method,
                  "eigen (principal eigenvector), geometric (row "
                  "geometric means) or approximate (row means of the "
                  "column-normalised matrix)")
      ->check(CLI::IsMember({"eigen", "geometric", "approximate"}))
      ->default_str("eigen");
  ahp->add_option("-f,--format", args->format, "Output format")
      ->check(CLI::IsMember({"table", "json"}))
      ->default_str("table");
  ahp->add_option("--random-index", args->random_index,
                  "Random-index table for the consistency ratio")
      ->check(CLI::IsMember(
          {"saaty", "saaty-2005", "donegan-dodd", "alonso-lamata"}))
      ->default_str("saaty");
  ahp->add_option("--complete", args->complete,
                  "Complete missing judgements by llsm (logarithmic least "
                  "squares) or harker; the completed values are reported")
      ->check(CLI::IsMember({"none", "llsm", "harker"}))
      ->default_str("none");
  CLI::Option* apply = ahp->add_option(
      "--apply", args->apply,
      "Criteria set (YAML) whose weights to replace with the AHP weights, "
      "as percent of parent; needs -o");
  CLI::Option* output = ahp->add_option("-o,--output", args->output,
                                        "Where --apply writes the rewritten "
                                        "criteria set (a regular file is "
                                        "replaced atomically)")
                            ->check(NonEmptyPath());
  apply->needs(output);
  output->needs(apply);
  return [args] { return RunAhpCommand(*args); };
}

}  // namespace circa::cli
