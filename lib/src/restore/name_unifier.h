// One reading per document for place names: the issuer ("XÃ MƯỜNG BANG"), the place in
// the date line ("Mường Báng, ngày …") and the subject ("… xã Mường Bang") name the same
// commune, and each was decoded on its own line with its own context. After the whole
// document is written, two capitalised words in a row that spell (without marks) the
// same as a pair of the gazetteer read elsewhere in the document take that reading when
// their own is no name at all, or is another name of the gazetteer with the same spelling
// (Tân Thành, Tân Thạnh) that fewer of the document's sightings read, or as many but with
// less confidence; on an exact tie each stays as read. A place before a comma that is no
// name and is spelt one edit away from a name the document reads ("Trung Sinh, ngày"
// under XÃ TRƯỜNG SINH) takes it; before the date's ", ngày", two edits away ("Hiv Kiệm").
#ifndef VANBAN_RESTORE_NAME_UNIFIER_H_
#define VANBAN_RESTORE_NAME_UNIFIER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vanban::internal {

class ModelData;
class AbsorbedUnits;

// A capitalised word as written to the output: its bytes there and in the input, and the
// model word it was read as (ModelData::unk() for a word kept as written).
struct NameWord {
  size_t out_begin, out_end;
  size_t in_begin, in_end;
  uint32_t id;
  double confidence = 1;  // how sure its line's search was of it
};

// Two words' first letters (of their keys) alike: the same, or a P the OCR read for Đ
// ("Van Pinh" for Vân Đình; keys spell đ as d).
inline bool SameNameInitial(char a, char b) { return a == b || (a == 'p' && b == 'd') || (a == 'd' && b == 'p'); }

// How two name words are apart in |text| (the first ends at |end|, the next begins at
// |begin|): 1 by one space, 2 by OCR noise that may split a name ("Thanh. Hải", "Tà: Mít",
// "Thanh’ Hải", "Phú ‘Trạch": one stop, colon, quote or bar, with at most one space), 0
// otherwise.
int NameGap(std::string_view text, size_t end, size_t begin);

// The words of |words| (in output order, written in |text|) to read otherwise: (index in
// |words|, model word), in output order.
std::vector<std::pair<size_t, uint32_t>> NameRewrites(const ModelData& m, std::string_view text,
                                                      const std::vector<NameWord>& words);

// A word of a document to read otherwise: its index in the NameWords, the model word
// (ModelData::unk() for a gazetteer syllable the model does not know: "Nuôl" of Ea Nuôl)
// and its spelling in lower case (the model's word, or the gazetteer's syllable).
struct NameRewrite {
  NameRewrite(size_t i, uint32_t word, std::string spelt, bool joins = false,
              size_t kind_at = std::string_view::npos, std::string kind_spelt = {})
      : index(i), id(word), spelling(std::move(spelt)), join(joins), kind_begin(kind_at), kind(std::move(kind_spelt)) {}
  size_t index;
  uint32_t id;
  std::string spelling;
  bool join;  // the OCR noise between it and the word before goes (NameGap 2)
  // A unit's kind before the name the OCR garbled ("xưa A Ting", "xá EaBart", "xã.Vụ
  // Bổn"): the text from |kind_begin| in the output to the word becomes |kind| and a space.
  size_t kind_begin;
  std::string kind;
  bool operator==(const NameRewrite& o) const {
    return index == o.index && id == o.id && spelling == o.spelling && join == o.join &&
           kind_begin == o.kind_begin && kind == o.kind;
  }
};

// The same for a whole document (restored from |input|): first the names of its commune and the units that
// commune absorbed (absorbed_units.h: the gazetteer knows them, not just the document),
// then NameRewrites over |words| as they read after those, read as surely as the
// gazetteer's. Where both rewrite a word, the gazetteer's reading stands. In output order.
std::vector<NameRewrite> DocumentNameRewrites(const ModelData& m, const AbsorbedUnits& absorbed,
                                              std::string_view input, std::string_view text,
                                              std::vector<NameWord> words);

}  // namespace vanban::internal

#endif  // VANBAN_RESTORE_NAME_UNIFIER_H_
