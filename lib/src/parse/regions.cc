// The regions at the end of a document: where the sign-off (Nơi nhận, signature) starts,
// where attachments (PHỤ LỤC, "DANH MỤC … (Ban hành kèm theo …)") start, and the closing
// paragraph ("Trên đây là …", "… ./.") before the sign-off.
#include <algorithm>

#include "parse/parse_context.h"

namespace vanban::internal {
namespace {

bool IsAttachedNote(const Line& l) {
  static const RE2 kNote(R"(^[\s\-.]*\(\s*(?:ban\s+h\S{1,2}nh\s+)?k\S{1,2}m\s+theo\b)", ReOptions());
  Match m;
  return FindAnchored(kNote, l.key, &m);
}

}  // namespace

bool AppendixHeadAt(const Context& ctx, size_t i, bool after_signature, std::string* numeral) {
  // "PHỤ LỤC I", "Phụ lục 02", "Phuluc I": in capitals anywhere; in any case after the
  // signature, when a capitals title, a "(Kèm theo …)" note or a table follows (not a
  // sentence "Phụ lục IX ban hành kèm theo …", not a line of a list of appendices).
  static const RE2 kHead(R"(^[\s\-]*ph[uy]\s*l[uy]c(?:\s*([ivxl1|]+|\d+)\b)?\s*[:.]?\s*(.*)$)", ReOptions());
  const SourceLines& src = ctx.src;
  const Line& l = src[i];
  Match m;
  if (!FindAnchored(kHead, l.key, &m)) return false;
  std::string rest = Trim(m.Str(2));
  bool caps_head = UpperRatio(l.Raw(l.core_begin, m.Start(2) > 0 ? m.Start(2) : l.core_end)) >= 0.6;
  bool ok = false;
  if (rest.empty() || UpperRatio(l.Raw(m.Start(2))) >= 0.8) {
    ok = caps_head && (rest.empty() || UpperRatio(l.Raw(l.core_begin)) >= 0.8);
    if (!ok && after_signature) {
      for (size_t k = i + 1, seen = 0; k < src.size() && seen < 6; ++k) {
        if (src[k].blank) continue;
        ++seen;
        if (FindAnchored(kHead, src[k].key, &m)) break;
        std::string core = Trim(src[k].key);
        size_t words = std::count(core.begin(), core.end(), ' ') + 1;
        if (IsAttachedNote(src[k]) || src[k].raw.find('\t') != std::string::npos ||
            (words >= 3 && UpperRatio(src[k].Raw(src[k].core_begin)) >= 0.8)) {
          ok = true;
          break;
        }
      }
    }
  }
  if (ok && numeral) {
    std::string roman = RepairRoman(FindAnchored(kHead, l.key, &m) ? m.Str(1) : "");
    *numeral = roman.empty() ? m.Str(1) : roman;
  }
  return ok;
}

bool AttachmentTitleAt(const Context& ctx, size_t i, size_t not_before) {
  // A capitals title block followed by "(Ban hành kèm theo …)": "DANH MỤC VĂN BẢN …".
  const SourceLines& src = ctx.src;
  if (src[i].blank || UpperRatio(src[i].Raw(src[i].core_begin)) < 0.8) return false;
  if (i > not_before && !src[i - 1].blank && UpperRatio(src[i - 1].Raw(src[i - 1].core_begin)) >= 0.8) return false;
  for (size_t k = i; k < src.size() && k < i + 5; ++k) {
    if (src[k].blank) return false;
    if (IsAttachedNote(src[k])) return k > i;
    AuthorityHit a;
    std::string pos;
    size_t ps = 0;
    if (FindAuthority(src[k], 0, &a) || FindPosition(src[k], 0, &ps, &pos)) return false;
    if (UpperRatio(src[k].Raw(src[k].core_begin)) < 0.8) return false;
  }
  return false;
}

namespace {

// A head signing in person has no prefix: a position alone on its line ("CHỦ TỊCH",
// "BỘ TRƯỞNG", "CHỦ TỊCH QUỐC HỘI") with the name a few lines below; searched before
// line |to|. The line's index, or the document's size when there is none.
size_t PositionAloneLine(const Context& ctx, size_t to) {
  const SourceLines& src = ctx.src;
  const size_t n = src.size();
  for (size_t i = ctx.header_end; i < to; ++i) {
    if (src[i].blank || ctx.use[i] != LineUse::kFree) continue;
    size_t ps = 0;
    std::string label;
    if (!FindPosition(src[i], 0, &ps, &label) || ps > src[i].core_begin) continue;
    for (size_t k = i + 1, seen = 0; k < n && seen < 4; ++k) {
      if (src[k].blank || ctx.use[k] != LineUse::kFree) continue;
      ++seen;
      std::string name;
      if (ReadSignerName(src[k], 0, src[k].key.size(), &name)) return i;
    }
  }
  return n;
}

// Sign-off anchor: the first "Nơi nhận", or the first authority line standing at the
// start of a line in capitals ("TM. CHÍNH PHỦ", "KT. BỘ TRƯỞNG"), or a position alone on
// its line above them.
size_t FindSignoffAnchor(const Context& ctx) {
  const SourceLines& src = ctx.src;
  const size_t n = src.size();
  size_t noi = n, auth = n;
  for (size_t i = ctx.header_end; i < n && (noi == n || auth == n); ++i) {
    if (src[i].blank || ctx.use[i] != LineUse::kFree) continue;
    size_t end = 0;
    if (noi == n && MatchNoiNhan(src[i].key, &end)) noi = i;
    AuthorityHit a;
    if (auth == n && FindAuthority(src[i], 0, &a) && a.start <= src[i].core_begin + 1 &&
        UpperRatio(src[i].Raw(a.phrase_start)) >= 0.8) {
      auth = i;
    }
  }
  return std::min({noi, auth, PositionAloneLine(ctx, std::min(noi, auth))});
}

// The first appendix head (any, or after the sign-off |anchor| an attachment's title);
// the document's size when there is none.
size_t FindAppendixStart(const Context& ctx, size_t anchor) {
  for (size_t i = ctx.header_end; i < ctx.src.size(); ++i) {
    if (ctx.src[i].blank || ctx.use[i] != LineUse::kFree) continue;
    bool after = i > anchor;
    if (AppendixHeadAt(ctx, i, after, nullptr) || (after && AttachmentTitleAt(ctx, i, anchor + 1))) return i;
  }
  return ctx.src.size();
}

bool Skipped(const Context& ctx, size_t k) {
  return ctx.src[k].blank || ctx.use[k] == LineUse::kFootnote || ctx.use[k] == LineUse::kFurniture;
}

const RE2& ClosingStartRe() {
  static const RE2 re(
      R"(^(tr\S{1,2}n\s+d\S{1,2}y\s+l\S|trong\s+qu\S\s+tr\S{1,2}nh|y\S{1,2}u\s+c\S{1,2}u|d\S{1,2}\s+ngh\S{1,2}\s+c\S{1,2}c|giao\s+|k\S{1,2}nh\s+tr\S{1,2}nh|r\S{1,2}t\s+mong|noi\s+nhan|(?:\S{1,2}y\s+ban\s+nh\S{1,2}n\s+d\S{1,2}n|ubnd)\s+[a-z ]{0,30}k\S{1,2}nh\s+tr\S{1,2}nh))",
      ReOptions());
  return re;
}

// First line of the paragraph that ends at line |last|.
size_t ParagraphStart(const Context& ctx, size_t last) {
  const SourceLines& src = ctx.src;
  size_t first = last;
  while (first > ctx.header_end) {
    size_t k = first - 1;
    if (ctx.use[k] == LineUse::kFootnote || ctx.use[k] == LineUse::kFurniture) {
      --first;
      continue;
    }
    if (src[k].blank) {
      // A blank line next to an inlined footnote does not end the paragraph.
      size_t b = k, f = k;
      while (b > ctx.header_end && src[b].blank) --b;
      while (f + 1 < src.size() && src[f].blank) ++f;
      if (ctx.use[b] == LineUse::kFootnote || ctx.use[f] == LineUse::kFootnote) {
        first = k;
        continue;
      }
      break;
    }
    // Without blank lines, a line ending a sentence closes the previous paragraph.
    std::string pk = Trim(src[k].key);
    if (!pk.empty() && (pk.back() == '.' || pk.back() == ';' || pk.back() == ':')) break;
    first = k;
  }
  // The closing often opens a sentence that OCR did not separate from the previous one
  // (a speck after its full stop): look a few lines up for its opening words.
  Match m;
  for (size_t k = last + 1, seen = 0; k > ctx.header_end + 1 && seen < 6;) {
    --k;
    if (Skipped(ctx, k)) continue;
    ++seen;
    if (ctx.use[k] != LineUse::kFree) break;
    if (FindAnchored(ClosingStartRe(), Trim(src[k].key), &m)) {
      first = std::min(first, k);
      break;
    }
  }
  while (first < last && (src[first].blank || ctx.use[first] != LineUse::kFree)) ++first;
  return first;
}

// Closing paragraph: the last paragraph before the sign-off at |signoff_start|, when it is
// not a list item and ends with "./." or opens with a closing phrase. Its lines are
// claimed; returns where the body ends.
size_t ReadClosing(Context& ctx, size_t signoff_start) {
  const SourceLines& src = ctx.src;
  size_t i = signoff_start;
  while (i > ctx.header_end && Skipped(ctx, i - 1)) --i;
  if (i <= ctx.header_end) return signoff_start;
  const size_t last = i - 1;
  const size_t first = ParagraphStart(ctx, last);
  std::string first_key = Trim(src[first].key);
  std::string last_key = Trim(src[last].key);
  Match m;
  // "./." and its OCR forms "./", "/.", "./. .".
  static const RE2 kEndMark(R"((?:\.\s*/\s*\.?|/\s*\.)\s*$)", ReOptions());
  bool end_mark = Find(kEndMark, last_key, 0, &m);
  static const RE2 kMarker(
      R"(^[,.]?\s*(?:\d{1,2}\s*[.,]|[a-z]\s*\)|[-+~]|[ivxl1|]{1,5}\s*\.|[db]i\S{0,2}u\s*[\dilt|!]{1,3}\s*[.:,]))", ReOptions());
  // OCR'd: an article behind specks, its "Đ" read as H ("’ Hiéu 3. Thủ trưởng … này./."):
  // the body takes it as the next article.
  static const RE2 kArticleOcr(R"(^[\s\-~_|:;.,'"}{()*=!?]{0,8}[dbh]i\S{0,2}u\s*[.:;,-]{0,2}\s*[\dilt|!]{1,3}\s*[.:,;])",
                               ReOptions());
  bool marker = FindAnchored(kMarker, first_key, &m) || (ctx.doc->source.ocr && FindAnchored(kArticleOcr, first_key, &m));
  bool opener = FindAnchored(ClosingStartRe(), first_key, &m);
  if (!marker && (end_mark || opener)) {
    Closing c;
    std::string text;
    for (size_t k = first; k <= last; ++k) {
      if (Skipped(ctx, k)) continue;
      text += (text.empty() ? "" : " ") + src[k].Text();
      ctx.use[k] = LineUse::kClosing;
    }
    c.text = CollapseSpaces(text);
    c.end_mark = end_mark;
    c.lines = {src[first].number, src[last].number};
    ctx.doc->closing = c;
    return first;
  }
  if (end_mark) {
    Closing c;
    c.end_mark = true;
    c.lines = {src[last].number, src[last].number};
    ctx.doc->closing = c;
  }
  return signoff_start;
}

}  // namespace

size_t FindRegions(Context& ctx) {
  const size_t n = ctx.src.size();
  const size_t anchor = FindSignoffAnchor(ctx);
  ctx.appendix_start = FindAppendixStart(ctx, anchor);
  const size_t signoff_start = std::min(anchor, ctx.appendix_start);
  for (size_t i = signoff_start; i < ctx.appendix_start; ++i) {
    if (ctx.use[i] == LineUse::kFree) ctx.use[i] = LineUse::kSignoff;
  }
  for (size_t i = ctx.appendix_start; i < n; ++i) {
    if (ctx.use[i] == LineUse::kFree) ctx.use[i] = LineUse::kAppendix;
  }
  ctx.body_end = ReadClosing(ctx, signoff_start);
  return signoff_start;
}

}  // namespace vanban::internal
