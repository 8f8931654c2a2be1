// The structured record of one Vietnamese administrative document (schema "vanban.doc/1").
// Plain data: every extracted value keeps the text it was read from (raw, line range) so
// any output can be traced back to the source; guesses carry a confidence and flags.
#ifndef VANBAN_DOCUMENT_H_
#define VANBAN_DOCUMENT_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vanban {

inline constexpr const char* kDocumentSchema = "vanban.doc/1";

// 1-based inclusive line range in the source; {0, 0} when unknown.
struct LineSpan {
  int start = 0;
  int end = 0;
  bool empty() const { return start == 0; }
};

// A word of an extracted value that the restorer was unsure of: read with a confidence
// under kUnsureConfidence (vanban/restore.h, the threshold of `vanban restore --mark`), so
// a reader should check it against the scan ("XA NGHI DUONG" read "XÃ NGHỈ DƯỠNG" with
// 0.55, alternative "NGHỊ"). The pipeline (vanban/pipeline.h) lists them, as it alone sees
// both the record and the restorer's words; a value that has one has its confidence
// multiplied by each word's (the chance that none of them is wrong, reading the words as
// independent; the sure words count as right, so a value without unsure words keeps its
// confidence). Empty for text that was not restored.
struct UnsureWord {
  std::string word;     // as the value has it: the value's bytes [offset, offset + size())
  int offset = 0;       // byte offset in the value's text
  std::string written;  // as the source had it ("NGHI")
  double confidence = 0;                  // probability that the reading is right
  std::vector<std::string> alternatives;  // other readings, most probable first
  int line = 0;
};
// The same for a value of a list (Role::units): |unit| is its index there.
struct UnitUnsureWord : UnsureWord {
  int unit = 0;
};

// A piece of extracted text: |text| is the (restored, when available) value, |raw| the
// source characters it came from.
struct TextValue {
  std::string text;
  std::string raw;
  LineSpan lines;
  double confidence = 1.0;
  std::vector<std::string> flags;
  std::vector<UnsureWord> unsure_words;  // in |text|
};

struct NationalMotto {
  bool present = false;
  std::string text;    // canonical "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
  std::string slogan;  // canonical "Độc lập - Tự do - Hạnh phúc" when found
  std::string raw;
  LineSpan lines;
  bool slogan_present = false;
};

struct Issuer {
  std::string text;         // e.g. "UY BAN NHAN DAN XA NGHI DUONG" (as read)
  std::string raw;
  std::string org_type;     // "ubnd", "hdnd", "so", "bo", "dang_uy", ... ; empty = unknown
  std::string admin_level;  // "xa", "phuong", "thi_tran", "huyen", "tinh", "thanh_pho", ""
  std::string admin_unit;   // "Nghi Duong"
  LineSpan lines;
  double confidence = 1.0;
  std::vector<std::string> flags;  // issuer_line_lost, inferred_from_text, ...
  std::vector<UnsureWord> unsure_words;  // in |text|
};

struct NumberSymbol {
  std::string raw;            // "S6:34 /KH-UBND"
  std::string number;         // "34"; empty when blank (draft)
  std::string symbol;         // "KH-UBND"
  std::string doc_type_code;  // "KH"
  std::string issuer_code;    // "UBND"
  std::string full;           // "34/KH-UBND" or "/KH-UBND"
  std::string year;           // "2023" in "61/2023/NĐ-CP" style numbers
  bool registered = false;    // a number is present
  LineSpan lines;
};

// A calendar date possibly with blanks: iso is "YYYY-MM-DD", with "??" for blank parts.
struct DateValue {
  std::string raw;
  std::string iso;
  bool day_blank = false;
  bool month_blank = false;
  LineSpan lines;
};

struct DocType {
  std::string code;      // NĐ 30 abbreviation ("KH"), "" for công văn
  std::string label_vi;  // "KẾ HOẠCH"
  std::string nd30_template;  // "1.4"
  std::string raw;
  LineSpan lines;
};

struct Header {
  NationalMotto motto;
  std::optional<TextValue> parent_authority;
  std::optional<Issuer> issuer;
  std::optional<NumberSymbol> number_symbol;
  std::optional<TextValue> place;
  std::optional<DateValue> issued_date;
  std::optional<DocType> doc_type;
  std::optional<TextValue> subject;
  std::optional<TextValue> recipients_to;  // "Kính gửi:" (công văn)
  std::string security_level;  // MẬT / TỐI MẬT / TUYỆT MẬT
  std::string urgency;         // KHẨN / THƯỢNG KHẨN / HỎA TỐC
  bool is_draft = false;
  bool is_unnumbered = false;
};

struct PreambleItem {
  std::string kind;  // "can_cu", "thuc_hien", "other"
  TextValue text;
  std::vector<std::string> reference_ids;
};

struct Alias {
  std::string alias;        // the name the document uses from now on
  std::string label_vi;     // "sau đây gọi chung là"
  std::string reference_id;
  LineSpan lines;
};

struct Preamble {
  std::string kind;  // "can_cu", "thuc_hien", "mixed", "" (none)
  std::vector<PreambleItem> items;
  std::vector<Alias> aliases;
  std::optional<TextValue> enacting_formula;
};

struct Section {
  std::string id;       // "II.1.a"
  std::string level;    // phan|chuong|muc|tieu_muc|dieu|khoan|diem|dash|plus|para
  std::string num_raw;  // "Il."
  std::string num;      // "II"
  std::string heading;  // title line(s), when the item has one
  std::string text;     // running text
  std::string label;    // for labelled lines: lead|support|executor|support_executor|timeline|form|product
  LineSpan lines;
  std::vector<std::string> flags;  // numeral_repaired, sequence_gap, ...
  std::vector<UnsureWord> unsure_words;  // in |heading|
  std::vector<Section> children;
};

struct Role {
  std::string role;      // lead|support|executor|support_executor|requested|unit_heading
  std::string label_vi;  // "Cơ quan chủ trì"
  std::vector<std::string> units;
  std::string raw;
  LineSpan lines;
  std::vector<UnitUnsureWord> unsure_words;  // in |units|
};

struct Timeline {
  std::string label_vi;
  std::string raw;
  std::string kind;        // deadline|recurring|period|from_year|term|unspecified
  std::string recurrence;  // continuous|yearly|half_yearly|quarterly|monthly|periodic|ad_hoc|""
  std::string deadline;    // ISO date when kind == deadline
  std::string year;        // "2026" for periods / from_year
};

struct Task {
  std::string task_id;     // "t1"
  std::string section_id;  // "II.1.a" (text) or "PL-II/1" (table)
  std::string source;      // "text" | "table"
  std::string appendix;    // "PL-I" for table rows
  std::string stt;         // table STT cell
  std::string group_stt;
  std::string group_text;
  std::string task_text;
  std::vector<Role> roles;
  std::optional<TextValue> form;
  std::optional<Timeline> timeline;
  std::optional<TextValue> product;
  LineSpan lines;
  double confidence = 1.0;  // also lowered by the unsure words of its units (Role)
  std::vector<std::string> flags;
  std::vector<UnsureWord> unsure_words;  // in |task_text|
};

struct Deadline {
  std::string id;    // "d1"
  std::string text;  // the phrase, e.g. "trước ngày 05/6"
  std::string date;  // ISO "2026-06-05"
  bool year_inferred = false;
  std::string recurrence;  // "yearly" or ""
  std::string task_id;
  LineSpan lines;
};

struct Mention {
  std::string raw;
  std::string date;  // ISO date given at this mention, if any
  LineSpan lines;
  bool first = false;
};

struct Reference {
  std::string id;  // "r1"
  std::string raw;
  std::string type_label_vi;  // "Nghị quyết"
  std::string type_code;      // "NQ"
  std::string number;
  std::string year;
  std::string symbol;  // "NQ-HĐND", "NĐ-CP", "NQ/TU"
  std::string full;    // "20/NQ-HĐND", "61/2023/NĐ-CP", "04-NQ/TU"
  std::string style;   // state_admin|state_qppl|party|congvan|partial
  std::string date;    // first date given
  std::vector<std::string> date_variants;
  std::string issuer_text;
  std::vector<Mention> mentions;
  std::vector<std::string> flags;  // conflicting_dates, symbol_repaired
};

struct InternalRef {
  std::string raw;
  std::string target_id;  // "II.3"
  bool found = false;
  LineSpan lines;
};

struct AppendixRef {
  std::string raw;
  std::string appendix;  // "I"
  bool found = false;
  LineSpan lines;
};

struct TableColumn {
  std::string key;  // stt|task|timeline|lead|support|executor|product|other
  std::string label_vi;
};

struct TableRow {
  std::string stt;
  std::string kind;  // group|task|continuation
  std::vector<std::pair<std::string, std::string>> cells;  // key -> text, in column order
  LineSpan lines;
  std::vector<std::string> flags;
};

struct Table {
  std::vector<TableColumn> columns;
  int header_repeats = 0;
  int rows_merged = 0;
  std::vector<TableRow> rows;
  LineSpan lines;
};

struct Appendix {
  std::string id;        // "PL-I"
  std::string label_vi;  // "PHỤ LỤC I"
  std::string numeral;   // "I"
  std::string title;
  std::optional<TextValue> attached_to;
  std::optional<DateValue> attached_date;
  std::vector<Table> tables;
  LineSpan lines;
};

struct Recipient {
  std::string text;
  std::string purpose;  // "B/c" etc.
  std::string raw;
  LineSpan lines;
};

struct ArchiveLine {
  std::string raw;
  std::string office_code;    // "VT"
  std::string drafting_unit;  // "VHXH"
  std::string copies;
  LineSpan lines;
};

struct Recipients {
  std::string label_vi;  // "Nơi nhận"
  std::vector<Recipient> items;
  std::optional<ArchiveLine> archive;
  LineSpan lines;
};

struct AuthorityLine {
  std::string prefix;  // "TM.", "KT.", "TL.", "TUQ.", "Q."
  std::string text;    // "UY BAN NHAN DAN"
  std::string raw;
  int line = 0;
};

struct Signature {
  std::vector<AuthorityLine> authority_lines;
  std::string position;  // "PHÓ CHỦ TỊCH" / "CHU TICH"
  std::string position_raw;
  std::string signer_name;
  LineSpan lines;
  std::vector<std::string> flags;  // name_missing, position_inferred, stamp_noise
  std::vector<UnsureWord> unsure_words;  // in |signer_name|
};

struct DigitalSignature {
  std::string timestamp;  // ISO 8601 with "+07:00"
  std::string raw;
  LineSpan lines;
};

struct Footnote {
  std::string marker;
  std::string text;
  int anchor_line = 0;
  LineSpan lines;
};

struct Furniture {
  std::string kind;  // stamp_noise|page_break|signature_timestamp|html_residue
  std::string raw;
  LineSpan lines;
};

struct Closing {
  std::string text;
  bool end_mark = false;  // "./."
  LineSpan lines;
};

struct SourceInfo {
  std::string path;
  int line_count = 0;
  bool ocr = false;          // looks like OCR output without diacritics
  double marked_ratio = 0;   // share of letters-words carrying Vietnamese marks
  bool restored = false;     // values were read from restored text
};

struct Document {
  SourceInfo source;
  Header header;
  Preamble preamble;
  std::vector<Section> body;
  std::vector<Task> tasks;
  std::vector<Deadline> deadlines;
  std::vector<Reference> references;
  std::vector<InternalRef> internal_refs;
  std::vector<AppendixRef> appendix_refs;
  std::vector<Appendix> appendices;
  std::optional<Closing> closing;
  std::optional<Recipients> recipients;
  std::optional<Signature> signature;
  std::vector<DigitalSignature> digital_signatures;
  std::vector<Footnote> footnotes;
  std::vector<Furniture> furniture;
  std::vector<std::string> warnings;
  bool administrative = true;  // false when no header component was found
};

// Parts of the record, for selecting output with --fields: its top-level members after
// "schema", in order (source, header, preamble, body, tasks, … warnings; docs/schema.md).
const std::vector<std::string>& DocumentFieldNames();

struct JsonOptions {
  int indent = -1;                  // -1: one line (JSON Lines), else pretty with this indent
  std::vector<std::string> fields;  // empty = all
};

// Receives serialised output piece by piece, in order.
using JsonSink = std::function<void(std::string_view)>;

// Serialises |doc| as a "vanban.doc/1" JSON object with a stable key order, handing it to
// |sink| as it is written (pieces of up to ~64 KB): memory stays small however long the
// document. Names in options.fields that are not field names are ignored: check them
// first with FirstUnknownFieldName.
void WriteDocumentJson(const Document& doc, const JsonOptions& options, const JsonSink& sink);
// The same record as one string.
std::string DocumentToJson(const Document& doc, const JsonOptions& options = {});
// Empty when every name is known, else the first unknown name.
std::string FirstUnknownFieldName(const std::vector<std::string>& fields);

// One flat row of header values, for `vanban header` (name, value) in a fixed order:
// file, number, symbol, type, date, issuer, place, subject, signer, position.
std::vector<std::pair<std::string, std::string>> HeaderRow(const Document& doc);

}  // namespace vanban

#endif  // VANBAN_DOCUMENT_H_
