#include "restore/name_unifier.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "model/model_data.h"
#include "restore/absorbed_units.h"
#include "text/viet_chars.h"

namespace vanban::internal {

namespace {

// Two spellings of a pair ("trung sinh", "truong sinh") one to |most| edits apart, each
// word starting with the same letter (SameNameInitial).
bool NearSpelling(std::string_view a, std::string_view b, size_t most) {
  const size_t sa = a.find(' '), sb = b.find(' ');
  if (a.empty() || b.empty() || sa == std::string_view::npos || sb == std::string_view::npos ||
      !SameNameInitial(a[0], b[0]) || !SameNameInitial(a[sa + 1], b[sb + 1]))
    return false;
  if (a.size() + most < b.size() || b.size() + most < a.size()) return false;
  const size_t d = EditDistance(a, b);
  return d >= 1 && d <= most;
}

// Whether |text| at |at| goes on ", ngày": the place of a date line.
bool BeforeDate(std::string_view text, size_t at) {
  constexpr std::string_view kDate = ", ngày";
  return text.substr(at, kDate.size()) == kDate;
}

}  // namespace

int NameGap(std::string_view text, size_t end, size_t begin) {
  if (begin <= end || begin > text.size()) return 0;
  std::string_view gap = text.substr(end, begin - end);
  if (gap == " ") return 1;
  size_t spaces = 0, marks = 0;
  while (!gap.empty()) {
    if (gap[0] == ' ') {
      ++spaces;
      gap.remove_prefix(1);
    } else if (gap[0] == '.' || gap[0] == ':' || gap[0] == '\'' || gap[0] == '|') {
      ++marks;
      gap.remove_prefix(1);
    } else if (gap.substr(0, 3) == "\u2019" || gap.substr(0, 3) == "\u2018") {
      ++marks;
      gap.remove_prefix(3);
    } else {
      return 0;
    }
  }
  return marks == 1 && spaces <= 1 ? 2 : 0;
}

std::vector<std::pair<size_t, uint32_t>> NameRewrites(const ModelData& m, std::string_view text,
                                                      const std::vector<NameWord>& words) {
  std::vector<std::pair<size_t, uint32_t>> rewrites;
  if (words.size() < 2) return rewrites;
  // Two capitalised words with one space between them, grouped by their spelling.
  struct Pair {
    size_t first;  // index of its first word
    bool name;     // a pair of the gazetteer
  };
  std::unordered_map<std::string, std::vector<Pair>> by_key;
  std::vector<std::string> keys;  // in order of first sight, for a deterministic order
  std::string ka, kb;
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    const NameWord& a = words[i];
    const NameWord& b = words[i + 1];
    if (b.out_begin != a.out_end + 1 || a.out_end >= text.size() || text[a.out_end] != ' ') continue;
    // A word kept as written (unk) is keyed by its spelling.
    auto key_of = [&](const NameWord& w, std::string* k) {
      return KeyInto(w.id == m.unk() ? text.substr(w.out_begin, w.out_end - w.out_begin) : m.Word(w.id), k);
    };
    if (!key_of(a, &ka) || !key_of(b, &kb)) continue;
    ka += ' ';
    ka += kb;
    auto [it, fresh] = by_key.try_emplace(ka);
    if (fresh) keys.push_back(ka);
    it->second.push_back({i, m.IsNamePair(a.id, b.id)});
  }
  std::vector<char> taken(words.size(), 0);
  // Pair |p| takes the reading of pair |name| (both words), unless a rule took it before.
  auto take = [&](const Pair& p, const Pair& name) {
    if (taken[p.first] || taken[p.first + 1]) return;
    for (size_t k = 0; k < 2; ++k) {
      taken[p.first + k] = 1;
      const uint32_t id = words[name.first + k].id;
      if (words[p.first + k].id != id) rewrites.push_back({p.first + k, id});
    }
  };
  // Per spelling, the gazetteer reading the document gives it most often, counted in one
  // pass (a long document repeats its names); of readings given equally often, the one the
  // searches were surer of (summed confidence of its words); and whether it beats every
  // other reading on that order.
  struct Reading {
    const Pair* best = nullptr;
    bool majority = false;
  };
  struct Tally {
    size_t count = 0;
    double sure = 0;
    const Pair* first = nullptr;
    bool operator>(const Tally& o) const { return count != o.count ? count > o.count : sure > o.sure; }
  };
  std::unordered_map<std::string, Reading> name_of;
  // The spellings with a gazetteer reading, by the initials of their two words (p filed
  // under d: SameNameInitial).
  std::unordered_map<uint16_t, std::vector<const std::string*>> by_initials;
  auto initials = [](const std::string& key) {
    auto fold = [](char c) { return static_cast<unsigned char>(c == 'p' ? 'd' : c); };
    return static_cast<uint16_t>((fold(key[0]) << 8) | fold(key[key.find(' ') + 1]));
  };
  std::vector<std::pair<uint64_t, Tally>> tallies;  // in order of first sight
  for (const std::string& key : keys) {
    tallies.clear();
    for (const Pair& p : by_key[key]) {
      if (!p.name) continue;
      const uint64_t ids = (uint64_t{words[p.first].id} << 32) | words[p.first + 1].id;
      auto it = std::find_if(tallies.begin(), tallies.end(), [&](const auto& t) { return t.first == ids; });
      if (it == tallies.end()) it = tallies.insert(it, {ids, Tally{0, 0, &p}});
      ++it->second.count;
      it->second.sure += words[p.first].confidence + words[p.first + 1].confidence;
    }
    if (tallies.empty()) continue;
    size_t best = 0;
    for (size_t t = 1; t < tallies.size(); ++t) {
      if (tallies[t].second > tallies[best].second) best = t;
    }
    Reading r{tallies[best].second.first, true};
    for (size_t t = 0; t < tallies.size(); ++t) {
      if (t != best && !(tallies[best].second > tallies[t].second)) r.majority = false;
    }
    name_of.emplace(key, r);
    by_initials[initials(key)].push_back(&key);
  }
  // A place before a comma ("Trung Sinh, ngày") that is no name, spelt within an edit of
  // a gazetteer name the document reads elsewhere (XÃ TRƯỜNG SINH), words starting alike:
  // the OCR lost or changed a letter of that name. Before the date's ", ngày", where a
  // document names nothing but its own place, within two ("Hiv Kiệm, ngày" under XÃ HỮU
  // KIỆM; "Bd DS, ngày" under PHƯỜNG BỒ ĐỀ).
  for (const std::string& key : keys) {
    if (name_of.count(key)) continue;
    auto candidates = by_initials.find(initials(key));
    if (candidates == by_initials.end()) continue;
    for (size_t most = 1; most <= 2; ++most) {
      const std::string* nearest = nullptr;
      bool tie = false;
      for (const std::string* other : candidates->second) {
        if (!NearSpelling(key, *other, most)) continue;
        tie = nearest != nullptr;
        nearest = other;
      }
      if (nearest == nullptr || tie) continue;
      const Pair& name = *name_of[*nearest].best;
      for (const Pair& p : by_key[key]) {
        const size_t end = words[p.first + 1].out_end;
        if (end < text.size() && text[end] == ',' && (most == 1 || BeforeDate(text, end))) take(p, name);
      }
    }
  }
  // The same spelling read otherwise: a pair that is no name takes the gazetteer reading;
  // of two gazetteer names with this spelling (Đồng Tiến, Đông Tiến), the issuer, the date
  // line and the subject name one commune, so the reading most of them give wins, or of
  // readings given equally often the surer one; an exact tie leaves each as read.
  for (const std::string& key : keys) {
    const std::vector<Pair>& group = by_key[key];
    auto it = name_of.find(key);
    if (group.size() < 2 || it == name_of.end()) continue;
    for (const Pair& p : group) {
      if (!p.name || it->second.majority) take(p, *it->second.best);
    }
  }
  std::sort(rewrites.begin(), rewrites.end());
  return rewrites;
}

std::vector<NameRewrite> DocumentNameRewrites(const ModelData& m, const AbsorbedUnits& absorbed,
                                              std::string_view input, std::string_view text,
                                              std::vector<NameWord> words) {
  std::vector<NameRewrite> rewrites = absorbed.Rewrites(m, input, text, words);
  for (const NameRewrite& r : rewrites) {
    words[r.index].id = r.id;  // a syllable the model lacks is keyed by its spelling, the same key
    words[r.index].confidence = 1;
  }
  const std::vector<std::pair<size_t, uint32_t>> more = NameRewrites(m, text, words);
  // Both in output order, one rewrite per word.
  std::vector<NameRewrite> merged;
  merged.reserve(rewrites.size() + more.size());
  size_t a = 0, b = 0;
  while (a < rewrites.size() || b < more.size()) {
    if (b == more.size() || (a < rewrites.size() && rewrites[a].index <= more[b].first)) {
      if (b < more.size() && rewrites[a].index == more[b].first) ++b;
      merged.push_back(rewrites[a++]);
    } else {
      merged.push_back({more[b].first, more[b].second, std::string(m.Word(more[b].second))});
      ++b;
    }
  }
  return merged;
}

}  // namespace vanban::internal
