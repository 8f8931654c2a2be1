#include "restore/document_memory.h"

#include <algorithm>
#include <string>

#include "text/viet_chars.h"

namespace vanban::internal {

void DocumentMemory::Reset(std::string_view text) {
  words_.clear();
  pairs_.Clear();
  spellings_.clear();
  last_label_ = 0;
  labels_.clear();
  deputy_titles_.clear();
  size_t pos = 0;
  std::string key;
  bool on_behalf = false;  // the last line with text opens "KT." (ký thay)
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    size_t b = text.find_first_not_of(" \t\r", pos);
    if (b < eol) {
      size_t after = b;
      NextCodePoint(text, &after);
      if (after < eol && text[after] == ')' && KeyInto(text.substr(b, after - b), &key) && key.size() == 1)
        labels_.push_back({b, key[0]});
      if (on_behalf) deputy_titles_.push_back(b);
      on_behalf = eol - b >= 3 && (text[b] == 'K' || text[b] == 'k') && (text[b + 1] == 'T' || text[b + 1] == 't') &&
                  (text[b + 2] == '.' || text[b + 2] == ' ');
    }
    pos = eol + 1;
  }
}

bool DocumentMemory::DeputyTitleAt(size_t offset) const {
  return std::binary_search(deputy_titles_.begin(), deputy_titles_.end(), offset);
}

void DocumentMemory::RememberSpelling(std::string_view written, uint32_t id) {
  auto it = spellings_.find(written);
  if (it == spellings_.end()) it = spellings_.emplace(std::string(written), std::vector<Reading>{}).first;
  for (Reading& r : it->second) {
    if (r.id == id) {
      ++r.count;
      return;
    }
  }
  it->second.push_back({id, 1});
}

const std::vector<DocumentMemory::Reading>& DocumentMemory::ReadingsOf(std::string_view written) const {
  static const std::vector<Reading> kNone;
  if (spellings_.empty()) return kNone;
  auto it = spellings_.find(written);
  return it == spellings_.end() ? kNone : it->second;
}

char DocumentMemory::NextLabelKey(size_t offset) const {
  auto it = std::upper_bound(labels_.begin(), labels_.end(), offset,
                             [](size_t o, const std::pair<size_t, char>& l) { return o < l.first; });
  return it == labels_.end() ? 0 : it->second;
}

}  // namespace vanban::internal
