// What DocumentMemory finds in a document's layout before restoring it: the deputy's
// title under "KT." and the signer's line under a signature block's opening and title.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "restore/document_memory.h"

namespace {

using vanban::internal::DocumentMemory;

size_t At(const std::string& text, const std::string& what) {
  const size_t at = text.find(what);
  REQUIRE(at != std::string::npos);
  return at;
}

}  // namespace

TEST_CASE("document memory: the signer's line is the first line in lower case under the block's title") {
  DocumentMemory memory;
  const std::string text =
      "Điều 2. Giao ông Phan Văn Lâm.\n"
      "TM. UY BAN NHAN DAN\n"
      "CHU TICH : re\n"  // a title with the OCR's specks is still a title
      "\n"
      "| ; :\n"  // specks alone are no line
      "Phan Lien Huong\n"
      "Noi nhan: Phan Van Lam\n";
  memory.Reset(text);
  CHECK(memory.SignerLineAt(At(text, "Phan Lien")));
  CHECK(memory.SignerLineAt(At(text, "Huong")));
  CHECK_FALSE(memory.SignerLineAt(At(text, "CHU TICH")));
  CHECK_FALSE(memory.SignerLineAt(At(text, "Noi nhan")));
  CHECK_FALSE(memory.SignerLineAt(At(text, "Phan Văn")));
  CHECK_FALSE(memory.SignerLineAt(text.size()));

  // KT. and the deputy's title; the signer under them.
  const std::string deputy = "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An\n";
  memory.Reset(deputy);
  CHECK(memory.DeputyTitleAt(At(deputy, "PHÓ")));
  CHECK(memory.SignerLineAt(At(deputy, "Nguyễn")));

  // A signer's title under a line in capitals opens a block whatever the OCR made of its
  // mark ("TM." read "7™M.", "TMX.").
  for (const std::string& garbled : {std::string("7™M. HOI PONG | NHAN DAN\nCHU TICH .\nPhan Lien Huong .\n"),
                                     std::string("TMX. UY BAN\n| ;\nPHO CHU TICH :\nPhan Lien Huong\n")}) {
    memory.Reset(garbled);
    CHECK(memory.SignerLineAt(At(garbled, "Phan Lien")));
  }
  // No block's opening ("TM.", "KT.", …) nor a line in capitals above the title, no title,
  // a title no signer bears, or a long line: no signer's line.
  for (const std::string& other : {std::string("CHU TICH\nPhan Lien Huong\n"),
                                   std::string("Giao ông Lâm.\nCHU TICH\nPhan Lien Huong\n"),
                                   std::string("UY BAN NHAN DAN\nKE HOACH\nPhan Lien Huong\n"),
                                   std::string("TM. UY BAN NHAN DAN\nPhan Lien Huong\n"),
                                   "TM. UY BAN NHAN DAN\nCHU TICH\nPhan Lien Huong " + std::string(80, 'a') + "\n"}) {
    memory.Reset(other);
    CHECK_FALSE(memory.SignerLineAt(At(other, "Phan Lien")));
  }
}

TEST_CASE("document memory: a confident pair gives each word its neighbour, once, until the next document") {
  DocumentMemory m;
  m.Reset("");
  m.StartUnit(0);
  m.RememberPair(7, 9);  // "dân vận"
  m.RememberPair(7, 9);
  m.RememberPair(3, 9);
  m.StartUnit(40);
  CHECK(m.PairUnits(7, 9) > 0);
  CHECK(m.Before(9) == std::vector<uint32_t>{7, 3});
  CHECK(m.After(7) == std::vector<uint32_t>{9});
  CHECK(m.After(9).empty());
  // A common word's neighbours are many: only the first few are kept.
  for (uint32_t a = 100; a < 200; ++a) m.RememberPair(a, 5);
  CHECK(m.Before(5).size() == 8);
  m.Reset("");
  CHECK(m.Before(9).empty());
  CHECK(m.PairUnits(7, 9) == 0);
}

TEST_CASE("document memory: a pair vouches for the units it was not read in only") {
  DocumentMemory m;
  m.Reset("");
  m.StartUnit(0);
  m.RememberPair(7, 9);  // read in the first unit only ("Vận phong" for Văn phòng)
  CHECK(m.PairUnits(7, 9) == 0);  // the second pass back at that unit: no self-evidence
  m.StartUnit(120);
  CHECK(m.PairUnits(7, 9) > 0);  // elsewhere it counts
  m.RememberPair(3, 4);
  m.StartUnit(0);
  CHECK(m.PairUnits(3, 4) > 0);
  m.RememberPair(3, 4);          // read in a second unit: it now counts everywhere
  // Many pairs make the set grow: what each was read in is kept.
  for (uint32_t a = 100; a < 1100; ++a) m.RememberPair(a, a + 1);
  CHECK(m.PairUnits(500, 501) == 0);
  CHECK(m.PairUnits(7, 9) == 0);
  m.StartUnit(120);
  CHECK(m.PairUnits(3, 4) > 0);
  CHECK(m.PairUnits(500, 501) > 0);
  CHECK(m.PairUnits(9, 7) == 0);
}

TEST_CASE("document memory: a pair counts the other units that read it") {
  DocumentMemory m;
  m.Reset("");
  for (size_t unit : {0, 50, 100, 150}) {
    m.StartUnit(unit);
    m.RememberPair(7, 9);
    m.RememberPair(7, 9);  // twice in one unit counts once
  }
  m.StartUnit(400);
  CHECK(m.PairUnits(7, 9) == 4);
  m.StartUnit(0);  // the first and the last unit to read it do not count themselves
  CHECK(m.PairUnits(7, 9) == 3);
  m.StartUnit(150);
  CHECK(m.PairUnits(7, 9) == 3);
  CHECK(m.PairUnits(9, 7) == 0);
}

TEST_CASE("document memory: the words read between or beside confident neighbours elsewhere") {
  // 1 quy, 2 định, 3 liên, 4 quan; 5 chính.
  DocumentMemory m;
  std::vector<uint32_t> out;
  m.Reset("");
  m.StartUnit(0);
  m.RememberTriple(1, 2, 3);  // "quy định liên", read in one unit
  m.PhraseWords(0, 0, 2, 3, &out);
  CHECK(out.empty());  // no evidence for the unit it was read in
  m.StartUnit(100);
  m.PhraseWords(0, 5, 2, 3, &out);
  CHECK(out.empty());  // beside a pair, one unit is not enough: "thực hiện" follows many words
  m.PhraseWords(0, 1, 3, 0, &out);
  CHECK(out == std::vector<uint32_t>{2});  // between two words one unit is
  for (size_t unit : {200, 300, 400}) {
    m.StartUnit(unit);
    m.RememberTriple(1, 2, 3);
    m.RememberTriple(2, 3, 4);
  }
  m.StartUnit(500);
  m.PhraseWords(0, 5, 2, 3, &out);  // "chính, sate định liên"
  CHECK(out == std::vector<uint32_t>{1});
  m.PhraseWords(2, 3, 0, 0, &out);  // "định liên ipa"
  CHECK(out == std::vector<uint32_t>{4});
  // Three words before the same pair, each read often: the pair says too little.
  for (size_t unit : {600, 700, 800}) {
    m.StartUnit(unit);
    m.RememberTriple(7, 2, 3);
    m.RememberTriple(8, 2, 3);
  }
  m.StartUnit(900);
  m.PhraseWords(0, 0, 2, 3, &out);
  CHECK(out.empty());
  m.Reset("");
  m.StartUnit(0);
  m.PhraseWords(0, 1, 3, 0, &out);
  CHECK(out.empty());
}

TEST_CASE("document memory: a phrase word is not its neighbour again") {
  // 1 đối, 2 với, 3 nhà, 4 giáo: "đối với sf | nhà giáo" is junk before nhà, not nhà nhà.
  DocumentMemory m;
  std::vector<uint32_t> out;
  m.Reset("");
  for (size_t unit : {0, 100, 200, 300}) {
    m.StartUnit(unit);
    m.RememberTriple(1, 2, 3);
  }
  m.StartUnit(400);
  m.PhraseWords(1, 2, 3, 4, &out);
  CHECK(out.empty());
  m.PhraseWords(1, 2, 0, 0, &out);
  CHECK(out == std::vector<uint32_t>{3});
}
