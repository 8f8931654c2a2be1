// Parser: text of one administrative document -> Document record (vanban/document.h).
//
// Keywords are matched on an OCR-folded key of the *source* text (diacritics stripped,
// lower case, common OCR confusions folded), so structure does not depend on restoration
// being right; values are read from the restored text when the caller supplies one.
#ifndef VANBAN_PARSE_H_
#define VANBAN_PARSE_H_

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/document.h"
#include "vanban/status.h"

namespace vanban {

struct ParseOptions {
  // Name recorded in source.path (file name as given on the command line).
  std::string source_name;
  // Optional restored version of the same text (the restorer's output: vanban/pipeline.h
  // runs both). Used for values line by line when it has the same number of lines as the
  // source; a line whose character count differs falls back to the source line. Empty =
  // no restoration.
  std::string_view restored_text;
  // Merge table rows split across pages and drop repeated header rows.
  bool merge_tables = true;
  // Number of the first line of |text| in its file (a document of SplitDocuments): line
  // numbers in the record count from it.
  int first_line = 1;
  // Give up (kUnsupported) once this time has passed; checked between the parse stages.
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
};

// Parses |text| (UTF-8, ideally NFC). Never fails on content: a text that is not an
// administrative document yields a record with administrative == false and a warning.
// Fails (kCorruption) only on invalid UTF-8, and (kUnsupported) when options.deadline passes.
Result<Document> ParseDocument(std::string_view text, const ParseOptions& options = {});

// One document of a text that holds several one after another.
struct DocumentPart {
  std::string_view text;  // whole lines of the input
  int first_line = 1;     // number of its first line in the input
};

// Where each document of |text| starts: a new national (or party) motto header after the
// sign-off ("Nơi nhận", a signing authority) of the document before it, outside that
// document's appendices (whose forms carry mottos of their own). The parts cover the whole
// text in order; a text with one document is one part.
std::vector<DocumentPart> SplitDocuments(std::string_view text);

// The OCR-folded key of |text| used for keyword matching: one ASCII byte per code point
// (marks stripped, lower case, đ->d, P->d at word start before a vowel, w->u, ¢/&->o, ...).
std::string FoldKey(std::string_view text);

}  // namespace vanban

#endif  // VANBAN_PARSE_H_
