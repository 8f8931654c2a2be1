#include "model/place_merges.h"

#include <algorithm>

#include "vanban/text.h"
#include "text/viet_chars.h"

namespace vanban::internal {

bool PlaceKeyInto(std::string_view name, std::string* key) {
  key->clear();
  std::string syllable;
  for (size_t b = 0; b <= name.size();) {
    const size_t e = std::min(name.find(' ', b), name.size());
    if (!KeyInto(name.substr(b, e - b), &syllable)) return false;
    if (!key->empty()) *key += ' ';
    *key += syllable;
    b = e + 1;
  }
  return !key->empty();
}

Result<std::string> PlaceMergesSection(std::string_view file) {
  std::vector<std::pair<std::string, std::string_view>> keyed;
  const std::vector<std::string_view> lines = SplitLines(file);
  std::string key;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    if (line.empty()) continue;
    const size_t tab = line.find('\t');
    if (tab == 0 || tab == std::string_view::npos || line.find('\t', tab + 1) == std::string_view::npos)
      return Status::Corruption("place_merges.txt:" + std::to_string(i + 1) +
                                ": expected commune<TAB>province<TAB>old unit…");
    if (PlaceKeyInto(line.substr(0, tab), &key)) keyed.emplace_back(key, line);
  }
  std::sort(keyed.begin(), keyed.end());
  std::string section;
  for (const auto& [k, line] : keyed) {
    section += k;
    section += '\t';
    section += line;
    section += '\n';
  }
  return section;
}

PlaceMerges::PlaceMerges(std::string_view section) {
  while (!section.empty()) {
    const size_t nl = section.find('\n');
    const std::string_view line = section.substr(0, nl);
    section.remove_prefix(nl == std::string_view::npos ? section.size() : nl + 1);
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    lines_.emplace_back(line.substr(0, tab), line.substr(tab + 1));
  }
  if (!std::is_sorted(lines_.begin(), lines_.end(), [](const Entry& a, const Entry& b) { return a.first < b.first; }))
    lines_.clear();
}

std::span<const PlaceMerges::Entry> PlaceMerges::Find(std::string_view key) const {
  auto [lo, hi] = std::equal_range(lines_.begin(), lines_.end(), Entry{key, {}},
                                   [](const Entry& a, const Entry& b) { return a.first < b.first; });
  return {lo, hi};
}

}  // namespace vanban::internal
