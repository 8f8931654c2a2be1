// A hand-written OCR fallback used until a learned channel is plugged in: it
// folds the digit/symbol/letter confusions typical of English-model OCR of
// Vietnamese (6 -> ô, 0 -> o, 1 -> l, 4 -> a, ir/w -> ư, word-initial P -> Đ)
// into diacritic-free keys and proposes the known syllables of those keys.
#include <algorithm>
#include <string>
#include <vector>

#include "model/model_data.h"
#include "model/viet_chars.h"
#include "vanban/restore.h"

namespace vanban {
namespace {

class SimpleOcrSource : public CandidateSource {
 public:
  explicit SimpleOcrSource(std::shared_ptr<const Model> model) : model_(std::move(model)) {}

  void Candidates(std::string_view token, std::vector<ChannelCandidate>* out) const override {
    // Options per position of the key: (letters, cost in log10).
    struct Option {
      std::string text;
      double cost;
    };
    std::vector<std::vector<Option>> slots;
    size_t pos = 0;
    bool first = true;
    int letters = 0;
    while (pos < token.size()) {
      size_t start = pos;
      char32_t cp = internal::NextCodePoint(token, &pos);
      const internal::VietLetter& v = internal::LookupLetter(cp);
      std::vector<Option> o;
      if (v.base != 0) {
        ++letters;
        if (first && cp == 'P') o = {{"d", -1.0}, {"p", 0}};
        else if (v.base == 'w') o = {{"u", -0.5}};
        else if (v.base == 'f') o = {{"t", -1.0}, {"f", 0}};
        else if (v.base == 'j') o = {{"i", -1.0}};
        else if (v.base == 'z') o = {{"x", -1.0}};
        else o = {{std::string(1, v.base), 0}};
      } else {
        switch (cp) {
          case '0': o = {{"o", -1.0}}; break;
          case '6': o = {{"o", -1.0}}; break;
          case '1': o = {{"l", -1.0}, {"i", -1.3}}; break;
          case '4': o = {{"a", -1.0}}; break;
          case '3': o = {{"a", -1.2}, {"e", -1.5}}; break;
          case '5': o = {{"s", -1.2}}; break;
          case '8': o = {{"b", -1.5}}; break;
          case '9': o = {{"g", -1.5}}; break;
          case '&': o = {{"o", -1.0}}; break;
          case 0xA2: o = {{"o", -1.0}, {"c", -1.2}}; break;  // ¢
          case '@': o = {{"a", -1.0}}; break;
          case '|': o = {{"l", -1.2}, {"i", -1.2}}; break;
          case '!': o = {{"i", -1.2}, {"l", -1.5}}; break;
          default: return;  // not a word we can read
        }
      }
      (void)start;
      first = false;
      slots.push_back(std::move(o));
    }
    if (slots.empty() || slots.size() > 8 || letters == 0) return;
    // "ir" and "tt" are frequent readings of ư.
    std::vector<std::pair<std::string, double>> keys = {{"", 0.0}};
    for (const auto& opts : slots) {
      std::vector<std::pair<std::string, double>> next;
      for (const auto& [k, c] : keys) {
        for (const Option& o : opts) next.push_back({k + o.text, c + o.cost});
      }
      keys.swap(next);
      if (keys.size() > 64) return;
    }
    size_t n = keys.size();
    for (size_t i = 0; i < n; ++i) {
      std::string k = keys[i].first;
      for (size_t p = k.find("ir"); p != std::string::npos; p = k.find("ir", p + 1)) {
        std::string v = k;
        v.replace(p, 2, "u");
        keys.push_back({v, keys[i].second - 0.7});
      }
    }
    const internal::ModelData& md = model_->data();
    std::string lower;
    internal::LowerInto(token, &lower);
    for (const auto& [k, cost] : keys) {
      if (!internal::IsSyllableKey(k)) continue;
      for (const internal::CandidateItem& c : md.Candidates(k)) {
        std::string_view w = md.Word(c.id);
        if (w == lower) continue;
        out->push_back({std::string(w), cost});
      }
    }
    std::stable_sort(out->begin(), out->end(),
                     [](const ChannelCandidate& a, const ChannelCandidate& b) { return a.log_prob > b.log_prob; });
    if (out->size() > 16) out->resize(16);
  }

 private:
  std::shared_ptr<const Model> model_;
};

}  // namespace

std::unique_ptr<CandidateSource> MakeSimpleOcrSource(std::shared_ptr<const Model> model) {
  return std::make_unique<SimpleOcrSource>(std::move(model));
}

}  // namespace vanban
