// One spelling per unit, so that a pivot by unit counts "Phòng Văn hóa — Xã hội" and
// "Phòng Văn hóa - Xã hội", "các thôn" and "Các thôn", "UBND xã" and "Ủy ban nhân dân xã"
// together. The source spelling stays in the role's |raw|.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "parse/parse_context.h"

namespace vanban::internal {
namespace {

// Lower case without marks: how two spellings of a word are compared.
std::string Plain(std::string_view word) { return ToLower(StripDiacritics(word)); }

// Abbreviations written out, each in the unit's own script (OCR text without marks keeps
// none: "UBND xa" -> "Uy ban nhan dan xa").
struct Expansion {
  std::string_view plain_abbreviation;  // Plain() of the abbreviation
  std::string_view marked;
  std::string_view unmarked;
};
constexpr Expansion kExpansions[] = {
    {"ubnd", "Ủy ban nhân dân", "Uy ban nhan dan"},
    {"hdnd", "Hội đồng nhân dân", "Hoi dong nhan dan"},
    {"mttq", "Mặt trận Tổ quốc", "Mat tran To quoc"},
    {"mttqvn", "Mặt trận Tổ quốc Việt Nam", "Mat tran To quoc Viet Nam"},
    {"vn", "Việt Nam", "Viet Nam"},  // only after MTTQ (see below)
};

// Names whose capitals vary in OCR'd text ("Ủy ban Nhân dân"), in their usual form.
constexpr Expansion kPhrases[] = {
    {"uy ban nhan dan", "Ủy ban nhân dân", "Uy ban nhan dan"},
    {"hoi dong nhan dan", "Hội đồng nhân dân", "Hoi dong nhan dan"},
    {"mat tran to quoc", "Mặt trận Tổ quốc", "Mat tran To quoc"},
};

void Append(std::string_view phrase, std::vector<std::string>* out) {
  for (auto& w : WhitespaceWords(phrase)) out->push_back(std::move(w));
}

std::string UpperFirst(const std::string& s) {
  std::vector<std::string> cps = CodePoints(s);
  if (cps.empty()) return s;
  return ToUpper(cps[0]) + s.substr(cps[0].size());
}

}  // namespace

std::string CanonicalUnitName(std::string_view raw) {
  std::string s = NormalizeTonePlacement(raw, ToneStyle::kOld);  // "Uỷ ban" -> "Ủy ban"
  for (std::string_view dash : {"\u2014", "\u2013", "\u2212", "\u2010", "\u2011"}) {
    for (size_t at = s.find(dash); at != std::string::npos; at = s.find(dash, at)) s.replace(at, dash.size(), "-");
  }
  const bool marked = std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  // A dash with a space on one side separates two names: "Văn hóa -Xã hội" -> "Văn hóa - Xã hội".
  std::vector<std::string> words;
  for (std::string& w : WhitespaceWords(s)) {
    if (w.size() > 1 && w.front() == '-' && !words.empty()) {
      words.push_back("-");
      w.erase(0, 1);
    }
    bool dash_after = w.size() > 1 && w.back() == '-';
    if (dash_after) w.pop_back();
    words.push_back(std::move(w));
    if (dash_after) words.push_back("-");
  }
  std::vector<std::string> out;
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string plain = Plain(words[i]);
    const bool upper = UpperRatio(words[i]) > 0.99;
    const Expansion* expansion = nullptr;
    for (const Expansion& e : kExpansions) {
      bool after_mttq = i > 0 && Plain(words[i - 1]) == "mttq";
      if (upper && plain == e.plain_abbreviation && (e.plain_abbreviation != "vn" || after_mttq)) expansion = &e;
    }
    if (expansion) {
      Append(marked ? expansion->marked : expansion->unmarked, &out);
      continue;
    }
    out.push_back(words[i]);
  }
  // Phrases in their usual capitals.
  for (const Expansion& p : kPhrases) {
    const std::vector<std::string> want = WhitespaceWords(p.plain_abbreviation);
    const std::vector<std::string> canonical = WhitespaceWords(marked ? p.marked : p.unmarked);
    for (size_t i = 0; i + want.size() <= out.size(); ++i) {
      bool same = true;
      for (size_t k = 0; same && k < want.size(); ++k) same = Plain(out[i + k]) == want[k];
      for (size_t k = 0; same && k < want.size(); ++k) out[i + k] = canonical[k];
    }
  }
  // The level of an administrative unit inside a name is lower case: "Ủy ban nhân dân Xã"
  // -> "… xã"; not "Xã hội" (society) nor a name all in capitals ("ỦY BAN NHÂN DÂN XÃ").
  for (size_t i = 1; i < out.size(); ++i) {
    const std::string plain = Plain(out[i]);
    const bool level = plain == "xa" || plain == "phuong" || plain == "huyen" || plain == "tinh" ||
                       (plain == "thi" && i + 1 < out.size() && Plain(out[i + 1]) == "tran");
    const bool society = plain == "xa" && i + 1 < out.size() && Plain(out[i + 1]) == "hoi";
    const bool in_capitals = UpperRatio(out[i]) > 0.99 && UpperRatio(out[i - 1]) > 0.99;
    if (level && !society && !in_capitals) out[i] = ToLower(out[i]);
  }
  std::string name;
  for (const std::string& w : out) name += (name.empty() ? "" : " ") + w;
  return UpperFirst(name);  // "các thôn" -> "Các thôn"
}

}  // namespace vanban::internal
