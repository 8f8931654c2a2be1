// Vietnamese titles of the table columns (`--header vi`): one table for every command, so
// the same column reads the same in tasks, refs, deadlines and header.
#include <string_view>
#include <utility>

#include "vanban/export.h"

namespace vanban {
namespace {

constexpr std::pair<std::string_view, std::string_view> kTitlesVi[] = {
    // Documents (every table).
    {"doc_id", "Mã tệp văn bản"},
    {"doc_symbol", "Số, ký hiệu văn bản"},
    {"issued_date", "Ngày ban hành"},
    {"issued_date_precision", "Độ chính xác ngày ban hành"},
    {"file", "Tệp"},
    {"number", "Số"},
    {"symbol", "Ký hiệu"},
    {"type", "Loại văn bản"},
    {"date", "Ngày"},
    {"date_precision", "Độ chính xác ngày"},
    {"issuer", "Cơ quan ban hành"},
    {"place", "Địa danh"},
    {"subject", "Trích yếu"},
    {"signer", "Người ký"},
    {"position", "Chức vụ người ký"},
    // Tasks.
    {"task_id", "Mã nhiệm vụ"},
    {"source", "Nguồn (lời văn/bảng)"},
    {"appendix", "Phụ lục"},
    {"section_path", "Mục"},
    {"stt", "STT"},
    {"group_stt", "STT nhóm"},
    {"group_text", "Nhóm nhiệm vụ"},
    {"task_text", "Nội dung nhiệm vụ"},
    {"timeline_label_vi", "Nhãn thời gian"},
    {"timeline_raw", "Thời gian thực hiện (nguyên văn)"},
    {"timeline_kind", "Loại thời gian"},
    {"deadline_date", "Thời hạn"},
    {"deadline_date_precision", "Độ chính xác thời hạn"},
    {"other_deadline_dates", "Các thời hạn khác"},
    {"recurrence", "Định kỳ"},
    {"lead_raw", "Đơn vị chủ trì (nguyên văn)"},
    {"lead_units", "Đơn vị chủ trì"},
    {"support_raw", "Đơn vị phối hợp (nguyên văn)"},
    {"support_units", "Đơn vị phối hợp"},
    {"executor_raw", "Đơn vị thực hiện (nguyên văn)"},
    {"executor_units", "Đơn vị thực hiện"},
    {"product", "Sản phẩm"},
    {"line_start", "Từ dòng"},
    {"line_end", "Đến dòng"},
    {"page_break_inside", "Qua trang"},
    {"confidence", "Độ tin cậy"},
    {"flags", "Cờ kiểm tra"},
    {"unsure_words", "Từ cần đối chiếu bản gốc"},
    // References.
    {"ref_id", "Mã văn bản dẫn chiếu"},
    {"mention_no", "Lần nhắc"},
    {"first_mention", "Lần nhắc đầu"},
    {"raw", "Nguyên văn"},
    {"type_label_vi", "Loại văn bản"},
    {"type_code", "Mã loại văn bản"},
    {"year", "Năm"},
    {"full_symbol", "Số, ký hiệu đầy đủ"},
    {"style", "Kiểu số, ký hiệu"},
    {"ref_date", "Ngày văn bản"},
    {"ref_date_precision", "Độ chính xác ngày văn bản"},
    {"ref_date_variants", "Các ngày được ghi"},
    {"issuer_text", "Cơ quan ban hành"},
    {"issuer_level", "Cấp ban hành"},
    {"alias", "Tên gọi tắt"},
    {"char_start", "Từ ký tự"},
    {"char_end", "Đến ký tự"},
    // Deadlines.
    {"deadline_id", "Mã thời hạn"},
    {"year_inferred", "Năm suy ra"},
    {"text", "Cụm từ thời hạn"},
};

}  // namespace

TableRowValues ColumnTitles(const TableRowValues& columns, std::string_view language) {
  if (language != "vi") return columns;
  TableRowValues titles;
  for (const std::string& c : columns) {
    std::string_view title = c;  // a column without a title keeps its name
    for (const auto& [name, vi] : kTitlesVi) {
      if (name == c) title = vi;
    }
    titles.emplace_back(title);
  }
  return titles;
}

}  // namespace vanban
