// The words a person's name follows in a document: "đồng chí", "ông", "bà". The lattice
// asks whether a word may read one of them (the name after it is a person's); the search
// asks whether the path read one, to favour that reading before the name.
#ifndef VANBAN_RESTORE_PERSON_TITLES_H_
#define VANBAN_RESTORE_PERSON_TITLES_H_

#include <cstdint>

#include "model/model_data.h"

namespace vanban::internal {

struct PersonTitles {
  explicit PersonTitles(const ModelData& m)
      : dong(m.WordId("đồng")), chi(m.WordId("chí")), ong(m.WordId("ông")), ba(m.WordId("bà")) {}

  // The path's last word |prev| (after |before|, 0 if none) ends a title.
  bool End(uint32_t before, uint32_t prev) const { return prev == ong || prev == ba || (prev == chi && before == dong); }

  uint32_t dong, chi, ong, ba;
};

}  // namespace vanban::internal

#endif  // VANBAN_RESTORE_PERSON_TITLES_H_
