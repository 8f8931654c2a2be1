// vanban refs: the documents cited by documents (references.csv).
#include <memory>

#include "cli_io.h"
#include "command.h"
#include "document_input.h"
#include "vanban/export.h"

namespace vanban::cli {
namespace {

struct Options {
  RowListOptions list;
  bool mentions = false;
};

int Run(const Options& o) {
  return WriteDocumentRows(o.list, ReferenceColumns(),
                           [&](const Document& doc) { return ReferenceRows(doc, o.mentions); });
}

}  // namespace

VANBAN_REGISTER_COMMAND(Command{
    "refs", "List the documents cited (Nghị quyết số 20/NQ-HĐND ...) as CSV, TSV or JSON",
    R"(Examples:
  vanban refs plan.txt > references.csv          one row per cited document
  vanban refs --mentions plan.txt                one row per mention, with its line numbers
  vanban refs --format json plans/*.txt
Columns: doc_id, ref_id, mention_no, first_mention, raw, type_label_vi, type_code,
number, year, symbol, full_symbol, style, ref_date, ref_date_precision,
ref_date_variants, issuer_text, issuer_level, subject, alias, section_path, line_start,
line_end, char_start, char_end, confidence, flags. Table options as for `vanban tasks`.)",
    52, [](CLI::App& app) {
      auto o = std::make_shared<Options>();
      AddRowListOptions(app, &o->list);
      app.add_flag("--mentions", o->mentions, "One row per mention instead of one per cited document");
      return RunFn([o] { return Run(*o); });
    }});

}  // namespace vanban::cli
