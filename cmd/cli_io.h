// Input, output and diagnostics shared by the subcommands: the Unix-filter conventions.
#ifndef VANBAN_CMD_CLI_IO_H_
#define VANBAN_CMD_CLI_IO_H_

#include <CLI/CLI.hpp>

#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "output_file.h"
#include "vanban/parse.h"
#include "vanban/status.h"
#include "vanban/text.h"

namespace vanban::cli {

// Inputs larger than this are refused with a clear message rather than exhausting memory.
inline constexpr size_t kMaxInputBytes = size_t{1} << 30;

struct Input {
  std::string path;   // as given; "-" for stdin
  std::string name;   // for messages: the path, or "<stdin>"
  std::string bytes;
};

// Adds the FILE... positional (none or "-" = stdin).
void AddInputFiles(CLI::App& app, std::vector<std::string>* files);
// Adds -o/--output FILE ("-" = stdout).
CLI::Option* AddOutputOption(CLI::App& app, std::string* output);
// Adds --from and --lossy, filling |options|.
void AddDecodeOptions(CLI::App& app, DecodeOptions* options);

// Reads one input fully ("-" = stdin). Errors name the file.
Result<Input> ReadInput(const std::string& path);
// What ReadInput refuses of an input read line by line as it comes (a pipe a program
// keeps open) instead of at once: a missing file, a directory, a device. Errors as
// ReadInput's.
Status CheckLineInput(const std::string& path);
// Reads and decodes one input to NFC UTF-8; prints a warning for lossy replacements.
Result<std::string> ReadText(const std::string& path, const DecodeOptions& options);
// Expands an empty list to {"-"}.
std::vector<std::string> InputsOrStdin(const std::vector<std::string>& files);
// A path as messages name it: "<stdin>" for "-".
std::string DisplayName(const std::string& path);

// "vanban: FILE:LINE: message" (LINE omitted when 0) on stderr.
void PrintError(std::string_view file, size_t line, std::string_view message);
void PrintWarning(std::string_view file, size_t line, std::string_view message);
// Messages about a place in a file start with "LINE: " (decode errors): the line and the
// rest; line 0 and the whole message when there is none.
std::pair<size_t, std::string_view> SplitLineNumber(std::string_view message);
// Prints |status| for |file| and returns the matching exit code.
int ReportStatus(std::string_view file, const Status& status);
// Ends a command: commits |out| when |rc| is 0, otherwise abandons a file output so a
// failed run never replaces an existing file. Returns the final exit code.
int FinishOutput(Output& out, std::string_view output_name, int rc);
// A file holding several documents one after another: says so (each is then read on its
// own), naming the line where each starts.
void WarnSeveralDocuments(std::string_view file, const std::vector<DocumentPart>& parts);
// Exit code for a status: usage errors 2, everything else about data 1.
int ExitCodeFor(const Status& status);

// Colour only on a smart terminal, and never when NO_COLOR is set.
bool UseColor(FILE* stream);

}  // namespace vanban::cli

#endif  // VANBAN_CMD_CLI_IO_H_
