// Public entry points of vanban/ocr_channel.h for training and measurement.
#include <cstdlib>
#include <string>

#include "channel/channel_eval.h"
#include "channel/ocr_channel.h"
#include "channel/syllable_trie.h"
#include "train/channel_trainer.h"
#include "vanban/ocr_channel.h"

namespace vanban {
namespace {

template <class Fn>
void ForEachLine(std::string_view text, Fn fn) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    fn(line);
    pos = eol + 1;
  }
}

}  // namespace

Result<std::string> TrainOcrChannel(std::string_view pairs, const OcrChannelTrainOptions& options,
                                    OcrChannelTrainReport* report) {
  internal::ChannelTrainOptions o;
  o.iterations = options.iterations < 1 ? 1 : options.iterations;
  o.min_count = options.min_count;
  internal::ChannelTrainer trainer(o);
  ForEachLine(pairs, [&](std::string_view line) {
    size_t tab = line.find('\t');
    if (tab != std::string_view::npos) trainer.AddLine(line.substr(0, tab), line.substr(tab + 1));
  });
  if (trainer.summary().lines == 0) return Status::Corruption("no clean<TAB>ocr pairs");
  std::string table = trainer.Finish();
  auto check = OcrChannel::Load(table);  // what we write must load back
  if (!check.ok()) return Status::Internal("trained OCR channel does not load: " + check.status().ToString());
  if (report != nullptr) {
    const auto& s = trainer.summary();
    report->lines = s.lines;
    report->clean_tokens = s.tokens.clean_tokens;
    report->char_token_pairs = s.char_tokens;
    report->split = s.tokens.split;
    report->merged = s.tokens.merged;
    report->dropped = s.tokens.dropped;
    report->inserted = s.tokens.inserted;
    report->edits = check->edit_count();
  }
  return table;
}

Result<OcrChannelEvalReport> EvaluateOcrChannel(std::string_view table, std::string_view syllables,
                                                std::string_view pairs, size_t k,
                                                size_t max_misses, double prior_weight) {
  auto channel = OcrChannel::Load(table);
  if (!channel.ok()) return channel.status();
  internal::SyllableTrie trie;
  ForEachLine(syllables, [&](std::string_view line) {
    if (line.empty() || line[0] == '#') return;
    size_t tab = line.find('\t');
    double count = 0;
    if (tab != std::string_view::npos) {
      std::string c(line.substr(tab + 1));
      count = std::strtod(c.c_str(), nullptr);
    }
    trie.Add(line.substr(0, tab), count);
  });
  if (trie.word_count() == 0) return Status::Corruption("empty syllable inventory");
  auto r = internal::EvaluateChannel(*channel, trie, pairs, k, max_misses, prior_weight);
  OcrChannelEvalReport out;
  out.lines = r.lines;
  out.syllables = r.syllables;
  out.matched = r.matched;
  out.raw_exact = r.raw_exact;
  out.raw_exact_nocase = r.raw_exact_nocase;
  out.raw_stripped = r.raw_stripped;
  out.in_inventory = r.in_inventory;
  out.recall_at_1 = r.recall_at_1;
  out.recall_at_k = r.recall_at_k;
  out.candidate_calls = r.candidate_calls;
  out.microseconds_per_call = r.candidate_calls ? 1e6 * r.candidate_seconds / r.candidate_calls : 0;
  out.mean_candidates = r.mean_candidates;
  out.inventory_size = trie.word_count();
  out.misses = std::move(r.examples);
  return out;
}

}  // namespace vanban
