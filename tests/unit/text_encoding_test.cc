// Decode / Encode / DetectEncoding: every encoding both ways, detection on real
// text, error messages for invalid input and the lossy mode.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <string>

#include "text/viqr.h"
#include "vanban/text.h"

namespace vanban {
namespace {

std::string ReadSample(const std::string& name) {
  std::ifstream in(std::string(VANBAN_SOURCE_DIR) + "/samples/encodings/" + name, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string MustDecode(std::string_view bytes, Encoding from) {
  DecodeOptions o;
  o.from = from;
  auto r = Decode(bytes, o);
  REQUIRE_MESSAGE(r.ok(), r.status().ToString());
  return r->text;
}

std::string MustEncode(std::string_view text, OutputForm form) {
  auto r = Encode(text, form);
  REQUIRE_MESSAGE(r.ok(), r.status().ToString());
  return *r;
}

// Every Vietnamese letter, both cases, all tones.
const char* const kAllLetters =
    "a à á ả ã ạ ă ằ ắ ẳ ẵ ặ â ầ ấ ẩ ẫ ậ e è é ẻ ẽ ẹ ê ề ế ể ễ ệ i ì í ỉ ĩ ị "
    "o ò ó ỏ õ ọ ô ồ ố ổ ỗ ộ ơ ờ ớ ở ỡ ợ u ù ú ủ ũ ụ ư ừ ứ ử ữ ự y ỳ ý ỷ ỹ ỵ đ "
    "A À Á Ả Ã Ạ Ă Ằ Ắ Ẳ Ẵ Ặ Â Ầ Ấ Ẩ Ẫ Ậ E È É Ẻ Ẽ Ẹ Ê Ề Ế Ể Ễ Ệ I Ì Í Ỉ Ĩ Ị "
    "O Ò Ó Ỏ Õ Ọ Ô Ồ Ố Ổ Ỗ Ộ Ơ Ờ Ớ Ở Ỡ Ợ U Ù Ú Ủ Ũ Ụ Ư Ừ Ứ Ử Ữ Ự Y Ỳ Ý Ỷ Ỹ Ỵ Đ\n";

const char* const kSentence =
    "Ủy ban nhân dân tỉnh Quảng Ngãi ban hành Kế hoạch triển khai thực hiện Nghị quyết số "
    "82/NQ-HĐND về việc quyết định các biện pháp bảo đảm thực hiện dân chủ ở cơ sở; "
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM. Độc lập - Tự do - Hạnh phúc.\n"
    "Điều 5. Trách nhiệm của các cơ quan, đơn vị: khuỷu tay, nguyễn, giữ gìn, quyết.\n";

TEST_CASE("encoding names parse and print") {
  for (Encoding e : {Encoding::kAuto, Encoding::kUtf8, Encoding::kUtf16, Encoding::kCp1258,
                     Encoding::kTcvn3, Encoding::kVni, Encoding::kViqr}) {
    auto parsed = ParseEncodingName(EncodingName(e));
    REQUIRE(parsed.ok());
    CHECK(*parsed == e);
  }
  CHECK(*ParseEncodingName("UTF-8") == Encoding::kUtf8);
  CHECK(*ParseEncodingName("windows-1258") == Encoding::kCp1258);
  CHECK(*ParseEncodingName("ABC") == Encoding::kTcvn3);
  CHECK(ParseEncodingName("latin9").status().code() == StatusCode::kInvalidArgument);
  for (OutputForm f : {OutputForm::kNfc, OutputForm::kNfd, OutputForm::kViqr, OutputForm::kTcvn3,
                       OutputForm::kVni, OutputForm::kCp1258, OutputForm::kUtf16}) {
    auto parsed = ParseOutputFormName(OutputFormName(f));
    REQUIRE(parsed.ok());
    CHECK(*parsed == f);
  }
  CHECK(ParseOutputFormName("ebcdic").status().code() == StatusCode::kInvalidArgument);
}

TEST_CASE("known byte sequences of each legacy encoding") {
  // "Việt Nam đẹp" in each encoding, written out by hand from the charts.
  CHECK(MustDecode("Vi\xD6t Nam \xAE\xD1p", Encoding::kTcvn3) == "Việt Nam đẹp");
  CHECK(MustDecode("Vie\xE4t Nam \xF1""e\xEFp", Encoding::kVni) == "Việt Nam đẹp");
  CHECK(MustDecode("Vi\xEA\xF2t Nam \xF0""e\xF2p", Encoding::kCp1258) == "Việt Nam đẹp");
  CHECK(MustDecode("Vie^.t Nam dde.p", Encoding::kViqr) == "Việt Nam đẹp");
  CHECK(MustEncode("Việt Nam đẹp", OutputForm::kTcvn3) == "Vi\xD6t Nam \xAE\xD1p");
  CHECK(MustEncode("Việt Nam đẹp", OutputForm::kVni) == "Vie\xE4t Nam \xF1""e\xEFp");
  CHECK(MustEncode("Việt Nam đẹp", OutputForm::kCp1258) == "Vi\xEA\xF2t Nam \xF0""e\xF2p");
  CHECK(MustEncode("Việt Nam đẹp", OutputForm::kViqr) == "Vie^.t Nam dde.p");
  // VNI: ơ/ư are single bytes that take a tone byte; i with a tone is one byte.
  CHECK(MustEncode("người lính", OutputForm::kVni) == "ng\xF6\xF4\xF8i l\xEDnh");
  CHECK(MustDecode("ng\xF6\xF4\xF8i l\xEDnh", Encoding::kVni) == "người lính");
  // Windows-1258 keeps precomposed letters where it has them (á, â) and adds the tone.
  CHECK(MustEncode("các ấp", OutputForm::kCp1258) == "c\xE1" "c \xE2\xEC" "p");
  // UTF-16LE with BOM.
  CHECK(MustEncode("Aệ", OutputForm::kUtf16) == std::string("\xFF\xFE" "A\0\xC7\x1E", 6));
  CHECK(MustDecode(std::string("\xFE\xFF\0A\x1E\xC7", 6), Encoding::kUtf16) == "Aệ");
}

TEST_CASE("every letter round-trips through every form") {
  for (OutputForm f : {OutputForm::kNfc, OutputForm::kNfd, OutputForm::kViqr, OutputForm::kTcvn3,
                       OutputForm::kVni, OutputForm::kCp1258, OutputForm::kUtf16}) {
    Encoding back = Encoding::kUtf8;
    switch (f) {
      case OutputForm::kViqr: back = Encoding::kViqr; break;
      case OutputForm::kTcvn3: back = Encoding::kTcvn3; break;
      case OutputForm::kVni: back = Encoding::kVni; break;
      case OutputForm::kCp1258: back = Encoding::kCp1258; break;
      case OutputForm::kUtf16: back = Encoding::kUtf16; break;
      default: break;
    }
    INFO("form " << OutputFormName(f));
    CHECK(MustDecode(MustEncode(kSentence, f), back) == kSentence);
    if (f != OutputForm::kViqr) {  // single letters are not syllables, VIQR needs syllables
      // Inside words: a lone TCVN3 capital can be taken for punctuation (see docs).
      std::string words;
      for (const char* p = kAllLetters; *p != '\0'; ++p) {
        if (*p == ' ' || *p == '\n') {
          words += "x";
          words += *p;
        } else {
          if (p == kAllLetters || p[-1] == ' ') words += "x";
          words += *p;
        }
      }
      CHECK(MustDecode(MustEncode(words, f), back) == words);
    }
  }
}

TEST_CASE("samples: auto detection and forced decoding reproduce clean.txt") {
  const std::string clean = ReadSample("clean.txt");
  REQUIRE(!clean.empty());
  struct Case { const char* file; Encoding e; };
  for (const Case& c : {Case{"clean.tcvn3.txt", Encoding::kTcvn3}, Case{"clean.vni.txt", Encoding::kVni},
                        Case{"clean.viqr.txt", Encoding::kViqr}, Case{"clean.cp1258.txt", Encoding::kCp1258},
                        Case{"clean.utf16le.txt", Encoding::kUtf16}, Case{"clean.utf8bom.txt", Encoding::kUtf8},
                        Case{"clean.txt", Encoding::kUtf8}}) {
    INFO(c.file);
    const std::string bytes = ReadSample(c.file);
    const Detection d = DetectEncoding(bytes);
    CHECK(d.encoding == c.e);
    CHECK(d.confidence >= 0.8);
    CHECK(d.confidence <= 1.0);
    auto r = Decode(bytes);
    REQUIRE(r.ok());
    CHECK(r->encoding == c.e);
    CHECK(r->text == clean);
    CHECK(MustDecode(bytes, c.e) == clean);
  }
}

TEST_CASE("detection of short realistic text") {
  const std::string text = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n";
  CHECK(DetectEncoding(MustEncode(text, OutputForm::kTcvn3)).encoding == Encoding::kTcvn3);
  CHECK(DetectEncoding(MustEncode(text, OutputForm::kVni)).encoding == Encoding::kVni);
  CHECK(DetectEncoding(MustEncode(text, OutputForm::kCp1258)).encoding == Encoding::kCp1258);
  CHECK(DetectEncoding(MustEncode(text, OutputForm::kViqr)).encoding == Encoding::kViqr);
  CHECK(DetectEncoding(text).encoding == Encoding::kUtf8);
  // Plain ASCII (unaccented Vietnamese, English) stays UTF-8.
  const Detection plain = DetectEncoding("Can cu Luat To chuc chinh quyen. Is it ok? Yes, it is.\n");
  CHECK(plain.encoding == Encoding::kUtf8);
  CHECK(plain.confidence > 0.5);
  CHECK(DetectEncoding("").encoding == Encoding::kUtf8);
}

TEST_CASE("mostly-ASCII text with a few stray bytes is damaged UTF-8, never a sure legacy charset") {
  const std::string ocr =
      "UY BAN NHAN DAN CONG HOA XA HOI CHU NGHIA VIET NAM\n"
      "XA NGHI DUONG Doc lap - Tu do - Hanh phuc\n"
      "Trien khai \xFF\xFEthuc hien Nghi quyet so 20/NQ-HDND ngay 19/12/2025 cua Hoi\n"
      "dong \xFEnhan dan xa ve viec quyet dinh cac bien phap bao dam thuc hien dan\n";
  const Detection d = DetectEncoding(ocr);
  CHECK(d.encoding == Encoding::kUtf8);
  CHECK(d.confidence <= 0.5);
  auto r = Decode(ocr);
  REQUIRE(!r.ok());
  CHECK(r.status().message().find("line 3") != std::string::npos);
  DecodeOptions lossy;
  lossy.lossy = true;
  auto l = Decode(ocr, lossy);
  REQUIRE(l.ok());
  CHECK(l->replacements == 3);
  CHECK(l->first_bad_offset == ocr.find('\xFF'));
  // A legacy charset is never certain on a few words.
  const Detection few = DetectEncoding(MustEncode("Hà Nội, ngày tháng năm", OutputForm::kVni));
  CHECK(few.confidence < 1.0);
}

TEST_CASE("lossy decoding replaces NUL bytes and counts them") {
  DecodeOptions lossy;
  lossy.lossy = true;
  auto r = Decode(std::string("ab\0c\0", 5), lossy);
  REQUIRE(r.ok());
  CHECK(r->text == "ab\xEF\xBF\xBD" "c\xEF\xBF\xBD");
  CHECK(r->replacements == 2);
  CHECK(r->first_bad_offset == 2);
}

TEST_CASE("invalid UTF-8 names the byte offset and line") {
  const std::string bad = "dòng một\nhai \xC3(, tiếng Việt có dấu đầy đủ\n";
  auto r = Decode(bad);
  REQUIRE(!r.ok());
  CHECK(r.status().code() == StatusCode::kCorruption);
  CHECK(r.status().message().find("byte 16") != std::string::npos);
  CHECK(r.status().message().find("line 2") != std::string::npos);
  DecodeOptions forced;
  forced.from = Encoding::kUtf8;
  CHECK(!Decode("\xFF\xFF\xFFxyz", forced).ok());
  CHECK(!Decode("\xED\xA0\x80", forced).ok());   // surrogate
  CHECK(!Decode("\xC0\xAF", forced).ok());       // overlong
}

TEST_CASE("lossy decoding replaces and counts") {
  DecodeOptions o;
  o.from = Encoding::kUtf8;
  o.lossy = true;
  auto r = Decode("ab\xFF" "c\xC3(d", o);
  REQUIRE(r.ok());
  CHECK(r->text == "ab\xEF\xBF\xBD" "c\xEF\xBF\xBD(d");
  CHECK(r->replacements == 2);
  CHECK(r->first_bad_offset == 2);
  // Undefined Windows-1258 bytes: an error unless lossy.
  DecodeOptions cp;
  cp.from = Encoding::kCp1258;
  CHECK(Decode("x\x81y", cp).status().code() == StatusCode::kCorruption);
  cp.lossy = true;
  auto lossy = Decode("x\x81y", cp);
  REQUIRE(lossy.ok());
  CHECK(lossy->replacements == 1);
  CHECK(lossy->first_bad_offset == 1);
  // Odd UTF-16.
  DecodeOptions u16;
  u16.from = Encoding::kUtf16;
  CHECK(!Decode(std::string("\xFF\xFE" "A\0B", 5), u16).ok());
  u16.lossy = true;
  auto odd = Decode(std::string("\xFF\xFE" "A\0B", 5), u16);
  REQUIRE(odd.ok());
  CHECK(odd->text == "A\xEF\xBF\xBD");
}

TEST_CASE("output is NFC and the BOM is removed") {
  auto r = Decode("\xEF\xBB\xBFVie\xCC\xA3\xCC\x82t");  // e + dot below + circumflex, decomposed
  REQUIRE(r.ok());
  CHECK(r->text == "Việt");
  CHECK(MustEncode("Việt", OutputForm::kNfd) == "Vie\xCC\xA3\xCC\x82t");
}

TEST_CASE("characters a legacy charset lacks are kUnsupported with their offset") {
  auto r = Encode("ab 中", OutputForm::kTcvn3);
  REQUIRE(!r.ok());
  CHECK(r.status().code() == StatusCode::kUnsupported);
  CHECK(r.status().message().find("U+4E2D") != std::string::npos);
  CHECK(r.status().message().find("byte 3") != std::string::npos);
  CHECK(!Encode("€ ñ 中", OutputForm::kVni).ok());
  CHECK(!Encode("中", OutputForm::kCp1258).ok());
  CHECK(Encode("bad \xFF", OutputForm::kNfc).status().code() == StatusCode::kCorruption);
}

TEST_CASE("TCVN3 capitals: VN1 bytes, .VnTimeH words and quotes") {
  // A word in capitals whose letters are stored as the lower-case bytes (.VnTimeH).
  CHECK(MustDecode("C\xE9NG HO\xB5", Encoding::kTcvn3) == "CỘNG HOÀ");
  // A single capital keeps its case only through its VN1 byte; "Hå" stays title case.
  CHECK(MustDecode("H\xE5 Ch\xDD Minh", Encoding::kTcvn3) == "Hồ Chí Minh");
  // Word's curly quotes share bytes with VN1 capitals; the neighbours decide.
  CHECK(MustDecode("\x93" "D\xA9n\x94 C\x97NG", Encoding::kTcvn3) == "“Dân” CỘNG");
  CHECK(MustEncode("“Dân” – Ủy", OutputForm::kTcvn3) == "\x93" "D\xA9n\x94 \x96 \x9Ey");
}

TEST_CASE("VIQR keeps ordinary punctuation") {
  using internal::DecodeViqr;
  CHECK(DecodeViqr("Co khong? Toi khong biet.") == "Co khong? Toi khong biet.");
  CHECK(DecodeViqr("e.g. the (a) value, x+y, it's 5'") == "e.g. the (a) value, x+y, it's 5'");
  CHECK(DecodeViqr("Ha` No^.i, nga`y 1/1.") == "Hà Nội, ngày 1/1.");
  CHECK(DecodeViqr("Tie^'ng Vie^.t co' kho' kho^ng?") == "Tiếng Việt có khó không?");
  // Tone on a vowel no convention puts it on: the mnemonic is punctuation.
  CHECK(DecodeViqr("dda^y. Ta.i sao") == "đây. Tại sao");
  // Escapes.
  CHECK(DecodeViqr("ddi\\. \\\\") == "đi. \\");
  CHECK(DecodeViqr("UBND HDDND") == "UBND HĐND");
  CHECK(MustEncode("đi. Có?", OutputForm::kViqr) == "ddi\\. Co'\\?");
  CHECK(MustDecode("ddi\\. Co'\\?", Encoding::kViqr) == "đi. Có?");
}

}  // namespace
}  // namespace vanban
