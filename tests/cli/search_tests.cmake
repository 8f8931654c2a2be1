# Search and archive scenarios (issue 13 search and export, issue 10 item 6):
# tests/cli/workflow_search.cmake, one test per scenario.
foreach(_scenario ranking types usage plain export nodb readonly check)
  add_test(NAME cli.search.${_scenario}
           COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:vanban_cli> -DSAMPLES=${SAMPLES} -DSCENARIO=${_scenario}
                   -DWORKDIR=${CMAKE_CURRENT_BINARY_DIR}/cli-work/search_${_scenario}
                   -P ${CMAKE_CURRENT_LIST_DIR}/workflow_search.cmake)
  set_tests_properties(cli.search.${_scenario} PROPERTIES LABELS cli TIMEOUT 300)
endforeach()

# `search --queries`: many searches over one connection (tests/cli/search_session.py;
# the PostgreSQL side is pg.session).
find_program(VANBAN_PYTHON3 python3 PATHS /usr/bin NO_DEFAULT_PATH)
find_program(VANBAN_PYTHON3 python3)
add_test(NAME cli.search.session
         COMMAND ${VANBAN_PYTHON3} ${CMAKE_CURRENT_LIST_DIR}/search_session.py $<TARGET_FILE:vanban_cli> ${SAMPLES}
                 ${CMAKE_CURRENT_BINARY_DIR}/cli-work/search_session)
set_tests_properties(cli.search.session PROPERTIES LABELS cli TIMEOUT 300)
