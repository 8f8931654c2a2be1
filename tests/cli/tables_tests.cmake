# Tables for spreadsheets (issues 10 and 13): formula injection neutralised in every
# table command, the shared options (--bom, --delimiter, --header vi, --excel-vi), dates
# with blanks split from their precision, canonical units, one deadline model.
set(_seed000 ${SAMPLES}/seeds/000_6071a54f6ab85aa7.txt)
set(_seed002 ${SAMPLES}/seeds/002_e5e4c2fdcfe86c56.txt)
set(_seed003 ${SAMPLES}/seeds/003_9804076c90d51208.txt)

# A document whose file name and task text are formulas (the runner works in cli-work).
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/cli-work/=1+2.txt
"ỦY BAN NHÂN DÂN XÃ NGHI ĐƯƠNG
Số: 7/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Nghi Đương, ngày 10 tháng 01 năm 2026
KẾ HOẠCH
Thử các ô công thức

Căn cứ Nghị quyết số 20/NQ-HĐND ngày 19/12/2025 của Hội đồng nhân dân xã;

I. NHIỆM VỤ
1. =cmd|' /C calc'!A0
- Cơ quan chủ trì: @SUM(1+1)
- Thời gian thực hiện: trước ngày 30/5/2026
")
set(_formula =1+2.txt)
vanban_cli_test(NAME tables.formula_tasks ARGS tasks --no-restore ${_formula}
                STDOUT_MATCHES "\r\n'=1\\+2,7/KH-UBND,2026-01-10,day,t1,[^\r]*,'=cmd\\|' /C calc'!A0,[^\r]*,'@SUM\\(1\\+1\\),")
vanban_cli_test(NAME tables.formula_tasks_bom ARGS tasks --no-restore --bom --format tsv ${_formula}
                STDOUT_MATCHES "\n'=1\\+2\t7/KH-UBND\t[^\n]*\t'=cmd\\|' /C calc'!A0\t")
vanban_cli_test(NAME tables.formula_opt_out ARGS tasks --no-restore --no-formula-guard ${_formula}
                STDOUT_MATCHES "\r\n=1\\+2,7/KH-UBND,[^\r]*,=cmd\\|' /C calc'!A0,")
vanban_cli_test(NAME tables.formula_header ARGS header --no-restore --format csv ${_formula}
                STDOUT_MATCHES "\r\n'=1\\+2\\.txt,7,KH-UBND,")
vanban_cli_test(NAME tables.formula_refs ARGS refs --no-restore --mentions ${_formula}
                STDOUT_MATCHES "\r\n'=1\\+2,r1,1,1,")
vanban_cli_test(NAME tables.formula_deadlines ARGS deadlines --no-restore ${_formula}
                STDOUT_MATCHES "\r\n'=1\\+2,7/KH-UBND,d1,2026-05-30,day,[^\r]*,t1,'=cmd\\|' /C calc'!A0,'@SUM,")
vanban_cli_test(NAME tables.formula_help ARGS tasks --help STDOUT_MATCHES "--no-formula-guard")

# One option set for every table command.
vanban_cli_test(NAME tables.header_bom ARGS header --no-restore --format csv --bom ${_seed003}
                STDOUT_MATCHES "^[^f]+file,number,symbol,type,issued_date,issued_date_precision,")
vanban_cli_test(NAME tables.delimiter ARGS tasks --no-restore --delimiter semicolon ${_seed003}
                STDOUT_MATCHES "^doc_id;doc_symbol;issued_date;issued_date_precision;[^\r]*\r\n003_9804076c90d51208;/KH-UBND;2025-01;month;")
vanban_cli_test(NAME tables.delimiter_tab ARGS deadlines --no-restore --delimiter tab ${_seed000}
                STDOUT_MATCHES "^doc_id\tdoc_symbol\tdeadline_id\t[^\r]*\r\n")
vanban_cli_test(NAME tables.header_vi ARGS tasks --no-restore --header vi ${_seed003}
                STDOUT_MATCHES "^Mã tệp văn bản,\"Số, ký hiệu văn bản\",Ngày ban hành,Độ chính xác ngày ban hành,Mã nhiệm vụ,[^\r]*,Đơn vị chủ trì \\(nguyên văn\\),Đơn vị chủ trì,Đơn vị phối hợp \\(nguyên văn\\),Đơn vị phối hợp,")
vanban_cli_test(NAME tables.excel_vi ARGS header --no-restore --excel-vi ${_seed003}
                STDOUT_MATCHES "^[^T]+Tệp;Số;Ký hiệu;Loại văn bản;Ngày;Độ chính xác ngày;Cơ quan ban hành;[^\r]*\r\n[^\r]*;2025-01;month;")
vanban_cli_test(NAME tables.excel_vi_excludes_format ARGS tasks --excel-vi --format tsv ${_seed003} EXIT 2)
vanban_cli_test(NAME tables.bad_delimiter ARGS tasks --delimiter "|" ${_seed003} EXIT 2)
vanban_cli_test(NAME tables.no_header_row ARGS deadlines --no-restore --no-header-row ${_seed000}
                STDOUT_MATCHES "^000_6071a54f6ab85aa7,34/KH-UBND,d1,")
add_test(NAME cli.tables.bom_to_file
         COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:vanban_cli> -DSEED=${_seed003}
                 -DWORKDIR=${CMAKE_CURRENT_BINARY_DIR}/cli-work/bom_to_file
                 -P ${CMAKE_CURRENT_LIST_DIR}/table_bom_file.cmake)
set_tests_properties(cli.tables.bom_to_file PROPERTIES LABELS cli)

# Tasks: the requested unit of seed 000 item IV.6 runs to its verb ("tuyên truyền"), not to
# "các tổ chức" (a noun) or "chính trị" (no "chủ trì"); seed 002 t12 has the three dates
# that `deadlines` lists for it (one deadline model).
vanban_cli_test(NAME tables.t19_executor ARGS tasks --no-restore ${_seed000}
                STDOUT_MATCHES "\r\n000_6071a54f6ab85aa7,[^\r]*,t19,[^\r]*,\"tuyén truyén sau rong,[^\r]*,Uy ban Mt trin Té qudc Viét Nam X& va cac to chirc chinh tri - xa hoi x&,")
vanban_cli_test(NAME tables.t12_deadlines ARGS tasks --no-restore ${_seed002}
                STDOUT_MATCHES "\r\n002_e5e4c2fdcfe86c56,[^\r]*,t12,[^\r]*,2026-01-30,day,2026-05-15; 2026-10-30,")
vanban_cli_test(NAME tables.t12_deadlines_listed ARGS deadlines --no-restore ${_seed002}
                STDOUT_MATCHES ",2026-01-30,day,[^\r]*,t12,[^\r]*\r\n[^\r]*,2026-05-15,day,[^\r]*,t12,[^\r]*\r\n[^\r]*,2026-10-30,day,[^\r]*,t12,")
vanban_cli_test(NAME tables.canonical_units ARGS tasks --no-restore ${_seed003}
                STDOUT_MATCHES ",Phòng Văn hóa – Xã hội; Ủy ban MTTQ xã,Phòng Văn hóa - Xã hội; Ủy ban Mặt trận Tổ quốc xã,")
