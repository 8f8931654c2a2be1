#include "output_target.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "command.h"

namespace vanban::cli {

void AddOutputTargetOptions(CLI::App& app, OutputTarget* target) {
  CLI::Option* file = AddOutputOption(app, &target->output);
  app.add_option("--output-dir", target->dir,
                 "Write one file per input into DIR, named like the input (an input is never overwritten)")
      ->type_name("DIR")
      ->excludes(file);
}

std::string PerFileOutputPath(const std::string& dir, const std::string& input, std::string_view extension) {
  std::filesystem::path name = std::filesystem::path(input).filename();
  if (!extension.empty()) name.replace_extension(std::string(extension));
  return (std::filesystem::path(dir) / name).string();
}

int ForEachInputOutput(const std::vector<std::string>& files, const OutputTarget& target, std::string_view extension,
                       const std::function<int(const std::string& path, Output& out)>& one) {
  if (!target.per_file()) {
    auto out = Output::Open(target.output, files);
    if (!out.ok()) return ReportStatus(target.output, out.status());
    int rc = kExitOk;
    for (const std::string& path : files) rc = std::max(rc, one(path, *out));
    return FinishOutput(*out, target.output, rc);
  }
  std::error_code ec;
  if (!std::filesystem::is_directory(target.dir, ec)) {
    return ReportStatus(target.dir, Status::InvalidArgument("--output-dir: no such directory"));
  }
  std::set<std::string> names;
  for (const std::string& path : files) {
    if (path == "-") {
      return ReportStatus("--output-dir", Status::InvalidArgument("needs FILE arguments: standard input has no name"));
    }
    std::string out_path = PerFileOutputPath(target.dir, path, extension);
    if (!names.insert(out_path).second) {
      return ReportStatus(path, Status::InvalidArgument(fmt::format(
                                    "another input also writes '{}': give inputs with different names", out_path)));
    }
    for (const std::string& in : files) {
      if (std::filesystem::equivalent(in, out_path, ec)) {
        return ReportStatus(out_path, Status::InvalidArgument(fmt::format(
                                          "refusing to write the output over the input file '{}'", in)));
      }
    }
  }
  int rc = kExitOk;
  for (const std::string& path : files) {
    std::string out_path = PerFileOutputPath(target.dir, path, extension);
    auto out = Output::Open(out_path, files);
    if (!out.ok()) {
      rc = std::max(rc, ReportStatus(out_path, out.status()));
      continue;
    }
    rc = std::max(rc, FinishOutput(*out, out_path, one(path, *out)));
  }
  return rc;
}

}  // namespace vanban::cli
