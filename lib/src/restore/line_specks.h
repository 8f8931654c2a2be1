// Specks at a line's ends. A scan's margins hold dirt that an OCR engine reads as marks
// standing alone: after a line's last word ("liên quan. . , |", "ngân hàng; : |",
// "10/02/2019) . .") and before its first ("| 3. Thông tin", "_ tại điểm", "_- Trường
// hợp"). No writer puts a bar, a tilde or an underscore alone there, nor a run of lone
// marks after a full stop. On the dev OCR sets about one line in three ended so.
#ifndef VANBAN_RESTORE_LINE_SPECKS_H_
#define VANBAN_RESTORE_LINE_SPECKS_H_

#include <cstddef>
#include <string>

namespace vanban::internal {

// Removes the specks at the ends of the lines in bytes [from, end) of |text|, the text
// between two tokens the writer put out (or after the last): the end of the line |from|
// is on, when its break is in the range or |unit_end| says the range ends the line, and
// the start of the line that begins in the range, when a token follows it (|line_start|:
// |from| itself starts a line). Nothing before |from| is touched; a dash alone before the
// line's first word stays, as its bullet.
void TrimLineSpecks(std::string* text, size_t from, bool line_start, bool unit_end);

}  // namespace vanban::internal

#endif  // VANBAN_RESTORE_LINE_SPECKS_H_
