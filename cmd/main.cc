// vanban: the command-line front end. Builds the CLI11 tree from the registered
// subcommands, parses, runs the chosen one and maps errors to exit codes.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "command.h"
#include "completion.h"
#include "help_format.h"
#include "man_page.h"
#include "usage_errors.h"
#include "vanban/about.h"

namespace {

constexpr const char* kFooter = R"(Examples:
  vanban restore scan.txt > clean.txt        restore diacritics and OCR errors
  vanban convert --from tcvn3 old.txt        legacy font encoding to Unicode
  cat doc.txt | vanban strip                 remove all diacritics
  vanban help restore                        a command's options and examples

Input is read from FILE arguments, or standard input (named <stdin> in messages and
records) when there is none or FILE is '-'. Output goes to standard output, -o FILE
(written atomically) or, with --output-dir DIR, one file per input.
--format chooses text, json (one indented document), jsonl (one record per line), csv
or tsv, where the command offers them.
Exit status: 0 success, 1 bad input (unreadable or undecodable file), 2 usage error.
Environment: NO_COLOR disables colour; VANBAN_MODEL names the model file.
The conventions in full: docs/cli.md.)";

// The top-level help even after a subcommand (help) was parsed, when app.help() would
// print that subcommand's.
std::string MainHelp(CLI::App& app) { return app.get_formatter()->make_help(&app, "vanban", CLI::AppFormatMode::Normal); }

std::string FullHelp(CLI::App& app) {
  std::string out = MainHelp(app);
  for (CLI::App* sub : vanban::cli::VisibleCommands(app)) {
    out += "\n────────────────────────────────────────\n";
    out += sub->help("vanban");
  }
  return out;
}

// `vanban help [COMMAND]`: the short help, or the command's.
int PrintHelp(CLI::App& app, const std::string& command) {
  if (command.empty()) {
    fmt::print("{}", MainHelp(app));
    return vanban::cli::kExitOk;
  }
  if (auto rc = vanban::cli::CheckCommandWord(app, {"vanban", command})) return *rc;
  fmt::print("{}", app.get_subcommand(command)->help("vanban"));
  return vanban::cli::kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  using vanban::cli::Command;
  const std::string version = vanban::LibraryVersion();
  CLI::App app{"vanban: restore, parse and export OCR'd Vietnamese administrative documents", "vanban"};
  app.formatter(std::make_shared<vanban::cli::HelpFormatter>());
  app.set_help_flag("-h", "Print short help and exit");
  app.footer(kFooter);
  app.require_subcommand(0, 1);
  app.set_version_flag("--version", "vanban " + version + " (ICU " + vanban::IcuVersion() + ")");
  bool full_help = false;
  app.add_flag("--help", full_help, "Print full help with every command's options and examples");
  std::string completion_shell;
  app.add_option("--generate-completion", completion_shell, "Print a shell completion script")
      ->group("");  // hidden: used at build time
  bool man = false;
  app.add_flag("--generate-man", man, "Print the man page (roff)")->group("");

  std::map<CLI::App*, vanban::cli::RunFn> runners;
  for (const Command& c : vanban::cli::RegisteredCommands()) {
    CLI::App* sub = app.add_subcommand(c.name, c.summary);
    sub->set_help_flag("-h,--help", "Print this help with examples and exit");
    if (!c.examples.empty()) sub->footer(c.examples);
    if (c.hidden) sub->group("");
    runners[sub] = c.setup(*sub);
  }
  CLI::App* help = app.add_subcommand("help", "Print the help of a command (vanban help restore)");
  help->set_help_flag("-h,--help", "Print this help with examples and exit");
  std::string help_topic;
  help->add_option("COMMAND", help_topic, "The command; none: the list of commands");
  help->footer("Examples:\n  vanban help           the commands\n  vanban help search    search's options and examples");
  runners[help] = [&] { return PrintHelp(app, help_topic); };

  const std::vector<std::string> args(argv, argv + argc);
  if (auto rc = vanban::cli::CheckCommandWord(app, args)) return *rc;
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return vanban::cli::ReportParseError(app, e, args);
  }
  if (full_help) {
    fmt::print("{}", FullHelp(app));
    return vanban::cli::kExitOk;
  }
  if (man) {
    fmt::print("{}", vanban::cli::ManPage(app, version, kFooter));
    return vanban::cli::kExitOk;
  }
  if (!completion_shell.empty()) {
    if (completion_shell != "bash") {
      fmt::print(stderr, "vanban: --generate-completion: only 'bash' is supported\n");
      return vanban::cli::kExitUsage;
    }
    fmt::print("{}", vanban::cli::BashCompletion(app));
    return vanban::cli::kExitOk;
  }
  for (auto& [sub, run] : runners) {
    if (sub->parsed()) return run();
  }
  fmt::print(stderr, "{}", app.help());
  return vanban::cli::kExitUsage;
}
