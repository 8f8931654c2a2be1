#include "output_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <mutex>

namespace vanban::cli {
namespace fs = std::filesystem;
namespace {

// ---- temporaries removed on SIGINT/SIGTERM/SIGHUP ----------------------------------------

// Paths of the temporaries being written (heap copies, owned by the registry): the signal
// handler may only read them and call unlink, both async-signal-safe.
std::array<std::atomic<char*>, 16> g_temps{};
constexpr int kCleanupSignals[] = {SIGINT, SIGTERM, SIGHUP};

extern "C" void RemoveTempsAndReraise(int sig) {
  for (auto& slot : g_temps) {
    if (char* p = slot.load()) ::unlink(p);
  }
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

void InstallHandler(int sig) {
  struct sigaction sa {};
  sa.sa_handler = RemoveTempsAndReraise;
  sigemptyset(&sa.sa_mask);
  ::sigaction(sig, &sa, nullptr);
}

void InstallCleanupHandlersOnce() {
  static std::once_flag once;
  std::call_once(once, [] {
    for (int sig : kCleanupSignals) {
      struct sigaction old {};
      // A signal the caller ignores (nohup) stays ignored.
      if (::sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_DFL) InstallHandler(sig);
    }
  });
}

void RegisterTemp(const std::string& path) {
  InstallCleanupHandlersOnce();
  char* copy = ::strdup(path.c_str());
  for (auto& slot : g_temps) {
    char* expected = nullptr;
    if (slot.compare_exchange_strong(expected, copy)) return;
  }
  std::free(copy);  // more open outputs than slots: that one is not cleaned up on a signal
}

void UnregisterTemp(const std::string& path) {
  for (auto& slot : g_temps) {
    char* p = slot.load();
    if (p != nullptr && path == p && slot.compare_exchange_strong(p, nullptr)) {
      std::free(p);
      return;
    }
  }
}

// ---- what is at a path ---------------------------------------------------------------------

// The descriptor a path names by itself: /dev/stdout, /dev/stderr, /dev/fd/N,
// /proc/self/fd/N, /proc/PID/fd/N (our PID); -1 otherwise. Writing to a duplicate of it
// keeps the shell's redirection (offset, O_APPEND, a pipe of `>(cmd)`) as it is.
int DescriptorOfPath(const std::string& path) {
  if (path == "/dev/stdout") return STDOUT_FILENO;
  if (path == "/dev/stderr") return STDERR_FILENO;
  const std::string own_proc = fmt::format("/proc/{}/fd/", ::getpid());
  for (std::string_view prefix : {std::string_view("/dev/fd/"), std::string_view("/proc/self/fd/"),
                                  std::string_view(own_proc)}) {
    if (path.size() <= prefix.size() || path.compare(0, prefix.size(), prefix) != 0) continue;
    int fd = 0;
    for (char c : std::string_view(path).substr(prefix.size())) {
      if (c < '0' || c > '9' || fd > 100000) return -1;
      fd = fd * 10 + (c - '0');
    }
    return fd;
  }
  return -1;
}

struct Target {
  enum Kind { kDescriptor, kNew, kRegular, kSpecial, kDirectory } kind = kNew;
  std::string path;  // symlinks resolved (the last one's target)
  int fd = -1;       // kDescriptor
  struct stat st {};
};

// Follows symbolic links one at a time (a dangling link names the file to create) and
// says what the final path is.
Result<Target> Resolve(const std::string& path) {
  Target t;
  t.path = path;
  for (int hops = 0; hops < 40; ++hops) {
    if ((t.fd = DescriptorOfPath(t.path)) >= 0) {
      t.kind = Target::kDescriptor;
      return t;
    }
    if (::lstat(t.path.c_str(), &t.st) != 0) {
      if (errno != ENOENT) return Status::IOError(std::strerror(errno));
      t.kind = Target::kNew;
      return t;
    }
    if (!S_ISLNK(t.st.st_mode)) {
      t.kind = S_ISREG(t.st.st_mode) ? Target::kRegular
               : S_ISDIR(t.st.st_mode) ? Target::kDirectory
                                       : Target::kSpecial;
      return t;
    }
    std::string link(static_cast<size_t>(t.st.st_size > 0 ? t.st.st_size : 255) + 1, '\0');
    ssize_t n = ::readlink(t.path.c_str(), link.data(), link.size());
    if (n < 0) return Status::IOError(std::strerror(errno));
    link.resize(static_cast<size_t>(n));
    fs::path next(link);
    t.path = next.is_absolute() ? next.string() : (fs::path(t.path).parent_path() / next).string();
  }
  return Status::IOError("too many levels of symbolic links");
}

// The run's mask for new files (as the shell's `>` would apply it).
mode_t NewFileMode() {
  mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

// The temporary next to |target|: same directory, so the rename is atomic.
std::string TempPattern(const std::string& target) {
  fs::path p(target);
  std::string name = p.filename().string();
  if (name.size() + 14 > 255) name = "";  // keep within NAME_MAX
  return (p.parent_path() / (name + ".vanban-XXXXXX")).string();
}

FILE* OpenStream(int fd) {
  FILE* f = ::fdopen(fd, "wb");
  if (f == nullptr) ::close(fd);
  return f;
}

bool InsideDirectory(const fs::path& file, const fs::path& dir) {
  auto f = file.begin();
  for (auto d = dir.begin(); d != dir.end(); ++d, ++f) {
    if (d->empty()) continue;  // a trailing separator
    if (f == file.end() || *f != *d) return false;
  }
  return f != file.end();
}

fs::path Canonical(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(path, ec);
  return ec ? fs::absolute(path, ec).lexically_normal() : p;
}

}  // namespace

Status CheckNotOverwriting(const std::string& path, const std::vector<std::string>& protected_paths,
                           std::string_view role) {
  if (path.empty() || path == "-") return Status::Ok();
  struct stat out {};
  const bool out_exists = ::stat(path.c_str(), &out) == 0;
  // A dangling symlink names the file it would create: compare that.
  std::string out_name = path;
  if (auto t = Resolve(path); t.ok() && t->kind == Target::kNew) out_name = t->path;
  const fs::path out_canonical = Canonical(out_name);
  for (const std::string& p : protected_paths) {
    if (p.empty() || p == "-") continue;
    struct stat in {};
    const bool in_exists = ::stat(p.c_str(), &in) == 0;
    bool same = false;
    if (in_exists && S_ISDIR(in.st_mode)) {
      same = out_canonical.extension() == ".txt" && InsideDirectory(out_canonical, Canonical(p));
    } else if (in_exists && out_exists) {
      // Only a file can be overwritten: two names of one terminal or FIFO are not a clash.
      if (!S_ISREG(out.st_mode)) continue;
      same = in.st_dev == out.st_dev && in.st_ino == out.st_ino;
    } else {
      same = Canonical(p) == out_canonical;
    }
    if (same) {
      return Status::InvalidArgument(
          fmt::format("refusing to write the output over the {} '{}' (choose another output path)", role, p));
    }
  }
  return Status::Ok();
}

namespace {

// What Open and OpenAppend first do: the refusal rule, then what is at the path.
Result<Target> Prepare(const std::string& path, const std::vector<std::string>& inputs) {
  VANBAN_RETURN_IF_ERROR(CheckNotOverwriting(path, inputs));
  auto t = Resolve(path);
  if (!t.ok()) return Status::IOError(fmt::format("cannot write '{}': {}", path, t.status().message()));
  if (t->kind == Target::kDirectory) return Status::InvalidArgument(fmt::format("output '{}' is a directory", path));
  return t;
}

}  // namespace

Result<Output> Output::Open(const std::string& path, const std::vector<std::string>& inputs) {
  Output out;
  if (path.empty() || path == "-") {
    out.file_ = stdout;
    return out;
  }
  auto t = Prepare(path, inputs);
  if (!t.ok()) return t.status();
  out.path_ = path;
  out.target_ = t->path;
  int fd = -1;
  switch (t->kind) {
    case Target::kDirectory:  // refused by Prepare
    case Target::kDescriptor:
      fd = ::fcntl(t->fd, F_DUPFD_CLOEXEC, 3);
      if (fd < 0) return Status::IOError(fmt::format("cannot write '{}': {}", path, std::strerror(errno)));
      break;
    case Target::kSpecial:
      // A device, FIFO or socket is written through: renaming over it would replace it.
      fd = ::open(t->path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
      if (fd < 0) return Status::IOError(fmt::format("cannot write '{}': {}", path, std::strerror(errno)));
      break;
    case Target::kNew:
    case Target::kRegular: {
      out.temp_path_ = TempPattern(t->path);
      fd = ::mkostemp(out.temp_path_.data(), O_CLOEXEC);
      if (fd < 0) {
        return Status::IOError(fmt::format("cannot create a temporary file next to '{}': {}", t->path,
                                           std::strerror(errno)));
      }
      RegisterTemp(out.temp_path_);
      if (t->kind == Target::kRegular) {
        // The replacement keeps the owner (when we may set it) and then the mode, which a
        // change of owner would clear set-id bits from.
        if (::fchown(fd, t->st.st_uid, t->st.st_gid) != 0) (void)!::fchown(fd, static_cast<uid_t>(-1), t->st.st_gid);
        ::fchmod(fd, t->st.st_mode & 07777);
      } else {
        ::fchmod(fd, NewFileMode());
      }
      break;
    }
  }
  out.file_ = OpenStream(fd);
  if (out.file_ == nullptr) {
    std::string why = std::strerror(errno);
    if (!out.temp_path_.empty()) {
      ::unlink(out.temp_path_.c_str());
      UnregisterTemp(out.temp_path_);
    }
    return Status::IOError(fmt::format("cannot open '{}': {}", path, why));
  }
  return out;
}

Result<Output> Output::OpenAppend(const std::string& path, const std::vector<std::string>& inputs) {
  Output out;
  if (path.empty() || path == "-") {
    out.file_ = stdout;
    return out;
  }
  auto t = Prepare(path, inputs);
  if (!t.ok()) return t.status();
  int fd = t->kind == Target::kDescriptor
               ? ::fcntl(t->fd, F_DUPFD_CLOEXEC, 3)
               : ::open(t->path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOCTTY, 0666);
  if (fd < 0) return Status::IOError(fmt::format("cannot open '{}' for appending: {}", path, std::strerror(errno)));
  out.path_ = path;
  out.target_ = t->path;
  out.file_ = OpenStream(fd);
  if (out.file_ == nullptr) return Status::IOError(fmt::format("cannot open '{}': {}", path, std::strerror(errno)));
  return out;
}

Output::Output(Output&& other) noexcept
    : file_(other.file_),
      path_(std::move(other.path_)),
      target_(std::move(other.target_)),
      temp_path_(std::move(other.temp_path_)),
      closed_(other.closed_) {
  other.file_ = nullptr;
  other.closed_ = true;
}

Output::~Output() { Abandon(); }

void Output::Write(std::string_view data) {
  if (!data.empty()) std::fwrite(data.data(), 1, data.size(), file_);
}

void Output::Flush() {
  if (file_ != nullptr) std::fflush(file_);
}

bool Output::is_tty() const { return file_ != nullptr && isatty(fileno(file_)); }

Status Output::Close() {
  if (closed_ || file_ == nullptr) return Status::Ok();
  closed_ = true;
  if (file_ == stdout) {
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
      return Status::IOError(fmt::format("writing standard output failed: {}", std::strerror(errno)));
    }
    return Status::Ok();
  }
  bool failed = std::fflush(file_) != 0 || std::ferror(file_) != 0;
  int err = failed ? errno : 0;
  failed |= std::fclose(file_) != 0;
  if (failed && err == 0) err = errno;
  file_ = nullptr;
  if (temp_path_.empty()) {
    return failed ? Status::IOError(fmt::format("cannot write '{}': {}", path_, std::strerror(err))) : Status::Ok();
  }
  if (!failed && std::rename(temp_path_.c_str(), target_.c_str()) != 0) failed = true, err = errno;
  if (failed) ::unlink(temp_path_.c_str());
  UnregisterTemp(temp_path_);
  if (failed) return Status::IOError(fmt::format("cannot write '{}': {}", path_, std::strerror(err)));
  return Status::Ok();
}

void Output::Abandon() {
  if (closed_ || file_ == nullptr) return;
  closed_ = true;
  if (file_ == stdout) {
    std::fflush(stdout);
    return;
  }
  std::fclose(file_);
  file_ = nullptr;
  if (!temp_path_.empty()) {
    ::unlink(temp_path_.c_str());
    UnregisterTemp(temp_path_);
  }
}

void RestoreOutputSignalHandler(int signal) { InstallHandler(signal); }

}  // namespace vanban::cli
