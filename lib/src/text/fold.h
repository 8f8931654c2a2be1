// Folding for comparison: a code point to its lower-case letter without marks ("Ấ" -> 'a',
// "Đ" -> 'd'), so that text compares equal whatever its accents and case. Every fold of the
// library is one of these; they agree on ASCII and on every letter of the Vietnamese
// alphabet, and differ, by option, only where their callers need them to:
//   - the OCR channel strips marks from letters of any script (its learned tables and the
//     model were built that way),
//   - archive search keys strip them only from letters with an ASCII base, and lower-case
//     every code point (an existing archive's keys were made that way and must still match),
//   - the parser's key is one ASCII byte per code point: it reads OCR look-alikes ("¢" for
//     o, "–" for -) and marks everything else '?'.
// tests/unit/fold_test.cc holds each caller's former fold and checks these against it over
// every code point.
#ifndef VANBAN_TEXT_FOLD_H_
#define VANBAN_TEXT_FOLD_H_

namespace vanban::internal {

enum class FoldScope {
  // Marks come off every letter with a canonical decomposition, whatever its script
  // ("ά" -> "α", "й" -> "и"); code points from U+2000 on are kept as they are.
  kAnyScript,
  // Marks come off letters whose base is an ASCII letter ("ñ" -> 'n'; "й" is kept); every
  // code point is lower-cased ("Ａ" -> "ａ").
  kLatinScript,
};

// One code point in, one out; digits and punctuation are kept.
char32_t FoldCodePoint(char32_t cp, FoldScope scope);

// The simple (1:1) lower case of |cp| (ICU's u_tolower), for code points below U+2000;
// others unchanged.
char32_t LowerCodePoint(char32_t cp);

// The ASCII letter |cp| reduces to once its marks are dropped, in its own case ('Ấ' -> 'A',
// 'đ' -> 'd'); 0 when |cp| is not such a letter (ASCII included).
char AsciiBase(char32_t cp);

// The parser's key byte: ASCII lower-cased (a tab as a space), Vietnamese letters to their
// base, the OCR look-alikes it reads as letters ("¢" -> 'o', "ä" -> 'a') or as ASCII
// punctuation ("–" -> '-', "“" -> '"', no-break space -> ' '); '?' for anything else.
char FoldToKeyByte(char32_t cp);

}  // namespace vanban::internal

#endif  // VANBAN_TEXT_FOLD_H_
