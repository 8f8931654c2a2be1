// Private to the pipeline: the restorer's doubts carried onto the parsed record. Parsing
// knows no restorer (it reads the restored text only), so the words the restorer was
// unsure of are found again in the values it produced: each value is looked for, word by
// word, in the restored lines it was read from (its LineSpan).
#ifndef VANBAN_SRC_PIPELINE_UNSURE_WORDS_H_
#define VANBAN_SRC_PIPELINE_UNSURE_WORDS_H_

#include <string_view>
#include <vector>

#include "vanban/document.h"
#include "vanban/restore.h"

namespace vanban::internal {

// Whether a reader should check |token|: confidence under kUnsureConfidence.
bool IsUnsure(const RestoredToken& token);

// Lists, on the values of |doc| read from |text| (header fields, section headings, task
// titles and their units, the signer's name, preamble items), the words of |tokens| the
// restorer was unsure of (UnsureWord), and lowers the confidence of the values that have
// one. |text|, |tokens| and |profile| are a RestoreResult's, with confidences. In a text
// the restorer read as typed with its marks (profile.clean over one half), a word it left
// as written is not listed, whatever its confidence: the author spelled it, nothing was
// restored ("do" kept in a clean plan, 0.90 against "đó"). |first_line|: the record's
// number of the text's first line (ParseOptions::first_line). Linear in the text and the
// record.
void AttachUnsureWords(std::string_view text, const std::vector<RestoredToken>& tokens, const InputProfile& profile,
                       int first_line, Document* doc);

}  // namespace vanban::internal

#endif  // VANBAN_SRC_PIPELINE_UNSURE_WORDS_H_
