// The upper-case form of a part of a document symbol or an abbreviation, from the
// model's symbol table: NQ-HDND -> NQ-HĐND, and in OCR'd text the Đ English OCR read
// as P or B (HPND, HBND).
#ifndef VANBAN_RESTORE_SYMBOL_FORM_H_
#define VANBAN_RESTORE_SYMBOL_FORM_H_

#include <string>
#include <string_view>

namespace vanban::internal {

class ModelData;

// The form to write for |text| (all capitals), or empty when the table has none worth
// using. |scratch| holds the key. The result points into the model.
std::string_view SymbolForm(const ModelData& model, std::string_view text, bool ocr, std::string* scratch);

}  // namespace vanban::internal

#endif  // VANBAN_RESTORE_SYMBOL_FORM_H_
