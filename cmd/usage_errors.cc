#include "usage_errors.h"

#include <fmt/format.h>

#include <algorithm>

#include "command.h"
#include "help_format.h"
#include "vanban/text.h"

namespace vanban::cli {
namespace {

std::string Suggestion(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best = ClosestName(word, candidates);
  return best.empty() ? "" : fmt::format("; did you mean '{}'?", best);
}

std::vector<std::string> CommandNames(CLI::App& app) {
  std::vector<std::string> names;
  for (CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
  return names;
}

std::vector<std::string> LongOptionNames(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* opt : app.get_options()) {
    for (const std::string& l : opt->get_lnames()) names.push_back("--" + l);
  }
  return names;
}

// The first option word in |args| that |app| does not know, or "".
std::string UnknownOption(const CLI::App& app, const std::vector<std::string>& args, size_t from) {
  for (size_t i = from; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--") break;
    if (a.size() < 2 || a[0] != '-' || a == "-") continue;
    std::string name = a.rfind("--", 0) == 0 ? a.substr(0, a.find('=')) : a.substr(0, 2);
    if (app.get_option_no_throw(name) == nullptr) return name;
  }
  return "";
}

// The parsed subcommand, if any, and where its words start in |args|.
std::pair<CLI::App*, size_t> ParsedCommand(CLI::App& app, const std::vector<std::string>& args) {
  for (CLI::App* sub : app.get_subcommands({})) {
    if (!sub->parsed()) continue;
    auto at = std::find(args.begin(), args.end(), sub->get_name());
    return {sub, at == args.end() ? args.size() : static_cast<size_t>(at - args.begin()) + 1};
  }
  return {nullptr, 1};
}

}  // namespace

std::string ClosestName(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_distance = 0;
  for (const std::string& c : candidates) {
    size_t d = EditDistance(word, c);
    // A prefix ("--out" for "--output") is a slip too.
    if (c.size() > word.size() && word.size() >= 3 && c.compare(0, word.size(), word) == 0) d = 1;
    if (best.empty() || d < best_distance) {
      best = c;
      best_distance = d;
    }
  }
  // Two edits, or one in a short word: "resotre", "--ouput"; not "x" for "index".
  size_t limit = word.size() <= 4 ? 1 : 2;
  return !best.empty() && best_distance <= limit ? best : "";
}

std::optional<int> CheckCommandWord(CLI::App& app, const std::vector<std::string>& args) {
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--generate-completion") {
      ++i;  // its value is not a command
      continue;
    }
    if (!a.empty() && a[0] == '-') continue;
    auto names = CommandNames(app);
    if (std::find(names.begin(), names.end(), a) != names.end()) return std::nullopt;
    fmt::print(stderr, "vanban: unknown command '{}'{}\nvanban: 'vanban help' lists the commands\n", a,
               Suggestion(a, names));
    return kExitUsage;
  }
  return std::nullopt;
}

int ReportParseError(CLI::App& app, const CLI::ParseError& e, const std::vector<std::string>& args) {
  if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version: printed on stdout
  auto [sub, from] = ParsedCommand(app, args);
  const CLI::App& scope = sub != nullptr ? *sub : app;
  const std::string where = sub != nullptr ? sub->get_name() + ": " : "";
  std::string unknown = UnknownOption(scope, args, from);
  if (!unknown.empty()) {
    std::vector<std::string> names = LongOptionNames(scope);
    fmt::print(stderr, "vanban: {}unknown option '{}'{}\n", where, unknown, Suggestion(unknown, names));
  } else {
    fmt::print(stderr, "vanban: {}{}\n", where, e.what());
  }
  fmt::print(stderr, "vanban: 'vanban help{}' lists the options\n", sub != nullptr ? " " + sub->get_name() : "");
  return kExitUsage;
}

}  // namespace vanban::cli
