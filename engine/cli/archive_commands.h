// The analysts' commands (docs/archive.md, docs/batch.md): `circa archive`
// and `circa batch`.
#ifndef CIRCA_ENGINE_CLI_ARCHIVE_COMMANDS_H_
#define CIRCA_ENGINE_CLI_ARCHIVE_COMMANDS_H_

#include <CLI/CLI.hpp>
#include <string>

#include "circa/archive.h"
#include "cli/commands.h"

namespace circa::cli {

Runner AddArchiveCommand(CLI::App& app);
Runner AddBatchCommand(CLI::App& app);

// Exit codes of archive and batch beyond common.h's (docs/cli.md).
// Done, but some tenders could not be added or scored (each reported on
// stderr).
inline constexpr int kExitSomeFailed = 4;
// Stopped by Ctrl-C (or SIGTERM); what was done is committed.
inline constexpr int kExitInterrupted = 130;

// --archive FILE (default: $CIRCA_ARCHIVE, else circa-archive.db).
void AddArchiveOption(CLI::App* cmd, std::string* path);
std::string ArchivePath(const std::string& given);
// --product-group, --year, --buyer, --cpv.
void AddFilterOptions(CLI::App* cmd, ArchiveFilter* filter);

}  // namespace circa::cli

#endif  // CIRCA_ENGINE_CLI_ARCHIVE_COMMANDS_H_
