#include "cli_io.h"

#include "command.h"
#include "help_format.h"

#include <fmt/format.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace vanban::cli {
namespace {

// Reads all of |f| into |out|; false on a read error or when the limit is passed.
Status ReadAll(FILE* f, const std::string& name, std::string* out) {
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    if (out->size() + n > kMaxInputBytes) {
      return Status::Corruption(fmt::format("input larger than {} MiB; split it first",
                                            kMaxInputBytes >> 20));
    }
    out->append(buf, n);
  }
  if (std::ferror(f)) return Status::IOError(fmt::format("read failed: {}", std::strerror(errno)));
  (void)name;
  return Status::Ok();
}

size_t LineOfOffset(std::string_view bytes, size_t offset) {
  size_t line = 1;
  for (size_t i = 0; i < offset && i < bytes.size(); ++i) line += bytes[i] == '\n';
  return line;
}

// A device is no text: /dev/zero or /dev/urandom would be read up to the size limit (a
// GiB of memory, minutes) only to be refused. Terminals and /dev/null (empty) are read as
// usual; pipes and FIFOs are streams from another program.
Status RefuseDevice(int fd) {
  struct stat st {}, null {};
  if (::fstat(fd, &st) != 0 || !(S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) || isatty(fd)) return Status::Ok();
  if (S_ISCHR(st.st_mode) && ::stat("/dev/null", &null) == 0 && null.st_rdev == st.st_rdev) return Status::Ok();
  return Status::Unsupported("is a device, not a text file (files, pipes and terminals are read)");
}

}  // namespace

std::string DisplayName(const std::string& path) { return path == "-" ? "<stdin>" : path; }

void AddInputFiles(CLI::App& app, std::vector<std::string>* files) {
  app.add_option("FILE", *files, "Input files; none or '-' reads standard input");
}

CLI::Option* AddOutputOption(CLI::App& app, std::string* output) {
  return app.add_option("-o,--output", *output, "Write to FILE instead of standard output (written atomically)")
      ->type_name("FILE");
}

void AddDecodeOptions(CLI::App& app, DecodeOptions* options) {
  app.add_option_function<std::string>(
         "--from",
         [options](const std::string& name) {
           auto e = ParseEncodingName(name);
           if (!e.ok()) throw CLI::ValidationError("--from", e.status().message());
           options->from = *e;
         },
         "Input encoding: auto (default), utf8, utf16, cp1258, tcvn3, vni, viqr")
      ->type_name("ENCODING")
      ->check(Lists({"auto", "utf8", "utf16", "cp1258", "tcvn3", "vni", "viqr"}));
  app.add_flag("--lossy", options->lossy,
               "Replace undecodable bytes by U+FFFD (with a warning) instead of failing");
}

std::vector<std::string> InputsOrStdin(const std::vector<std::string>& files) {
  if (files.empty()) return {"-"};
  return files;
}

Status CheckLineInput(const std::string& path) {
  if (path == "-") return RefuseDevice(STDIN_FILENO);
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return Status::NotFound("no such file");
    return Status::IOError(std::strerror(errno));
  }
  if (S_ISDIR(st.st_mode)) return Status::IOError("is a directory, not a file");
  if (!S_ISCHR(st.st_mode) && !S_ISBLK(st.st_mode)) return Status::Ok();
  // Whether a device is a terminal takes an open descriptor; non-blocking, no controlling
  // terminal taken.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) return Status::IOError(std::strerror(errno));
  Status device = RefuseDevice(fd);
  ::close(fd);
  return device;
}

Result<Input> ReadInput(const std::string& path) {
  Input input{path, DisplayName(path), {}};
  if (path == "-") {
    if (isatty(STDIN_FILENO)) {
      return Status::InvalidArgument(
          "no input: give a FILE or pipe text in (see 'vanban COMMAND -h')");
    }
    VANBAN_RETURN_IF_ERROR(RefuseDevice(STDIN_FILENO));
    VANBAN_RETURN_IF_ERROR(ReadAll(stdin, input.name, &input.bytes));
    return input;
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return Status::NotFound("no such file");
    return Status::IOError(std::strerror(errno));
  }
  if (S_ISDIR(st.st_mode)) return Status::IOError("is a directory, not a file");
  if (S_ISREG(st.st_mode) && static_cast<uint64_t>(st.st_size) > kMaxInputBytes) {
    return Status::Corruption(
        fmt::format("file is {} MiB, larger than the {} MiB limit", st.st_size >> 20,
                    kMaxInputBytes >> 20));
  }
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return Status::IOError(std::strerror(errno));
  if (Status device = RefuseDevice(fileno(f)); !device.ok()) {
    std::fclose(f);
    return device;
  }
  if (S_ISREG(st.st_mode)) input.bytes.reserve(static_cast<size_t>(st.st_size));
  Status s = ReadAll(f, input.name, &input.bytes);
  std::fclose(f);
  if (!s.ok()) return s;
  return input;
}

Result<std::string> ReadText(const std::string& path, const DecodeOptions& options) {
  auto input = ReadInput(path);
  if (!input.ok()) return input.status();
  auto decoded = Decode(input->bytes, options);
  if (!decoded.ok() && options.from == Encoding::kAuto && BinaryOffset(input->bytes) != std::string::npos)
    return decoded.status();  // binary data: the message says so; no charset to suggest
  if (!decoded.ok()) {
    // Re-run leniently to locate the first bad byte, so the message can name its line.
    DecodeOptions lenient = options;
    lenient.lossy = true;
    auto probe = Decode(input->bytes, lenient);
    if (probe.ok() && probe->replacements > 0) {
      size_t off = probe->first_bad_offset;
      return Status::Corruption(fmt::format(
          "{0}: cannot decode as {1}: invalid byte 0x{2:02X} at byte {3} (line {0}) (use --lossy "
          "to replace, or --from to choose the encoding)",
          LineOfOffset(input->bytes, off), EncodingName(probe->encoding),
          static_cast<unsigned char>(input->bytes[off]), off));
    }
    return decoded.status();
  }
  if (decoded->replacements > 0) {
    PrintWarning(input->name, LineOfOffset(input->bytes, decoded->first_bad_offset),
                 fmt::format("--lossy replaced {} undecodable byte sequence(s) or NUL byte(s) by U+FFFD, "
                             "the first at byte {}",
                             decoded->replacements, decoded->first_bad_offset));
  }
  return std::move(decoded->text);
}

int FinishOutput(Output& out, std::string_view output_name, int rc) {
  if (rc != kExitOk) {
    out.Abandon();
    return rc;
  }
  Status closed = out.Close();
  if (!closed.ok()) return ReportStatus(output_name, closed);
  return rc;
}

void PrintError(std::string_view file, size_t line, std::string_view message) {
  if (line > 0) {
    fmt::print(stderr, "vanban: {}:{}: {}\n", file, line, message);
  } else {
    fmt::print(stderr, "vanban: {}: {}\n", file, message);
  }
}

void PrintWarning(std::string_view file, size_t line, std::string_view message) {
  if (line > 0) {
    fmt::print(stderr, "vanban: {}:{}: warning: {}\n", file, line, message);
  } else {
    fmt::print(stderr, "vanban: {}: warning: {}\n", file, message);
  }
}

void WarnSeveralDocuments(std::string_view file, const std::vector<DocumentPart>& parts) {
  std::string starts;
  for (const DocumentPart& p : parts) starts += fmt::format("{}{}", starts.empty() ? "" : ", ", p.first_line);
  PrintWarning(file, 0, fmt::format("holds {} documents one after another (starting at lines {}): each is read on its own",
                                    parts.size(), starts));
}

int ExitCodeFor(const Status& status) {
  if (status.ok()) return kExitOk;
  return status.code() == StatusCode::kInvalidArgument ? kExitUsage : kExitBadInput;
}

std::pair<size_t, std::string_view> SplitLineNumber(std::string_view message) {
  size_t colon = message.find(": ");
  if (colon == std::string_view::npos || colon == 0 || message.find_first_not_of("0123456789") != colon)
    return {0, message};
  size_t line = 0;
  for (char c : message.substr(0, colon)) line = line * 10 + static_cast<size_t>(c - '0');
  return {line, message.substr(colon + 2)};
}

int ReportStatus(std::string_view file, const Status& status) {
  if (!status.ok()) {
    auto [line, text] = SplitLineNumber(status.message());
    PrintError(file, line, text);
  }
  return ExitCodeFor(status);
}

bool UseColor(FILE* stream) {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  const char* force = std::getenv("CLICOLOR_FORCE");
  if (force != nullptr && *force != '\0' && std::string_view(force) != "0") return true;
  const char* term = std::getenv("TERM");
  return term != nullptr && std::string_view(term) != "dumb" && isatty(fileno(stream));
}

}  // namespace vanban::cli
