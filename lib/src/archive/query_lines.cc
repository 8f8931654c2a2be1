// Many searches over one connection: the lines of `vanban search --queries FILE`, each
// read into a SearchQuery and answered in order, one JSON line per query.
#include <chrono>
#include <ctime>
#include <istream>
#include <set>
#include <string>
#include <utility>

#include "archive/line_reader.h"
#include "archive/search_json.h"
#include "vanban/archive.h"

namespace vanban {
namespace {

using Json = nlohmann::ordered_json;

// The members a line's JSON object may have, in the order the messages list them.
constexpr const char* kLineMembers = "query, type, issuer, from, to, exact, limit";

Status LineError(const std::string& message) { return Status::InvalidArgument(message); }

// A line longer than this is refused unread: room for a longest query and its filters as
// a JSON object with every character escaped.
constexpr size_t kMaxLineBytes = 8 * kMaxSearchQueryBytes;

// A JSON object line's members over |q| (the command line's query).
Status ApplyObject(const Json& object, SearchQuery* q, bool* text_given) {
  *text_given = false;
  for (const auto& [key, value] : object.items()) {
    std::string* text = key == "query"    ? &q->text
                        : key == "type"   ? &q->type
                        : key == "issuer" ? &q->issuer
                        : key == "from"   ? &q->from
                        : key == "to"     ? &q->to
                                          : nullptr;
    if (text != nullptr) {
      if (!value.is_string()) return LineError("\"" + key + "\" must be a string");
      *text = value.get<std::string>();
      if (key == "query") *text_given = true;
    } else if (key == "exact") {
      if (!value.is_boolean()) return LineError("\"exact\" must be true or false");
      q->exact = value.get<bool>();
    } else if (key == "limit") {
      if (!value.is_number_integer() || value.get<int64_t>() < 1 || value.get<int64_t>() > 10000) {
        return LineError("\"limit\" must be a whole number from 1 to 10000");
      }
      q->limit = value.get<int>();
    } else {
      return LineError("unknown member \"" + key + "\" (a query line's object may have " + kLineMembers + ")");
    }
  }
  return Status::Ok();
}

std::string AnswerJson(const QueryLineAnswer& a) {
  std::string out = "{\"line\":" + std::to_string(a.line) + ",\"query\":" +
                    (a.query ? internal::TerminalSafeJson(Json(*a.query)) : "null");
  if (!a.error.ok()) return out + ",\"error\":" + internal::TerminalSafeJson(Json(a.error.message())) + "}";
  out += ",\"hits\":[";
  for (size_t i = 0; i < a.hits.size(); ++i) {
    if (i > 0) out += ',';
    out += SearchHitJson(a.hits[i]);
  }
  return out + "]}";
}

}  // namespace

Result<SearchQuery> ParseQueryLine(std::string_view line, const SearchQuery& defaults) {
  SearchQuery q = defaults;
  const size_t first = line.find_first_not_of(" \t\r\n");
  bool text_given = true;
  if (first != std::string_view::npos && line[first] == '{') {
    // Members given twice would be read as the last one silently: refused instead.
    std::set<std::string> seen;
    std::string twice;
    auto once = [&](int depth, nlohmann::json::parse_event_t event, Json& parsed) {
      if (depth == 1 && event == nlohmann::json::parse_event_t::key && twice.empty() &&
          !seen.insert(parsed.get<std::string>()).second) {
        twice = parsed.get<std::string>();
      }
      return true;
    };
    Json object = Json::parse(line, once, /*allow_exceptions=*/false);
    if (object.is_discarded() || !object.is_object()) {
      return LineError("not a JSON object (a line starting with '{' is one: {\"query\": \"…\", …})");
    }
    if (!twice.empty()) return LineError("member \"" + twice + "\" given twice");
    q.text.clear();
    VANBAN_RETURN_IF_ERROR(ApplyObject(object, &q, &text_given));
  } else {
    q.text = std::string(line);
  }
  std::string field;
  Status st = CheckSearchQuery(q, text_given, &field);
  if (!st.ok()) return LineError(field + ": " + st.message());
  return q;
}

Result<QuerySessionStats> AnswerQueryLines(Archive& archive, std::istream& in, const SearchQuery& defaults,
                                           const std::function<Status(const QueryLineAnswer&)>& on_answer) {
  QuerySessionStats stats;
  std::string line;
  bool too_long = false;
  for (size_t number = 1; internal::ReadBoundedLine(in, kMaxLineBytes, &line, &too_long); ++number) {
    if (number == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);  // a BOM from Windows editors
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const size_t first = line.find_first_not_of(" \t");
    if (first == std::string::npos && !too_long) continue;
    const bool object = !too_long && line[first] == '{';
    QueryLineAnswer a;
    a.line = number;
    auto q = too_long ? Result<SearchQuery>(LineError("longer than " + std::to_string(kMaxLineBytes) +
                                                      " bytes: not read (a query has at most " +
                                                      std::to_string(kMaxSearchQueryBytes) + ")"))
                      : ParseQueryLine(line, defaults);
    if (!q.ok()) {
      if (!object && !too_long) a.query = line;  // what the line asked for, when that much could be read
      a.error = q.status();
    } else {
      if (!q->text.empty() || !object) a.query = q->text;
      const auto t0 = std::chrono::steady_clock::now();
      const std::clock_t c0 = std::clock();
      auto hits = archive.Search(*q);
      a.wall_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      a.cpu_ms = 1000.0 * static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
      if (hits.ok()) {
        a.hits = std::move(*hits);
      } else {
        a.error = hits.status();
        a.ends_session = hits.status().code() == StatusCode::kIOError;
      }
    }
    if (a.error.ok()) {
      ++stats.answered;
      if (a.hits.empty()) ++stats.without_hits;
    } else {
      ++stats.failed;
    }
    a.json = AnswerJson(a);
    VANBAN_RETURN_IF_ERROR(on_answer(a));
    if (a.ends_session) return a.error;
  }
  if (in.bad()) return Status::IOError("cannot read the query lines");
  return stats;
}

}  // namespace vanban
