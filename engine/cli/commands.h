// The subcommands. Each registers itself on the CLI11 app and returns a
// runner; main() parses once, then runs the chosen one.
#ifndef CIRCA_ENGINE_CLI_COMMANDS_H_
#define CIRCA_ENGINE_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

namespace circa::cli {

using Runner = std::function<int()>;

Runner AddScoreCommand(CLI::App& app);
Runner AddValidateCommand(CLI::App& app);
Runner AddWeightsCommand(CLI::App& app);
Runner AddAnalyzeCommand(CLI::App& app);
Runner AddCriteriaCommand(CLI::App& app);

// --locale, --panel and --costs: the options score, validate and analyze
// share for the files of a tender.
void AddTenderFileOptions(CLI::App* cmd, std::string* locale,
                          std::string* panel, std::string* costs);

}  // namespace circa::cli

#endif  // CIRCA_ENGINE_CLI_COMMANDS_H_
