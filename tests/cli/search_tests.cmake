# Search and archive scenarios (issue 13 search and export, issue 10 item 6):
# tests/cli/workflow_search.cmake, one test per scenario.
foreach(_scenario ranking types usage plain export nodb readonly check)
  add_test(NAME cli.search.${_scenario}
           COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:vanban_cli> -DSAMPLES=${SAMPLES} -DSCENARIO=${_scenario}
                   -DWORKDIR=${CMAKE_CURRENT_BINARY_DIR}/cli-work/search_${_scenario}
                   -P ${CMAKE_CURRENT_LIST_DIR}/workflow_search.cmake)
  set_tests_properties(cli.search.${_scenario} PROPERTIES LABELS cli TIMEOUT 300)
endforeach()
