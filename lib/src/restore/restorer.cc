#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "model/lm_tokens.h"
#include "model/model_data.h"
#include "model/viet_chars.h"
#include "vanban/restore.h"

namespace vanban {

using internal::LmState;
using internal::LmToken;
using internal::LmTokenKind;
using internal::ModelData;

std::string_view RestoredKindName(RestoredKind kind) {
  switch (kind) {
    case RestoredKind::kSyllable: return "syllable";
    case RestoredKind::kOcr: return "ocr";
    case RestoredKind::kSymbolPart: return "symbol";
    case RestoredKind::kKept: return "kept";
  }
  return "kept";
}

namespace {

// A reading of one position: a vocabulary id (what the model scores) and, for
// OCR candidates outside the vocabulary, the text itself.
struct Cand {
  uint32_t id;
  float channel;     // log10, already weighted
  int32_t text = -1; // index into the text pool, or -1 = the vocabulary word
};

enum class SlotKind : uint8_t { kFixed, kChoice, kSymbol };

struct Slot {
  uint32_t begin, end;  // byte range in the line
  SlotKind kind;
  bool report;          // word token, reported in RestoreResult::tokens
  bool ocr;             // candidates came from the OCR source
  uint32_t cand_begin, cand_count;
  int32_t fixed_text;   // symbol-part output (text pool), or -1
  bool label = false;   // a list label such as "d)" at the start of a line
  uint32_t keep_id = 0; // reading spelled differently in the input (tone placement); output as written
};

struct Hyp {
  LmState state;
  float score;
  int32_t back;   // index of the previous hypothesis in hyps_
  uint16_t cand;  // candidate index within the slot
};

constexpr float kNegInf = -1e30f;

}  // namespace

class Restorer::Impl {
 public:
  Impl(const Model& model, const RestoreOptions& options) : m_(model.data()), o_(options) {}

  void Restore(std::string_view text, RestoreResult* out) {
    out->text.clear();
    out->tokens.clear();
    out->changed = 0;
    out->text.reserve(text.size() + text.size() / 4);
    doc_marked_ = IsMarkedDocument(text);
    cache_.clear();
    last_label_ = 0;
    size_t pos = 0;
    uint32_t line_no = 1;
    auto line_end = [&](size_t p) {
      size_t nl = text.find_first_of("\r\n", p);
      return nl == std::string_view::npos ? text.size() : nl;
    };
    auto after_break = [&](size_t nl) {
      size_t next = nl + 1;
      if (text[nl] == '\r' && next < text.size() && text[next] == '\n') ++next;
      return next;
    };
    while (pos <= text.size()) {
      // A unit is a line plus the wrapped lines that continue it.
      size_t last_begin = pos, end = line_end(pos);
      while (o_.join_wrapped_lines && end < text.size() && end > last_begin) {
        size_t next = after_break(end), next_end = line_end(next);
        if (!internal::ContinuesLine(text.substr(next, next_end - next))) break;
        last_begin = next;
        end = next_end;
      }
      line_no = RestoreLine(text, pos, end, line_no, out);
      if (end >= text.size()) break;
      size_t next = after_break(end);
      out->text.append(text.substr(end, next - end));
      pos = next;
      ++line_no;
    }
  }

 private:
  // A document whose syllables mostly carry marks is "marked": unmarked words in
  // it are then probably meant as written.
  bool IsMarkedDocument(std::string_view text) {
    size_t words = 0, marked = 0;
    size_t pos = 0;
    // A sample is enough: the first 64 KiB.
    std::string_view sample = text.substr(0, 1 << 16);
    while (pos < sample.size()) {
      size_t nl = sample.find('\n', pos);
      size_t end = nl == std::string_view::npos ? sample.size() : nl;
      std::string_view line = sample.substr(pos, end - pos);
      internal::SplitLine(line, &tokens_);
      for (const LmToken& t : tokens_) {
        if (t.kind != LmTokenKind::kWord) continue;
        ++words;
        marked += internal::HasMarks(line.substr(t.begin, t.end - t.begin));
      }
      pos = end + 1;
    }
    return words > 0 && static_cast<double>(marked) >= o_.marked_doc_ratio * static_cast<double>(words);
  }

  int32_t Pool(std::string_view s) {
    pool_offsets_.push_back(static_cast<uint32_t>(pool_.size()));
    pool_.append(s);
    pool_offsets_.push_back(static_cast<uint32_t>(pool_.size()));
    return static_cast<int32_t>(pool_offsets_.size() / 2 - 1);
  }
  std::string_view PoolText(int32_t i) const {
    return std::string_view(pool_).substr(pool_offsets_[2 * i], pool_offsets_[2 * i + 1] - pool_offsets_[2 * i]);
  }
  std::string_view CandText(const Cand& c) const { return c.text >= 0 ? PoolText(c.text) : m_.Word(c.id); }

  bool IsJoiner(std::string_view line, size_t i) const {
    if (i >= tokens_.size() || tokens_[i].kind != LmTokenKind::kPunct) return false;
    char c = line[tokens_[i].begin];
    return c == '-' || c == '/';
  }

  void AddFixed(const LmToken& t, uint32_t id, bool report, int32_t fixed_text = -1,
                SlotKind kind = SlotKind::kFixed) {
    slots_.push_back({t.begin, t.end, kind, report, false, static_cast<uint32_t>(cands_.size()), 1, fixed_text});
    cands_.push_back({id, 0.0f, -1});
  }

  void BuildSlots(std::string_view line) {
    slots_.clear();
    cands_.clear();
    pool_.clear();
    pool_offsets_.clear();
    bool sentence_start = true;
    for (size_t i = 0; i < tokens_.size(); ++i) {
      const LmToken& t = tokens_[i];
      std::string_view text = line.substr(t.begin, t.end - t.begin);
      if (t.kind != LmTokenKind::kSpace && i > 0) {
        // Same rule as training: after . : ? ! ) " a capital is not informative.
        std::string_view prev;
        for (size_t j = i; j-- > 0;) {
          if (tokens_[j].kind == LmTokenKind::kSpace) continue;
          prev = line.substr(tokens_[j].begin, tokens_[j].end - tokens_[j].begin);
          break;
        }
        sentence_start = prev == "." || prev == ":" || prev == "?" || prev == "!" || prev == ")" || prev == "\"" ||
                         prev.empty();
      }
      switch (t.kind) {
        case LmTokenKind::kSpace:
          continue;
        case LmTokenKind::kNumber:
          AddFixed(t, m_.num(), false);
          continue;
        case LmTokenKind::kPunct: {
          std::string_view w = internal::LmWord(text, t.kind, &scratch_);
          AddFixed(t, m_.WordId(w), false);
          continue;
        }
        case LmTokenKind::kMixed:
          if (!AddOcr(t, text)) AddFixed(t, m_.unk(), true);
          continue;
        case LmTokenKind::kWord:
          break;
      }
      bool has_key = internal::KeyInto(text, &key_);
      bool upper = text.size() >= 2 && internal::IsAllUpper(text);
      bool joined = (i > 0 && IsJoiner(line, i - 1)) || IsJoiner(line, i + 1);
      bool syllable = has_key && internal::IsWordKey(key_);
      if (has_key && upper && (joined || !syllable)) {
        std::string_view form = m_.SymbolPart(key_);
        // A symbol already written with marks (VNĐ, HĐND) is kept as written.
        if (!form.empty() && form != text && !internal::HasMarks(text)) {
          AddFixed(t, m_.unk(), true, Pool(form), SlotKind::kSymbol);
        } else {
          AddFixed(t, m_.unk(), true);
        }
        continue;
      }
      auto list = syllable ? m_.Candidates(key_) : std::span<const internal::CandidateItem>();
      if (list.empty()) {
        if (!AddOcr(t, text)) AddFixed(t, m_.unk(), true);
        continue;
      }
      internal::LowerInto(text, &lower_);
      uint32_t input_id = m_.WordId(lower_);
      bool input_known = input_id != m_.unk() && std::any_of(list.begin(), list.end(), [&](const auto& c) {
                           return c.id == input_id;
                         });
      bool keep_spelling = false;
      if (!input_known && internal::HasMarks(text)) {
        // Another tone placement of a known syllable ("tuý" for "túy"): the same
        // reading, so it is kept as the writer spelled it if chosen.
        internal::ToneKeyInto(text, &tone_key_);
        for (const auto& c : list) {
          internal::ToneKeyInto(m_.Word(c.id), &tone_key2_);
          if (tone_key2_ == tone_key_) {
            input_id = c.id;
            input_known = keep_spelling = true;
            break;
          }
        }
      }
      float change = 0;
      if (input_known) {
        if (internal::HasMarks(text)) change = static_cast<float>(o_.change_marked_penalty);
        else if (doc_marked_) change = static_cast<float>(o_.change_unmarked_in_marked_doc_penalty);
      }
      Slot s{t.begin, t.end, SlotKind::kChoice, true, false, static_cast<uint32_t>(cands_.size()), 0, -1};
      // A one-letter list label at the start of a line follows the previous one:
      // "d)" after "d)" is "đ)".
      bool line_start = i == 0 || (i == 1 && tokens_[0].kind == LmTokenKind::kSpace) ||
                        (i > 0 && tokens_[i - 1].kind == LmTokenKind::kSpace &&
                         line.substr(tokens_[i - 1].begin, tokens_[i - 1].end - tokens_[i - 1].begin).find('\n') !=
                             std::string_view::npos);
      if (line_start && key_.size() == 1 && i + 1 < tokens_.size() && tokens_[i + 1].kind == LmTokenKind::kPunct &&
          line[tokens_[i + 1].begin] == ')') {
        s.label = true;
        std::string_view expected = LabelAt(last_label_ + 1);
        std::string ekey;
        if (!expected.empty() && !internal::HasMarks(text) && internal::KeyInto(expected, &ekey) && ekey == key_) {
          uint32_t id = m_.WordId(expected);
          if (id != m_.unk()) {
            cands_.push_back({id, 0.0f, -1});
            s.cand_count = 1;
            s.kind = SlotKind::kFixed;
            slots_.push_back(s);
            continue;
          }
        }
      }
      size_t limit = std::min<size_t>(list.size(), static_cast<size_t>(std::max(1, o_.max_candidates)));
      bool input_added = false;
      // Capitalised inside a sentence: likely a name or title word.
      bool mid_capital = !sentence_start && internal::IsCapitalised(text);
      const float cap_weight = static_cast<float>(o_.capitalised_weight);
      for (size_t k = 0; k < limit; ++k) {
        bool is_input = list[k].id == input_id;
        input_added |= is_input;
        float ch = is_input ? 0.0f : change;
        if (mid_capital) ch += cap_weight * list[k].cap_bonus;
        cands_.push_back({list[k].id, ch, -1});
      }
      if (input_known && !input_added) cands_.push_back({input_id, 0.0f, -1});
      if (o_.document_cache && !cache_.empty()) {
        for (size_t k = s.cand_begin; k < cands_.size(); ++k) {
          auto it = cache_.find(cands_[k].id);
          if (it != cache_.end()) cands_[k].channel += it->second;
        }
      }
      s.cand_count = static_cast<uint32_t>(cands_.size() - s.cand_begin);
      if (s.cand_count == 1) s.kind = SlotKind::kFixed;
      if (keep_spelling) s.keep_id = input_id;
      slots_.push_back(s);
    }
  }

  // Candidates from the OCR source; false if there are none.
  bool AddOcr(const LmToken& t, std::string_view text) {
    if (o_.ocr_source == nullptr) return false;
    ocr_out_.clear();
    o_.ocr_source->Candidates(text, &ocr_out_);
    if (ocr_out_.empty()) return false;
    Slot s{t.begin, t.end, SlotKind::kChoice, true, true, static_cast<uint32_t>(cands_.size()), 0, -1};
    // Keeping the token as written stays possible (as an unknown word).
    cands_.push_back({m_.unk(), static_cast<float>(o_.ocr_weight * -4.0), Pool(text)});
    size_t limit = std::min<size_t>(ocr_out_.size(), static_cast<size_t>(std::max(1, o_.max_candidates)) + 5);
    for (size_t k = 0; k < limit; ++k) {
      const ChannelCandidate& c = ocr_out_[k];
      uint32_t id = m_.WordId(c.text);
      cands_.push_back({id, static_cast<float>(o_.ocr_weight * c.log_prob), id == m_.unk() ? Pool(c.text) : -1});
    }
    s.cand_count = static_cast<uint32_t>(cands_.size() - s.cand_begin);
    slots_.push_back(s);
    return true;
  }

  void Decode() {
    hyps_.clear();
    margin_.clear();
    LmState begin = m_.BeginState();
    hyps_.push_back({begin, 0.0f, -1, 0});
    size_t prev_begin = 0, prev_end = 1;
    const size_t beam = static_cast<size_t>(std::max(1, o_.beam));
    for (const Slot& s : slots_) {
      expand_.clear();
      for (size_t h = prev_begin; h < prev_end; ++h) {
        const Hyp& hyp = hyps_[h];
        for (uint32_t k = 0; k < s.cand_count; ++k) {
          const Cand& c = cands_[s.cand_begin + k];
          Hyp n;
          n.score = hyp.score + m_.Score(hyp.state, c.id, &n.state) + c.channel;
          n.back = static_cast<int32_t>(h);
          n.cand = static_cast<uint16_t>(k);
          expand_.push_back(n);
        }
      }
      std::sort(expand_.begin(), expand_.end(), [](const Hyp& a, const Hyp& b) { return a.score > b.score; });
      size_t next_begin = hyps_.size();
      const float floor = expand_[0].score - static_cast<float>(o_.beam_threshold);
      // Local margin: best score minus the best score of another reading.
      float second = kNegInf;
      for (const Hyp& n : expand_) {
        if (n.cand != expand_[0].cand) {
          second = n.score;
          break;
        }
      }
      margin_.push_back(expand_[0].score - second);
      for (const Hyp& n : expand_) {
        if (n.score < floor) break;
        bool dup = false;
        for (size_t j = next_begin; j < hyps_.size(); ++j) {
          if (hyps_[j].state.SameWords(n.state)) {
            dup = true;
            break;
          }
        }
        if (dup) continue;
        hyps_.push_back(n);
        if (hyps_.size() - next_begin >= beam) break;
      }
      prev_begin = next_begin;
      prev_end = hyps_.size();
    }
    // End of line.
    float best = kNegInf;
    int32_t best_h = -1;
    LmState dummy;
    for (size_t h = prev_begin; h < prev_end; ++h) {
      float sc = hyps_[h].score + m_.Score(hyps_[h].state, m_.eos(), &dummy);
      if (sc > best) best = sc, best_h = static_cast<int32_t>(h);
    }
    choice_.assign(slots_.size(), 0);
    path_.assign(slots_.size(), -1);
    for (size_t i = slots_.size(); i-- > 0 && best_h > 0;) {
      choice_[i] = hyps_[best_h].cand;
      path_[i] = best_h;
      best_h = hyps_[best_h].back;
    }
  }

  // Posterior of each candidate of slot |i| with the rest of the best path fixed:
  // rescoring the following words (up to the model order) catches right context.
  void Posteriors(size_t i, std::vector<double>* post) {
    const Slot& s = slots_[i];
    post->assign(s.cand_count, 0.0);
    LmState before = i == 0 ? m_.BeginState() : hyps_[path_[i - 1]].state;
    const size_t horizon = static_cast<size_t>(m_.order()) - 1;
    double max_score = -1e300;
    for (uint32_t k = 0; k < s.cand_count; ++k) {
      const Cand& c = cands_[s.cand_begin + k];
      LmState st, next;
      double sc = m_.Score(before, c.id, &st) + c.channel;
      size_t j = i + 1;
      for (; j < slots_.size() && j <= i + horizon; ++j) {
        sc += m_.Score(st, cands_[slots_[j].cand_begin + choice_[j]].id, &next);
        st = next;
      }
      if (j == slots_.size() && j <= i + horizon) sc += m_.Score(st, m_.eos(), &next);
      (*post)[k] = sc;
      max_score = std::max(max_score, sc);
    }
    double z = 0;
    for (double& p : *post) z += (p = std::pow(10.0, p - max_score));
    for (double& p : *post) p /= z;
  }

  // Restores one unit; returns the line number of its last line.
  uint32_t RestoreLine(std::string_view doc, size_t begin, size_t end, uint32_t line_no, RestoreResult* out) {
    std::string_view line = doc.substr(begin, end - begin);
    internal::SplitLine(line, &tokens_);
    BuildSlots(line);
    bool any_choice = std::any_of(slots_.begin(), slots_.end(), [](const Slot& s) { return s.kind == SlotKind::kChoice; });
    if (any_choice) Decode();
    else choice_.assign(slots_.size(), 0);
    size_t copied = 0;  // bytes of |line| already in out->text
    for (size_t i = 0; i < slots_.size(); ++i) {
      const Slot& s = slots_[i];
      if (!s.report) continue;
      std::string_view orig = line.substr(s.begin, s.end - s.begin);
      std::string_view gap = line.substr(copied, s.begin - copied);
      for (char ch : gap) line_no += ch == '\n' || ch == '\r';
      if (gap.find("\r\n") != std::string_view::npos) line_no -= CountCrLf(gap);
      out->text.append(gap);
      copied = s.end;
      RestoredToken tok;
      tok.begin = begin + s.begin;
      tok.end = begin + s.end;
      tok.line = line_no;
      tok.original = std::string(orig);
      const Cand& c = cands_[s.cand_begin + choice_[i]];
      if (s.kind == SlotKind::kSymbol) {
        tok.restored = std::string(PoolText(s.fixed_text));
        tok.kind = RestoredKind::kSymbolPart;
      } else if (s.kind == SlotKind::kChoice || (s.cand_count == 1 && c.id != m_.unk())) {
        if ((c.id == m_.unk() && c.text < 0) || (s.keep_id != 0 && c.id == s.keep_id)) {
          tok.restored = tok.original;
        } else {
          internal::ApplyCaseInto(CandText(c), orig, &tok.restored);
        }
        tok.kind = s.ocr ? RestoredKind::kOcr : RestoredKind::kSyllable;
        if (s.kind == SlotKind::kChoice) {
          if (o_.confidence) {
            Posteriors(i, &post_);
            tok.confidence = post_[choice_[i]];
            AddAlternatives(s, i, orig, &tok);
          } else {
            // Left-context margin from the beam: cheap, good enough for the cache.
            tok.confidence = 1.0 / (1.0 + std::pow(10.0, -static_cast<double>(margin_[i])));
          }
          if (o_.document_cache && tok.confidence > o_.cache_min_confidence && !s.ocr && c.id != m_.unk())
            cache_[c.id] = static_cast<float>(o_.cache_bonus);
        }
      } else {
        tok.restored = tok.original;
        tok.kind = RestoredKind::kKept;
      }
      tok.out_begin = out->text.size();
      out->text.append(tok.restored);
      tok.out_end = out->text.size();
      if (tok.changed()) ++out->changed;
      if (s.label) {
        std::string key;
        internal::LowerInto(tok.restored, &key);
        last_label_ = LabelIndex(key);
      }
      out->tokens.push_back(std::move(tok));
    }
    std::string_view rest = line.substr(copied);
    for (char ch : rest) line_no += ch == '\n' || ch == '\r';
    line_no -= CountCrLf(rest);
    out->text.append(rest);
    return line_no;
  }

  static uint32_t CountCrLf(std::string_view s) {
    uint32_t n = 0;
    for (size_t p = s.find("\r\n"); p != std::string_view::npos; p = s.find("\r\n", p + 2)) ++n;
    return n;
  }

  // List labels run a) b) c) d) đ) e) ...: position in that sequence (1-based), 0 if none.
  static int LabelIndex(std::string_view letter) {
    static constexpr std::string_view kLabels[] = {"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
                                                   "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"};
    for (size_t i = 0; i < std::size(kLabels); ++i) {
      if (kLabels[i] == letter) return static_cast<int>(i + 1);
    }
    return 0;
  }
  static std::string_view LabelAt(int index) {
    static constexpr std::string_view kLabels[] = {"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
                                                   "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"};
    return index >= 1 && index <= static_cast<int>(std::size(kLabels)) ? kLabels[index - 1] : std::string_view();
  }

  void AddAlternatives(const Slot& s, size_t i, std::string_view orig, RestoredToken* tok) {
    order_.clear();
    for (uint32_t k = 0; k < s.cand_count; ++k) {
      if (k != choice_[i]) order_.push_back(k);
    }
    std::sort(order_.begin(), order_.end(), [&](uint32_t a, uint32_t b) { return post_[a] > post_[b]; });
    for (size_t r = 0; r < order_.size() && static_cast<int>(r) < o_.alternatives; ++r) {
      const Cand& c = cands_[s.cand_begin + order_[r]];
      Alternative a;
      if (c.id == m_.unk() && c.text < 0) continue;
      internal::ApplyCaseInto(CandText(c), orig, &a.text);
      a.probability = post_[order_[r]];
      if (a.probability < 1e-4) break;
      tok->alternatives.push_back(std::move(a));
    }
  }

  const ModelData& m_;
  const RestoreOptions& o_;
  bool doc_marked_ = false;
  int last_label_ = 0;
  std::vector<LmToken> tokens_;
  std::vector<Slot> slots_;
  std::vector<Cand> cands_;
  std::vector<Hyp> hyps_, expand_;
  std::vector<uint16_t> choice_;
  std::vector<int32_t> path_;
  std::vector<double> post_;
  std::vector<float> margin_;
  std::vector<uint32_t> order_;
  std::vector<ChannelCandidate> ocr_out_;
  std::unordered_map<uint32_t, float> cache_;
  std::string pool_;
  std::vector<uint32_t> pool_offsets_;
  std::string scratch_, key_, lower_, tone_key_, tone_key2_;
};

Restorer::Restorer(std::shared_ptr<const Model> model, RestoreOptions options)
    : model_(std::move(model)), options_(options), impl_(std::make_unique<Impl>(*model_, options_)) {}
Restorer::~Restorer() = default;

RestoreResult Restorer::Restore(std::string_view text) {
  RestoreResult r;
  Restore(text, &r);
  return r;
}

void Restorer::Restore(std::string_view text, RestoreResult* out) { impl_->Restore(text, out); }

}  // namespace vanban
