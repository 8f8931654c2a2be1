# Long inputs (issue 10, item 5): a ~2 MB single line and 20,000 sections with the same id
# through parse and export html. Each was quadratic (the header joined the line word by
# word; HTML ids were searched from -2 up every time): minutes, now a second or two. The
# CTest TIMEOUT is the check, with room for a loaded machine; no test measures time itself.
set(LONG_DIR ${CMAKE_CURRENT_BINARY_DIR}/cli-work/long-input)
add_test(NAME cli.long_input.setup
  COMMAND ${CMAKE_COMMAND} -DDIR=${LONG_DIR} -DSEED=${PROJECT_SOURCE_DIR}/samples/seeds/000_6071a54f6ab85aa7.txt
          -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/make_long_inputs.cmake)
set_tests_properties(cli.long_input.setup PROPERTIES FIXTURES_SETUP long_inputs LABELS cli)

# A sanitizer build (CI's second step: Debug, ASan+UBSan) runs about 20 times slower: the
# 4 MB of bars take ~40 s there alone, past 60 s beside other tests. The quadratic check
# is the optimised build's; the sanitizer build checks memory errors on the same inputs.
if(VANBAN_SANITIZE)
  set(_long_input_timeout 600)
else()
  set(_long_input_timeout 60)
endif()
function(vanban_long_input_test)
  cmake_parse_arguments(T "" "NAME" "" ${ARGN})
  vanban_cli_test(NAME long_input.${T_NAME} ${T_UNPARSED_ARGUMENTS})
  set_tests_properties(cli.long_input.${T_NAME} PROPERTIES FIXTURES_REQUIRED long_inputs TIMEOUT ${_long_input_timeout})
endfunction()

vanban_long_input_test(NAME parse_line ARGS parse --no-restore --jsonl ${LONG_DIR}/longline.txt
                       STDOUT_MATCHES "^\\{\"schema\":\"vanban.doc/1\"")
vanban_long_input_test(NAME export_html_line ARGS export --no-restore --to html ${LONG_DIR}/longline.txt
                       STDOUT_MATCHES "</html>\n$")
# The restorer's reading of a bar as a heading's I looked along the whole run of bars from
# each one (quadratic in a unit: a 400 KB line of bars took 10 s).
vanban_long_input_test(NAME restore_bars ARGS restore --model ${PROJECT_BINARY_DIR}/vanban.model ${LONG_DIR}/bars.txt
                       STDOUT_MATCHES "\\|\\|\\. M[^\n]*\n$")
vanban_long_input_test(NAME export_html_sections ARGS export --no-restore --to html ${LONG_DIR}/sections.txt
                       STDOUT_MATCHES " id=\"s-D1-20000\"")

# index: a FIFO and a file over --max-size are reported (stderr and --log) and skipped, the
# other inputs indexed; a document over --timeout fails and the batch goes on; a device is
# refused by the other commands too.
foreach(_scenario limits timeout device)
  add_test(NAME cli.long_input.index_${_scenario}
           COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:vanban_cli> -DSAMPLES=${SAMPLES} -DSCENARIO=${_scenario}
                   -DMODEL=${VANBAN_FIXTURE_MODEL} -DWORKDIR=${CMAKE_CURRENT_BINARY_DIR}/cli-work/index_${_scenario}
                   -P ${CMAKE_CURRENT_LIST_DIR}/input_limits.cmake)
  set_tests_properties(cli.long_input.index_${_scenario} PROPERTIES LABELS cli TIMEOUT 60
                        SKIP_REGULAR_EXPRESSION "mknod not allowed here")
endforeach()
