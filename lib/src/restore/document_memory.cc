#include "restore/document_memory.h"

#include <algorithm>
#include <string>

#include "text/viet_chars.h"

namespace vanban::internal {

namespace {

// A name with its title fits in this many bytes; a longer line is running text.
constexpr size_t kMaxSignerLine = 80;

// "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "TL. BỘ TRƯỞNG", "TUQ. …", "Q. …": the line a
// signature block opens with (thay mặt, ký thay, thừa lệnh, thừa ủy quyền, quyền).
bool SigningLine(std::string_view line) {
  size_t n = 0;
  while (n < line.size() && n < 4 && line[n] >= 'A' && line[n] <= 'Z') ++n;
  if (n == 0 || n >= line.size() || (line[n] != '.' && line[n] != ',')) return false;
  const std::string_view mark = line.substr(0, n);
  return mark == "TM" || mark == "KT" || mark == "TL" || mark == "TUQ" || mark == "Q";
}

// A signer's title alone on its line in capitals ("CHỦ TỊCH", "PHÓ GIÁM ĐỐC"), with the
// specks an OCR engine adds: under a line in capitals (the issuer's name) it opens a
// signature block even where the OCR garbled the signing mark ("7™M. HOI PONG").
bool TitleLine(std::string_view line, const LetterCase& c) {
  if (c.upper * 2 <= c.letters || c.letters > 24) return false;
  static constexpr std::string_view kTitles[] = {"chu tich", "pho chu tich", "giam doc", "pho giam doc", "bi thu",
                                                 "pho bi thu", "truong ban", "pho truong ban", "chanh van phong"};
  std::string words, key;
  size_t pos = 0;
  while (pos < line.size()) {
    size_t end = line.find(' ', pos);
    if (end == std::string_view::npos) end = line.size();
    if (KeyInto(line.substr(pos, end - pos), &key) && !key.empty()) {
      if (!words.empty()) words += ' ';
      words += key;
    }
    pos = end + 1;
  }
  return std::find(std::begin(kTitles), std::end(kTitles), words) != std::end(kTitles);
}

}  // namespace

void DocumentMemory::Reset(std::string_view text) {
  words_.clear();
  pairs_.Clear();
  before_.clear();
  after_.clear();
  triples_.Clear();
  phrase_before_.clear();
  phrase_after_.clear();
  phrase_between_.clear();
  spellings_.clear();
  symbol_parts_.clear();
  last_label_ = 0;
  unit_ = 0;
  labels_.clear();
  deputy_titles_.clear();
  signer_lines_.clear();
  size_t pos = 0;
  std::string key;
  bool on_behalf = false;  // the last line with text opens "KT." (ký thay)
  // Where the lines since the last signing line are: 0 none, 1 after "TM."/"KT."/"TL."/
  // "TUQ."/"Q.", 2 after the title in capitals under it.
  int signing = 0;
  bool caps_line = false;  // the last line with text is in capitals (an issuer's name)
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
      const std::string_view line = text.substr(b, eol - b);
      const LetterCase c = LetterCaseOf(line);
      const bool after_caps = caps_line;
      if (c.letters > 0) caps_line = c.letters >= 4 && c.upper * 2 > c.letters;
      if (SigningLine(line)) {
        signing = 1;
      } else if (signing == 0) {
        if (after_caps && TitleLine(line, c)) signing = 2;
      } else {
        // A title is in capitals, also with the specks an OCR engine adds ("CHU TICH :
        // re"); a line of specks alone is no line.
        if (c.upper * 2 > c.letters) {
          signing = 2;
        } else if (c.letters > 0) {
          if (signing == 2 && line.size() <= kMaxSignerLine) signer_lines_.push_back({b, eol});
          signing = 0;
        }
      }
    }
    pos = eol + 1;
  }
}

bool DocumentMemory::SignerLineAt(size_t offset) const {
  auto it = std::upper_bound(signer_lines_.begin(), signer_lines_.end(), std::pair<size_t, size_t>{offset, SIZE_MAX});
  return it != signer_lines_.begin() && offset < std::prev(it)->second;
}

bool DocumentMemory::DeputyTitleAt(size_t offset) const {
  return std::binary_search(deputy_titles_.begin(), deputy_titles_.end(), offset);
}

void DocumentMemory::RememberTriple(uint32_t a, uint32_t b, uint32_t c) {
  if (triples_.size() >= kMaxTriples || !triples_.Insert(TripleKey(a, b, c), unit_)) return;
  Note(&phrase_before_[PairKey(b, c)], a);
  Note(&phrase_after_[PairKey(a, b)], c);
  Note(&phrase_between_[PairKey(a, c)], b);
}

void DocumentMemory::PhraseWords(uint32_t l2, uint32_t l1, uint32_t r1, uint32_t r2, std::vector<uint32_t>* out) const {
  out->clear();
  if (triples_.size() == 0) return;
  // Between two words, one reading elsewhere is evidence; on one side only, a common pair
  // ("thực hiện") follows many words, so it speaks only for a few, each seen in three
  // other units. A word its neighbour repeats is OCR junk before it ("đối với sf | nhà
  // giáo" is not nhà nhà giáo).
  auto take = [&](const std::unordered_map<uint64_t, std::vector<uint32_t>>& map, uint32_t x, uint32_t y,
                  bool one_side, auto key) {
    if (x == 0 || y == 0) return;
    auto it = map.find(PairKey(x, y));
    if (it == map.end() || (one_side && it->second.size() > kMaxOneSidePhraseWords)) return;
    for (uint32_t w : it->second)
      if (w != l1 && w != r1 && triples_.UnitsBesides(key(w), unit_) > (one_side ? kOneSidePhraseUnits - 1 : 0u) &&
          std::find(out->begin(), out->end(), w) == out->end())
        out->push_back(w);
  };
  take(phrase_between_, l1, r1, false, [&](uint32_t w) { return TripleKey(l1, w, r1); });
  take(phrase_before_, r1, r2, true, [&](uint32_t w) { return TripleKey(w, r1, r2); });
  take(phrase_after_, l2, l1, true, [&](uint32_t w) { return TripleKey(l2, l1, w); });
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
