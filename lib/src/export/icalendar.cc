// iCalendar (RFC 5545) output for deadlines: all-day VEVENTs, folded CRLF lines.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <string>

#include "export/document_title.h"
#include "export/section_label.h"
#include "export/task_roles.h"
#include "vanban/export.h"

namespace vanban {
namespace {

constexpr size_t kMaxOctets = 75;

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "YYYY-MM-DD" with real digits (no "??") -> "YYYYMMDD"; "" otherwise.
std::string IcsDate(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return {};
  std::string_view y = iso.substr(0, 4), m = iso.substr(5, 2), d = iso.substr(8, 2);
  if (!IsDigits(y) || !IsDigits(m) || !IsDigits(d)) return {};
  int mi = std::stoi(std::string(m)), di = std::stoi(std::string(d));
  if (mi < 1 || mi > 12 || di < 1 || di > 31) return {};
  return std::string(y) + std::string(m) + std::string(d);
}

std::string NowStamp() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
  return buf;
}

// Stable across runs and machines (FNV-1a 64), so a re-import updates events instead
// of duplicating them.
std::string Fnv1aHex(std::string_view s) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::string Joined(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : std::string(sep)) + s;
  return out;
}

std::string RecurrenceVi(std::string_view recurrence) {
  if (recurrence == "yearly") return "hằng năm";
  if (recurrence == "half_yearly") return "6 tháng một lần";
  if (recurrence == "quarterly") return "hằng quý";
  if (recurrence == "monthly") return "hằng tháng";
  return {};
}

std::string RRuleFor(std::string_view recurrence) {
  if (recurrence == "yearly") return "FREQ=YEARLY";
  if (recurrence == "half_yearly") return "FREQ=MONTHLY;INTERVAL=6";
  if (recurrence == "quarterly") return "FREQ=MONTHLY;INTERVAL=3";
  if (recurrence == "monthly") return "FREQ=MONTHLY";
  return {};
}

}  // namespace

std::string EscapeIcsText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    switch (c) {
      case '\\': out.append("\\\\"); break;
      case ';': out.append("\\;"); break;
      case ',': out.append("\\,"); break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        out.append("\\n");
        break;
      case '\n': out.append("\\n"); break;
      default:
        // Other control characters are not allowed in TEXT.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t') {
          out.push_back(' ');
        } else {
          out.push_back(c);
        }
    }
  }
  return out;
}

std::string FoldIcsLine(std::string_view line) {
  std::string out;
  size_t budget = kMaxOctets;  // continuation lines start with a space, counted in the 75
  size_t i = 0;
  while (i < line.size()) {
    size_t len = 1;
    unsigned char c = static_cast<unsigned char>(line[i]);
    if (c >= 0xF0) len = 4;
    else if (c >= 0xE0) len = 3;
    else if (c >= 0xC0) len = 2;
    len = std::min(len, line.size() - i);
    if (len > budget) {
      out.append("\r\n ");
      budget = kMaxOctets - 1;
    }
    out.append(line.substr(i, len));
    budget -= len;
    i += len;
  }
  out.append("\r\n");
  return out;
}

std::string FormatCalendar(const std::vector<CalendarEvent>& events, const CalendarOptions& options) {
  const std::string stamp = options.dtstamp.empty() ? NowStamp() : options.dtstamp;
  std::string out;
  auto line = [&out](std::string_view l) { out.append(FoldIcsLine(l)); };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line("PRODID:" + options.prodid);
  line("CALSCALE:GREGORIAN");
  if (!options.name.empty()) line("X-WR-CALNAME:" + EscapeIcsText(options.name));
  for (const CalendarEvent& e : events) {
    std::string date = IcsDate(e.date);
    if (date.empty()) continue;
    line("BEGIN:VEVENT");
    line("UID:" + e.uid);
    line("DTSTAMP:" + stamp);
    line("DTSTART;VALUE=DATE:" + date);
    if (!e.rrule.empty()) line("RRULE:" + e.rrule);
    line("SUMMARY:" + EscapeIcsText(e.summary));
    if (!e.description.empty()) line("DESCRIPTION:" + EscapeIcsText(e.description));
    if (!e.categories.empty()) {
      std::string cats;
      for (const auto& c : e.categories) cats += (cats.empty() ? "" : ",") + EscapeIcsText(c);
      line("CATEGORIES:" + cats);
    }
    line("TRANSP:TRANSPARENT");
    if (options.alarm_days_before >= 0) {
      line("BEGIN:VALARM");
      line("ACTION:DISPLAY");
      line("DESCRIPTION:" + EscapeIcsText(e.summary));
      line("TRIGGER:-P" + std::to_string(options.alarm_days_before) + "D");
      line("END:VALARM");
    }
    line("END:VEVENT");
  }
  line("END:VCALENDAR");
  return out;
}

std::vector<CalendarEvent> DeadlineEvents(const Document& doc) {
  std::vector<CalendarEvent> events;
  const Header& h = doc.header;
  const std::string id = DocumentId(doc);
  const std::string symbol = h.number_symbol ? h.number_symbol->full : "";
  const std::string issuer = h.issuer ? h.issuer->text : "";
  std::string issued = h.issued_date ? h.issued_date->iso : "";
  std::string year = issued.size() >= 4 && IsDigits(issued.substr(0, 4)) ? issued.substr(0, 4) : "";
  const std::string identity = Fnv1aHex(symbol + "|" + issuer + "|" + issued + "|" + id);
  std::string document = internal::DocumentTitle(doc);
  if (!symbol.empty()) document += " số " + symbol;
  if (IcsDate(issued).size() == 8) document += " " + internal::VietnameseDate(issued);
  if (!issuer.empty()) document += " của " + issuer;
  for (const Deadline& d : doc.deadlines) {
    CalendarEvent e;
    e.date = d.date;
    e.rrule = RRuleFor(d.recurrence);
    // "--MM-DD": a date without a year, placed in the year of issue (next year if earlier).
    if (d.date.size() == 7 && d.date.compare(0, 2, "--") == 0 && !year.empty()) {
      std::string md = d.date.substr(2);
      e.date = year + "-" + md;
      if (!issued.empty() && IcsDate(issued).size() == 8 && e.date < issued) {
        e.date = std::to_string(std::stoi(year) + 1) + "-" + md;
      }
      if (e.rrule.empty()) e.rrule = "FREQ=YEARLY";
    }
    if (IcsDate(e.date).empty()) continue;
    e.uid = d.id + "-" + identity + "@vanban";
    const Task* task = internal::FindTask(doc, d.task_id);
    std::vector<std::string> lead = task ? internal::UnitsOf(*task, "lead") : std::vector<std::string>{};
    std::vector<std::string> support = task ? internal::UnitsOf(*task, "support") : std::vector<std::string>{};
    std::vector<std::string> executor = task ? internal::UnitsOf(*task, "executor") : std::vector<std::string>{};
    std::vector<std::string> owners = lead.empty() ? executor : lead;
    // Summary: what is due, which of the task's deadlines, who leads, from which document.
    std::string what = task && !task->task_text.empty() ? task->task_text : d.text;
    size_t task_deadlines = 0;
    for (const Deadline& other : doc.deadlines) task_deadlines += !d.task_id.empty() && other.task_id == d.task_id;
    // A title or unit the restorer was unsure of is said so up front: "(?) 34/KH-UBND: …".
    const std::vector<std::string> unsure = task ? internal::UnsureWordsOf(*task) : std::vector<std::string>{};
    e.summary = (unsure.empty() ? "" : "(?) ") + (symbol.empty() ? id : symbol) + ": " + internal::Abbreviate(what, 90);
    if (task_deadlines > 1 && what != d.text) e.summary += " [" + internal::Abbreviate(d.text, 50) + "]";
    if (!owners.empty()) e.summary += " – " + internal::Abbreviate(Joined(owners, ", "), 50);
    std::string recurrence = RecurrenceVi(e.rrule == "FREQ=YEARLY" && d.recurrence.empty() ? "yearly" : d.recurrence);
    e.description = "Thời hạn: " + d.text + (recurrence.empty() ? "" : " (" + recurrence + ")");
    if (task && !task->task_text.empty()) e.description += "\nNhiệm vụ: " + task->task_text;
    if (!lead.empty()) e.description += "\nChủ trì: " + Joined(lead, "; ");
    if (!support.empty()) e.description += "\nPhối hợp: " + Joined(support, "; ");
    if (!executor.empty()) e.description += "\nThực hiện: " + Joined(executor, "; ");
    if (!unsure.empty()) e.description += "\nCần đối chiếu bản gốc: " + Joined(unsure, "; ");
    e.description += "\nVăn bản: " + document;
    if (!doc.source.path.empty()) {
      e.description += "\nNguồn: " + doc.source.path + (d.lines.empty() ? "" : ":" + std::to_string(d.lines.start));
    }
    e.categories = owners;
    events.push_back(std::move(e));
  }
  return events;
}

}  // namespace vanban
