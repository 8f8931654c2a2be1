#include "archive/pg_text_search.h"

#include <map>
#include <vector>

#include "vanban/archive.h"
#include "vanban/text.h"

namespace vanban::internal {
namespace {

// PostgreSQL's limits: positions up to 16383 (larger ones count as 16383) and 256
// positions per lexeme (the rest would be dropped by the server anyway).
constexpr int kMaxPosition = 16383;
constexpr size_t kMaxPositions = 255;

std::string Quoted(std::string_view lexeme) {
  std::string out = "'";
  for (char c : lexeme) {
    if (c == '\'' || c == '\\') out.push_back(c);
    out.push_back(c);
  }
  return out + "'";
}

using Postings = std::map<std::string, std::vector<std::string>>;

// Adds the tokens of |text| from |*position| on with |weight| ("A", "B").
void AddTokens(std::string_view text, bool fold, const char* weight, int* position, Postings* out) {
  const std::string key = SearchKey(text);
  std::string lower;
  if (!fold) lower = ToLower(text);
  const bool same_offsets = lower.size() == text.size();
  for (const Token& t : Tokenize(text, key)) {
    std::string lexeme = fold             ? key.substr(t.key_begin, t.key_end - t.key_begin)
                         : same_offsets ? lower.substr(t.text_begin, t.text_end - t.text_begin)
                                        : ToLower(text.substr(t.text_begin, t.text_end - t.text_begin));
    std::vector<std::string>& positions = (*out)[lexeme];
    if (positions.size() < kMaxPositions) positions.push_back(std::to_string(std::min(*position, kMaxPosition)) + weight);
    ++*position;
  }
}

std::string Lexeme(const QueryTerm& t, size_t i, bool fold, bool prefix) {
  return Quoted(fold ? t.folded[i] : t.exact[i]) + (prefix ? ":*" : "");
}

}  // namespace

std::string TsVectorLiteral(std::string_view subject, std::string_view body, bool fold) {
  Postings postings;
  int position = 1;
  AddTokens(subject, fold, "A", &position, &postings);
  position += 8;  // no phrase across the subject's end
  AddTokens(body, fold, "B", &position, &postings);
  std::string out;
  for (const auto& [lexeme, positions] : postings) {
    if (!out.empty()) out += ' ';
    out += Quoted(lexeme);
    for (size_t i = 0; i < positions.size(); ++i) out += (i ? "," : ":") + positions[i];
  }
  return out;
}

std::string TsVectorLexemes(const std::vector<std::string>& lexemes) {
  std::string out;
  for (const std::string& l : lexemes) out += (out.empty() ? "" : " ") + Quoted(l);
  return out;
}

std::string TsQueryAll(const ParsedQuery& q, bool fold) {
  std::string out;
  for (const QueryTerm& t : q.terms) {
    std::string term;
    for (size_t i = 0; i < t.folded.size(); ++i) {
      term += (i ? " <-> " : "") + Lexeme(t, i, fold, t.prefix && i + 1 == t.folded.size());
    }
    out += (out.empty() ? "(" : " & (") + term + ")";
  }
  return out;
}

std::string TsQueryPhrase(const ParsedQuery& q, bool fold) {
  std::string out;
  for (const QueryTerm& t : q.terms) {
    for (size_t i = 0; i < t.folded.size(); ++i) {
      out += (out.empty() ? "" : " <-> ") + Lexeme(t, i, fold, t.prefix && i + 1 == t.folded.size());
    }
  }
  return out;
}

}  // namespace vanban::internal
