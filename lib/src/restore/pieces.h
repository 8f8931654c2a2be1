// How the restorer cuts a decoding unit (a line, or a hard-wrapped sentence) into
// pieces: words, numbers, punctuation marks, parts of document symbols, and things
// kept verbatim (URLs, e-mail addresses). In OCR'd text a word may contain digits and
// symbols the OCR engine put in place of letters ("s6", "c¢6", "s@"), so those stay
// inside the word.
#ifndef VANBAN_RESTORE_PIECES_H_
#define VANBAN_RESTORE_PIECES_H_

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "model/lm_tokens.h"

namespace vanban::internal {

enum class PieceKind : uint8_t {
  kWord,    // a word to read (letters, maybe with OCR digits and symbols)
  kNumber,  // digits: the language model's <num>
  kPunct,   // one punctuation mark
  kSymbol,  // an upper-case part of a document symbol or an abbreviation (HĐND, UBND)
  kFixed,   // kept verbatim and unknown to the model (URL, e-mail, code)
};

struct Piece {
  uint32_t begin, end;  // byte range in the unit
  PieceKind kind;
  bool space_before = false;  // spaces or tabs (no line break) before it
  bool break_before = false;  // a line break before it
  bool line_start = false;    // first piece of a line
  // Cut from the same written word as the piece before: OCR dropped the space between
  // words in capitals ("KHOAHQCVACONGNGHE"); the restored text puts it back.
  bool glued = false;
  // In such a word, the cuts worth the search's time (not only the unigram model's best):
  // bit k set when pieces [this, this + k + 1) spell one syllable of one of them. 0 in
  // any other word. "XACAMKHE" is cut XA|C|AM|KHE, spans XA, XAC, CAM, AM, KHE, for
  // XÃ CẨM KHÊ and XÁC ÂM KHE alike.
  uint8_t syllables = 0;
};

// How well the OCR channel reads a lower-case spelling that has no reading of its own
// ("chine", "bal"): log10 P(written | reading) + log10 P(reading) of its best reading,
// or -1e9 or below when none.
using DamagedReading = std::function<float(std::string_view lower)>;

// The apostrophes an OCR word may hold ("co's@", "tu's6"): ' and ’.
bool IsApostrophe(char32_t cp);

class ModelData;

// |ocr| regroups OCR letter substitutes into words (see above); there an all-caps word
// that is not part of a document symbol is a symbol only if |model| knows it as one
// (UBND), since OCR damage makes many capitals look like abbreviations ("HQI"); and a
// long word in capitals that no reading explains but a row of syllables does is cut
// into them (Piece::glued), one of which may be a syllable the OCR damaged if |damaged|
// reads it; digits inside such a word are a number of its own ("PHUONG1BAOLOC").
void CutPieces(std::string_view unit, bool ocr, const ModelData& model, std::vector<LmToken>* scratch,
               std::vector<Piece>* out, const DamagedReading& damaged = {});

}  // namespace vanban::internal

#endif  // VANBAN_RESTORE_PIECES_H_
