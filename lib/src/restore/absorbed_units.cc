#include "restore/absorbed_units.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <unordered_set>

#include "model/model_data.h"
#include "text/viet_chars.h"

namespace vanban::internal {

namespace {

// A name of a commune's line: its key, its syllables as model words (unk: one the model
// lacks) and in lower case.
struct Name {
  std::string key;
  std::vector<uint32_t> ids;
  std::vector<std::string> syllables;
};

// One of the communes a document names: its names (its own first, then its absorbed
// units', indices into the names) and its province's key.
struct Commune {
  std::vector<uint32_t> names;
  std::string province;
};

// Adds |name| to |names| (returning true) if it has two to |most| syllables of
// Vietnamese letters.
bool AddName(const ModelData& m, std::string_view name, size_t most, std::vector<Name>* names) {
  Name n;
  if (!PlaceKeyInto(name, &n.key)) return false;
  std::string lower;
  for (size_t b = 0; b <= name.size();) {
    const size_t e = std::min(name.find(' ', b), name.size());
    LowerInto(name.substr(b, e - b), &lower);
    n.ids.push_back(m.WordId(lower));
    n.syllables.push_back(lower);
    b = e + 1;
  }
  if (n.ids.size() < 2 || n.ids.size() > most) return false;
  names->push_back(std::move(n));
  return true;
}

// |run| is |name| with one letter the OCR changed, lost or added ("ling cai" for Lùng
// Cải), each syllable starting alike: as many syllables, no more than one edit.
bool NearName(std::string_view run, std::string_view name) {
  if (run.size() + 1 < name.size() || name.size() + 1 < run.size() || run.size() < 5) return false;
  if (std::count(run.begin(), run.end(), ' ') != std::count(name.begin(), name.end(), ' ')) return false;
  for (size_t a = 0, b = 0; a < run.size() && b < name.size(); ++a, ++b) {
    if (!SameNameInitial(run[a], name[b])) return false;
    a = std::min(run.find(' ', a), run.size());
    b = std::min(name.find(' ', b), name.size());
  }
  return EditDistance(run, name) == 1;
}

// Where the word before |at| in |text| (one space before it) begins if it names a unit's
// kind: xã, phường, (đặc) khu, in any case; npos if it does not.
size_t UnitKindBefore(std::string_view text, size_t at) {
  if (at < 2 || text[at - 1] != ' ') return std::string_view::npos;
  const size_t end = at - 1;
  size_t begin = end;  // back to a line's start, a space or a stop ("sáp nhập.xã Vụ Bổn")
  while (begin > 0 && (static_cast<unsigned char>(text[begin - 1]) >= 0x80 || std::isalpha(static_cast<unsigned char>(text[begin - 1]))))
    --begin;
  std::string kind;
  LowerInto(text.substr(begin, end - begin), &kind);
  return kind == "xã" || kind == "phường" || kind == "khu" ? begin : std::string_view::npos;
}

bool AfterUnitKind(std::string_view text, size_t at) { return UnitKindBefore(text, at) != std::string_view::npos; }

// Whether |at| is its line's first letter (OCR noise before it may hold digits: "8 : -
// Thitong Phtic, ngày").
bool OpensLine(std::string_view text, size_t at) {
  for (; at > 0 && text[at - 1] != '\n'; --at) {
    const unsigned char c = static_cast<unsigned char>(text[at - 1]);
    if (c >= 0x80 || std::isalpha(c)) return false;
  }
  return true;
}

// Whether the words from |first| to |last| fill a date line's place: the first capitalised
// words of their line ("- Phd Pinh; ngày 06 tháng 6", after no letter or digit), followed
// by at most one stop and "ngày" and a digit (the OCR may lose the comma or make it a
// semicolon).
bool DateLinePlace(std::string_view text, const NameWord& first, const NameWord& last) {
  if (!OpensLine(text, first.out_begin)) return false;
  size_t at = last.out_end;
  if (at < text.size() && std::string_view(",;.:").find(text[at]) != std::string_view::npos) ++at;
  constexpr std::string_view kDay = " ngày ";
  return text.substr(at, kDay.size()) == kDay && at + kDay.size() < text.size() &&
         std::isdigit(static_cast<unsigned char>(text[at + kDay.size()]));
}

// The word before |at| in |text| across a gap of a space, a stop or a colon, or both
// ("xã.Vụ Bổn", "xã. Nậm Sỏ"), back to a space, a line's start or a comma, stop or dash;
// empty if there is no such gap. |gap| is the gap.
std::string_view WordBefore(std::string_view text, size_t at, std::string_view* gap) {
  size_t end = at;
  while (end > 0 && at - end < 2 && (text[end - 1] == ' ' || text[end - 1] == '.' || text[end - 1] == ':')) --end;
  *gap = text.substr(end, at - end);
  if (end == at || end == 0 || (gap->size() == 2 && gap->find(' ') == std::string_view::npos)) return {};  // "..": none
  size_t begin = end;
  while (begin > 0 && text[begin - 1] != ' ' && text[begin - 1] != '\n' && text[begin - 1] != ',' &&
         text[begin - 1] != '.' && text[begin - 1] != '-')
    --begin;
  return text.substr(begin, end - begin);
}

// Where the lower-case word before |at| in |text| begins if it is a unit's kind, "xã" or
// "phường", as written or as the OCR garbles it ("x4", "x&", "xứ", "phudmg", "phuting":
// its spelling without marks, or its bytes where it has none, an edit from "xa" or three
// from "phuong", starting alike), with a space or a stop or colon after it ("xã.Vụ Bổn",
// "xã. Nậm Sỏ"); npos if it is none. |kind| is which, |mend| whether the word or the gap
// after it is not as it should be.
size_t UnitKindWord(std::string_view text, size_t at, std::string_view* kind, bool* mend) {
  std::string_view gap;
  const std::string_view word = WordBefore(text, at, &gap);
  const size_t begin = at - gap.size() - word.size();
  if (word.empty() || word.size() > 10 || (word[0] != 'x' && word.substr(0, 2) != "ph")) return std::string_view::npos;
  std::string key;
  if (!KeyInto(word, &key)) key.assign(word);
  *kind = word[0] == 'x' ? "xã" : "phường";
  if (word[0] == 'x' ? EditDistance(key, "xa") > 1 : EditDistance(key, "phuong") > 3) return std::string_view::npos;
  *mend = word != *kind || gap != " ";
  return begin;
}

// Whether the line of |text| up to |at| names what was merged ("… sáp nhập xã").
bool NamesMerged(std::string_view text, size_t at) {
  const size_t line = text.rfind('\n', at == 0 ? 0 : at - 1);
  const std::string_view before = text.substr(line == std::string_view::npos ? 0 : line, at - (line == std::string_view::npos ? 0 : line));
  return before.find("nhập") != std::string_view::npos;
}

// Whether |word| follows a unit's kind that names the document's own unit: "xã" or
// "phường" in lower case (the subject's "… trên địa bàn xã Vũ Lễ"), or opening its line
// (the issuer's "XÃ VŨ LỄ"; not the national heading's "CỘNG HÒA XÃ HỘI CHỦ NGHĨA").
bool AfterOwnUnitKind(std::string_view text, const NameWord& word) {
  const size_t kind = UnitKindBefore(text, word.out_begin);
  std::string_view misread;
  bool mend = false;
  if (kind == std::string_view::npos) return UnitKindWord(text, word.out_begin, &misread, &mend) != std::string_view::npos;
  return static_cast<unsigned char>(text[kind]) == 'x' || static_cast<unsigned char>(text[kind]) == 'p' ||
         OpensLine(text, kind);
}

// |run| may be the commune's own |name| the OCR garbled where a date line's place or a
// unit's name stands: as many syllables, each starting alike, and about two letters in
// five changed ("gibng rita" for Giồng Riềng, "ngd mity" for Ngô Mây), two in a short name.
bool NearOwnName(std::string_view run, std::string_view name) {
  if (std::count(run.begin(), run.end(), ' ') != std::count(name.begin(), name.end(), ' ')) return false;
  for (size_t a = 0, b = 0; a < run.size() && b < name.size(); ++a, ++b) {
    if (!SameNameInitial(run[a], name[b])) return false;
    a = std::min(run.find(' ', a), run.size());
    b = std::min(name.find(' ', b), name.size());
  }
  return EditDistance(run, name) <= std::max<size_t>(2, (name.size() * 2 + 2) / 5);
}

}  // namespace

std::vector<NameRewrite> AbsorbedUnits::Rewrites(const ModelData& m, std::string_view input, std::string_view text,
                                                 const std::vector<NameWord>& words) const {
  std::vector<NameRewrite> rewrites;
  if (table_.size() == 0 || words.size() < 2) return rewrites;
  // Each word's spelling without marks as read (a word kept as written by its own
  // letters) and as written in the input (an OCR'd "Van Tin" read as Văn Tiến is still
  // spelt like Vạn Tín), and whether the next word follows it one space apart: the runs
  // a name may fill.
  std::vector<std::string> keys[2] = {std::vector<std::string>(words.size()), std::vector<std::string>(words.size())};
  std::vector<char> joined(words.size(), 0);
  std::string lower;
  for (size_t i = 0; i < words.size(); ++i) {
    const NameWord& w = words[i];
    const std::string_view read = w.id == m.unk() ? text.substr(w.out_begin, w.out_end - w.out_begin) : m.Word(w.id);
    if (!KeyInto(read, &keys[0][i])) keys[0][i].clear();
    if (w.in_end > input.size() || !KeyInto(input.substr(w.in_begin, w.in_end - w.in_begin), &keys[1][i]))
      keys[1][i].clear();
    joined[i] = i + 1 < words.size() ? static_cast<char>(NameGap(text, w.out_end, words[i + 1].out_begin)) : 0;
  }
  // The key of the run of |n| words from |i|, read (|as| 0) or as written (1), or false if
  // they are no such run (one space apart; or, with |noisy|, OCR noise between too).
  std::string run;
  auto run_key = [&](size_t i, size_t n, int as, bool noisy = false) {
    run.clear();
    for (size_t k = 0; k < n; ++k) {
      if (i + k >= words.size() || keys[as][i + k].empty() ||
          (k > 0 && joined[i + k - 1] != 1 && !(noisy && joined[i + k - 1] == 2)))
        return false;
      if (k > 0) run += ' ';
      run += keys[as][i + k];
    }
    return true;
  };
  std::unordered_set<std::string> spelt;  // every run of up to kMaxSyllables words, both ways
  std::unordered_set<std::string> unit_spelt;  // those of them after a unit's kind ("xã Vụ Bổn")
  for (int as = 0; as < 2; ++as) {
    for (size_t i = 0; i < words.size(); ++i) {
      const bool after_kind = AfterUnitKind(text, words[i].out_begin);
      for (size_t n = 1; n <= kMaxSyllables && run_key(i, n, as); ++n) {
        spelt.insert(run);
        if (after_kind) unit_spelt.insert(run);
      }
    }
  }
  // The communes the document spells (each line of the table: commune, province, old
  // units), scored by the absorbed units it names too (not counting one spelt as the
  // commune itself), then by its province. A commune and its province with none of its
  // units is the least that says which commune it is: one that kept its own name (Vụ
  // Bổn absorbed only Vụ Bổn, and the OCR's "VU BON" reads Vụ Bản, a commune of another
  // province), or whose unit line the OCR lost or garbled past reading; but only when it
  // is named as a unit ("xã Vụ Bổn", "XÃ VỤ BỔN", not the motto's HẠNH PHÚC), and no
  // other commune does as well (a province's list of its communes names many so).
  std::vector<Name> names;
  std::vector<Commune> chosen;
  size_t best = 1;  // a commune alone proves nothing
  std::vector<std::string_view> keys_spelt(spelt.begin(), spelt.end());
  std::sort(keys_spelt.begin(), keys_spelt.end());  // the same order whatever the hashing
  std::string province;
  for (std::string_view key : keys_spelt) {
    for (const PlaceMerges::Entry& entry : table_.Find(key)) {
      std::vector<std::string_view> cells;
      for (size_t b = 0; b <= entry.second.size();) {
        const size_t e = std::min(entry.second.find('\t', b), entry.second.size());
        cells.push_back(entry.second.substr(b, e - b));
        b = e + 1;
      }
      if (cells.size() < 3) continue;
      const size_t first = names.size();
      if (!AddName(m, cells[0], kMaxSyllables, &names)) continue;
      Commune c;
      c.names.push_back(static_cast<uint32_t>(first));
      size_t named = 0;
      for (size_t i = 2; i < cells.size(); ++i) {
        if (!AddName(m, cells[i], kMaxSyllables, &names)) continue;
        c.names.push_back(static_cast<uint32_t>(names.size() - 1));
        named += names.back().key != key && spelt.count(names.back().key);
      }
      if (PlaceKeyInto(cells[1], &province)) c.province = province;
      const size_t score = 2 * named + spelt.count(c.province);
      // Named with none of its units, it must be named as a unit: "Hạnh Phúc" of the
      // motto is no commune.
      if (score < best || (named == 0 && !unit_spelt.count(std::string(key)))) {
        names.resize(first);  // not (or no longer) among the chosen
        continue;
      }
      if (score > best) chosen.clear();
      best = score;
      chosen.push_back(std::move(c));
    }
  }
  if (chosen.empty() || (best == 1 && chosen.size() > 1)) return rewrites;
  // Their names by spelling; a spelling with two readings among them is left as read,
  // but for one commune's own name and an old unit's spelt alike and marked otherwise
  // (Đăk Pxi absorbed Đắk PXi): the old unit's where the line names what was merged
  // ("… sáp nhập xã Đắk PXi"), the commune's elsewhere (issuer, date line, subject).
  std::unordered_map<std::string_view, const Name*> reading;
  // An old unit with the commune's own name too (Xã Hoa Lộc absorbed Hoa Lộc and Hòa
  // Lộc) leaves the merged line's spelling undecided: as read there.
  std::unordered_map<std::string_view, const Name*> merged_reading;
  bool own_kept = false;
  for (const Commune& c : chosen) {
    for (uint32_t index : c.names) {
      const Name& n = names[index];
      auto [it, fresh] = reading.try_emplace(n.key, &n);
      if (!fresh && it->second == &names[c.names[0]] && it->second->syllables == n.syllables) own_kept = true;
      if (fresh || it->second == nullptr || it->second->syllables == n.syllables) continue;
      if (chosen.size() == 1 && it->second == &names[c.names[0]] && !merged_reading.count(n.key)) {
        merged_reading.emplace(n.key, &n);
      } else {
        it->second = nullptr;
      }
    }
  }
  if (own_kept) {
    for (auto& [key, name] : merged_reading) name = nullptr;
  }
  auto reading_at = [&](std::string_view key, size_t i) -> const Name* {
    auto merged = merged_reading.find(key);
    if (merged != merged_reading.end() && NamesMerged(text, words[i].out_begin)) return merged->second;
    return reading.find(key)->second;
  };
  // Their provinces, which are no unit spelt with a letter changed ("tỉnh Lào Cai" is not
  // Lao Chải, a unit of a commune of Lào Cai).
  std::unordered_set<std::string_view> provinces;
  for (const Commune& c : chosen) provinces.insert(c.province);
  // The name the run of |n| words from |i| spells, read or as written; failing that, the
  // one name it spells with a letter changed (NearName), read or as written.
  auto name_at = [&](size_t i, size_t n) -> const Name* {
    for (int as = 0; as < 2; ++as) {
      if (!run_key(i, n, as)) continue;
      if (reading.count(run)) return reading_at(run, i);
      if (provinces.count(run)) return nullptr;
    }
    const Name* near = nullptr;
    for (int as = 0; as < 2; ++as) {
      if (!run_key(i, n, as)) continue;
      for (const auto& [key, name] : reading) {
        if (name == nullptr || !NearName(run, key)) continue;
        if (near != nullptr && near != name) return nullptr;
        near = name;
      }
    }
    return near;
  };
  // The commune's own name, when the chosen agree on it: a date line names the place
  // the document was written, which for a commune's document is the commune.
  const Name* own = &names[chosen[0].names[0]];
  for (const Commune& c : chosen) {
    if (own != nullptr && names[c.names[0]].syllables != own->syllables) own = nullptr;
  }
  // Where a date line's place stands, or a unit's name that ends there (no name word
  // joined after it), a run garbled past a letter is that name, unless another of their
  // names is as near (an absorbed unit's "Tân Hói" is Tân Hội, not the commune Tân Hòa).
  auto own_at = [&](size_t i, size_t n) -> const Name* {
    if (own == nullptr || n != own->ids.size() || i + n > words.size()) return nullptr;
    if (!DateLinePlace(text, words[i], words[i + n - 1]) &&
        (joined[i + n - 1] == 1 || !AfterOwnUnitKind(text, words[i])))
      return nullptr;
    for (int as = 0; as < 2; ++as) {
      if (!run_key(i, n, as) || !NearOwnName(run, own->key)) continue;
      const size_t d = EditDistance(run, own->key);
      if (d == 0) return nullptr;  // spelt so: name_at's to read, or to leave undecided
      for (const auto& [key, name] : reading) {
        if (name != own && EditDistance(run, key) <= d) return nullptr;
      }
      return own;
    }
    return nullptr;
  };
  // A run the OCR split with noise ("xã Thanh. Hải") that spells one of their names
  // exactly, read or as written, is that name, and the noise goes.
  auto noisy_at = [&](size_t i, size_t n) -> const Name* {
    for (int as = 0; as < 2; ++as) {
      if (!run_key(i, n, as, true)) continue;
      if (reading.count(run)) return reading_at(run, i);
    }
    return nullptr;
  };
  // Each run that spells one of them, the longest first at each word, reads as it.
  for (size_t i = 0; i < words.size();) {
    size_t taken = 1;
    for (size_t n = kMaxSyllables; n >= 2; --n) {
      const Name* name = name_at(i, n);
      if (name == nullptr) name = own_at(i, n);
      if (name == nullptr) name = noisy_at(i, n);
      if (name == nullptr) continue;
      // A unit's kind before it to mend, which the input has as a word of its own too,
      // starting alike ("x4i"; not "chinh'xé": one OCR word the search read as two
      // syllables, chính xô).
      std::string_view kind, gap;
      bool mend = false;
      size_t kind_begin = UnitKindWord(text, words[i].out_begin, &kind, &mend);
      const std::string_view written =
          words[i].in_begin <= input.size() ? WordBefore(input, words[i].in_begin, &gap) : std::string_view();
      if (kind_begin != std::string_view::npos &&
          (!mend || written.empty() || (written[0] != 'x' && written.substr(0, 2) != "ph")))
        kind_begin = std::string_view::npos;
      // The name's k-th syllable as the model spells it, or the gazetteer where the model
      // does not know it.
      auto spelling = [&](size_t k) { return name->ids[k] == m.unk() ? name->syllables[k] : std::string(m.Word(name->ids[k])); };
      for (size_t k = 0; k < n; ++k) {
        const NameWord& w = words[i + k];
        const bool join = k > 0 && joined[i + k - 1] == 2;
        if (k == 0 && kind_begin != std::string_view::npos) {
          rewrites.push_back({i, name->ids[0], spelling(0), false, kind_begin, std::string(kind)});
          continue;
        }
        if (name->ids[k] == m.unk()) {
          LowerInto(text.substr(w.out_begin, w.out_end - w.out_begin), &lower);
          if (join || w.id != m.unk() || lower != name->syllables[k]) rewrites.push_back({i + k, m.unk(), spelling(k), join});
        } else if (join || w.id != name->ids[k]) {
          rewrites.push_back({i + k, name->ids[k], spelling(k), join});
        }
      }
      taken = n;
      break;
    }
    i += taken;
  }
  return rewrites;
}

}  // namespace vanban::internal
