// The 2025 communes and the old units each absorbed, as the model stores them (section
// kSectionPlaceMerges): the lines of dictionaries/place_merges.txt ("Nghi Dương<TAB>Nghệ
// An<TAB>Nghi Thái<TAB>…"), each behind the key of its commune's name and sorted by it
// ("nghi duong<TAB>Nghi Dương<TAB>…"), so that a restorer finds the communes a document
// names by bisection instead of parsing 3,000 lines for every process.
#ifndef VANBAN_MODEL_PLACE_MERGES_H_
#define VANBAN_MODEL_PLACE_MERGES_H_

#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vanban/status.h"

namespace vanban::internal {

// The key of a name: each syllable in lower case without marks, one space apart ("Nghi
// Dương" -> "nghi duong"); false if a syllable holds anything but Vietnamese letters.
bool PlaceKeyInto(std::string_view name, std::string* key);

// The section for the text of place_merges.txt; Corruption naming the line of one
// without a commune, its province and an old unit. A commune whose name has no key is
// left out.
Result<std::string> PlaceMergesSection(std::string_view file);

class PlaceMerges {
 public:
  // A view of |section| (which must outlive it); one not sorted by key is taken as empty.
  explicit PlaceMerges(std::string_view section);
  // (key, line without the key) of the communes whose name has |key|.
  using Entry = std::pair<std::string_view, std::string_view>;
  std::span<const Entry> Find(std::string_view key) const;
  size_t size() const { return lines_.size(); }

 private:
  std::vector<Entry> lines_;
};

}  // namespace vanban::internal

#endif  // VANBAN_MODEL_PLACE_MERGES_H_
