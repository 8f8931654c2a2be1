// The fields of the vanban.doc/1 record, written down once: for each struct of
// vanban/document.h, its JSON member names in order, each with the member it holds and
// how it is written. The JSON writer (export/json_record.cc) and the JSON Lines import
// (archive/record_import.cc) both walk these descriptions, so a field added here is
// written and read back; DocumentFieldNames() is the list of the top-level ones.
//
// A description calls, on a visitor |io|, one of (|name| is the member name):
//   Str     text, null when empty          Plain   text, "" when empty
//   Bool, Int, Number                      Ratio   a share, rounded to 3 places when written
//   Lines   a LineSpan as [start, end] or null
//   StrList an array of strings            Cells   table cells, an object keyed by column
//   Constant  a fixed string (written, not read)
//   Object  a nested struct (or, with a callable, members described in place)
//   Opt     a std::optional struct, null when absent
//   List    an array of structs
//   Sparse  an array of structs, left out when empty (the unsure words: a record without
//           any is written as before they existed)
// The descriptions are templates over the visitor and over const (writing) or mutable
// (reading) structs.
#ifndef VANBAN_EXPORT_RECORD_FIELDS_H_
#define VANBAN_EXPORT_RECORD_FIELDS_H_

#include <concepts>
#include <type_traits>

#include "vanban/document.h"

namespace vanban::internal {

// T is U or const U.
template <class T, class U>
concept Like = std::same_as<std::remove_const_t<T>, U>;

// The members of UnsureWord, for it and for UnitUnsureWord.
template <class Io>
void DescribeUnsureWord(Io& io, auto& w) {
  io.Plain("word", w.word);
  io.Int("offset", w.offset);
  io.Plain("written", w.written);
  io.Number("confidence", w.confidence);
  io.StrList("alternatives", w.alternatives);
  io.Int("line", w.line);
}

template <class Io>
void Describe(Io& io, Like<UnsureWord> auto& w) {
  DescribeUnsureWord(io, w);
}

template <class Io>
void Describe(Io& io, Like<UnitUnsureWord> auto& w) {
  io.Int("unit", w.unit);
  DescribeUnsureWord(io, w);
}

template <class Io>
void Describe(Io& io, Like<TextValue> auto& t) {
  io.Str("text", t.text);
  io.Str("raw", t.raw);
  io.Lines("lines", t.lines);
  io.Number("confidence", t.confidence);
  io.StrList("flags", t.flags);
  io.Sparse("unsure_words", t.unsure_words);
}

template <class Io>
void Describe(Io& io, Like<DateValue> auto& d) {
  io.Str("raw", d.raw);
  io.Str("date", d.iso);
  io.Bool("day_blank", d.day_blank);
  io.Bool("month_blank", d.month_blank);
  io.Lines("lines", d.lines);
}

template <class Io>
void Describe(Io& io, Like<NationalMotto> auto& m) {
  io.Bool("present", m.present);
  io.Str("text", m.text);
  io.Bool("slogan_present", m.slogan_present);
  io.Str("slogan", m.slogan);
  io.Str("raw", m.raw);
  io.Lines("lines", m.lines);
  io.Constant("layout_cell", "1");
}

template <class Io>
void Describe(Io& io, Like<Issuer> auto& i) {
  io.Str("text", i.text);
  io.Str("raw", i.raw);
  io.Str("org_type", i.org_type);
  io.Str("admin_level", i.admin_level);
  io.Str("admin_unit", i.admin_unit);
  io.Lines("lines", i.lines);
  io.Constant("layout_cell", "2");
  io.Number("confidence", i.confidence);
  io.StrList("flags", i.flags);
  io.Sparse("unsure_words", i.unsure_words);
}

template <class Io>
void Describe(Io& io, Like<NumberSymbol> auto& n) {
  io.Str("raw", n.raw);
  io.Str("number", n.number);
  io.Str("symbol", n.symbol);
  io.Str("doc_type_code", n.doc_type_code);
  io.Str("issuer_code", n.issuer_code);
  io.Str("full", n.full);
  io.Str("year", n.year);
  io.Bool("registered", n.registered);
  io.Lines("lines", n.lines);
  io.Constant("layout_cell", "3");
}

template <class Io>
void Describe(Io& io, Like<DocType> auto& d) {
  io.Str("code", d.code);
  io.Str("label_vi", d.label_vi);
  io.Str("nd30_template", d.nd30_template);
  io.Str("raw", d.raw);
  io.Lines("lines", d.lines);
}

template <class Io>
void Describe(Io& io, Like<Header> auto& h) {
  io.Object("national_motto", h.motto);
  io.Opt("parent_authority", h.parent_authority);
  io.Opt("issuer", h.issuer);
  io.Opt("number_symbol", h.number_symbol);
  io.Opt("place", h.place);
  io.Opt("issued_date", h.issued_date);
  io.Opt("doc_type", h.doc_type);
  io.Opt("subject", h.subject);
  io.Opt("recipients_to", h.recipients_to);
  io.Str("security_level", h.security_level);
  io.Str("urgency", h.urgency);
  io.Bool("is_draft", h.is_draft);
  io.Bool("is_unnumbered", h.is_unnumbered);
}

template <class Io>
void Describe(Io& io, Like<PreambleItem> auto& i) {
  io.Plain("kind", i.kind);
  io.Str("text", i.text.text);
  io.Str("raw", i.text.raw);
  io.Lines("lines", i.text.lines);
  io.StrList("reference_ids", i.reference_ids);
  io.Sparse("unsure_words", i.text.unsure_words);
}

template <class Io>
void Describe(Io& io, Like<Alias> auto& a) {
  io.Plain("alias", a.alias);
  io.Plain("label_vi", a.label_vi);
  io.Str("reference_id", a.reference_id);
  io.Lines("lines", a.lines);
}

template <class Io>
void Describe(Io& io, Like<Preamble> auto& p) {
  io.Str("kind", p.kind);
  io.List("items", p.items);
  io.List("aliases", p.aliases);
  io.Opt("enacting_formula", p.enacting_formula);
}

template <class Io>
void Describe(Io& io, Like<Section> auto& s) {
  io.Plain("id", s.id);
  io.Plain("level", s.level);
  io.Str("num_raw", s.num_raw);
  io.Str("num", s.num);
  io.Str("heading", s.heading);
  io.Str("text", s.text);
  io.Str("label", s.label);
  io.Lines("lines", s.lines);
  io.StrList("flags", s.flags);
  io.Sparse("unsure_words", s.unsure_words);
  io.List("children", s.children);
}

template <class Io>
void Describe(Io& io, Like<Role> auto& r) {
  io.Plain("role", r.role);
  io.Str("label_vi", r.label_vi);
  io.StrList("units", r.units);
  io.Str("raw", r.raw);
  io.Lines("lines", r.lines);
  io.Sparse("unsure_words", r.unsure_words);
}

template <class Io>
void Describe(Io& io, Like<Timeline> auto& t) {
  io.Str("label_vi", t.label_vi);
  io.Str("raw", t.raw);
  io.Plain("kind", t.kind);
  io.Str("recurrence", t.recurrence);
  io.Str("deadline", t.deadline);
  io.Str("year", t.year);
}

template <class Io>
void Describe(Io& io, Like<Task> auto& t) {
  io.Plain("task_id", t.task_id);
  io.Str("section_id", t.section_id);
  io.Plain("source", t.source);
  io.Str("appendix", t.appendix);
  io.Str("stt", t.stt);
  io.Str("group_stt", t.group_stt);
  io.Str("group_text", t.group_text);
  io.Str("task_text", t.task_text);
  io.List("roles", t.roles);
  io.Opt("form", t.form);
  io.Opt("timeline", t.timeline);
  io.Opt("product", t.product);
  io.Lines("lines", t.lines);
  io.Number("confidence", t.confidence);
  io.StrList("flags", t.flags);
  io.Sparse("unsure_words", t.unsure_words);
}

template <class Io>
void Describe(Io& io, Like<Deadline> auto& d) {
  io.Plain("id", d.id);
  io.Str("text", d.text);
  io.Str("date", d.date);
  io.Bool("year_inferred", d.year_inferred);
  io.Str("recurrence", d.recurrence);
  io.Str("task_id", d.task_id);
  io.Lines("lines", d.lines);
}

template <class Io>
void Describe(Io& io, Like<Mention> auto& m) {
  io.Str("raw", m.raw);
  io.Str("date", m.date);
  io.Lines("lines", m.lines);
  io.Bool("first", m.first);
}

template <class Io>
void Describe(Io& io, Like<Reference> auto& r) {
  io.Plain("id", r.id);
  io.Str("raw", r.raw);
  io.Str("type_label_vi", r.type_label_vi);
  io.Str("type_code", r.type_code);
  io.Str("number", r.number);
  io.Str("year", r.year);
  io.Str("symbol", r.symbol);
  io.Str("full", r.full);
  io.Plain("style", r.style);
  io.Str("date", r.date);
  io.StrList("date_variants", r.date_variants);
  io.Str("issuer_text", r.issuer_text);
  io.List("mentions", r.mentions);
  io.StrList("flags", r.flags);
}

template <class Io>
void Describe(Io& io, Like<InternalRef> auto& r) {
  io.Str("raw", r.raw);
  io.Str("target_id", r.target_id);
  io.Bool("found", r.found);
  io.Lines("lines", r.lines);
}

template <class Io>
void Describe(Io& io, Like<AppendixRef> auto& r) {
  io.Str("raw", r.raw);
  io.Str("appendix", r.appendix);
  io.Bool("found", r.found);
  io.Lines("lines", r.lines);
}

template <class Io>
void Describe(Io& io, Like<TableColumn> auto& c) {
  io.Plain("key", c.key);
  io.Plain("label_vi", c.label_vi);
}

template <class Io>
void Describe(Io& io, Like<TableRow> auto& r) {
  io.Str("stt", r.stt);
  io.Plain("kind", r.kind);
  io.Cells("cells", r.cells);
  io.Lines("lines", r.lines);
  io.StrList("flags", r.flags);
}

template <class Io>
void Describe(Io& io, Like<Table> auto& t) {
  io.List("columns", t.columns);
  io.Int("header_repeats", t.header_repeats);
  io.Int("rows_merged", t.rows_merged);
  io.List("rows", t.rows);
  io.Lines("lines", t.lines);
}

template <class Io>
void Describe(Io& io, Like<Appendix> auto& a) {
  io.Plain("id", a.id);
  io.Str("label_vi", a.label_vi);
  io.Str("numeral", a.numeral);
  io.Str("title", a.title);
  io.Opt("attached_to", a.attached_to);
  io.Opt("attached_date", a.attached_date);
  io.List("tables", a.tables);
  io.Lines("lines", a.lines);
}

template <class Io>
void Describe(Io& io, Like<Closing> auto& c) {
  io.Str("text", c.text);
  io.Bool("end_mark", c.end_mark);
  io.Lines("lines", c.lines);
}

template <class Io>
void Describe(Io& io, Like<Recipient> auto& r) {
  io.Str("text", r.text);
  io.Str("purpose", r.purpose);
  io.Str("raw", r.raw);
  io.Lines("lines", r.lines);
}

template <class Io>
void Describe(Io& io, Like<ArchiveLine> auto& a) {
  io.Str("raw", a.raw);
  io.Str("office_code", a.office_code);
  io.Str("drafting_unit", a.drafting_unit);
  io.Str("copies", a.copies);
  io.Lines("lines", a.lines);
}

template <class Io>
void Describe(Io& io, Like<Recipients> auto& r) {
  io.Str("label_vi", r.label_vi);
  io.List("items", r.items);
  io.Opt("archive", r.archive);
  io.Lines("lines", r.lines);
}

template <class Io>
void Describe(Io& io, Like<AuthorityLine> auto& a) {
  io.Plain("prefix", a.prefix);
  io.Str("text", a.text);
  io.Str("raw", a.raw);
  io.Int("line", a.line);
}

template <class Io>
void Describe(Io& io, Like<Signature> auto& s) {
  io.List("authority_lines", s.authority_lines);
  io.Str("position", s.position);
  io.Str("position_raw", s.position_raw);
  io.Str("signer_name", s.signer_name);
  io.Lines("lines", s.lines);
  io.StrList("flags", s.flags);
  io.Sparse("unsure_words", s.unsure_words);
}

template <class Io>
void Describe(Io& io, Like<DigitalSignature> auto& s) {
  io.Plain("timestamp", s.timestamp);
  io.Str("raw", s.raw);
  io.Lines("lines", s.lines);
}

template <class Io>
void Describe(Io& io, Like<Footnote> auto& f) {
  io.Str("marker", f.marker);
  io.Str("text", f.text);
  io.Int("anchor_line", f.anchor_line);
  io.Lines("lines", f.lines);
}

template <class Io>
void Describe(Io& io, Like<Furniture> auto& f) {
  io.Plain("kind", f.kind);
  io.Str("raw", f.raw);
  io.Lines("lines", f.lines);
}

// The record's top-level fields (after "schema"), in order: the names --fields selects.
template <class Io>
void Describe(Io& io, Like<Document> auto& d) {
  io.Object("source", [&](auto& s) {
    s.Str("path", d.source.path);
    s.Int("line_count", d.source.line_count);
    s.Bool("ocr", d.source.ocr);
    s.Ratio("marked_ratio", d.source.marked_ratio);
    s.Bool("restored", d.source.restored);
    s.Bool("administrative", d.administrative);
  });
  io.Object("header", d.header);
  io.Object("preamble", d.preamble);
  io.List("body", d.body);
  io.List("tasks", d.tasks);
  io.List("deadlines", d.deadlines);
  io.List("references", d.references);
  io.List("internal_refs", d.internal_refs);
  io.List("appendix_refs", d.appendix_refs);
  io.List("appendices", d.appendices);
  io.Opt("closing", d.closing);
  io.Opt("recipients", d.recipients);
  io.Opt("signature", d.signature);
  io.List("digital_signatures", d.digital_signatures);
  io.List("footnotes", d.footnotes);
  io.List("furniture", d.furniture);
  io.StrList("warnings", d.warnings);
}

}  // namespace vanban::internal

#endif  // VANBAN_EXPORT_RECORD_FIELDS_H_
