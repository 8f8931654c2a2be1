// Case mapping, diacritic stripping, tone placement and the syllable grammar.
#include <doctest/doctest.h>

#include <string>

#include "vanban/text.h"

namespace vanban {
namespace {

TEST_CASE("ToLower/ToUpper handle Vietnamese capitals") {
  CHECK(ToLower("ĐƯỜNG ĐIỆN BIÊN PHỦ") == "đường điện biên phủ");
  CHECK(ToUpper("đường điện biên phủ") == "ĐƯỜNG ĐIỆN BIÊN PHỦ");
  CHECK(ToUpper("ưu tiên ơn ắt ẵm ỹ") == "ƯU TIÊN ƠN ẮT ẴM Ỹ");
  CHECK(ToLower("ABC xyz 123") == "abc xyz 123");
  CHECK(ToLower("I") == "i");  // root locale, not Turkish
  CHECK(ToUpper("i") == "I");
  CHECK(ToLower("") == "");
}

TEST_CASE("StripDiacritics removes every Vietnamese mark and only those") {
  CHECK(StripDiacritics("Đường Nguyễn Trãi, ĐÀ NẴNG") == "Duong Nguyen Trai, DA NANG");
  CHECK(StripDiacritics("ắằẳẵặ ấầẩẫậ ếềểễệ ốồổỗộ ớờởỡợ ứừửữự ýỳỷỹỵ") ==
        "aaaaa aaaaa eeeee ooooo ooooo uuuuu yyyyy");
  CHECK(StripDiacritics("Vie\xCC\xA3\xCC\x82t") == "Viet");  // decomposed input
  CHECK(StripDiacritics("Ελληνικά café") == "Ελληνικά cafe");  // Greek untouched
  CHECK(StripDiacritics("số 12/2024 – “ok”") == "so 12/2024 – “ok”");
}

TEST_CASE("NormalizeTonePlacement") {
  const std::string mixed = "hoà hòa khoẻ khỏe thuỷ thủy Hoàng khuyến QUÝ GIÀ HOÀ Thuý";
  CHECK(NormalizeTonePlacement(mixed, ToneStyle::kOld) ==
        "hòa hòa khỏe khỏe thủy thủy Hoàng khuyến QUÝ GIÀ HÒA Thúy");
  CHECK(NormalizeTonePlacement(mixed, ToneStyle::kNew) ==
        "hoà hoà khoẻ khoẻ thuỷ thuỷ Hoàng khuyến QUÝ GIÀ HOÀ Thuý");
  // With a final consonant both styles mark the last vowel.
  CHECK(NormalizeTonePlacement("hòang hoàng", ToneStyle::kOld) == "hoàng hoàng");
  // Other vowel groups and non-syllables are left alone.
  CHECK(NormalizeTonePlacement("mùa của người café x4", ToneStyle::kNew) == "mùa của người café x4");
  CHECK(NormalizeTonePlacement("", ToneStyle::kNew).empty());
}

TEST_CASE("IsVietnameseSyllable") {
  for (const char* w : {"nghiêng", "Trien", "ĐƯỜNG", "gì", "quốc", "the", "thé", "a", "ở", "khuỷu",
                        "quỳnh", "giếng", "gia", "người", "Việt", "xoong", "hoà", "hòa", "oanh", "duong",
                        "NGHIÊNG", "quyết", "yêu", "uống", "giữ"}) {
    INFO(std::string(w));
    CHECK(IsVietnameseSyllable(w));
  }
  for (const char* w : {"x4", "thyc", "HPND", "street", "", "hàt", "tién", "ce", "nge", "ghu", "ka",
                        "zoo", "fan", "ngườii", "khôngg", "aaa", "việtnam", "a-b"}) {
    INFO(std::string(w));
    CHECK_FALSE(IsVietnameseSyllable(w));
  }
}

// Speed lives in bench/; here a megabyte only checks that long input comes out whole
// (each repeat of the sentence transformed exactly as the sentence alone).
TEST_CASE("StripDiacritics and ToLower on a megabyte") {
  const std::string unit = "Ủy ban nhân dân tỉnh Quảng Ngãi ban hành Kế hoạch số 82/KH. ";
  std::string text;
  while (text.size() < (1u << 20)) text += unit;
  const std::size_t repeats = text.size() / unit.size();
  std::string want_stripped;
  std::string want_lower;
  for (std::size_t i = 0; i < repeats; ++i) {
    want_stripped += StripDiacritics(unit);
    want_lower += ToLower(unit);
  }
  CHECK(StripDiacritics(text) == want_stripped);
  CHECK(ToLower(text) == want_lower);
  CHECK(StripDiacritics(unit) == "Uy ban nhan dan tinh Quang Ngai ban hanh Ke hoach so 82/KH. ");
}

}  // namespace
}  // namespace vanban

TEST_CASE("exact syllables: marks as written") {
  CHECK(vanban::IsExactVietnameseSyllable("cuộc"));
  CHECK(vanban::IsExactVietnameseSyllable("ban"));
  CHECK(vanban::IsExactVietnameseSyllable("Nghị"));
  CHECK_FALSE(vanban::IsExactVietnameseSyllable("cuoc"));  // uô needs its circumflex
  CHECK_FALSE(vanban::IsExactVietnameseSyllable("hoc"));   // a stop coda needs a tone
  CHECK(vanban::IsVietnameseSyllable("cuoc"));             // the lenient check allows both
}

TEST_CASE("SplitLines: no empty line after the final newline, CR kept") {
  using V = std::vector<std::string_view>;
  CHECK(vanban::SplitLines("") == V{});
  CHECK(vanban::SplitLines("a") == V{"a"});
  CHECK(vanban::SplitLines("a\n") == V{"a"});
  CHECK(vanban::SplitLines("a\n\nb") == V{"a", "", "b"});
  CHECK(vanban::SplitLines("a\r\nb\r\n") == V{"a\r", "b\r"});
}
