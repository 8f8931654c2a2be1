// A hash map keyed by std::string that is looked up by std::string_view without
// building a string (the restorer's per-word memos look words up per piece).
#ifndef VANBAN_RESTORE_STRING_MAP_H_
#define VANBAN_RESTORE_STRING_MAP_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace vanban::internal {

struct StringViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

template <typename V>
using StringMap = std::unordered_map<std::string, V, StringViewHash, std::equal_to<>>;

}  // namespace vanban::internal

#endif  // VANBAN_RESTORE_STRING_MAP_H_
