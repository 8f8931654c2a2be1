# Clerk and archivist workflows (issue 5): outline, tasks, refs, deadlines, export, check,
# index, search on samples/seeds and samples/ocrsim. --no-restore keeps the output
# independent of the model (the restorer is still improving); the validator tests run
# with the model too, since validity must not depend on what the restorer writes.
set(_seed ${SAMPLES}/seeds/000_6071a54f6ab85aa7.txt)
set(_seed2 ${SAMPLES}/seeds/002_e5e4c2fdcfe86c56.txt)
set(_seed3 ${SAMPLES}/seeds/003_9804076c90d51208.txt)
file(GLOB _all_samples ${SAMPLES}/seeds/*.txt ${SAMPLES}/ocrsim/*.txt)
set(WF ${CMAKE_CURRENT_BINARY_DIR}/cli-work/workflow)

# ---- outline ---------------------------------------------------------------------------
vanban_cli_test(NAME workflow.outline ARGS outline --no-restore ${_seed}
                STDOUT_MATCHES "^I\\. MUC PICH, YEU CAU  \\[18-47\\]\n  1\\. Muc dich  \\[20-31\\]\n    a\\) ")
vanban_cli_test(NAME workflow.outline_md ARGS outline --no-restore --format md ${_seed3}
                STDOUT_MATCHES "^# I\\. MỤC ĐÍCH, YÊU CẦU\n\n## 1\\. Mục đích\n\n## 2\\. Yêu cầu\n\n# II\\. NỘI DUNG\n\n## 1\\. Công tác quán triệt, thông tin, tuyên truyền\n\n### a\\) .*\n# PHỤ LỤC II: [^\n]+ \\(1 table, [0-9]+ rows\\)\n$")
vanban_cli_test(NAME workflow.outline_md_files ARGS outline --no-restore --format md ${_seed} ${_seed3}
                STDOUT_MATCHES "^# [^\n]*000_6071a54f6ab85aa7.txt\n\n## I\\. MUC PICH.*\n\n# [^\n]*003_9804076c90d51208.txt\n\n## I\\. MỤC ĐÍCH")
vanban_cli_test(NAME workflow.outline_stdin_lines ARGS outline --no-restore STDIN ${_seed3}
                STDOUT_MATCHES "^I\\. MỤC ĐÍCH, YÊU CẦU  \\[13-27\\]\n")

# ---- tasks, refs, deadlines ----------------------------------------------------------------
vanban_cli_test(NAME workflow.tasks_csv ARGS tasks --no-restore ${_seed} ${_seed3}
                STDOUT_MATCHES "^doc_id,doc_symbol,issued_date,issued_date_precision,task_id,source,appendix,section_path,stt,group_stt,group_text,task_text,timeline_label_vi,timeline_raw,timeline_kind,deadline_date,deadline_date_precision,other_deadline_dates,recurrence,lead_raw,lead_units,support_raw,support_units,executor_raw,executor_units,product,line_start,line_end,page_break_inside,confidence,flags,unsure_words\r\n000_6071a54f6ab85aa7,34/KH-UBND,2026-01-21,day,t1,text,")
vanban_cli_test(NAME workflow.tasks_table_rows ARGS tasks --no-restore ${_seed3}
                STDOUT_MATCHES "\r\n003_9804076c90d51208,/KH-UBND,2025-01,month,t[0-9]+,table,PL-I,")
vanban_cli_test(NAME workflow.tasks_bom ARGS tasks --no-restore --bom ${_seed3} STDOUT_MATCHES "^[^d]+doc_id,")
vanban_cli_test(NAME workflow.tasks_tsv ARGS tasks --no-restore --format tsv ${_seed3} STDOUT_MATCHES "^doc_id\tdoc_symbol\t[^\r]*\n003_")
vanban_cli_test(NAME workflow.tasks_json ARGS tasks --no-restore --format json ${_seed3}
                STDOUT_MATCHES "^\\[\n  \\{\n    \"doc_id\": \"003_9804076c90d51208\",.*\"task_id\": \"t1\",.*\"lead_units\": \\[.*\"line_start\": [0-9]+,.*\"page_break_inside\": (true|false),")
vanban_cli_test(NAME workflow.refs ARGS refs --no-restore ${_seed} STDOUT_MATCHES ",20/NQ-HĐND,state_admin,2025-12-19,")
vanban_cli_test(NAME workflow.refs_mentions ARGS refs --no-restore --mentions ${_seed} STDOUT_MATCHES "\r\n000_6071a54f6ab85aa7,r1,2,0,")
vanban_cli_test(NAME workflow.refs_json ARGS refs --no-restore --format json ${_seed2}
                STDOUT_MATCHES "\"full_symbol\": \"04-NQ/TU\",\n    \"style\": \"party\"")
vanban_cli_test(NAME workflow.deadlines ARGS deadlines --no-restore ${_seed}
                STDOUT_MATCHES "^doc_id,doc_symbol,deadline_id,date,date_precision,recurrence,year_inferred,text,task_id,task_text,lead_units,support_units,executor_units,line_start,line_end\r\n000_6071a54f6ab85aa7,34/KH-UBND,d1,2026-06-05,day,yearly,[01],bao cao 6 thang trudc ngay 05/6,t3,[^\r]*,Phong Van hoa - Xa hoi,")
vanban_cli_test(NAME workflow.deadlines_ics ARGS deadlines --no-restore --ics --dtstamp 20260101T000000Z ${_seed}
                STDOUT_MATCHES "^BEGIN:VCALENDAR\r\nVERSION:2.0\r\n.*BEGIN:VEVENT\r\nUID:d1-[0-9a-f]+@vanban\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20260605\r\nRRULE:FREQ=YEARLY\r\nSUMMARY:34/KH-UBND: ")
vanban_cli_test(NAME workflow.deadlines_bad_dtstamp ARGS deadlines --ics --dtstamp yesterday ${_seed} EXIT 2)

# ---- export, check ------------------------------------------------------------------------
vanban_cli_test(NAME workflow.export_md ARGS export --no-restore --to md ${_seed3}
                STDOUT_MATCHES "^# KẾ HOẠCH\n.*\n## I\\. MỤC ĐÍCH, YÊU CẦU\n\n### 1\\. Mục đích\n\n- Xác định [^\n]*\n- Nâng cao .*\n- \\*\\*Cơ quan chủ trì:\\*\\* Phòng Văn hóa - Xã hội\n.*\n## PHỤ LỤC I\n.*\n\\| STT \\| Nhiệm vụ cụ thể \\| Lộ trình thực hiện \\| Cơ quan chủ trì \\| Cơ quan phối hợp \\|\n\\|---\\|")
vanban_cli_test(NAME workflow.export_html ARGS export --no-restore --to html ${_seed3}
                STDOUT_MATCHES "^<!DOCTYPE html>\n<html lang=\"vi\">.*<table class=\"pl\">.*</html>\n$")
vanban_cli_test(NAME workflow.export_json ARGS export --no-restore --to json ${_seed3}
                STDOUT_MATCHES "^\\{\n  \"schema\": \"vanban.doc/1\",.*\n  \"archival\": \\{\n    \"TypeName\": \"Kế hoạch\",.*\n  \"dublin_core\": \\{\n    \"title\": ")
vanban_cli_test(NAME workflow.export_jsonl ARGS export --no-restore --to jsonl ${_seed} ${_seed3}
                STDOUT_MATCHES "^\\{\"schema\":\"vanban.doc/1\"[^\n]*\"dublin_core\":[^\n]*\\}\n\\{\"schema\":\"vanban.doc/1\"[^\n]*\\}\n$")
vanban_cli_test(NAME workflow.export_needs_to ARGS export ${_seed3} EXIT 2)
vanban_cli_test(NAME workflow.export_html_one_file ARGS export --to html ${_seed} ${_seed3} EXIT 2 STDERR_MATCHES "one standalone page")
vanban_cli_test(NAME workflow.check ARGS check --no-restore ${_seed3} EXIT 1
                STDOUT_MATCHES "003_9804076c90d51208.txt:3: number-missing: .*:5: date-incomplete: ")
vanban_cli_test(NAME workflow.check_json ARGS check --no-restore --format json ${_seed3} EXIT 1
                STDOUT_MATCHES "^\\[\n  \\{\n    \"file\": \"[^\"]*003_9804076c90d51208.txt\",\n.*\"line\": 3,\n    \"code\": \"number-missing\",")
vanban_cli_test(NAME workflow.export_format_alias ARGS export --no-restore --format md ${_seed3} STDOUT_MATCHES "^# KẾ HOẠCH\n")
vanban_cli_test(NAME workflow.check_dieu ARGS check --no-restore ${SAMPLES}/ocrsim/nghi_dinh_118_2026.clean.txt EXIT 1
                STDOUT_MATCHES "nghi_dinh_118_2026.clean.txt:55: numbering-gap: Điều 15 follows Điều 3 \\(11 missing\\)\n")
vanban_cli_test(NAME workflow.check_clean ARGS check --no-restore ${SAMPLES}/ocrsim/cong_van_1245_ubnd.clean.txt
                STDOUT_MATCHES "^$")
vanban_cli_test(NAME workflow.search_missing_db ARGS search x --db no-such.sqlite EXIT 1 STDERR_MATCHES "no such archive")

# ---- every command: examples in --help, error paths -------------------------------------
add_test(NAME cli.workflow.inputs
         COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:vanban_cli> -DSAMPLES=${SAMPLES} -DSCENARIO=inputs
                 -DWORKDIR=${WF} -P ${CMAKE_CURRENT_LIST_DIR}/workflow_index.cmake)
set_tests_properties(cli.workflow.inputs PROPERTIES FIXTURES_SETUP workflow_inputs LABELS cli)
function(vanban_workflow_test)
  cmake_parse_arguments(T "" "NAME" "" ${ARGN})
  vanban_cli_test(NAME workflow.${T_NAME} ${T_UNPARSED_ARGUMENTS})
  set_tests_properties(cli.workflow.${T_NAME} PROPERTIES FIXTURES_REQUIRED workflow_inputs)
endfunction()

foreach(cmd outline tasks refs deadlines export check header index search)
  vanban_cli_test(NAME workflow.${cmd}_help ARGS ${cmd} --help STDOUT_MATCHES "Examples:\n  vanban ${cmd} ")
endforeach()
foreach(cmd outline tasks refs deadlines export check)
  set(args ${cmd} --no-restore)
  set(bad_format --format bogus)
  if(cmd STREQUAL "export")
    list(APPEND args --to md)
    set(bad_format --to pdf)
  endif()
  vanban_workflow_test(NAME ${cmd}_missing ARGS ${args} ${WF}/missing.txt EXIT 1 STDERR_MATCHES "^vanban: [^\n]*missing.txt: no such file\n$")
  vanban_workflow_test(NAME ${cmd}_directory ARGS ${args} ${WF}/adir EXIT 1 STDERR_MATCHES "adir: is a directory")
  vanban_workflow_test(NAME ${cmd}_binary ARGS ${args} ${WF}/binary.txt EXIT 1 STDERR_MATCHES "binary.txt:1: binary data, not text \\(NUL byte at byte [0-9]+\\)")
  vanban_workflow_test(NAME ${cmd}_bad_format ARGS ${args} ${bad_format} ${_seed} EXIT 2)
  vanban_workflow_test(NAME ${cmd}_unwritable ARGS ${args} -o ${WF}/no-dir/out.txt ${_seed} EXIT 1 STDERR_MATCHES "cannot create")
  vanban_workflow_test(NAME ${cmd}_over_input ARGS ${args} -o ${WF}/in.txt ${WF}/in.txt EXIT 2 STDERR_MATCHES "refusing to write the output over the input")
  set(stdin_exit 0)
  if(cmd STREQUAL "check")
    set(stdin_exit 1)  # 003 is an unnumbered draft: findings
  endif()
  vanban_workflow_test(NAME ${cmd}_stdin ARGS ${args} STDIN ${_seed3} EXIT ${stdin_exit} STDOUT_MATCHES "(<stdin>|-,|MỤC|KẾ HOẠCH)")
  # A bad file among good ones: reported, the good one is still processed, exit 1.
  vanban_workflow_test(NAME ${cmd}_bad_among_good ARGS ${args} ${WF}/binary.txt ${_seed3} EXIT 1
                       STDERR_MATCHES "binary.txt:1: binary data" STDOUT_MATCHES "(003|1\\.|MỤC|KẾ HOẠCH)")
  if(cmd STREQUAL "check")
    vanban_workflow_test(NAME ${cmd}_empty ARGS ${args} ${WF}/empty.txt EXIT 1 STDOUT_MATCHES "empty.txt:1: not-administrative: ")
  else()
    vanban_workflow_test(NAME ${cmd}_empty ARGS ${args} ${WF}/empty.txt STDERR_MATCHES "^vanban: [^\n]*empty.txt: warning: empty input\n$")
  endif()
endforeach()
vanban_workflow_test(NAME export_stdin_name ARGS export --no-restore --to html STDIN ${_seed3} STDOUT_MATCHES "<h1>KẾ HOẠCH</h1>")
vanban_workflow_test(NAME outline_bad_model ARGS outline --model ${WF}/missing.model ${_seed} EXIT 1
                     STDERR_MATCHES "missing.model: no such model file \\(--no-restore parses without restoring\\)")

# ---- outputs checked by independent parsers (tests/cli/validate_output.py) -------------
# Debian's python3 (with python3-icalendar from .ci/setup), not a virtualenv's.
find_program(VANBAN_PYTHON3 python3 PATHS /usr/bin NO_DEFAULT_PATH)
find_program(VANBAN_PYTHON3 python3)
set(_validate ${CMAKE_CURRENT_LIST_DIR}/validate_output.py)
function(vanban_validated_test name kind)
  if(NOT VANBAN_PYTHON3)
    add_test(NAME cli.workflow.valid.${name} COMMAND ${CMAKE_COMMAND} -E echo "python3 not found: run .ci/setup")
    set_tests_properties(cli.workflow.valid.${name} PROPERTIES WILL_FAIL TRUE LABELS cli)
    return()
  endif()
  cmake_parse_arguments(V "" "" "CHECKS;ARGS" ${ARGN})
  add_test(NAME cli.workflow.valid.${name}
           COMMAND ${VANBAN_PYTHON3} ${_validate} ${kind} ${V_CHECKS} -- $<TARGET_FILE:vanban_cli> ${V_ARGS})
  set_tests_properties(cli.workflow.valid.${name} PROPERTIES LABELS cli TIMEOUT 120)
endfunction()
set(_task_columns "doc_id,doc_symbol,issued_date,issued_date_precision,task_id,source,appendix,section_path,stt,group_stt,group_text,task_text,timeline_label_vi,timeline_raw,timeline_kind,deadline_date,deadline_date_precision,other_deadline_dates,recurrence,lead_raw,lead_units,support_raw,support_units,executor_raw,executor_units,product,line_start,line_end,page_break_inside,confidence,flags,unsure_words")
# 000: three yearly reports (6-month, 9-month, year) of one task led by Phòng Văn hóa - Xã hội
# (OCR text as it is: --no-restore).
vanban_validated_test(ics_000 ics CHECKS --events 3 --rrules 3 --text "Chủ trì: Phong Van hoa - Xa hoi"
                      --text "Thời hạn: bao cdo 9 thang trude 10/9 (hằng năm)"
                      --text "Văn bản: KẾ HOẠCH số 34/KH-UBND ngày 21 tháng 01 năm 2026"
                      ARGS deadlines --no-restore --ics ${_seed})
# 002: four dated one-off deadlines, e.g. "Hoàn thành trước ngày 30/5/2026".
vanban_validated_test(ics_002 ics CHECKS --events 4 --rrules 0 --text "Thời hạn: Hoan thanh trude ngay 30/5/2026"
                      ARGS deadlines --no-restore --ics ${_seed2})
vanban_validated_test(ics_all_restored ics ARGS deadlines --ics --remind 3 ${_all_samples})
vanban_validated_test(csv_tasks csv CHECKS --columns ${_task_columns} ARGS tasks --no-restore ${_all_samples})
vanban_validated_test(csv_tasks_bom csv CHECKS --bom --columns ${_task_columns} ARGS tasks --bom ${_all_samples})
vanban_validated_test(csv_refs csv CHECKS --text "04-NQ/TU" ARGS refs --no-restore --mentions ${_all_samples})
vanban_validated_test(csv_deadlines csv ARGS deadlines ${_all_samples})
foreach(f ${_all_samples})
  get_filename_component(n ${f} NAME)
  string(REPLACE ".txt" "" n ${n})
  vanban_validated_test(html_${n} html ARGS export --to html ${f})
endforeach()
vanban_validated_test(html_003_text html CHECKS --text "PHỤ LỤC II" --text "Nơi nhận:" --text "Vũ Thị Hòa"
                      --text "Bình Giang, ngày … tháng 01 năm 2025" ARGS export --no-restore --to html ${_seed3})

# ---- index and search: scenarios with several commands (workflow_index.cmake) -------------
foreach(_scenario incremental corrupt resume refuse)
  add_test(NAME cli.workflow.index_${_scenario}
           COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:vanban_cli> -DSAMPLES=${SAMPLES} -DSCENARIO=${_scenario}
                   -DWORKDIR=${CMAKE_CURRENT_BINARY_DIR}/cli-work/index_${_scenario}
                   -P ${CMAKE_CURRENT_LIST_DIR}/workflow_index.cmake)
  set_tests_properties(cli.workflow.index_${_scenario} PROPERTIES LABELS cli TIMEOUT 300)
endforeach()
