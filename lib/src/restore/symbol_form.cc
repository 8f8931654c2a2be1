#include "restore/symbol_form.h"

#include <algorithm>
#include <utility>

#include "model/model_data.h"
#include "text/viet_chars.h"

namespace vanban::internal {
namespace {

// Corpus count a symbol part spelled like a syllable needs before it is given marks.
constexpr uint64_t kMinSyllableSymbolCount = 100;
// Shares of Đ that English-model OCR reads as P (ocrsim's calibration of real scans)
// and as B (seen in the real seeds).
constexpr double kPForDRate = 0.5;
constexpr double kBForDRate = 0.1;
// Share of Đ read as two letters, the bar as a P or B before the D ("HPDND" in a real seed).
constexpr double kTwoForDRate = 0.05;
// Share of a symbol's Q read as a zero or an O (its tail lost to the scan).
constexpr double kQForORate = 0.05;
// Corpus count of a part offered for one the corpus never writes.
constexpr uint64_t kMinNearPartCount = 100;
// Corpus sightings of a Đ part misread that way (its count times the rate) it takes before
// the misreading is taken for it: "BG" in "của BG Giáo dục" is Bộ, not ĐG (16 in the
// corpus, 1.6 such misreadings), so the word's readings decide.
constexpr double kMinMisreadSightings = 5.0;

// Calls |fn| with each key a letter (dropped, added or changed) from |key|; |fn| may
// see a key more than once.
template <typename Fn>
void ForEachOneLetterEdit(std::string_view key, Fn fn) {
  std::string edit;
  for (size_t i = 0; i <= key.size(); ++i) {
    if (i < key.size()) {
      edit.assign(key).erase(i, 1);
      if (!edit.empty()) fn(edit);
    }
    for (char c = 'a'; c <= 'z'; ++c) {
      edit.assign(key).insert(i, 1, c);
      fn(edit);
      if (i < key.size() && key[i] != c) {
        edit.assign(key)[i] = c;
        fn(edit);
      }
    }
  }
}

}  // namespace

std::string_view SymbolForm(const ModelData& m, std::string_view text, bool ocr, std::string* key) {
  // OCR reads the Q of a part as an O or a zero when its tail is faint ("OD-UBND",
  // "169/0D-BLĐTBXH" for QĐ): a zero is keyed as the O, never a part as written.
  const bool q_lookalike = ocr && text.size() >= 2 && (text[0] == 'O' || text[0] == '0');
  const bool zero = q_lookalike && text[0] == '0';
  if (!KeyInto(zero ? text.substr(1) : text, key)) return {};
  if (zero) key->insert(0, 1, 'o');
  const ModelData::SymbolPartEntry* as_written = zero ? nullptr : m.SymbolPart(*key);
  std::string_view form = as_written ? as_written->form : std::string_view();
  // A part spelled like a syllable (TU, DA) may be meant as written (TU is Tỉnh ủy in
  // 04-NQ/TU): only a well-attested marked form replaces it.
  if (as_written != nullptr && IsSyllableKey(*key) && as_written->count < kMinSyllableSymbolCount) form = {};
  if (!ocr) return form;
  // A misread reading wins when the corpus has it far more often than the part as written.
  double best = as_written ? static_cast<double>(as_written->count) : 0.0;
  // |candidate| as the part meant, at |rate| of its corpus count; a D in it must be a Đ
  // (|bar|) when the misreading is of the Đ.
  auto consider = [&](std::string_view candidate, double rate, bool bar) {
    const ModelData::SymbolPartEntry* v = m.SymbolPart(candidate);
    if (v == nullptr || (bar && v->form.find("Đ") == std::string_view::npos)) return;
    double score = rate * static_cast<double>(v->count);
    if (score > best && score >= kMinMisreadSightings) best = score, form = v->form;
  };
  if (q_lookalike) consider("q" + key->substr(1), kQForORate, /*bar=*/false);
  for (const auto& [letter, rate] : {std::pair<char, double>{'p', kPForDRate}, {'b', kBForDRate}}) {
    for (size_t k = 0; k < key->size(); ++k) {
      if ((*key)[k] != letter) continue;
      (*key)[k] = 'd';
      consider(*key, rate, /*bar=*/true);
      (*key)[k] = letter;
    }
  }
  for (size_t k = 0; k + 1 < key->size(); ++k) {
    if (((*key)[k] != 'p' && (*key)[k] != 'b') || (*key)[k + 1] != 'd') continue;
    consider(key->substr(0, k) + key->substr(k + 1), kTwoForDRate, /*bar=*/true);
  }
  return form;
}

std::vector<std::pair<std::string_view, double>> NearSymbolParts(const ModelData& m, std::string_view key,
                                                                size_t max) {
  std::vector<const ModelData::SymbolPartEntry*> found;
  ForEachOneLetterEdit(key, [&](const std::string& edit) {
    const ModelData::SymbolPartEntry* e = m.SymbolPart(edit);
    if (e != nullptr && e->count >= kMinNearPartCount && std::find(found.begin(), found.end(), e) == found.end())
      found.push_back(e);
  });
  std::stable_sort(found.begin(), found.end(), [](const auto* a, const auto* b) { return a->count > b->count; });
  if (found.size() > max) found.resize(max);
  double total = 0;
  for (const auto* e : found) total += static_cast<double>(e->count);
  std::vector<std::pair<std::string_view, double>> out;
  for (const auto* e : found) out.emplace_back(e->form, static_cast<double>(e->count) / total);
  return out;
}

std::string_view NearPartWritten(const ModelData& m, std::string_view key,
                                 const std::function<bool(std::string_view)>& writes) {
  const ModelData::SymbolPartEntry* found = nullptr;
  bool several = false;
  ForEachOneLetterEdit(key, [&](const std::string& edit) {
    if (several || !writes(edit)) return;
    const ModelData::SymbolPartEntry* e = m.SymbolPart(edit);
    if (e == nullptr || e == found) return;
    if (found != nullptr) several = true;
    found = e;
  });
  return found == nullptr || several ? std::string_view() : found->form;
}

}  // namespace vanban::internal
