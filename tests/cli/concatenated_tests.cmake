# Several documents in one file (lib/src/parse/split_documents.cc).
add_test(NAME cli.concatenated_documents
  COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:vanban_cli> -DFIRST=${SAMPLES}/ocrsim/cong_van_1245_ubnd.clean.txt
          -DSECOND=${SAMPLES}/ocrsim/quyet_dinh_169_2025.clean.txt -DWORK=${CMAKE_CURRENT_BINARY_DIR}/cli-work/concat
          -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/concatenated_docs.cmake)
set_tests_properties(cli.concatenated_documents PROPERTIES LABELS cli)
