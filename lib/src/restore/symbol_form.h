// The upper-case form of a part of a document symbol or an abbreviation, from the
// model's symbol table: NQ-HDND -> NQ-HĐND, and in OCR'd text the Đ English OCR read
// as P or B (HPND, HBND).
#ifndef VANBAN_RESTORE_SYMBOL_FORM_H_
#define VANBAN_RESTORE_SYMBOL_FORM_H_

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vanban::internal {

class ModelData;

// The form to write for |text| (all capitals), or empty when the table has none worth
// using. |scratch| holds the key. The result points into the model.
std::string_view SymbolForm(const ModelData& model, std::string_view text, bool ocr, std::string* scratch);

// The forms of the symbol parts one letter (dropped, added or changed) from |key| (a
// diacritic-free lower-case key) that the corpus writes at least 100 times, most written
// first, at most |max|, each with its share of their counts: what an OCR'd part no
// document writes may be ("INQ" for NQ).
std::vector<std::pair<std::string_view, double>> NearSymbolParts(const ModelData& model, std::string_view key,
                                                                size_t max);

// The form of the one symbol part a letter (dropped, added or changed) from |key| (a
// part the symbol table lacks) for which |writes| is true, if exactly one is: the part a
// document writes elsewhere that an OCR'd copy garbled. Empty otherwise.
std::string_view NearPartWritten(const ModelData& model, std::string_view key,
                                 const std::function<bool(std::string_view)>& writes);

}  // namespace vanban::internal

#endif  // VANBAN_RESTORE_SYMBOL_FORM_H_
