// The one write path of every command: -o/--output, --log and any other file vanban
// writes goes through Output, so the same rules hold everywhere (docs/cli-output.md):
//   - "-" or nothing: standard output;
//   - /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N (`-o >(cmd)`): that descriptor;
//   - a character or block device, a FIFO or a socket: written through, never replaced;
//   - a symbolic link: its final target is written by these rules, the link is kept;
//   - a regular file or a new path: written to a temporary file in the same directory and
//     renamed into place on success (a failed or killed run leaves the old file as it was;
//     a replaced file keeps its mode and owner);
//   - a path the run reads (an input, the archive) is refused before anything is done.
#ifndef VANBAN_CMD_OUTPUT_FILE_H_
#define VANBAN_CMD_OUTPUT_FILE_H_

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/status.h"

namespace vanban::cli {

// The rule that keeps outputs off what a run reads: kInvalidArgument (exit 2) when |path|
// is one of |protected_paths| ("-" ignored), compared by device and inode when both exist
// (hard links and symlinks count) and by canonical path otherwise (an archive the run will
// create), or a *.txt file inside one of them that is a directory (what `index` reads from
// a directory). |role| names the protected paths in the message ("input", "archive").
Status CheckNotOverwriting(const std::string& path, const std::vector<std::string>& protected_paths,
                           std::string_view role = "input");

class Output {
 public:
  // Opens |path| for writing as the rules above say; |inputs| are refused as targets.
  static Result<Output> Open(const std::string& path, const std::vector<std::string>& inputs);
  // For logs: appends to |path| (created when missing), written as it goes so the log of a
  // killed run is complete up to the kill; devices, FIFOs and /dev/fd/N as for Open.
  static Result<Output> OpenAppend(const std::string& path, const std::vector<std::string>& inputs);
  Output(Output&& other) noexcept;
  Output& operator=(Output&&) = delete;
  Output(const Output&) = delete;
  ~Output();

  void Write(std::string_view data);
  void Flush();
  FILE* file() { return file_; }
  bool is_tty() const;
  // Flushes, closes, and for a replaced file renames the temporary into place.
  Status Close();
  // Drops a replaced file's temporary (the file at the path stays as it was); anything
  // else is closed as written so far.
  void Abandon();

 private:
  Output() = default;
  FILE* file_ = nullptr;
  std::string path_;       // as given, for messages
  std::string target_;     // the file a temporary replaces (symlinks resolved)
  std::string temp_path_;  // empty unless replacing a file
  bool closed_ = false;
};

// A command that installs its own SIGINT/SIGTERM handler (index) puts this one back when
// it is done with its own: it removes the temporaries of open outputs, then lets the
// signal kill the process as it would have.
void RestoreOutputSignalHandler(int signal);

}  // namespace vanban::cli

#endif  // VANBAN_CMD_OUTPUT_FILE_H_
