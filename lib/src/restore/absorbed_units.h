// The old units a 2025 commune absorbed, as the commune's own documents name them ("Xã
// Nậm Sỏ được thành lập trên cơ sở sáp nhập xã Nậm Sỏ, xã Tà Mít"). Stripped of its marks
// such a name has several readings (Thạnh Bình, Thanh Bình; Tà Mít, Tá Mít) and a line of
// names gives the language model little to choose by; but the gazetteer says which names
// a commune absorbed (dictionaries/place_merges.txt). So once a document is written, the
// commune it is about is the one whose name it spells (without marks, as read or as
// written) and most of whose absorbed units it names, then whose province it names (a
// commune and its province alone are enough); that commune's name and its absorbed
// units' names then read as the gazetteer spells them wherever the document spells them
// so, or, failing any, where it spells one of them with one letter changed (OCR).
#ifndef VANBAN_RESTORE_ABSORBED_UNITS_H_
#define VANBAN_RESTORE_ABSORBED_UNITS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/model_data.h"
#include "model/place_merges.h"
#include "restore/name_unifier.h"

namespace vanban::internal {

class AbsorbedUnits {
 public:
  // The communes of |m|'s place merges table (model/place_merges.h), looked up as a
  // document names them. A name of fewer than two syllables is left out (it is no run of
  // name words); a syllable the model does not know ("Nuôl", "Krêl": minority
  // languages' names) is written as the gazetteer spells it.
  explicit AbsorbedUnits(const ModelData& m) : table_(m.PlaceMergesTable()) {}

  // The words of |words| (in output order, written in |text|, read from |input|) to read
  // otherwise, in output order.
  std::vector<NameRewrite> Rewrites(const ModelData& m, std::string_view input, std::string_view text,
                                    const std::vector<NameWord>& words) const;

  size_t communes() const { return table_.size(); }

 private:
  static constexpr size_t kMaxSyllables = 4;  // the longest run looked up ("Thị Trấn Giồng Riềng")
  PlaceMerges table_;
};

}  // namespace vanban::internal

#endif  // VANBAN_RESTORE_ABSORBED_UNITS_H_
