// The JSON that search answers are written in (SearchHitJson, the answers of a query
// session): one serialiser, so that a hit looks the same whichever way it is asked for.
#ifndef VANBAN_ARCHIVE_SEARCH_JSON_H_
#define VANBAN_ARCHIVE_SEARCH_JSON_H_

#include <nlohmann/json.hpp>

#include <string>

namespace vanban::internal {

// |value| serialised (|indent| < 0: one line), invalid UTF-8 replaced, and DEL and the C1
// controls, which JSON may carry raw, escaped as \u007f, \u0080..\u009f: a terminal
// showing the JSON never receives a control character.
std::string TerminalSafeJson(const nlohmann::ordered_json& value, int indent = -1);

}  // namespace vanban::internal

#endif  // VANBAN_ARCHIVE_SEARCH_JSON_H_
