// How options read in --help, the man page and the completion: one value name per kind
// of value (FILE, DIR, N, DATE, FORMAT ...) instead of CLI11's parser notation
// ("INT:INT in [0 - 256]", "FILE TEXT ..."), and enumerated values that the
// completion can offer.
#ifndef VANBAN_CMD_HELP_FORMAT_H_
#define VANBAN_CMD_HELP_FORMAT_H_

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace vanban::cli {

// Prints options as "-o, --output FILE" and positionals as "FILE...".
class HelpFormatter : public CLI::Formatter {
 public:
  std::string make_option_name(const CLI::Option* opt, bool is_positional) const override;
  std::string make_option_opts(const CLI::Option* opt) const override;
  std::string make_option_usage(const CLI::Option* opt) const override;
  std::string make_option_desc(const CLI::Option* opt) const override;
};

// An option's description, with its default when CLI11 captured one.
std::string OptionDescription(const CLI::Option& opt);

// The value an option takes as help shows it ("FILE"); empty for a flag.
std::string ValueName(const CLI::Option& opt);
// The values an enumerated option accepts (declared with OneOf), else empty.
std::vector<std::string> ValueChoices(const CLI::Option& opt);
// Accepts exactly one of |values|; the completion and the man page list them.
CLI::Validator OneOf(const std::vector<std::string>& values);
// Describes the accepted values without checking them (the option's own parser checks,
// e.g. --from through ParseEncodingName).
CLI::Validator Lists(const std::vector<std::string>& values);
// The subcommands help lists (hidden ones have no group).
std::vector<CLI::App*> VisibleCommands(CLI::App& app);

}  // namespace vanban::cli

#endif  // VANBAN_CMD_HELP_FORMAT_H_
