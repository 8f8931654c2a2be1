# PostgreSQL archive tests (tests/pg) against a real server: pg.cluster.start initialises a
# throwaway cluster (CTest fixture), the scenarios each use a database of their own, and
# pg.cluster.stop removes it. Without PostgreSQL they skip (exit 77), under CI=true they fail.
set(VANBAN_PG_DIR ${PROJECT_SOURCE_DIR}/tests/pg)
set(VANBAN_PG_STATE ${CMAKE_CURRENT_BINARY_DIR}/pg-cluster.state)
add_test(NAME pg.cluster.start COMMAND ${VANBAN_PG_DIR}/pg_cluster.sh start ${VANBAN_PG_STATE})
set_tests_properties(pg.cluster.start PROPERTIES FIXTURES_SETUP vanban_pg SKIP_RETURN_CODE 77 LABELS pg)
add_test(NAME pg.cluster.stop COMMAND ${VANBAN_PG_DIR}/pg_cluster.sh stop ${VANBAN_PG_STATE})
set_tests_properties(pg.cluster.stop PROPERTIES FIXTURES_CLEANUP vanban_pg LABELS pg)
foreach(scenario index workers kill errors input jsonl parity dense filtered session restart readonly check upgrade)
  add_test(NAME pg.${scenario}
           COMMAND ${VANBAN_PG_DIR}/pg_scenarios.sh ${scenario} $<TARGET_FILE:vanban_cli> ${VANBAN_PG_STATE}
                   ${SAMPLES} ${CMAKE_CURRENT_BINARY_DIR}/pg-work/${scenario})
  set_tests_properties(pg.${scenario} PROPERTIES FIXTURES_REQUIRED vanban_pg SKIP_RETURN_CODE 77 LABELS pg TIMEOUT 300)
endforeach()
