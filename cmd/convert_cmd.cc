// vanban convert: legacy encodings (TCVN3, VNI, VIQR, Windows-1258, UTF-16) to Unicode and back.
#include <fmt/format.h>

#include "cli_io.h"
#include "command.h"
#include "help_format.h"
#include "output_target.h"
#include "vanban/text.h"

namespace vanban::cli {
namespace {

struct Options {
  std::vector<std::string> files;
  OutputTarget target;
  DecodeOptions decode;
  OutputForm to = OutputForm::kNfc;
  bool detect = false;
  std::string tone = "keep";
};

int Run(const Options& o) {
  return ForEachInputOutput(InputsOrStdin(o.files), o.target, "", [&](const std::string& path, Output& out) -> int {
    std::string name = DisplayName(path);
    if (o.detect) {
      auto input = ReadInput(path);
      if (!input.ok()) return ReportStatus(name, input.status());
      Detection d = DetectEncoding(input->bytes);
      out.Write(fmt::format("{}\t{}\t{:.2f}\n", input->name, EncodingName(d.encoding), d.confidence));
      return kExitOk;
    }
    auto text = ReadText(path, o.decode);
    if (!text.ok()) return ReportStatus(name, text.status());
    if (o.tone != "keep")
      *text = NormalizeTonePlacement(*text, o.tone == "traditional" ? ToneStyle::kOld : ToneStyle::kNew);
    auto encoded = Encode(*text, o.to);
    if (!encoded.ok()) return ReportStatus(name, encoded.status());
    out.Write(*encoded);
    return kExitOk;
  });
}

}  // namespace

VANBAN_REGISTER_COMMAND(Command{
    "convert", "Convert legacy Vietnamese encodings (TCVN3, VNI, VIQR, CP1258) to Unicode",
    R"(Examples:
  vanban convert old-tcvn3.txt > new.txt      detect the encoding and write UTF-8 NFC
  vanban convert --from vni -o out.txt in.txt force the input encoding
  vanban convert --detect *.txt               print FILE, encoding and confidence
  vanban convert --to viqr note.txt           write VIQR (ASCII) instead of Unicode
  vanban convert --tone traditional doc.txt   hoà, thuỷ -> hòa, thủy (--tone school: the reverse)
  vanban convert --output-dir utf8/ old/*.txt utf8/NAME.txt for each file

Encodings (--from): auto, utf8, utf16, cp1258, tcvn3, vni, viqr.
Output forms (--to): nfc (default), nfd, viqr, tcvn3, vni, cp1258, utf16.)",
    10, [](CLI::App& app) {
      auto o = std::make_shared<Options>();
      AddInputFiles(app, &o->files);
      AddOutputTargetOptions(app, &o->target);
      AddDecodeOptions(app, &o->decode);
      app.add_option_function<std::string>(
             "--to",
             [o](const std::string& name) {
               auto f = ParseOutputFormName(name);
               if (!f.ok()) throw CLI::ValidationError("--to", f.status().message());
               o->to = *f;
             },
             "Output form: nfc (default), nfd, viqr, tcvn3, vni, cp1258, utf16")
          ->type_name("FORM")
          ->check(Lists({"nfc", "nfd", "viqr", "tcvn3", "vni", "cp1258", "utf16"}));
      app.add_option("--tone", o->tone,
                     "Tone mark placement on oa, oe, uy: keep (default), traditional (hòa, thủy), school (hoà, thuỷ)")
          ->type_name("STYLE")
          ->check(OneOf({"keep", "traditional", "school"}));
      app.add_flag("--detect", o->detect,
                   "Only print each file's detected encoding and confidence (0-1)");
      return RunFn([o] { return Run(*o); });
    }});

}  // namespace vanban::cli
