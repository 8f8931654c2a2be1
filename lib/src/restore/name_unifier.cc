#include "restore/name_unifier.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "model/model_data.h"
#include "text/viet_chars.h"

namespace vanban::internal {

namespace {

// Two spellings of a pair ("trung sinh", "truong sinh") one edit apart, each word starting
// with the same letter.
bool NearSpelling(std::string_view a, std::string_view b) {
  const size_t sa = a.find(' '), sb = b.find(' ');
  if (a.empty() || b.empty() || sa == std::string_view::npos || sb == std::string_view::npos || a[0] != b[0] ||
      a[sa + 1] != b[sb + 1])
    return false;
  return a.size() + 1 >= b.size() && b.size() + 1 >= a.size() && EditDistance(a, b) == 1;
}

}  // namespace

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
  // Per spelling, the gazetteer reading the document gives it most often (the first to
  // reach that count), counted in one pass: a long document repeats its names; and
  // whether that count is more than any other reading's.
  struct Reading {
    const Pair* best = nullptr;
    bool majority = false;
  };
  std::unordered_map<std::string, Reading> name_of;
  // The spellings with a gazetteer reading, by the initials of their two words.
  std::unordered_map<uint16_t, std::vector<const std::string*>> by_initials;
  auto initials = [](const std::string& key) {
    return static_cast<uint16_t>((static_cast<unsigned char>(key[0]) << 8) |
                                 static_cast<unsigned char>(key[key.find(' ') + 1]));
  };
  for (const std::string& key : keys) {
    std::unordered_map<uint64_t, size_t> counts;
    auto id_pair = [&](const Pair& p) { return (uint64_t{words[p.first].id} << 32) | words[p.first + 1].id; };
    Reading r;
    size_t best_count = 0;
    for (const Pair& p : by_key[key]) {
      if (!p.name) continue;
      const size_t count = ++counts[id_pair(p)];
      if (count > best_count) r.best = &p, best_count = count;
    }
    if (r.best == nullptr) continue;
    size_t second = 0;
    for (const auto& [ids, count] : counts) {
      if (ids != id_pair(*r.best)) second = std::max(second, count);
    }
    r.majority = best_count > second;
    name_of.emplace(key, r);
    by_initials[initials(key)].push_back(&key);
  }
  // A place before its date ("Trung Sinh, ngày") that is no name, spelt within an edit of
  // a gazetteer name the document reads elsewhere (XÃ TRƯỜNG SINH), words starting alike:
  // the OCR lost or changed a letter of that name.
  for (const std::string& key : keys) {
    if (name_of.count(key)) continue;
    auto candidates = by_initials.find(initials(key));
    if (candidates == by_initials.end()) continue;
    const std::string* nearest = nullptr;
    bool tie = false;
    for (const std::string* other : candidates->second) {
      if (!NearSpelling(key, *other)) continue;
      tie = nearest != nullptr;
      nearest = other;
    }
    if (nearest == nullptr || tie) continue;
    const Pair& name = *name_of[*nearest].best;
    for (const Pair& p : by_key[key]) {
      const size_t end = words[p.first + 1].out_end;
      if (end < text.size() && text[end] == ',') take(p, name);
    }
  }
  // The same spelling read otherwise: a pair that is no name takes the gazetteer reading;
  // of two gazetteer names with this spelling (Đồng Tiến, Đông Tiến), the issuer, the date
  // line and the subject name one commune, so the reading most of them give wins, when it
  // is more than any other's; a tie leaves each as read.
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

}  // namespace vanban::internal
