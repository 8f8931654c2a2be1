# The one rule for the restoration model in every command that restores (model_rule.cmake).
add_test(NAME cli.model_rule
         COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:vanban_cli> -DSAMPLES=${SAMPLES} -DMODEL=${VANBAN_FIXTURE_MODEL}
                 -DWORKDIR=${CMAKE_CURRENT_BINARY_DIR}/cli-work/model_rule -P ${CMAKE_CURRENT_LIST_DIR}/model_rule.cmake)
set_tests_properties(cli.model_rule PROPERTIES LABELS cli TIMEOUT 300)
