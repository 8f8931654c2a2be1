# Clerk and archivist workflows (issue 5): outline, tasks, refs, deadlines, export, check,
# index, search on samples/seeds. --no-restore keeps the output independent of the model.
set(_seed ${SAMPLES}/seeds/000_6071a54f6ab85aa7.txt)
set(_seed3 ${SAMPLES}/seeds/003_9804076c90d51208.txt)
vanban_cli_test(NAME workflow.outline ARGS outline --no-restore ${_seed}
                STDOUT_MATCHES "I\\. MUC PiCH, YEU CAU  \\[18-47\\]\n  1\\. Muc dich")
vanban_cli_test(NAME workflow.outline_md ARGS outline --no-restore --format md ${_seed3}
                STDOUT_MATCHES "- `I` I\\. MỤC ĐÍCH")
vanban_cli_test(NAME workflow.tasks_csv ARGS tasks --no-restore ${SAMPLES}/seeds/000_6071a54f6ab85aa7.txt ${_seed3}
                STDOUT_MATCHES "^doc_id,doc_symbol,issued_date,task_id,source,.*\n000_6071a54f6ab85aa7,34/KH-UBND,2026-01-21,t1,text,")
vanban_cli_test(NAME workflow.tasks_bom ARGS tasks --no-restore --bom ${_seed3} STDOUT_MATCHES "^[^d]+doc_id,")
vanban_cli_test(NAME workflow.tasks_tsv ARGS tasks --no-restore --format tsv ${_seed3} STDOUT_MATCHES "^doc_id\tdoc_symbol\t")
vanban_cli_test(NAME workflow.tasks_json ARGS tasks --no-restore --format json ${_seed3} STDOUT_MATCHES "\"task_id\": \"t1\"")
vanban_cli_test(NAME workflow.refs ARGS refs --no-restore ${_seed} STDOUT_MATCHES ",20/NQ-HĐND,state_admin,2025-12-19,")
vanban_cli_test(NAME workflow.refs_mentions ARGS refs --no-restore --mentions ${_seed} STDOUT_MATCHES "\n000_6071a54f6ab85aa7,r1,2,0,")
vanban_cli_test(NAME workflow.deadlines ARGS deadlines --no-restore ${_seed}
                STDOUT_MATCHES "000_6071a54f6ab85aa7,34/KH-UBND,d1,2026-06-05,yearly")
vanban_cli_test(NAME workflow.deadlines_ics ARGS deadlines --no-restore --ics --dtstamp 20260101T000000Z ${_seed}
                STDOUT_MATCHES "BEGIN:VEVENT\r\nUID:000_6071a54f6ab85aa7-d1@vanban\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20260605\r\nRRULE:FREQ=YEARLY\r\n")
vanban_cli_test(NAME workflow.export_md ARGS export --no-restore --to md ${_seed3} STDOUT_MATCHES "^# KẾ HOẠCH\n.*\n## I\\. MỤC ĐÍCH, YÊU CẦU\n.*\\| STT \\|")
vanban_cli_test(NAME workflow.export_html ARGS export --no-restore --to html ${_seed3}
                STDOUT_MATCHES "^<!DOCTYPE html>\n<html lang=\"vi\">.*<table class=\"pl\">.*</html>\n$")
vanban_cli_test(NAME workflow.export_json ARGS export --no-restore --to json ${_seed3} STDOUT_MATCHES "\"schema\": \"vanban.doc/1\"")
vanban_cli_test(NAME workflow.export_needs_to ARGS export ${_seed3} EXIT 2)
vanban_cli_test(NAME workflow.check ARGS check --no-restore ${_seed3} EXIT 1
                STDOUT_MATCHES "003_9804076c90d51208.txt:3: number-missing: .*:5: date-incomplete: ")
vanban_cli_test(NAME workflow.search_missing_db ARGS search x --db no-such.sqlite EXIT 1 STDERR_MATCHES "no such archive")

# Batch scenarios need several commands: a script per scenario.
foreach(_scenario incremental corrupt resume)
  add_test(NAME cli.workflow.index_${_scenario}
           COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:vanban_cli> -DSAMPLES=${SAMPLES} -DSCENARIO=${_scenario}
                   -DWORKDIR=${CMAKE_CURRENT_BINARY_DIR}/cli-work/index_${_scenario}
                   -P ${CMAKE_CURRENT_LIST_DIR}/workflow_index.cmake)
  set_tests_properties(cli.workflow.index_${_scenario} PROPERTIES LABELS cli)
endforeach()
