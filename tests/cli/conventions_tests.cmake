# The conventions of docs/cli.md (issue 13): one name for standard input, one output
# format vocabulary, one field name per field, usage errors in vanban's words, help and
# man page from the same descriptions, per-file outputs. --no-restore: model-independent.
set(_cseed ${SAMPLES}/seeds/003_9804076c90d51208.txt)
set(_cseed0 ${SAMPLES}/seeds/000_6071a54f6ab85aa7.txt)

# ---- standard input is <stdin> in records as in messages --------------------------------
vanban_cli_test(NAME conv.stdin_tasks ARGS tasks --no-restore --format jsonl STDIN ${_cseed}
                STDOUT_MATCHES "^\\{\"doc_id\":\"<stdin>\",")
vanban_cli_test(NAME conv.stdin_header ARGS header --no-restore --format jsonl STDIN ${_cseed}
                STDOUT_MATCHES "^\\{\"file\":\"<stdin>\",")
vanban_cli_test(NAME conv.stdin_parse ARGS parse --no-restore --fields source STDIN ${_cseed}
                STDOUT_MATCHES "^\\{\"schema\":\"vanban.doc/1\",\"source\":\\{\"path\":\"<stdin>\"")
vanban_cli_test(NAME conv.stdin_check ARGS check --no-restore STDIN ${_cseed} EXIT 1
                STDOUT_MATCHES "^<stdin>:1: motto-missing: [^\n]*\n<stdin>:3: number-missing: ")

# ---- json is one document, jsonl one record per line, in every command ------------------
vanban_cli_test(NAME conv.tasks_jsonl ARGS tasks --no-restore --format jsonl ${_cseed0} ${_cseed}
                STDOUT_MATCHES "^\\{\"doc_id\":\"000_6071a54f6ab85aa7\",[^\n]*\"line_start\":[0-9]+,[^\n]*\\}\n(\\{\"doc_id\":[^\n]*\\}\n)*\\{\"doc_id\":\"003_9804076c90d51208\",[^\n]*\\}\n$")
vanban_cli_test(NAME conv.refs_jsonl ARGS refs --no-restore --format jsonl ${_cseed0}
                STDOUT_MATCHES "^(\\{\"doc_id\":\"000_6071a54f6ab85aa7\",\"ref_id\":\"r[0-9]+\"[^\n]*\\}\n)+$")
vanban_cli_test(NAME conv.deadlines_jsonl ARGS deadlines --no-restore --format jsonl ${_cseed0}
                STDOUT_MATCHES "^\\{\"doc_id\":\"000_6071a54f6ab85aa7\",\"doc_symbol\":\"34/KH-UBND\",\"deadline_id\":\"d1\",\"date\":\"2026-06-05\"")
vanban_cli_test(NAME conv.check_jsonl ARGS check --no-restore --format jsonl ${_cseed} EXIT 1
                STDOUT_MATCHES "^\\{\"file\":\"[^\"]*003_9804076c90d51208.txt\",\"line\":1,\"code\":\"motto-missing\",[^\n]*\\}\n\\{\"file\"[^\n]*\"line\":3,")
vanban_cli_test(NAME conv.header_json_array ARGS header --no-restore --format json ${_cseed0} ${_cseed}
                STDOUT_MATCHES "^\\[\n  \\{\n    \"file\": \"[^\"]*000_6071a54f6ab85aa7.txt\",\n    \"number\": \"34\",\n    \"symbol\": \"KH-UBND\",\n    \"type\": \"KH\",\n    \"issued_date\": \"2026-01-21\",.*\n  \\},\n  \\{\n    \"file\": \"[^\"]*003_9804076c90d51208.txt\",.*\n  \\}\n\\]\n$")
vanban_cli_test(NAME conv.deadlines_json_array ARGS deadlines --no-restore --format json ${_cseed0}
                STDOUT_MATCHES "^\\[\n  \\{\n    \"doc_id\": \"000_6071a54f6ab85aa7\",.*\n  \\}\n\\]\n$")
vanban_cli_test(NAME conv.export_json_several ARGS export --no-restore --format json ${_cseed0} ${_cseed}
                EXIT 2 STDERR_MATCHES "^vanban: --format json: one JSON document per document: use --format jsonl")
vanban_cli_test(NAME conv.parse_json_several ARGS parse --no-restore --format json ${_cseed0} ${_cseed}
                EXIT 2 STDERR_MATCHES "use --format jsonl")
vanban_cli_test(NAME conv.export_jsonl ARGS export --no-restore --format jsonl ${_cseed0} ${_cseed}
                STDOUT_MATCHES "^\\{\"schema\":\"vanban.doc/1\"[^\n]*\\}\n\\{\"schema\":\"vanban.doc/1\"[^\n]*\\}\n$")

# ---- nothing on the output until there is a record -----------------------------------------
vanban_cli_test(NAME conv.tasks_missing_input ARGS tasks --no-restore nope.txt EXIT 1
                STDOUT_MATCHES "^$" STDERR_MATCHES "^vanban: nope.txt: no such file\n$")
vanban_cli_test(NAME conv.header_missing_input ARGS header --no-restore nope.txt EXIT 1 STDOUT_MATCHES "^$")
vanban_cli_test(NAME conv.tasks_json_missing_input ARGS tasks --no-restore --format json nope.txt EXIT 1 STDOUT_MATCHES "^$")
vanban_cli_test(NAME conv.deadlines_ics_missing_input ARGS deadlines --no-restore --ics nope.txt EXIT 1 STDOUT_MATCHES "^$")

# ---- usage errors: vanban's words, "did you mean", exit 2 ------------------------------------
vanban_cli_test(NAME conv.unknown_command ARGS resotre x EXIT 2
                STDERR_MATCHES "^vanban: unknown command 'resotre'; did you mean 'restore'\\?\n")
vanban_cli_test(NAME conv.unknown_option ARGS restore --ouput x.txt EXIT 2
                STDERR_MATCHES "^vanban: restore: unknown option '--ouput'; did you mean '--output'\\?\n")
vanban_cli_test(NAME conv.unknown_option_far ARGS strip --zzzzzz EXIT 2
                STDERR_MATCHES "^vanban: strip: unknown option '--zzzzzz'\nvanban: 'vanban help strip' lists the options\n$")
vanban_cli_test(NAME conv.parse_error_prefix ARGS convert --from klingon ${_cseed} EXIT 2
                STDERR_MATCHES "^(vanban: [^\n]*\n)+$")
vanban_cli_test(NAME conv.bad_choice ARGS tasks --format xml ${_cseed} EXIT 2
                STDERR_MATCHES "^vanban: tasks: --format: 'xml' is not one of: csv, tsv, json, jsonl\n")
vanban_cli_test(NAME conv.missing_required ARGS search x EXIT 2 STDERR_MATCHES "^vanban: search: [^\n]*--db[^\n]*\n")
vanban_cli_test(NAME conv.help_list ARGS help STDOUT_MATCHES "Subcommands:\n.*restore.*\n  help ")
vanban_cli_test(NAME conv.help_command ARGS help restore STDOUT_MATCHES "Usage: vanban restore \\[OPTIONS\\] \\[FILE\\.\\.\\.\\]\n.*--explain")
vanban_cli_test(NAME conv.help_unknown ARGS help resotre EXIT 2 STDERR_MATCHES "did you mean 'restore'\\?")

# ---- scenarios: man page, help texts, completion, per-file outputs (conventions.cmake) ------
foreach(_scenario man help completion output_dir)
  add_test(NAME cli.conv.${_scenario}
           COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:vanban_cli> -DSAMPLES=${SAMPLES} -DSCENARIO=${_scenario}
                   -DWORKDIR=${CMAKE_CURRENT_BINARY_DIR}/cli-work/conv_${_scenario}
                   -P ${CMAKE_CURRENT_LIST_DIR}/conventions.cmake)
  set_tests_properties(cli.conv.${_scenario} PROPERTIES LABELS cli TIMEOUT 120)
endforeach()
