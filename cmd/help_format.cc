#include "help_format.h"

#include <fmt/format.h>

#include <algorithm>

namespace vanban::cli {
namespace {

bool IsList(const CLI::Option& opt) { return opt.get_expected_max() >= CLI::detail::expected_max_vector_size; }

std::string Join(const std::vector<std::string>& values, std::string_view sep) {
  std::string out;
  for (const std::string& v : values) out += (out.empty() ? "" : std::string(sep)) + v;
  return out;
}

// Validators describe themselves after a ':' in CLI11's type name; choices as "{a,b,c}".
std::string ChoicesDescription(const std::vector<std::string>& values) { return "{" + Join(values, ",") + "}"; }

}  // namespace

std::string ValueName(const CLI::Option& opt) {
  if (opt.get_type_size() == 0) return "";
  std::string name = opt.get_type_name();
  return name.substr(0, name.find(':'));
}

std::vector<std::string> ValueChoices(const CLI::Option& opt) {
  std::string name = opt.get_type_name();
  size_t open = name.find(":{");
  if (open == std::string::npos) return {};
  size_t close = name.find('}', open);
  std::vector<std::string> values;
  std::string_view list(name.data() + open + 2, close - open - 2);
  while (!list.empty()) {
    size_t comma = std::min(list.find(','), list.size());
    values.emplace_back(list.substr(0, comma));
    list.remove_prefix(std::min(comma + 1, list.size()));
  }
  return values;
}

CLI::Validator OneOf(const std::vector<std::string>& values) {
  return CLI::Validator(
      [values](std::string& v) {
        if (std::find(values.begin(), values.end(), v) != values.end()) return std::string();
        return fmt::format("'{}' is not one of: {}", v, Join(values, ", "));
      },
      ChoicesDescription(values));
}

CLI::Validator Lists(const std::vector<std::string>& values) {
  return CLI::Validator([](std::string&) { return std::string(); }, ChoicesDescription(values));
}

std::vector<CLI::App*> VisibleCommands(CLI::App& app) {
  return app.get_subcommands([](CLI::App* s) { return !s->get_group().empty(); });
}

std::string OptionDescription(const CLI::Option& opt) {
  std::string desc = opt.get_description();
  if (!opt.get_default_str().empty()) desc += " (default: " + opt.get_default_str() + ")";
  return desc;
}

std::string HelpFormatter::make_option_desc(const CLI::Option* opt) const { return OptionDescription(*opt); }

std::string HelpFormatter::make_option_name(const CLI::Option* opt, bool is_positional) const {
  if (!is_positional) return opt->get_name(false, true);
  return opt->get_name(true, false) + (IsList(*opt) ? "..." : "");
}

std::string HelpFormatter::make_option_opts(const CLI::Option* opt) const {
  if (opt->get_positional()) return "";
  std::string value = ValueName(*opt);
  std::string out = value.empty() ? "" : " " + value;
  if (opt->get_required()) out += " (required)";
  return out;
}

std::string HelpFormatter::make_option_usage(const CLI::Option* opt) const {
  std::string name = make_option_name(opt, true);
  return opt->get_required() ? name : "[" + name + "]";
}

}  // namespace vanban::cli
