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
  // The gazetteer reading of each spelling (the most frequent), for the near spellings below.
  std::unordered_map<std::string, const Pair*> name_of;
  for (const std::string& key : keys) {
    std::unordered_map<uint64_t, size_t> counts;
    size_t best_count = 0;
    for (const Pair& p : by_key[key]) {
      if (!p.name) continue;
      const size_t count = ++counts[(uint64_t{words[p.first].id} << 32) | words[p.first + 1].id];
      if (count > best_count) name_of[key] = &p, best_count = count;
    }
  }
  // A place before its date ("Trung Sinh, ngày") that is no name, spelt within an edit of
  // a gazetteer name the document reads elsewhere (XÃ TRƯỜNG SINH), words starting alike:
  // the OCR lost or changed a letter of that name.
  for (const std::string& key : keys) {
    if (name_of.count(key)) continue;
    const std::string* nearest = nullptr;
    bool tie = false;
    for (const auto& [other, reading] : name_of) {
      if (!NearSpelling(key, other)) continue;
      tie = nearest != nullptr;
      nearest = &other;
    }
    if (nearest == nullptr || tie) continue;
    const Pair& name = *name_of[*nearest];
    for (const Pair& p : by_key[key]) {
      const size_t end = words[p.first + 1].out_end;
      if (end >= text.size() || text[end] != ',' || taken[p.first] || taken[p.first + 1]) continue;
      for (size_t k = 0; k < 2; ++k) {
        taken[p.first + k] = 1;
        const uint32_t id = words[name.first + k].id;
        if (words[p.first + k].id != id) rewrites.push_back({p.first + k, id});
      }
    }
  }
  for (const std::string& key : keys) {
    const std::vector<Pair>& group = by_key[key];
    if (group.size() < 2) continue;
    // The gazetteer reading the document gives this spelling most often (the first to
    // reach that count), counted in one pass: a long document repeats its names.
    std::unordered_map<uint64_t, size_t> counts;
    auto id_pair = [&](const Pair& p) { return (uint64_t{words[p.first].id} << 32) | words[p.first + 1].id; };
    const Pair* best = nullptr;
    size_t best_count = 0;
    for (const Pair& p : group) {
      if (!p.name) continue;
      const size_t count = ++counts[id_pair(p)];
      if (count > best_count) best = &p, best_count = count;
    }
    if (best == nullptr) continue;
    // Two gazetteer names with this spelling (Đồng Tiến, Đông Tiến): the issuer, the date
    // line and the subject name one commune, so the reading most of them give wins, when
    // it is more than any other's; a tie leaves each as read.
    size_t second = 0;
    for (const auto& [ids, count] : counts) {
      if (ids != id_pair(*best)) second = std::max(second, count);
    }
    const bool majority = best_count > second;
    for (const Pair& p : group) {
      if ((p.name && !majority) || taken[p.first] || taken[p.first + 1]) continue;
      for (size_t k = 0; k < 2; ++k) {
        taken[p.first + k] = 1;
        const uint32_t id = words[best->first + k].id;
        if (words[p.first + k].id != id) rewrites.push_back({p.first + k, id});
      }
    }
  }
  std::sort(rewrites.begin(), rewrites.end());
  return rewrites;
}

}  // namespace vanban::internal
