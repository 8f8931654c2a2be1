// The titles the Gazette's documents repeat word for word: article titles ("Hiệu lực thi
// hành" 232 times, "Phạm vi điều chỉnh" 203; one article title in six is one of these) and chapter titles ("QUY
// ĐỊNH CHUNG" opens 133 of its chapters, "ĐIỀU KHOẢN THI HÀNH" closes 79). A scan that
// garbles a letter or two of one ("Phạm vidiguchinh", "Đại tượng áp dụng", "NHUONG QUY
// ĐỊNH CHUNG") leaves a title no document writes, a letter or two from one every
// document may.
#include <algorithm>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parse/parse_context.h"
#include "parse/source_lines.h"
#include "text/viet_chars.h"
#include "vanban/parse.h"

namespace vanban::internal {
namespace {

struct StockTitle {
  std::string_view key;  // FoldKey of the title, spaces collapsed
  std::string_view text;
};

constexpr StockTitle kArticleTitles[] = {
    {"pham vi dieu chinh", "Phạm vi điều chỉnh"},
    {"doi tuong ap dung", "Đối tượng áp dụng"},
    {"hieu luc thi hanh", "Hiệu lực thi hành"},
    {"to chuc thuc hien", "Tổ chức thực hiện"},
    {"giai thich tu ngu", "Giải thích từ ngữ"},
    {"dieu khoan thi hanh", "Điều khoản thi hành"},
    {"dieu khoan chuyen tiep", "Điều khoản chuyển tiếp"},
    {"trach nhiem thi hanh", "Trách nhiệm thi hành"},
    {"to chuc thi hanh", "Tổ chức thi hành"},
    {"quy dinh chuyen tiep", "Quy định chuyển tiếp"},
    {"trach nhiem thuc hien", "Trách nhiệm thực hiện"},
    {"pham vi dieu chinh va doi tuong ap dung", "Phạm vi điều chỉnh và đối tượng áp dụng"},
    {"hieu luc va trach nhiem thi hanh", "Hiệu lực và trách nhiệm thi hành"},
    // Rarer, but a letter or two from one above: listed so that they stay themselves.
    {"pham vi dieu chinh, doi tuong ap dung", "Phạm vi điều chỉnh, đối tượng áp dụng"},
    {"trach nhiem to chuc thuc hien", "Trách nhiệm tổ chức thực hiện"},
    {"kinh phi thuc hien", "Kinh phí thực hiện"},
    {"nguyen tac thuc hien", "Nguyên tắc thực hiện"},
};

constexpr StockTitle kChapterTitles[] = {
    {"quy dinh chung", "QUY ĐỊNH CHUNG"},
    {"nhung quy dinh chung", "NHỮNG QUY ĐỊNH CHUNG"},
    {"dieu khoan thi hanh", "ĐIỀU KHOẢN THI HÀNH"},
    {"to chuc thuc hien", "TỔ CHỨC THỰC HIỆN"},
};

std::string WithoutSpaces(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ') out.push_back(c);
  return out;
}

// Edits (on keys without spaces: OCR glues and splits words) a garbled copy of a title
// of |letters| letters may differ by: one in a short title, two from twelve letters on.
size_t MostEdits(size_t letters) { return letters >= 12 ? 2 : letters >= 8 ? 1 : 0; }

// The stock title of |titles| |heading| is a garbled copy of: the one within MostEdits of
// it, when no other is within two edits more (so that the copy is of that one). Null when
// the heading is a stock title as it stands, or none is near.
const StockTitle* NearStockTitle(std::span<const StockTitle> titles, std::string_view heading) {
  const std::string key = WithoutSpaces(FoldKey(heading));
  if (key.empty()) return nullptr;
  const StockTitle* best = nullptr;
  size_t best_edits = ~size_t{0}, second = ~size_t{0};
  for (const StockTitle& t : titles) {
    const std::string stock = WithoutSpaces(t.key);
    // Titles of other lengths cannot be near: no need to count their edits.
    const size_t gap = stock.size() > key.size() ? stock.size() - key.size() : key.size() - stock.size();
    if (gap > 4) continue;
    const size_t edits = EditDistance(key, stock);
    if (edits < best_edits) second = best_edits, best_edits = edits, best = &t;
    else if (edits < second) second = edits;
  }
  if (best == nullptr || best_edits > MostEdits(WithoutSpaces(best->key).size())) return nullptr;
  // The title as it stands, but for letter case. The same letters otherwise are a copy
  // whose words the scan glued ("Phạm vidiéuchinh") or whose marks restoration could not
  // read ("Hiệu lực thi hanh10", the footnote's number glued on).
  if (best_edits == 0) {
    std::string lower, stock;
    LowerInto(CollapseSpaces(Trim(heading)), &lower);
    LowerInto(best->text, &stock);
    if (lower == stock) return nullptr;
  }
  return second >= best_edits + 2 ? best : nullptr;
}

}  // namespace

bool StockArticleTitle(std::string_view key) {
  return std::any_of(std::begin(kArticleTitles), std::end(kArticleTitles),
                     [&](const StockTitle& t) { return t.key == key; });
}

void ReadStockTitles(std::vector<Section>* sections) {
  for (Section& s : *sections) {
    const bool article = s.level == "dieu", chapter = s.level == "chuong";
    if ((article || chapter) && !s.heading.empty()) {
      // A stop the scan left after the title is not the title's ("Đối tượng áp dụng.").
      std::string_view heading = s.heading;
      const bool stop = EndsInStop(heading);
      if (stop) heading.remove_suffix(1);
      const StockTitle* t = article ? NearStockTitle(kArticleTitles, heading) : NearStockTitle(kChapterTitles, heading);
      if (t != nullptr) {
        s.heading.assign(t->text);
        if (stop) s.heading.push_back('.');
        s.unsure_words.clear();
        s.flags.push_back("heading_repaired");
      }
    }
    ReadStockTitles(&s.children);
  }
}

}  // namespace vanban::internal
