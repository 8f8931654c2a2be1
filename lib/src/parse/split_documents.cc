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
    for (size_t i = 0; i < src.size() && i < lines.size(); ++i) {
      const internal::Line& l = src[i];
      if (l.blank) continue;
      internal::Match m;
      if (internal::FindNationalMotto(l, &m) || internal::FindPartyMotto(l, &m)) {
        if (signed_off && !appendix) {
          starts.push_back(HeaderStart(src, i, signoff));
          signed_off = false;
        }
        continue;
      }
      if (SignoffLine(l)) {
        signed_off = true;
        signoff = i;
      } else if (signed_off && internal::AppendixHeadAt(ctx, i, /*after_signature=*/true, nullptr)) {
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
