// OCR channel: token and character alignment, training on hand-made pairs,
// table loading, scores and candidate generation.
#include <doctest/doctest.h>

#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "channel/char_align.h"
#include "channel/code_points.h"
#include "channel/edit_scorer.h"
#include "channel/ocr_channel.h"
#include "channel/syllable_trie.h"
#include "channel/token_align.h"
#include "train/channel_trainer.h"

namespace vanban::internal {
namespace {

std::vector<U32> Toks(std::string_view s) { return SplitWhitespace(DecodeUtf8(s)); }

std::string Ops(std::string_view clean, std::string_view ocr) {
  std::vector<EditOp> ops;
  AlignChars(DecodeUtf8(clean), DecodeUtf8(ocr), InitialEditCost, &ops);
  std::string s;
  for (const EditOp& op : ops) {
    if (!s.empty()) s += " ";
    s += EncodeUtf8(op.clean) + ">" + EncodeUtf8(op.ocr);
  }
  return s;
}

// A small training set with the characteristic confusions, repeated so that the
// counts are clear.
std::string TrainTable() {
  ChannelTrainer trainer;
  const char* pairs[][2] = {
      {"Nghị quyết số 20/NQ-HĐND", "Nghi quyét s6 20/NQ-HPND"},
      {"của Ủy ban nhân dân xã", "cia Uy ban nhan dan x4"},
      {"thực hiện dân chủ ở cơ sở", "thyc hién dan chu ¢ co sé"},
      {"tổ chức thực hiện", "t6 chifc thuc hién"},
      {"Đảng ủy xã", "Pang uy xa"},
      {"số lượng", "s6 luong"},
      {"sở tư pháp", "sé tu phap"},
      {"Bộ Y tế ban hành", "BOY té ban hanh ."},
  };
  for (int rep = 0; rep < 5; ++rep)
    for (const auto& p : pairs) trainer.AddLine(p[0], p[1]);
  return trainer.Finish();
}

}  // namespace

TEST_CASE("channel: code points fold and lower-case Vietnamese") {
  CHECK(EncodeUtf8(Fold(DecodeUtf8("Đường NGHỊ quyết"))) == "duong nghi quyet");
  CHECK(EncodeUtf8(Lower(DecodeUtf8("ỦY BAN"))) == "ủy ban");
  CHECK(EncodeUtf8(Fold(DecodeUtf8("s6 x4 ¢"))) == "s6 x4 ¢");
  CHECK(DecodeUtf8("a\xff") == U"a\uFFFD");
}

TEST_CASE("channel: token alignment finds matches, merges, splits and junk") {
  auto ops = AlignTokens(Toks("Bộ Y tế ban hành"), Toks("BOY té ban hanh ."));
  REQUIRE(ops.size() == 5);
  CHECK(ops[0].kind == TokenOpKind::kMerge);
  CHECK(ops[0].clean_count == 2);
  CHECK(ops[1].kind == TokenOpKind::kMatch);
  CHECK(ops[4].kind == TokenOpKind::kInsert);

  ops = AlignTokens(Toks("thông tin"), Toks("th ong tin"));
  REQUIRE(ops.size() == 2);
  CHECK(ops[0].kind == TokenOpKind::kSplit);
  CHECK(ops[1].kind == TokenOpKind::kMatch);

  ops = AlignTokens(Toks("của các cơ quan"), Toks("cia cơ quan"));
  int drops = 0;
  for (const auto& op : ops) drops += op.kind == TokenOpKind::kDrop;
  CHECK(drops == 1);
  CHECK(AlignTokens({}, {}).empty());
  CHECK(FoldedDistance(U"Nghị", U"Nghi") == 0.0);
}

TEST_CASE("channel: character alignment with substring edits") {
  CHECK(Ops("số", "s6") == "s>s ố>6");
  CHECK(Ops("thực", "thyc") == "t>t h>h ự>y c>c");
  CHECK(Ops("xã", "x4") == "x>x ã>4");
  CHECK(Ops("m", "rn") == "m>rn");
  // A marked letter read as its base letter and a stray glyph is one edit, not a change
  // of marks and a free-standing insertion (which would take every later count).
  CHECK(Ops("thực", "thurc") == "t>t h>h ự>ur c>c");
  CHECK(Ops("trục", "tru.c") == "t>t r>r ụ>u. c>c");
  CHECK(Ops("tuc", "turc") == "t>t u>u >r c>c");  // an unmarked letter: a real insertion
  CHECK(IsElementaryEdit(U"ủa", U"ia") == false);  // shares the final 'a'
  CHECK(IsElementaryEdit(U"ư", U"it"));
  CHECK(IsElementaryEdit(U"", U"") == false);
  CHECK(IsElementaryEdit(U"ab", U"ab") == false);
}

TEST_CASE("channel: trained table loads and scores the learned confusions") {
  std::string table = TrainTable();
  CHECK(table.rfind(std::string(kChannelMagic), 0) == 0);
  CHECK(table.find("#section\tchar\n") != std::string::npos);
  CHECK(table.find("#section\ttoken\n") != std::string::npos);
  CHECK(table.find("ố\t6\t") != std::string::npos);
  CHECK(table == TrainTable());  // deterministic

  auto ch = OcrChannel::Load(table);
  REQUIRE(ch.ok());
  CHECK(ch->edit_count() > 10);
  CHECK(ch->token_stats().merged == 5);  // "Bộ Y" -> "BOY", 5 times
  CHECK(ch->LogProb("số", "s6") > ch->LogProb("sở", "s6"));
  CHECK(ch->LogProb("số", "s6") > -2.0);
  CHECK(ch->LogProb("Đảng", "Pang") > ch->LogProb("đang", "Pang") - 1e-9);
  CHECK(ch->LogProb("thực", "thyc") > ch->LogProb("thức", "thyc"));
  CHECK(ch->LogProb("ban", "ban") > -0.5);
  CHECK(std::isinf(ch->LogProb("ab", "xyzw")) == false);  // unseen single edits have a floor
}

TEST_CASE("channel: candidates come from the inventory, best first") {
  auto ch = OcrChannel::Load(TrainTable());
  REQUIRE(ch.ok());
  SyllableTrie trie;
  for (const char* s : {"số", "sở", "sáu", "xã", "xa", "thực", "thức", "đảng", "của", "chức", "tổ"})
    trie.Add(s, 100);
  CHECK(trie.Contains("số"));
  CHECK(!trie.Contains("s"));
  std::vector<OcrChannel::Candidate> out;
  ch->Candidates("s6", trie, 5, &out);
  REQUIRE(!out.empty());
  CHECK(out[0].first == "số");
  ch->Candidates("x4", trie, 5, &out);
  REQUIRE(!out.empty());
  CHECK(out[0].first == "xã");
  ch->Candidates("thyc", trie, 5, &out);
  REQUIRE(!out.empty());
  CHECK(out[0].first == "thực");
  ch->Candidates("Pang", trie, 5, &out);
  REQUIRE(!out.empty());
  CHECK(out[0].first == "đảng");
  ch->Candidates("t6", trie, 1, &out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].first == "tổ");
  for (const auto& c : out) CHECK(c.second <= 0.0);

  // Candidates come best first, and their scores agree with scoring the pair alone.
  ch->Candidates("s6", trie, 5, &out);
  REQUIRE(!out.empty());
  for (const auto& [text, lp] : out) CHECK(lp == doctest::Approx(ch->LogProb(text, "s6")).epsilon(1e-4));
  // The smoothed channel prices an unseen misreading far below the learned floor.
  CHECK(ch->LogProbSmooth("hội", "hqi") > ch->LogProb("hội", "hqi") + 1.0);
  CHECK(ch->LogProbSmooth("hội", "hội") == doctest::Approx(ch->LogProb("hội", "hội")));

  ch->Candidates("", trie, 5, &out);
  CHECK(out.empty());
  ch->Candidates("qqqqqqqqqqqqqqqqqqqqqqqqq", trie, 5, &out);
  CHECK(out.empty());
}

TEST_CASE("channel: a consonant the OCR dropped is found behind many likelier drops") {
  // Marked vowels vanish far more often than n does; the search must still try n
  // ("trog" is trong, "nhitg" những on real scans).
  std::string table = std::string(kChannelMagic) + "\n#section\tchar\n";
  std::string occ = "#section\tocc\n";
  for (const char* c : {"t", "r", "o", "g", "n"}) table += std::string(c) + "\t" + c + "\t1000\n";
  table += "n\t\t10\n";
  occ += "t\t1000\nr\t1000\no\t1000\ng\t1000\nn\t1010\n";
  const std::u32string vowels = U"áàảãạăắằẳẵặâấầẩẫậéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợ";
  for (char32_t v : vowels) {
    table += EncodeUtf8(U32(1, v)) + "\t\t500\n";
    occ += EncodeUtf8(U32(1, v)) + "\t1000\n";
  }
  REQUIRE(vowels.size() > 40);
  auto ch = OcrChannel::Load(table + occ);
  REQUIRE(ch.ok());
  SyllableTrie trie;
  trie.Add("trong", 100);
  std::vector<OcrChannel::Candidate> out;
  ch->Candidates("trog", trie, 5, &out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].first == "trong");
  CHECK(out[0].second == doctest::Approx(ch->LogProb("trong", "trog")).epsilon(1e-4));
}

TEST_CASE("channel: a toned vowel borrows the edits of its toneless vowel") {
  // The table saw ư read as "ur" and ứ only as "u": chức written "churc" must still be
  // readable, at the toneless vowel's cost plus the cost of losing the tone mark.
  std::string table = std::string(kChannelMagic) + "\n#section\tchar\n";
  for (const char* c : {"c", "h"}) table += std::string(c) + "\t" + c + "\t1000\n";
  table += "ư\tu\t60\nư\tur\t40\nứ\tu\t10\nự\tur\t3\n";
  table += "#section\tocc\nc\t1000\nh\t1000\nư\t100\nứ\t10\nự\t10\n";
  auto ch = OcrChannel::Load(table);
  REQUIRE(ch.ok());
  const double borrowed = ch->LogProb("chức", "churc");
  CHECK(borrowed > -1.5);  // unseen single edits alone cost about -5
  CHECK(borrowed < ch->LogProb("chưc", "churc"));
  CHECK(borrowed == doctest::Approx(ch->LogProb("chưc", "churc") - 1.2 / std::log(10.0)).epsilon(1e-3));
  // An edit the table saw keeps its own count: ự read as "ur" 3 times in 10.
  CHECK(ch->LogProb("chực", "churc") == doctest::Approx(std::log10(0.3)).epsilon(1e-3));
}

TEST_CASE("channel: the mark over an a read apart as an é before it") {
  // Real scans write dân as "déan" and các as "céac"; a table trained on simulated scans
  // never saw it, yet the letters must find the word at a modest cost (5 nats).
  std::string table = std::string(kChannelMagic) + "\n#section\tchar\n";
  for (const char* c : {"c", "d", "n"}) table += std::string(c) + "\t" + c + "\t1000\n";
  table += "â\ta\t90\ná\ta\t90\nó\té\t5\na\ta\t1000\n";
  table += "#section\tocc\nc\t1000\nd\t1000\nn\t1000\nâ\t100\ná\t100\nó\t100\na\t1000\n";
  auto ch = OcrChannel::Load(table);
  REQUIRE(ch.ok());
  const double apart = ch->LogProb("dân", "déan");
  CHECK(apart == doctest::Approx(-5.0 / std::log(10.0)).epsilon(0.01));
  CHECK(ch->LogProb("các", "céac") == doctest::Approx(apart).epsilon(1e-3));
  // Only the a family: an o's mark is not read apart this way.
  CHECK(ch->LogProb("dôn", "déon") < apart - 1.0);
}

TEST_CASE("channel: the search meets a node's children with an OCR piece's readings letter by letter") {
  // Letters carry bits in code point order, the order of a node's children.
  char32_t last = 0;
  int bits = 0;
  for (char32_t cp = 0; cp < 0x1F00; ++cp) {
    int bit = SyllableTrie::LetterBit(cp);
    if (bit < 0) continue;
    CHECK(bit == bits);
    CHECK(SyllableTrie::BitLetter(bit) == cp);
    CHECK(cp > last);
    last = cp;
    ++bits;
  }
  CHECK(bits <= SyllableTrie::kLetterBits);
  CHECK(SyllableTrie::LetterBit(U'ư') >= 0);
  CHECK(SyllableTrie::LetterBit(U'đ') >= 0);
  CHECK(SyllableTrie::LetterBit(U'1') < 0);
  CHECK(SyllableTrie::LetterBit(U'Ư') < 0);

  // "l" reads as l, 1 and i; a child without a bit (1) is still found, from a node
  // that has one and from one that has letters only.
  auto ch = OcrChannel::Load(std::string(kChannelMagic) +
                             "\n#section\tchar\nx\tx\t1000\na\ta\t1000\nl\tl\t800\n1\tl\t300\ni\tl\t200\n"
                             "#section\tocc\nx\t1000\na\t1000\nl\t1000\n1\t1000\ni\t1000\n");
  REQUIRE(ch.ok());
  SyllableTrie trie;
  for (const char* s : {"x1", "xi", "xa", "al", "ai"}) trie.Add(s, 10);
  std::vector<OcrChannel::Candidate> out;
  ch->Candidates("xl", trie, 5, &out);
  std::vector<std::string> found;
  for (const auto& c : out) found.push_back(c.first);
  CHECK(found == std::vector<std::string>{"x1", "xi"});
  ch->Candidates("al", trie, 5, &out);
  found.clear();
  for (const auto& c : out) found.push_back(c.first);
  CHECK(found == std::vector<std::string>{"al", "ai"});
}

TEST_CASE("channel: a trie node spells the prefix it stands for") {
  // The candidate search keeps nodes, not strings, and spells the syllables it keeps.
  SyllableTrie trie;
  for (const char* s : {"nghiêng", "nghi", "ngư", "a"}) trie.Add(s, 10);
  for (std::u32string word : {U"nghiêng", U"nghi", U"ngh", U"ngư", U"a"}) {
    int32_t node = trie.root();
    for (char32_t cp : word) node = trie.Child(node, cp);
    REQUIRE(node != SyllableTrie::kNone);
    std::u32string spelt = U"x";
    trie.Spell(node, &spelt);
    CHECK(spelt == word);
  }
  std::u32string spelt = U"x";
  trie.Spell(trie.root(), &spelt);
  CHECK(spelt.empty());
}

TEST_CASE("channel: malformed tables are rejected") {
  CHECK(!OcrChannel::Load("").ok());
  CHECK(!OcrChannel::Load("hello\n").ok());
  std::string t = std::string(kChannelMagic) + "\n#section\tchar\na\tb\tx\n";
  CHECK(OcrChannel::Load(t).status().code() == StatusCode::kCorruption);
  t = std::string(kChannelMagic) + "\n#section\tchar\nabc\tb\t3\n";
  CHECK(!OcrChannel::Load(t).ok());
  t = std::string(kChannelMagic) + "\n#section\tchar\na\tb\t3\n#section\tocc\na\t10\n";
  auto ok = OcrChannel::Load(t);
  REQUIRE(ok.ok());
  CHECK(ok->LogProb("a", "b") == doctest::Approx(std::log10(0.3)));
}

// The scorer's dynamic programme against the definition: the cheapest sequence of
// table edits (single edits the table lacks at the fallback prices, a character it never
// mentions read as itself at the identity price), by plain recursion over every split.
TEST_CASE("channel: the edit scorer finds the cheapest sequence of edits, and gives up only past its limit") {
  struct Edit {
    std::u32string clean, ocr;
    float cost;
  };
  const std::vector<Edit> edits = {
      {U"a", U"b", 1.0f},  {U"b", U"a", 2.0f},   {U"a", U"", 3.0f},   {U"", U"c", 2.5f},   {U"ab", U"c", 1.5f},
      {U"a", U"bc", 1.2f}, {U"ac", U"", 4.0f},   {U"", U"bb", 3.5f},  {U"ba", U"cc", 0.9f}, {U"a", U"a", 0.1f},
      {U"c", U"ă", 0.4f},  {U"bc", U"ă", 0.3f},
  };
  EditScorer::Fallback fallback;
  EditScorer scorer;
  for (const Edit& e : edits) scorer.Add(e.clean, e.ocr, e.cost);
  scorer.Finish(fallback);
  auto table = [&](std::u32string_view c, std::u32string_view o) {
    float best = std::numeric_limits<float>::infinity();
    for (const Edit& e : edits)
      if (e.clean == c && e.ocr == o) best = std::min(best, e.cost);
    if (c.size() == 1 && o.size() <= 1 && std::isinf(best))
      best = o.size() == 1 && c == o ? fallback.identity : fallback.substitute;
    if (c.empty() && o.size() == 1 && std::isinf(best)) best = fallback.substitute;
    return best;
  };
  std::function<double(std::u32string_view, std::u32string_view)> reference = [&](std::u32string_view c,
                                                                                   std::u32string_view o) {
    if (c.empty() && o.empty()) return 0.0;
    double best = std::numeric_limits<double>::infinity();
    for (size_t a = 0; a <= 2 && a <= c.size(); ++a)
      for (size_t b = 0; b <= 2 && b <= o.size(); ++b) {
        if (a + b == 0) continue;
        const float step = table(c.substr(c.size() - a), o.substr(o.size() - b));
        if (!std::isinf(step)) best = std::min(best, reference(c.substr(0, c.size() - a), o.substr(0, o.size() - b)) + step);
      }
    return best;
  };
  std::vector<std::u32string> words = {U""};
  for (size_t from = 0; from < words.size() && words[from].size() < 3; ++from)
    for (char32_t ch : std::u32string_view(U"abcxă")) words.push_back(words[from] + ch);
  size_t checked = 0;
  for (const auto& c : words) {
    for (const auto& o : words) {
      const double want = reference(c, o);
      const float got = scorer.Cost(c, o, /*smooth=*/false);
      CAPTURE(EncodeUtf8(c));
      CAPTURE(EncodeUtf8(o));
      REQUIRE(std::isinf(got) == std::isinf(want));
      if (!std::isinf(want)) REQUIRE(got == doctest::Approx(want).epsilon(1e-5));
      // With a limit: the same cost, or infinity when it is past the limit.
      const float limited = scorer.Cost(c, o, /*smooth=*/false, 3.0f);
      REQUIRE((limited == got || (std::isinf(limited) && got > 3.0f)));
      ++checked;
    }
  }
  CHECK(checked == words.size() * words.size());
}

}  // namespace vanban::internal
