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
#include <utility>
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
    // The commands, in the order `circa --help` lists them.
    struct Command {
      std::string_view name;
      circa::cli::Runner (*add)(CLI::App&);
    };
    static constexpr Command kCommands[] = {
        {"score", circa::cli::AddScoreCommand},
        {"validate", circa::cli::AddValidateCommand},
        {"weights", circa::cli::AddWeightsCommand},
        {"analyze", circa::cli::AddAnalyzeCommand},
        {"criteria", circa::cli::AddCriteriaCommand},
        {"archive", circa::cli::AddArchiveCommand},
        {"batch", circa::cli::AddBatchCommand}};
    // The command word: the first argument that is not an option. A
    // mistyped one gets the closest command ("circa sco": score). Only the
    // global options are expected before it; if anything else is there
    // (--help, an unknown option), `chosen` stays empty.
    const Command* chosen = nullptr;
    bool only_global_options = true;
    for (int i = 1; i < argc; ++i) {
      const std::string_view arg = argv[i];
      if (arg == "--library") {
        ++i;
        continue;
      }
      if (arg.empty() || arg.front() == '-') {
        if (arg != "-v" && arg != "-vv" && arg != "--verbose" &&
            arg != "--allow-outside" && !arg.starts_with("--library=")) {
          only_global_options = false;
        }
        continue;
      }
      const auto known =
          std::find_if(std::begin(kCommands), std::end(kCommands),
                       [arg](const Command& c) { return c.name == arg; });
      if (known != std::end(kCommands)) {
        if (only_global_options) chosen = known;
        break;
      }
      const std::initializer_list<std::string_view> kNames{
          "score",    "validate", "weights", "analyze",
          "criteria", "archive",  "batch"};
      const std::string hint = circa::util::Suggest(arg, kNames);
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
    // Start-up time (issue 18): when the command is known, only its options
    // are built (the others' cost about a tenth of a `circa score`); once
    // one command is parsed, app takes no other (require_subcommand(1)), so
    // the rest are never consulted. `circa`, `circa --help` and the like
    // build them all, for the list of commands.
    std::vector<std::pair<std::string_view, circa::cli::Runner>> runners;
    for (const Command& command : kCommands) {
      if (chosen == nullptr || chosen == &command) {
        runners.emplace_back(command.name, command.add(app));
      }
    }
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
      for (const auto& [name, runner] : runners) {
        if (app.got_subcommand(std::string(name))) return runner();
      }
      return circa::cli::kExitUsage;
    };
    return circa::cli::CheckStdout(run());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "circa: internal error: %s\n", e.what());
    return circa::cli::kExitInternal;
  }
}
