// circa command line: parse -> load -> call the library -> write -> exit
// code. No scoring logic lives here.
#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <exception>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "circa/version.h"
#include "cli/archive_commands.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "util/display_text.h"
#include "util/suggest.h"

namespace {

// The %* flag of the log pattern: the message with control characters
// escaped and on one line, since messages quote input (bid ids, names).
class SanitizedMessage : public spdlog::custom_flag_formatter {
 public:
  void format(const spdlog::details::log_msg& msg, const std::tm&,
              spdlog::memory_buf_t& dest) override {
    const std::string text = circa::util::SanitizeForDisplay(
        std::string_view(msg.payload.data(), msg.payload.size()),
        circa::util::Newlines::kEscape);
    dest.append(text.data(), text.data() + text.size());
  }
  std::unique_ptr<custom_flag_formatter> clone() const override {
    return std::make_unique<SanitizedMessage>();
  }
};

}  // namespace

int main(int argc, char** argv) {
  try {
    CLI::App app{
        "circa scores supplier bids against published award criteria for "
        "circular public procurement and explains the ranking.\n"
        "Docs: docs/cli.md, docs/criteria-format.md, docs/rules.md"};
    app.name("circa");
    app.set_version_flag("--version", std::string("circa ") + circa::kVersion);
    app.require_subcommand(1);
    // Global flags such as -v are accepted after the subcommand too.
    app.fallthrough();
    int verbosity = 0;
    app.add_flag("-v,--verbose", verbosity,
                 "Log detail to stderr (-v info, -vv debug)");
    std::vector<std::string> library;
    app.add_option("--library", library,
                   "Model criteria library directory for extends: id@version "
                   "(repeatable; default: $CIRCA_LIBRARY, else the installed "
                   "library)")
        ->check(CLI::ExistingDirectory)
        ->allow_extra_args(false);  // one DIR per --library
    bool allow_outside = false;
    app.add_flag("--allow-outside", allow_outside,
                 "Let extends: name a model outside the tender's directory "
                 "and the libraries (an absolute path, .. or a symlink "
                 "leading out)");
    const circa::cli::Runner score = circa::cli::AddScoreCommand(app);
    const circa::cli::Runner validate = circa::cli::AddValidateCommand(app);
    const circa::cli::Runner weights = circa::cli::AddWeightsCommand(app);
    const circa::cli::Runner analyze = circa::cli::AddAnalyzeCommand(app);
    const circa::cli::Runner criteria = circa::cli::AddCriteriaCommand(app);
    // A mistyped command gets the closest one ("circa sco": score).
    for (int i = 1; i < argc; ++i) {
      const std::string_view arg = argv[i];
      if (arg == "--library") {
        ++i;
        continue;
      }
      if (arg.empty() || arg.front() == '-') continue;
      const std::initializer_list<std::string_view> kCommands{
          "score",    "validate", "weights", "analyze",
          "criteria", "archive",  "batch"};
      if (std::find(kCommands.begin(), kCommands.end(), arg) !=
          kCommands.end()) {
        break;
      }
      const std::string hint = circa::util::Suggest(arg, kCommands);
      if (hint.empty()) {
        std::fprintf(
            stderr,
            "circa: unknown command \"%s\"; expected score, "
            "validate, weights, analyze, criteria, archive or batch\n",
            circa::util::SanitizeForDisplay(arg, circa::util::Newlines::kEscape)
                .c_str());
      } else {
        std::fprintf(
            stderr, "circa: unknown command \"%s\"; did you mean %s?\n",
            circa::util::SanitizeForDisplay(arg, circa::util::Newlines::kEscape)
                .c_str(),
            hint.c_str());
      }
      return circa::cli::kExitUsage;
    }
    const circa::cli::Runner archive = circa::cli::AddArchiveCommand(app);
    const circa::cli::Runner batch = circa::cli::AddBatchCommand(app);
    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      const int code = app.exit(e);
      return code == 0 ? circa::cli::kExitOk : circa::cli::kExitUsage;
    }
    auto logger = spdlog::stderr_color_mt("circa");
    auto formatter = std::make_unique<spdlog::pattern_formatter>();
    formatter->add_flag<SanitizedMessage>('*').set_pattern("circa: %l: %*");
    logger->set_formatter(std::move(formatter));
    logger->set_level(verbosity >= 2   ? spdlog::level::debug
                      : verbosity == 1 ? spdlog::level::info
                                       : spdlog::level::warn);
    spdlog::set_default_logger(logger);
    circa::cli::SetLibraryDirs(library);
    circa::cli::SetAllowOutside(allow_outside);
    // Whatever a command printed must have reached standard output.
    const auto run = [&]() -> int {
      if (app.got_subcommand("score")) return score();
      if (app.got_subcommand("validate")) return validate();
      if (app.got_subcommand("weights")) return weights();
      if (app.got_subcommand("analyze")) return analyze();
      if (app.got_subcommand("criteria")) return criteria();
      if (app.got_subcommand("archive")) return archive();
      if (app.got_subcommand("batch")) return batch();
      return circa::cli::kExitUsage;
    };
    return circa::cli::CheckStdout(run());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "circa: internal error: %s\n", e.what());
    return circa::cli::kExitInternal;
  }
}
