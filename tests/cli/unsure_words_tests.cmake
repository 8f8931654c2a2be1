# Unsure words (issue 9, item 3): `parse`, `export html`, `tasks` and `deadlines --ics` of
# an OCR'd seed read with the real model say which words of the header and the tasks the
# restorer was unsure of; a clean document's record has none (unsure_words.cmake).
add_test(NAME cli.unsure_words
         COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:vanban_cli> -DMODEL=${PROJECT_BINARY_DIR}/vanban.model
                 -DSAMPLES=${SAMPLES} -DWORKDIR=${CMAKE_CURRENT_BINARY_DIR}/cli-work/unsure_words
                 -P ${CMAKE_CURRENT_LIST_DIR}/unsure_words.cmake)
set_tests_properties(cli.unsure_words PROPERTIES LABELS cli TIMEOUT 300)
