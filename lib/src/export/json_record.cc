// JSON serialisation of the Document record ("vanban.doc/1"): ordered keys so output
// is stable, null for missing values (never ""), line ranges as [start, end].
#include <nlohmann/json.hpp>

#include <algorithm>

#include "vanban/document.h"

namespace vanban {
namespace {

using Json = nlohmann::ordered_json;

Json Str(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }
Json Lines(const LineSpan& s) { return s.empty() ? Json(nullptr) : Json::array({s.start, s.end}); }
Json StrList(const std::vector<std::string>& v) {
  Json a = Json::array();
  for (const auto& s : v) a.push_back(s);
  return a;
}

Json Text(const TextValue& t) {
  Json j;
  j["text"] = Str(t.text);
  j["raw"] = Str(t.raw);
  j["lines"] = Lines(t.lines);
  j["confidence"] = t.confidence;
  j["flags"] = StrList(t.flags);
  return j;
}

template <class T, class F>
Json Opt(const std::optional<T>& v, F f) {
  return v ? f(*v) : Json(nullptr);
}

Json DateJ(const DateValue& d) {
  Json j;
  j["raw"] = Str(d.raw);
  j["date"] = Str(d.iso);
  j["day_blank"] = d.day_blank;
  j["month_blank"] = d.month_blank;
  j["lines"] = Lines(d.lines);
  return j;
}

Json HeaderJ(const Header& h) {
  Json j;
  Json motto;
  motto["present"] = h.motto.present;
  motto["text"] = Str(h.motto.text);
  motto["slogan_present"] = h.motto.slogan_present;
  motto["slogan"] = Str(h.motto.slogan);
  motto["raw"] = Str(h.motto.raw);
  motto["lines"] = Lines(h.motto.lines);
  motto["layout_cell"] = "1";
  j["national_motto"] = motto;
  j["parent_authority"] = Opt(h.parent_authority, Text);
  j["issuer"] = Opt(h.issuer, [](const Issuer& i) {
    Json x;
    x["text"] = Str(i.text);
    x["raw"] = Str(i.raw);
    x["org_type"] = Str(i.org_type);
    x["admin_level"] = Str(i.admin_level);
    x["admin_unit"] = Str(i.admin_unit);
    x["lines"] = Lines(i.lines);
    x["layout_cell"] = "2";
    x["confidence"] = i.confidence;
    x["flags"] = StrList(i.flags);
    return x;
  });
  j["number_symbol"] = Opt(h.number_symbol, [](const NumberSymbol& n) {
    Json x;
    x["raw"] = Str(n.raw);
    x["number"] = Str(n.number);
    x["symbol"] = Str(n.symbol);
    x["doc_type_code"] = Str(n.doc_type_code);
    x["issuer_code"] = Str(n.issuer_code);
    x["full"] = Str(n.full);
    x["year"] = Str(n.year);
    x["registered"] = n.registered;
    x["lines"] = Lines(n.lines);
    x["layout_cell"] = "3";
    return x;
  });
  j["place"] = Opt(h.place, Text);
  j["issued_date"] = Opt(h.issued_date, DateJ);
  j["doc_type"] = Opt(h.doc_type, [](const DocType& d) {
    Json x;
    x["code"] = Str(d.code);
    x["label_vi"] = Str(d.label_vi);
    x["nd30_template"] = Str(d.nd30_template);
    x["raw"] = Str(d.raw);
    x["lines"] = Lines(d.lines);
    return x;
  });
  j["subject"] = Opt(h.subject, Text);
  j["recipients_to"] = Opt(h.recipients_to, Text);
  j["security_level"] = Str(h.security_level);
  j["urgency"] = Str(h.urgency);
  j["is_draft"] = h.is_draft;
  j["is_unnumbered"] = h.is_unnumbered;
  return j;
}

Json PreambleJ(const Preamble& p) {
  Json j;
  j["kind"] = Str(p.kind);
  Json items = Json::array();
  for (const auto& i : p.items) {
    Json x;
    x["kind"] = i.kind;
    x["text"] = Str(i.text.text);
    x["raw"] = Str(i.text.raw);
    x["lines"] = Lines(i.text.lines);
    x["reference_ids"] = StrList(i.reference_ids);
    items.push_back(x);
  }
  j["items"] = items;
  Json aliases = Json::array();
  for (const auto& a : p.aliases) {
    Json x;
    x["alias"] = a.alias;
    x["label_vi"] = a.label_vi;
    x["reference_id"] = Str(a.reference_id);
    x["lines"] = Lines(a.lines);
    aliases.push_back(x);
  }
  j["aliases"] = aliases;
  j["enacting_formula"] = Opt(p.enacting_formula, Text);
  return j;
}

Json SectionJ(const Section& s) {
  Json j;
  j["id"] = s.id;
  j["level"] = s.level;
  j["num_raw"] = Str(s.num_raw);
  j["num"] = Str(s.num);
  j["heading"] = Str(s.heading);
  j["text"] = Str(s.text);
  j["label"] = Str(s.label);
  j["lines"] = Lines(s.lines);
  j["flags"] = StrList(s.flags);
  Json kids = Json::array();
  for (const auto& c : s.children) kids.push_back(SectionJ(c));
  j["children"] = kids;
  return j;
}

Json TaskJ(const Task& t) {
  Json j;
  j["task_id"] = t.task_id;
  j["section_id"] = Str(t.section_id);
  j["source"] = t.source;
  j["appendix"] = Str(t.appendix);
  j["stt"] = Str(t.stt);
  j["group_stt"] = Str(t.group_stt);
  j["group_text"] = Str(t.group_text);
  j["task_text"] = Str(t.task_text);
  Json roles = Json::array();
  for (const auto& r : t.roles) {
    Json x;
    x["role"] = r.role;
    x["label_vi"] = Str(r.label_vi);
    x["units"] = StrList(r.units);
    x["raw"] = Str(r.raw);
    x["lines"] = Lines(r.lines);
    roles.push_back(x);
  }
  j["roles"] = roles;
  j["form"] = Opt(t.form, Text);
  j["timeline"] = Opt(t.timeline, [](const Timeline& tl) {
    Json x;
    x["label_vi"] = Str(tl.label_vi);
    x["raw"] = Str(tl.raw);
    x["kind"] = tl.kind;
    x["recurrence"] = Str(tl.recurrence);
    x["deadline"] = Str(tl.deadline);
    x["year"] = Str(tl.year);
    return x;
  });
  j["product"] = Opt(t.product, Text);
  j["lines"] = Lines(t.lines);
  j["confidence"] = t.confidence;
  j["flags"] = StrList(t.flags);
  return j;
}

Json ReferenceJ(const Reference& r) {
  Json j;
  j["id"] = r.id;
  j["raw"] = Str(r.raw);
  j["type_label_vi"] = Str(r.type_label_vi);
  j["type_code"] = Str(r.type_code);
  j["number"] = Str(r.number);
  j["year"] = Str(r.year);
  j["symbol"] = Str(r.symbol);
  j["full"] = Str(r.full);
  j["style"] = r.style;
  j["date"] = Str(r.date);
  j["date_variants"] = StrList(r.date_variants);
  j["issuer_text"] = Str(r.issuer_text);
  Json ms = Json::array();
  for (const auto& m : r.mentions) {
    Json x;
    x["raw"] = Str(m.raw);
    x["date"] = Str(m.date);
    x["lines"] = Lines(m.lines);
    x["first"] = m.first;
    ms.push_back(x);
  }
  j["mentions"] = ms;
  j["flags"] = StrList(r.flags);
  return j;
}

Json AppendixJ(const Appendix& a) {
  Json j;
  j["id"] = a.id;
  j["label_vi"] = Str(a.label_vi);
  j["numeral"] = Str(a.numeral);
  j["title"] = Str(a.title);
  j["attached_to"] = Opt(a.attached_to, Text);
  j["attached_date"] = Opt(a.attached_date, DateJ);
  Json tables = Json::array();
  for (const auto& t : a.tables) {
    Json x;
    Json cols = Json::array();
    for (const auto& c : t.columns) cols.push_back(Json{{"key", c.key}, {"label_vi", c.label_vi}});
    x["columns"] = cols;
    x["header_repeats"] = t.header_repeats;
    x["rows_merged"] = t.rows_merged;
    Json rows = Json::array();
    for (const auto& r : t.rows) {
      Json row;
      row["stt"] = Str(r.stt);
      row["kind"] = r.kind;
      Json cells = Json::object();
      for (const auto& [k, v] : r.cells) {
        if (k != "stt") cells[k] = Str(v);
      }
      row["cells"] = cells;
      row["lines"] = Lines(r.lines);
      row["flags"] = StrList(r.flags);
      rows.push_back(row);
    }
    x["rows"] = rows;
    x["lines"] = Lines(t.lines);
    tables.push_back(x);
  }
  j["tables"] = tables;
  j["lines"] = Lines(a.lines);
  return j;
}

Json Field(const Document& d, const std::string& name) {
  if (name == "source") {
    Json j;
    j["path"] = Str(d.source.path);
    j["line_count"] = d.source.line_count;
    j["ocr"] = d.source.ocr;
    j["marked_ratio"] = std::round(d.source.marked_ratio * 1000) / 1000;
    j["restored"] = d.source.restored;
    j["administrative"] = d.administrative;
    return j;
  }
  if (name == "header") return HeaderJ(d.header);
  if (name == "preamble") return PreambleJ(d.preamble);
  if (name == "body") {
    Json a = Json::array();
    for (const auto& s : d.body) a.push_back(SectionJ(s));
    return a;
  }
  if (name == "tasks") {
    Json a = Json::array();
    for (const auto& t : d.tasks) a.push_back(TaskJ(t));
    return a;
  }
  if (name == "deadlines") {
    Json a = Json::array();
    for (const auto& x : d.deadlines) {
      Json j;
      j["id"] = x.id;
      j["text"] = Str(x.text);
      j["date"] = Str(x.date);
      j["year_inferred"] = x.year_inferred;
      j["recurrence"] = Str(x.recurrence);
      j["task_id"] = Str(x.task_id);
      j["lines"] = Lines(x.lines);
      a.push_back(j);
    }
    return a;
  }
  if (name == "references") {
    Json a = Json::array();
    for (const auto& r : d.references) a.push_back(ReferenceJ(r));
    return a;
  }
  if (name == "internal_refs") {
    Json a = Json::array();
    for (const auto& r : d.internal_refs) {
      a.push_back(Json{{"raw", Str(r.raw)}, {"target_id", Str(r.target_id)}, {"found", r.found}, {"lines", Lines(r.lines)}});
    }
    return a;
  }
  if (name == "appendix_refs") {
    Json a = Json::array();
    for (const auto& r : d.appendix_refs) {
      a.push_back(Json{{"raw", Str(r.raw)}, {"appendix", Str(r.appendix)}, {"found", r.found}, {"lines", Lines(r.lines)}});
    }
    return a;
  }
  if (name == "appendices") {
    Json a = Json::array();
    for (const auto& x : d.appendices) a.push_back(AppendixJ(x));
    return a;
  }
  if (name == "closing") {
    return Opt(d.closing, [](const Closing& c) {
      Json j;
      j["text"] = Str(c.text);
      j["end_mark"] = c.end_mark;
      j["lines"] = Lines(c.lines);
      return j;
    });
  }
  if (name == "recipients") {
    return Opt(d.recipients, [](const Recipients& r) {
      Json j;
      j["label_vi"] = Str(r.label_vi);
      Json items = Json::array();
      for (const auto& i : r.items) {
        items.push_back(Json{{"text", Str(i.text)}, {"purpose", Str(i.purpose)}, {"raw", Str(i.raw)}, {"lines", Lines(i.lines)}});
      }
      j["items"] = items;
      j["archive"] = Opt(r.archive, [](const ArchiveLine& a) {
        return Json{{"raw", Str(a.raw)},
                    {"office_code", Str(a.office_code)},
                    {"drafting_unit", Str(a.drafting_unit)},
                    {"copies", Str(a.copies)},
                    {"lines", Lines(a.lines)}};
      });
      j["lines"] = Lines(r.lines);
      return j;
    });
  }
  if (name == "signature") {
    return Opt(d.signature, [](const Signature& s) {
      Json j;
      Json auth = Json::array();
      for (const auto& a : s.authority_lines) {
        auth.push_back(Json{{"prefix", a.prefix}, {"text", Str(a.text)}, {"raw", Str(a.raw)}, {"line", a.line}});
      }
      j["authority_lines"] = auth;
      j["position"] = Str(s.position);
      j["position_raw"] = Str(s.position_raw);
      j["signer_name"] = Str(s.signer_name);
      j["lines"] = Lines(s.lines);
      j["flags"] = StrList(s.flags);
      return j;
    });
  }
  if (name == "digital_signatures") {
    Json a = Json::array();
    for (const auto& s : d.digital_signatures) {
      a.push_back(Json{{"timestamp", s.timestamp}, {"raw", Str(s.raw)}, {"lines", Lines(s.lines)}});
    }
    return a;
  }
  if (name == "footnotes") {
    Json a = Json::array();
    for (const auto& f : d.footnotes) {
      a.push_back(Json{{"marker", Str(f.marker)}, {"text", Str(f.text)}, {"anchor_line", f.anchor_line}, {"lines", Lines(f.lines)}});
    }
    return a;
  }
  if (name == "furniture") {
    Json a = Json::array();
    for (const auto& f : d.furniture) a.push_back(Json{{"kind", f.kind}, {"raw", Str(f.raw)}, {"lines", Lines(f.lines)}});
    return a;
  }
  if (name == "warnings") return StrList(d.warnings);
  return nullptr;
}

}  // namespace

std::string DocumentToJson(const Document& doc, const JsonOptions& options) {
  try {
    Json j;
    j["schema"] = kDocumentSchema;
    const std::vector<std::string>& names = options.fields.empty() ? DocumentFieldNames() : options.fields;
    for (const auto& n : DocumentFieldNames()) {
      if (std::find(names.begin(), names.end(), n) != names.end()) j[n] = Field(doc, n);
    }
    // Invalid UTF-8 cannot reach here (ParseDocument validates); replace defensively anyway.
    return j.dump(options.indent, ' ', false, Json::error_handler_t::replace);
  } catch (const std::exception& e) {
    return std::string("{\"schema\":\"") + kDocumentSchema + "\",\"error\":\"serialisation failed\"}";
  }
}

}  // namespace vanban
