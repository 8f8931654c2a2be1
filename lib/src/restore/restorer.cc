// The restorer: one document at a time, unit by unit (a line, or a hard-wrapped
// sentence). For each unit the pieces are cut (pieces.h), the lattice of readings built
// (lattice_builder.h), the best path found (beam_search.h), OCR'd lines get a second
// look with the readings their decoded neighbours suggest, and the chosen readings are
// written back with the original case and layout (token_writer.h). What carries from
// one unit to the next lives in the document memory (document_memory.h) and is
// forgotten before the next document.
#include <algorithm>
#include <string>

#include "model/lm_tokens.h"
#include "model/model_data.h"
#include "model/model_parts.h"
#include "restore/beam_search.h"
#include "restore/channel_mix.h"
#include "restore/confidence_calibration.h"
#include "restore/document_memory.h"
#include "restore/lattice.h"
#include "restore/lattice_builder.h"
#include "restore/lm_cache.h"
#include "restore/parallel_items.h"
#include "restore/pieces.h"
#include "restore/token_writer.h"
#include "restore/word_candidates.h"
#include "text/utf8.h"
#include "text/viet_chars.h"
#include "vanban/restore.h"

namespace vanban {

using internal::ChannelMix;

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

// Longest stretch of text decoded as one unit (bytes), which bounds the search's memory.
constexpr size_t kMaxUnitBytes = 8192;

// A line that ends inside a sentence (on a lower-case word) and a next line that
// starts with a capitalised word: a sentence wrapped before a name or a title word
// ("của | Đảng", "Tỉnh | Ủy", "Hồ Chí | Minh"). Decoded as one unit, the name keeps
// the words before it as context. Not after a stray letter or two (without a mark) or an all-capitals
// word (OCR junk or a heading at a line's end), and not before an all-capitals word,
// a list label ("A.") or a word with a number ("Điều 25"), which start something new.
bool WrappedBeforeName(std::string_view line, std::string_view next_line) {
  size_t end = line.find_last_not_of(" \t");
  if (end == std::string_view::npos) return false;
  size_t start = line.find_last_of(" \t", end);
  start = start == std::string_view::npos ? 0 : start + 1;
  std::string key;
  const std::string_view last = line.substr(start, end + 1 - start);
  // Two letters only with a mark ("dé" for để): OCR junk at a line's end has none.
  if (!internal::KeyInto(last, &key) || key.size() < (internal::HasMarks(last) ? 2u : 3u) || !internal::IsSyllableKey(key))
    return false;
  const internal::LetterCase lc = internal::LetterCaseOf(last);
  if (lc.upper > (lc.first_upper ? 1u : 0u)) return false;
  size_t pos = next_line.find_first_not_of(" \t");
  if (pos == std::string_view::npos) return false;
  size_t word_end = next_line.find_first_of(" \t,.;:", pos);
  if (word_end == std::string_view::npos) word_end = next_line.size();
  const std::string_view first = next_line.substr(pos, word_end - pos);
  if (!internal::IsCapitalised(first) || !internal::KeyInto(first, &key) || key.size() < 2) return false;
  size_t after = next_line.find_first_not_of(" \t", word_end);
  return after == std::string_view::npos || !internal::IsAsciiDigit(static_cast<unsigned char>(next_line[after]));
}

// The sketch pass's search: never wider than the full pass's.
RestoreOptions SketchOptions(const RestoreOptions& o) {
  RestoreOptions sketch = o;
  sketch.beam = std::min(o.beam, o.sketch_beam);
  return sketch;
}

}  // namespace

class Restorer::Impl {
 public:
  Impl(const Model& model, const RestoreOptions& options)
      : m_(model.parts().data()),
        o_(options),
        words_(model.parts().data(), model.parts().ocr_channel()),
        lm_(model.parts().data()),
        builder_(m_, o_, &words_, &memory_),
        search_(m_, o_, &lm_, &memory_),
        sketch_o_(SketchOptions(o_)),
        sketch_search_(m_, sketch_o_, &lm_, &memory_, /*second_prescreen=*/false),
        writer_(m_, o_, &words_) {
    // The table was checked when the model was built; a damaged one leaves the
    // posteriors as they are.
    auto calibration = internal::ConfidenceCalibration::Parse(m_.ConfidenceTable());
    if (calibration.ok() && o_.calibrated_confidence) calibration_ = std::move(*calibration);
    list_words_.unk = m_.unk();
    const char* conjunctions[] = {"và", "hoặc"};
    for (size_t k = 0; k < 2; ++k) {
      const uint32_t id = m_.WordId(conjunctions[k]);
      list_words_.conjunctions[k] = id == m_.unk() ? 0 : id;
    }
  }

  void Restore(std::string_view text, RestoreResult* out) {
    ClearOutput(out);
    out->text.reserve(text.size() + text.size() / 4);
    ChannelMix mix = internal::EstimateChannelMix(text, m_);
    internal::CandidateLimits limits;
    limits.diacritic = o_.max_candidates;  // the search tries max_readings of them
    limits.ocr = o_.max_ocr_candidates;
    words_.Reset(mix, limits, o_.ocr);
    ocr_ = words_.ocr_active();
    out->profile = {mix.clean, mix.stripped, mix.ocr, mix.words, mix.damaged, mix.unknown};
    memory_.Reset(text);
    sketch_units_.clear();  // another document's units must not match this one's
    sketch_pieces_.clear();
    // One reading per document: the first pass only fills the document memory, the
    // second reads every unit with what the whole document read with confidence. Only
    // OCR garbles one word several ways; a single line has nothing to learn from
    // elsewhere. The first pass is a sketch (no readings from context, no second look,
    // a narrower beam): the memory takes only confident readings, which the sketch
    // finds as well (same accuracy on the dev buckets, about half the full pass's work).
    const size_t nl = text.find('\n');
    if (o_.second_pass && ocr_ && nl != std::string_view::npos && nl + 1 < text.size()) {
      StartPass(/*sketch=*/true);
      RestorePass(text, out);
      if (out->timed_out) {  // the sketch writes no text: all of it is kept as written
        ClearOutput(out);
        out->text.assign(text);
        out->timed_out = true;
        return;
      }
      ClearOutput(out);
      memory_.Rewind();
    }
    StartPass(/*sketch=*/false);
    RestorePass(text, out);
    if (!out->timed_out) writer_.UnifyNames(text, out);
    if (o_.confidence) calibration_.ApplyAll(&out->tokens);
  }

 private:
  // The lattice builder and the writer start each pass together: a sketch pass builds
  // cheaper lattices and writes nothing but the document memory.
  void StartPass(bool sketch) {
    next_sketch_unit_ = 0;
    builder_.StartDocument(ocr_, sketch);
    writer_.StartDocument(ocr_, /*quiet=*/sketch);
  }

  static void ClearOutput(RestoreResult* out) {
    out->text.clear();
    out->tokens.clear();
    out->changed = 0;
    out->timed_out = false;
  }

  void RestorePass(std::string_view text, RestoreResult* out) {
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
    // Past the deadline the text from |at| on is kept as written.
    auto out_of_time = [&](size_t at) {
      if (std::chrono::steady_clock::now() < o_.deadline) return false;
      out->text.append(text.substr(at));
      out->timed_out = true;
      return true;
    };
    while (pos <= text.size()) {
      // A unit is a line plus the wrapped lines that continue it.
      size_t last_begin = pos, end = line_end(pos);
      while (o_.join_wrapped_lines && end < text.size() && end > last_begin) {
        size_t next = after_break(end), next_end = line_end(next);
        const std::string_view next_line = text.substr(next, next_end - next);
        // Typed text wraps before names too, but there the join measured worse (the
        // stripped test bucket lost 19 words of 30,166); OCR'd text gains (real seeds).
        if (!internal::ContinuesLine(next_line) &&
            !(ocr_ && WrappedBeforeName(text.substr(last_begin, end - last_begin), next_line)))
          break;
        last_begin = next;
        end = next_end;
      }
      // A huge unit (a file without line breaks) is decoded in pieces: the search's
      // memory grows with the unit. Cut after a sentence end, else at a space.
      size_t from = pos;
      while (end - from > kMaxUnitBytes) {
        std::string_view window = text.substr(from, kMaxUnitBytes);
        size_t cut = window.rfind(". ");
        if (cut == std::string_view::npos || cut < kMaxUnitBytes / 2) cut = window.rfind(' ');
        if (cut == std::string_view::npos || cut == 0) cut = kMaxUnitBytes;  // no space at all
        else ++cut;                                                          // after the mark or space
        while (cut < window.size() && (static_cast<unsigned char>(window[cut]) & 0xC0) == 0x80) ++cut;
        if (out_of_time(from)) return;
        line_no = RestoreUnit(text, from, from + cut, line_no, out);
        from += cut;
      }
      if (out_of_time(from)) return;
      line_no = RestoreUnit(text, from, end, line_no, out);
      if (end >= text.size()) break;
      size_t next = after_break(end);
      out->text.append(text.substr(end, next - end));
      pos = next;
      ++line_no;
    }
  }

  // Restores one unit; returns the line number of its last line.
  uint32_t RestoreUnit(std::string_view doc, size_t begin, size_t end, uint32_t line_no, RestoreResult* out) {
    unit_.text = doc.substr(begin, end - begin);
    unit_.begin = begin;
    memory_.StartUnit(begin);
    words_.Trim();
    CutUnit(end);
    builder_.StartUnit(unit_, &lattice_);
    builder_.Build();
    if (builder_.sketch()) {  // no second look, no list items: only the memory is fed
      sketch_search_.Decode(&lattice_, unit_.pieces.size());
      return writer_.Write(unit_, lattice_, sketch_search_, &memory_, line_no, out);
    }
    search_.Decode(&lattice_, unit_.pieces.size());
    if (ocr_ && o_.context_readings > 0 && builder_.CollectHints(search_.path())) {
      builder_.Rebuild();
      search_.Redecode(&lattice_, unit_.pieces.size());
    }
    if (o_.parallel_item_bonus > 0) FavourParallelItems();
    if (ocr_ && o_.path_repair_margin > 0) search_.RepairPath(lattice_, static_cast<float>(o_.path_repair_margin));
    // Explained once, as written: the sketch above only fed the memory.
    if (o_.explain != nullptr) writer_.Explain(unit_, lattice_, search_.path(), o_.explain);
    return writer_.Write(unit_, lattice_, search_, &memory_, line_no, out);
  }

  // The unit's pieces: the sketch pass's where it cut the same unit (the passes cut the
  // text into the same units, and CutPieces depends on nothing a pass changes), else cut
  // now. The sketch keeps at most kMaxSketchPieces: a huge document cuts again past them.
  void CutUnit(size_t end) {
    if (!builder_.sketch() && next_sketch_unit_ < sketch_units_.size() &&
        sketch_units_[next_sketch_unit_].begin == unit_.begin && sketch_units_[next_sketch_unit_].end == end) {
      const SketchUnit& u = sketch_units_[next_sketch_unit_++];
      unit_.pieces.assign(sketch_pieces_.begin() + u.first, sketch_pieces_.begin() + u.first + u.count);
      return;
    }
    internal::CutPieces(unit_.text, ocr_, m_, &unit_.tokens, &unit_.pieces, damaged_);
    if (builder_.sketch() && sketch_pieces_.size() + unit_.pieces.size() <= kMaxSketchPieces) {
      sketch_units_.push_back({unit_.begin, end, sketch_pieces_.size(), unit_.pieces.size()});
      sketch_pieces_.insert(sketch_pieces_.end(), unit_.pieces.begin(), unit_.pieces.end());
    }
  }

  // The items of a list in the unit read alike (restore/parallel_items.h): the reading
  // most give the word they share, added where an OCR'd word lacks it, is favoured.
  void FavourParallelItems() {
    const std::vector<internal::ParallelReading> readings =
        internal::ParallelReadings(unit_, search_.path(), list_words_, lattice_);
    if (readings.empty()) return;
    bool rebuilt = false;  // a rebuilt lattice is searched again whatever else changes
    if (ocr_ && o_.context_readings > 0) {
      for (const internal::ParallelReading& r : readings) {
        if (internal::HasReading(lattice_, r)) continue;
        builder_.AddHint(r.piece, r.id);
        rebuilt = true;
      }
      if (rebuilt) builder_.Rebuild();
    }
    // Redecode starts again at the first item whose readings changed.
    if (internal::FavourReadings(readings, static_cast<float>(o_.parallel_item_bonus), &lattice_) || rebuilt)
      search_.Redecode(&lattice_, unit_.pieces.size());
  }

  const internal::ModelData& m_;
  const RestoreOptions& o_;
  internal::WordCandidates words_;
  const internal::DamagedReading damaged_ = [this](std::string_view lower) { return words_.BestWithPrior(lower); };
  internal::LmCache lm_;
  internal::DocumentMemory memory_;
  internal::LatticeBuilder builder_;
  internal::BeamSearch search_;
  RestoreOptions sketch_o_;
  internal::BeamSearch sketch_search_;  // the sketch pass's, with its narrower beam
  internal::TokenWriter writer_;
  bool ocr_ = false;
  internal::Unit unit_;
  struct SketchUnit {
    size_t begin, end;    // the unit's bytes in the document
    size_t first, count;  // its pieces in sketch_pieces_
  };
  static constexpr size_t kMaxSketchPieces = size_t{1} << 19;  // 8 MB
  std::vector<SketchUnit> sketch_units_;
  std::vector<internal::Piece> sketch_pieces_;
  size_t next_sketch_unit_ = 0;
  internal::Lattice lattice_;
  internal::ConfidenceCalibration calibration_;
  internal::ListWords list_words_;
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
