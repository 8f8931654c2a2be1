// SplitDocuments: a file holding several documents one after another (a batch of scans
// saved as one text) is cut where each new document's header starts, so every document
// is parsed on its own instead of the later ones ending up in the first one's sign-off.
#include <string>
#include <vector>

#include "parse/parse_context.h"
#include "vanban/parse.h"
#include "vanban/text.h"

namespace vanban {
namespace {

// A sign-off anchor as FindRegions takes it: "Nơi nhận", or an authority ("TM. …",
// "KT. …") standing at the start of its line.
bool SignoffLine(const internal::Line& l) {
  size_t end = 0;
  internal::AuthorityHit a;
  return internal::MatchNoiNhan(l.key, &end) ||
         (internal::FindAuthority(l, 0, &a) && a.start <= l.core_begin + 1 &&
          internal::UpperRatio(l.Raw(a.phrase_start)) >= 0.8);
}

// The first line of the header whose motto is on line |motto|: the issuer column and the
// number may stand above it ("BỘ LAO ĐỘNG …" / "Số: 169/QĐ-…"), capitals lines back to the
// previous document's sign-off (line |signoff|), its positions and its signer's name.
size_t HeaderStart(const internal::SourceLines& src, size_t motto, size_t signoff) {
  size_t start = motto;
  for (size_t k = motto; k > signoff + 1 && motto - k < 10; --k) {
    const internal::Line& l = src[k - 1];
    if (l.blank) continue;
    size_t at = 0;
    std::string position;
    if (internal::UpperRatio(l.Raw()) < 0.8 || SignoffLine(l) || internal::FindPosition(l, 0, &at, &position)) break;
    start = k - 1;
  }
  return start;
}

// A header that carries an issued document's particulars on lines [first, last]: a number
// ("Số: 169/QĐ-BLĐTBXH", OCR'd "S6: 40/2026/TT-BTC") or a date ("ngày 24 tháng 01 năm
// 2025") in digits. A form in an appendix has its motto too, but blanks there ("Số: …/…",
// "ngày … tháng … năm …"): after an appendix only such a header starts a new document.
bool IssuedHeader(const internal::SourceLines& src, size_t first, size_t last) {
  static const RE2 kNumber(R"(^\s*s\S{0,2}\s*[:;.]?\s*[0-9]{1,5}\s*/)", internal::ReOptions());
  static const RE2 kDate(R"(\bng\S{1,2}y\s*[0-9]{1,2}\s+th\S{1,3}ng\s*[0-9]{1,2}\s+n\S{1,2}m\s*[0-9]{4})",
                         internal::ReOptions());
  for (size_t k = first; k <= last && k < src.size(); ++k) {
    internal::Match m;
    if (internal::FindAnchored(kNumber, src[k].key, &m) || internal::Find(kDate, src[k].key, 0, &m)) return true;
  }
  return false;
}

// "Mẫu số 02. Biên bản họp …" (OCR'd "Mau s6 02."): a form of the appendix, whose motto
// and blanks follow. Forms stand after their document's sign-off as appendices do.
bool FormHead(const internal::Line& l) {
  static const RE2 kForm(R"(^[\s\-.]*m\S{0,2}u\s+(?:s\S{0,2}\s*)?[0-9]{1,3}[a-z]?\b)", internal::ReOptions());
  internal::Match m;
  return internal::FindAnchored(kForm, l.key, &m);
}

}  // namespace

std::vector<DocumentPart> SplitDocuments(std::string_view text) {
  const std::vector<std::string_view> lines = SplitLines(text);
  std::vector<size_t> starts = {0};  // line indices
  {
    internal::SourceLines src(text, {});
    const ParseOptions none;
    Document scratch;
    const internal::Context ctx(src, none, &scratch);
    bool signed_off = false;  // the current document has reached its sign-off
    size_t signoff = 0;       // ... on this line
    bool appendix = false;    // ... and an appendix after it (forms in it carry mottos)
    // Lines a header reaches below its motto: the date, a line or two under it.
    constexpr size_t kHeaderBelowMotto = 6;
    for (size_t i = 0; i < src.size() && i < lines.size(); ++i) {
      const internal::Line& l = src[i];
      if (l.blank) continue;
      internal::Match m;
      if (internal::FindNationalMotto(l, &m) || internal::FindPartyMotto(l, &m)) {
        const size_t start = signed_off ? HeaderStart(src, i, signoff) : i;
        if (signed_off && (!appendix || IssuedHeader(src, start, i + kHeaderBelowMotto))) {
          starts.push_back(start);
          signed_off = false;
          appendix = false;
        }
        continue;
      }
      if (SignoffLine(l)) {
        signed_off = true;
        signoff = i;
      } else if (signed_off && (internal::AppendixHeadAt(ctx, i, /*after_signature=*/true, nullptr) || FormHead(l))) {
        appendix = true;
      }
    }
  }
  std::vector<DocumentPart> parts;
  for (size_t k = 0; k < starts.size(); ++k) {
    const size_t begin = starts[k] < lines.size() ? static_cast<size_t>(lines[starts[k]].data() - text.data()) : 0;
    const size_t end = k + 1 < starts.size() ? static_cast<size_t>(lines[starts[k + 1]].data() - text.data())
                                             : text.size();
    parts.push_back({text.substr(begin, end - begin), static_cast<int>(starts[k] + 1)});
  }
  return parts;
}

}  // namespace vanban
