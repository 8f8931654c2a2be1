// Case mapping, diacritic stripping, tone placement and the syllable grammar.
#include <doctest/doctest.h>

#include <chrono>
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

TEST_CASE("StripDiacritics and ToLower are fast on a megabyte") {
  std::string text;
  while (text.size() < (1u << 20)) text += "Ủy ban nhân dân tỉnh Quảng Ngãi ban hành Kế hoạch số 82/KH. ";
  auto t0 = std::chrono::steady_clock::now();
  const std::string stripped = StripDiacritics(text);
  auto t1 = std::chrono::steady_clock::now();
  const std::string lower = ToLower(text);
  auto t2 = std::chrono::steady_clock::now();
  CHECK(stripped.size() < text.size());
  CHECK(lower.size() == text.size());
  const double strip_ms = std::chrono::duration<double, std::milli>(t1 - t0).count();
  const double lower_ms = std::chrono::duration<double, std::milli>(t2 - t1).count();
  MESSAGE("1 MB: StripDiacritics " << strip_ms << " ms, ToLower " << lower_ms << " ms");
  CHECK(strip_ms < 200);  // generous: shared CI machines, debug builds
  CHECK(lower_ms < 200);
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
