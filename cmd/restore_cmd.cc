// `vanban restore`: put the diacritics back (and fix wrong ones) in Vietnamese text.
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli_io.h"
#include "command.h"
#include "help_format.h"
#include "output_target.h"
#include "record_output.h"
#include "restore_options.h"
#include "worker_pool.h"
#include "vanban/parse.h"
#include "vanban/pipeline.h"
#include "vanban/restore.h"
#include "vanban/text.h"

namespace vanban::cli {
namespace {

struct Options {
  std::vector<std::string> files;
  OutputTarget target;
  std::string format = "text";
  bool json = false;
  bool mark = false;
  bool diff = false;
  RestoreChoice restore;  // --model, --fast (restore has no --no-restore)
  DecodeOptions decode;
  int beam = 8;
  double threshold = kUnsureConfidence;
  bool no_ocr = false;
  std::string color = "auto";
  bool explain = false;
  std::string tone = "traditional";
};

nlohmann::ordered_json TokenJson(const RestoredToken& t) {
  nlohmann::ordered_json j;
  j["line"] = t.line;
  j["begin"] = t.begin;
  j["end"] = t.end;
  j["original"] = t.original;
  j["restored"] = t.restored;
  j["changed"] = t.changed();
  j["confidence"] = std::round(t.confidence * 10000) / 10000;
  j["kind"] = RestoredKindName(t.kind);
  auto alts = nlohmann::ordered_json::array();
  for (const Alternative& a : t.alternatives)
    alts.push_back({{"text", a.text}, {"probability", std::round(a.probability * 10000) / 10000}});
  j["alternatives"] = alts;
  return j;
}

// Text with low-confidence words shown as [[chosen|alternative|...]].
std::string Marked(const RestoreResult& r, double threshold, bool color) {
  std::string out;
  size_t copied = 0;
  for (const RestoredToken& t : r.tokens) {
    if (t.confidence >= threshold) continue;
    out.append(r.text, copied, t.out_begin - copied);
    if (color) out += "\x1b[33m";
    out += "[[" + t.restored;
    for (const Alternative& a : t.alternatives) out += "|" + a.text;
    out += "]]";
    if (color) out += "\x1b[0m";
    copied = t.out_end;
  }
  out.append(r.text, copied);
  return out;
}

// Changed lines as "@@ NAME:LINE @@" / "-before" / "+after" groups; |before|'s first
// line is line |first_line| of NAME.
std::string Diff(std::string_view name, std::string_view before, std::string_view after, bool color,
                 int first_line) {
  auto a = SplitLines(before), b = SplitLines(after);
  std::string out;
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    if (a[i] == b[i]) continue;
    out += fmt::format("@@ {}:{} @@\n", name, i + first_line);
    out += color ? fmt::format("\x1b[31m-{}\x1b[0m\n\x1b[32m+{}\x1b[0m\n", a[i], b[i])
                 : fmt::format("-{}\n+{}\n", a[i], b[i]);
  }
  return out;
}

nlohmann::ordered_json DocumentJson(const std::string& name, const RestoreResult& r) {
  nlohmann::ordered_json doc;
  doc["schema"] = 1;
  doc["type"] = "document";
  doc["file"] = name;
  doc["text"] = r.text;
  doc["changed"] = r.changed;
  doc["input"] = {{"clean", std::round(r.profile.clean * 1000) / 1000},
                  {"stripped", std::round(r.profile.stripped * 1000) / 1000},
                  {"ocr", std::round(r.profile.ocr * 1000) / 1000},
                  {"words", r.profile.words},
                  {"damaged", r.profile.damaged},
                  {"unknown", r.profile.unknown}};
  auto toks = nlohmann::ordered_json::array();
  for (const RestoredToken& t : r.tokens) toks.push_back(TokenJson(t));
  doc["tokens"] = std::move(toks);
  return doc;
}

int Run(Options o) {
  if (o.json) o.format = "json";
  auto files = InputsOrStdin(o.files);
  if (int rc = CheckOneJsonDocument(o.format, files.size(), o.target.per_file()); rc != kExitOk) return rc;
  std::shared_ptr<const Model> model;
  if (int rc = LoadChosenModel(o.restore, &model, /*offers_no_restore=*/false); rc != kExitOk) return rc;
  RestoreOptions ro = ReadOptionsOf(o.restore).restore;
  ro.beam = o.beam;
  ro.confidence = o.format != "text" || o.mark;
  ro.record_tokens = o.format != "text" || o.mark;
  ro.ocr = !o.no_ocr;
  ro.tone = o.tone == "school" ? RestoreOptions::Tone::kSchool : RestoreOptions::Tone::kTraditional;
  std::string explanation;
  if (o.explain) ro.explain = &explanation;
  WorkerPool<Restorer> restorers([&] { return std::make_unique<Restorer>(model, ro); });
  // --explain prints each document's readings in order, so it restores with one.
  const size_t most_restorers = o.explain ? 1 : WorkerPool<Restorer>::kMaxWorkers;
  bool color = o.color == "always" || (o.color == "auto" && !o.target.per_file() && o.target.output == "-" &&
                                       UseColor(stdout));
  if (o.format != "text") color = false;
  return ForEachInputOutput(files, o.target, "", [&](const std::string& path, Output& out) -> int {
    std::string name = DisplayName(path);
    auto text = ReadText(path, o.decode);
    if (!text.ok()) return ReportStatus(name, text.status());
    // A file of several documents one after another (as parse cuts it) is restored
    // document by document, each as if alone, and written back in order: its text the
    // same as restoring each document's lines by themselves, its JSON one record each.
    const std::vector<DocumentPart> parts = SplitDocuments(*text);
    RecordStream records(out, o.format, {}, RecordStream::JsonShape::kSingle);
    RestoreInOrder(parts, restorers.For(parts.size(), most_restorers), [&](size_t index, RestoreResult r) {
      const DocumentPart& part = parts[index];
      if (o.explain) {
        fmt::print(stderr, "{}", explanation);
        explanation.clear();
      }
      if (o.format == "text") {
        if (o.diff) out.Write(Diff(name, part.text, r.text, color, part.first_line));
        else if (o.mark) out.Write(Marked(r, o.threshold, color));
        else out.Write(r.text);
        return;
      }
      // The tokens name their place in the file.
      const size_t offset = static_cast<size_t>(part.text.data() - text->data());
      for (RestoredToken& t : r.tokens) {
        t.begin += offset;
        t.end += offset;
        t.line += static_cast<uint32_t>(part.first_line - 1);
      }
      records.AddJson(DocumentJson(name, r));
    });
    return kExitOk;
  });
}

}  // namespace

VANBAN_REGISTER_COMMAND(Command{
    "restore", "Restore Vietnamese diacritics and fix wrong ones, keeping the layout",
    R"(Examples:
  echo "Uy ban nhan dan tinh" | vanban restore        -> Ủy ban nhân dân tỉnh
  vanban restore scan.txt -o restored.txt
  vanban restore --diff scan.txt                      show changed lines
  vanban restore --mark scan.txt                      [[nghị|nghỉ]] marks unsure words
  vanban restore --json scan.txt                      per-word confidence and alternatives
  vanban restore --output-dir restored/ scans/*.txt   restored/NAME.txt for each scan
Several FILEs without --output-dir are written one after the other, as cat(1) does.
A FILE holding several documents one after another (as parse finds them) is restored
document by document, one thread a core, and written back in order.
Model: --model FILE, else $VANBAN_MODEL, else the model of the build tree, else
the installed share/vanban/vanban.model.)",
    10, [](CLI::App& app) {
      auto o = std::make_shared<Options>();
      AddInputFiles(app, &o->files);
      AddOutputTargetOptions(app, &o->target);
      AddDecodeOptions(app, &o->decode);
      AddFormatOption(app, &o->format, {"text", "json", "jsonl"},
                      "text (default), json (one indented record per document) or jsonl (one record per line)");
      app.add_flag("--json", o->json, "Same as --format json");
      app.add_flag("--mark", o->mark, "Mark words below --threshold as [[chosen|alternative...]]");
      app.add_flag("--diff", o->diff, "Print only changed lines, as -before/+after pairs");
      app.add_option("--threshold", o->threshold,
                     fmt::format("Confidence under which --mark marks a word, 0-1 (default {:g})", kUnsureConfidence))
          ->type_name("NUMBER")
          ->check(CLI::Range(0.0, 1.0).description(""));
      AddModelOption(app, &o->restore.model);
      app.add_option("--beam", o->beam, "Beam width, 1-64 (default 8)")
          ->type_name("N")
          ->check(CLI::Range(1, 64).description(""));
      app.add_flag("--no-ocr", o->no_ocr, "Do not try to repair OCR confusions (s6, x4, thyc)");
      AddFastOption(app, &o->restore.fast);
      app.add_flag("--explain", o->explain, "Print every line's readings and scores to stderr (for tuning the model)");
      app.add_option("--tone", o->tone,
                     "Tone mark placement of restored words: traditional (hòa, thủy; default) or school (hoà, thuỷ)")
          ->type_name("STYLE")
          ->check(OneOf({"traditional", "school"}));
      app.add_option("--color", o->color, "Colour for --mark and --diff: auto (default: on a terminal), always, never")
          ->type_name("WHEN")
          ->check(OneOf({"auto", "always", "never"}));
      return RunFn([o] { return Run(*o); });
    }});

}  // namespace vanban::cli
