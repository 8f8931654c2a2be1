// Private to the parser: the state shared by the parse stages and the stage entry points.
// ParseDocument (parse_document.cc) runs the stages in this order:
//   DetectFurniture, ParseHeader, FindRegions, ParseSignoff, ParsePreamble, ParseBody,
//   ExtractTasks, ParseAppendices, ExtractReferences, ExtractDeadlines.
// Each stage reads the lines and writes its own part of the Document; the Context below
// carries only what later stages need to know about where the earlier ones found things.
// A position read only by the next stage is passed as a value instead (FindRegions returns
// the sign-off start to ParseSignoff, ParsePreamble the body start to ParseBody).
#ifndef VANBAN_SRC_PARSE_PARSE_CONTEXT_H_
#define VANBAN_SRC_PARSE_PARSE_CONTEXT_H_

#include <string>
#include <vector>

#include "parse/source_lines.h"
#include "vanban/document.h"
#include "vanban/parse.h"

namespace vanban::internal {

// What a line was claimed as; unclaimed lines are body text.
enum class LineUse : char {
  kFree = 0,
  kHeader,
  kPreamble,
  kFootnote,
  kFurniture,
  kClosing,     // closing paragraph
  kSignoff,     // Nơi nhận, signature block
  kAppendix,
};

// Each field names the one stage that writes it and the stages that read it.
struct Context {
  Context(const SourceLines& s, const ParseOptions& o, Document* d)
      : src(s), options(o), doc(d), use(s.size(), LineUse::kFree) {}
  const SourceLines& src;
  const ParseOptions& options;  // ParseAppendices reads merge_tables
  Document* doc;  // the record: each stage writes its own fields (ParseHeader doc->header, …)
  // What each line was claimed as. Written in stage order, each stage claiming only free
  // lines: DetectFurniture (kFurniture, kFootnote), ParseHeader (kHeader), FindRegions
  // (kSignoff, kAppendix, kClosing), ParsePreamble (kPreamble); every later stage reads it
  // and leaves it alone.
  std::vector<LineUse> use;
  // First line after the header (0 when the document has none). Written by ParseHeader;
  // read by FindRegions, ParsePreamble, ExtractDeadlines.
  size_t header_end = 0;
  // One past the last body line (the closing paragraph or the sign-off). Written by
  // FindRegions; read by ParsePreamble and ParseBody.
  size_t body_end = 0;
  // First appendix line (== size() when none). Written by FindRegions; read by
  // ParseSignoff and ParseAppendices.
  size_t appendix_start = 0;
  // Year of the issue date (0 when unknown), for deadlines written without one. Written by
  // ParseHeader; read by ExtractTasks, ParseAppendices, ExtractDeadlines.
  int doc_year = 0;

  size_t size() const { return src.size(); }
};

void DetectFurniture(Context& ctx);  // timestamps, footnotes, page numbers
void ParseHeader(Context& ctx);
// Sign-off and appendix starts, closing paragraph; returns the sign-off's first line.
size_t FindRegions(Context& ctx);
void ParseSignoff(Context& ctx, size_t signoff_start);  // recipients, archive, signature
// Legal bases and enacting formula; returns the body's first line.
size_t ParsePreamble(Context& ctx);
void ParseBody(Context& ctx, size_t body_start);
void ExtractTasks(Context& ctx);
void ParseAppendices(Context& ctx);
void ExtractReferences(Context& ctx);
void ExtractDeadlines(Context& ctx);

// The national motto ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", OCR-bent; the loose form in
// capitals) and the party's ("ĐẢNG CỘNG SẢN VIỆT NAM", in capitals) on |l| (header.cc).
bool FindNationalMotto(const Line& l, Match* m);
bool FindPartyMotto(const Line& l, Match* m);

// Sign-off vocabulary (signoff_words.cc).
struct AuthorityHit {
  size_t start = 0;         // key position of the prefix
  size_t phrase_start = 0;  // key position of the phrase after it
  std::string prefix;       // "TM.", "KT.", "TL.", "TUQ.", "Q."
};
// "Nơi nhận:" at the start of |key|; |end| gets the key position after it.
bool MatchNoiNhan(std::string_view key, size_t* end);
// An authority line ("TM. ỦY BAN NHÂN DÂN", "KT. BỘ TRƯỞNG") in |l| at or after |from|,
// prefix and phrase in capitals.
bool FindAuthority(const Line& l, size_t from, AuthorityHit* hit);
// A position ("PHÓ CHỦ TỊCH", "THỦ TƯỚNG") that ends |l|, starting at or after |from|.
bool FindPosition(const Line& l, size_t from, size_t* start, std::string* canonical);
// Canonical label of a folded position ("pho chu tich" -> "PHÓ CHỦ TỊCH"); "" if unknown.
std::string CanonicalPosition(std::string_view key);
// A signer's name (2-5 capitalised words) in key range [a, b) of |l|, trailing specks dropped.
bool ReadSignerName(const Line& l, size_t a, size_t b, std::string* name);

// Attachments (regions.cc): a "PHỤ LỤC" head at line |i| (|numeral| gets "I", "2" or ""),
// and a capitals title block followed by "(Ban hành kèm theo …)", starting at line |i|.
bool AppendixHeadAt(const Context& ctx, size_t i, bool after_signature, std::string* numeral);
bool AttachmentTitleAt(const Context& ctx, size_t i, size_t not_before);

// Body lines (body.cc): a capitals heading line whose Roman numeral OCR lost ("Kr QUA THUC
// HIBN"), and the first item of a list ("1. …", "a) …"). |stop_speck|: a stop at the
// line's end is a speck's (OCR'd text under a part marker), not the end of a sentence.
bool CapitalsHeadingLine(const Line& l, bool stop_speck = false);
bool FirstItemLine(const Line& l);
// A part, chapter or article marker as the body reads it in an OCR'd source, specks and
// all ("~. Điều 1.", "Chương I a ."); a garbled one only as the first article.
bool OcrHeadingLine(const Line& l);
// Narrows the key range [*a, *b) of an OCR'd title line (an article title, a trích yếu)
// to leave out specks in front ("~~ của Luật") and after it ("… môi trường a", "… | Be").
void TrimTitleSpecks(const Line& l, size_t* a, size_t* b);
// An OCR'd title (article or chapter heading, trích yếu) without the specks inside it:
// stray quotes and bars, a stop or semicolon before a lower-case word, a hyphen or colon
// glued between lower-case words ("Phạm vi.điều chỉnh", "lực-thi hành") (inner_specks.cc).
std::string DropInnerSpecks(std::string_view title);
// The article titles of an OCR'd document whose openings repeat (three titles or more
// sharing eight words or more) read the opening as most copies do where a copy differs
// only by marks, punctuation, a letter or two, a speck or a lost word (repeated_titles.cc).
void ReadRepeatedOpeningsAlike(const std::vector<std::string*>& headings);
// The article titles the Gazette's documents repeat, by key ("pham vi dieu chinh"),
// spaces collapsed (stock_titles.cc).
bool StockArticleTitle(std::string_view key);
// OCR'd article and chapter titles a letter or two from a title the Gazette repeats
// ("Phạm vidiguchinh", "NHUONG QUY ĐỊNH CHUNG") read as that title, flagged
// heading_repaired (stock_titles.cc).
void ReadStockTitles(std::vector<Section>* sections);
// The last character of |title| is a single stop or colon after a letter ("dụng.", "tù:").
bool EndsInStop(std::string_view title);
// A sentence-case OCR'd title with its words in capitals that carry a mark in title case
// ("của BỘ Y tế" → "của Bộ Y tế"); abbreviations, which carry none, stay (inner_specks.cc).
std::string CapitalsWordsAsTitle(std::string_view title);

// Shared recognisers (on folded keys).
// Role of a "Label: value" line; "" when |key| does not start with a known label.
// |value_start| gets the key position after the colon.
std::string LabelRole(const std::string& key, size_t* value_start, std::string* label_vi);
// A dated deadline in a folded key: "trước ngày 05/6" at key positions [start, end).
struct DeadlinePhrase {
  size_t start = 0;
  size_t end = 0;
  int day = 0;
  int month = 0;
  int year = -1;           // -1 when not written ("trước ngày 05/6")
  std::string recurrence;  // "yearly" when "hằng năm" follows in the same clause
};
// Every valid dated deadline of |key|, in order (deadline_phrases.cc).
std::vector<DeadlinePhrase> FindDeadlinePhrases(std::string_view key);
// Timeline classification of a value text (key + value).
Timeline ClassifyTimeline(const std::string& key, const std::string& raw, int doc_year);
// Normalises a symbol such as "NQ- HPND" (key and raw of the same span) to canonical
// groups: OCR'd codes repaired ("HPND" -> "HĐND", "QD" -> "QĐ"), separators kept.
std::string CanonicalSymbol(const std::string& key, const std::string& raw);
// Splits a cell or label value into unit names, each canonical (CanonicalUnitName).
std::vector<std::string> SplitUnits(const std::string& text);
// One spelling of a unit name: dashes "—" "–" as " - ", UBND/HĐND/MTTQ written out,
// "Ủy ban Nhân dân" -> "Ủy ban nhân dân", "Xã" after a name -> "xã", tone marks in the
// traditional place ("Uỷ" -> "Ủy"), a capital first letter ("các thôn" -> "Các thôn").
std::string CanonicalUnitName(std::string_view raw);

}  // namespace vanban::internal

#endif  // VANBAN_SRC_PARSE_PARSE_CONTEXT_H_
