// vanban: the command-line front end. Builds the CLI11 tree from the registered
// subcommands, parses, runs the chosen one and maps errors to exit codes.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <map>
#include <string>

#include "command.h"
#include "completion.h"
#include "vanban/about.h"

namespace {

constexpr const char* kFooter = R"(Examples:
  vanban restore scan.txt > clean.txt        restore diacritics and OCR errors
  vanban convert --from tcvn3 old.txt        legacy font encoding to Unicode
  cat doc.txt | vanban strip                 remove all diacritics

Input is read from FILE arguments, or standard input when there is none or FILE is '-'.
Exit status: 0 success, 1 bad input (unreadable or undecodable file), 2 usage error.
Environment: NO_COLOR disables colour; VANBAN_MODEL names the model file.
Run 'vanban COMMAND --help' for a command's options and examples.)";

std::string FullHelp(CLI::App& app) {
  std::string out = app.help();
  for (CLI::App* sub : app.get_subcommands([](CLI::App* s) { return !s->get_group().empty(); })) {
    out += "\n────────────────────────────────────────\n";
    out += sub->help();
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  using vanban::cli::Command;
  CLI::App app{"vanban: restore, parse and export OCR'd Vietnamese administrative documents",
               "vanban"};
  app.set_help_flag("-h", "Print short help and exit");
  app.footer(kFooter);
  app.require_subcommand(0, 1);
  app.set_version_flag("--version", "vanban " + vanban::LibraryVersion() + " (ICU " +
                                        vanban::IcuVersion() + ")");
  bool full_help = false;
  app.add_flag("--help", full_help, "Print full help with every command's options and examples");
  std::string completion_shell;
  app.add_option("--generate-completion", completion_shell, "Print a shell completion script")
      ->group("");  // hidden: used at build time

  std::map<CLI::App*, vanban::cli::RunFn> runners;
  for (const Command& c : vanban::cli::RegisteredCommands()) {
    CLI::App* sub = app.add_subcommand(c.name, c.summary);
    sub->set_help_flag("-h,--help", "Print this help with examples and exit");
    if (!c.examples.empty()) sub->footer(c.examples);
    if (c.hidden) sub->group("");
    runners[sub] = c.setup(*sub);
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 returns 100+ for parse errors; vanban's contract is 2 for every usage error.
    return app.exit(e) == 0 ? vanban::cli::kExitOk : vanban::cli::kExitUsage;
  }
  if (full_help) {
    fmt::print("{}", FullHelp(app));
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
