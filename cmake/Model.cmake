# The restoration model is derived data: compiled from the text sources in
# dictionaries/ by `vanban build-model` at build time, installed to
# ${datadir}/vanban/vanban.model. The model module gets both locations so that the
# CLI finds the model without options (--model > $VANBAN_MODEL > build > install).
set(VANBAN_DICT_DIR ${PROJECT_SOURCE_DIR}/dictionaries)
set(VANBAN_MODEL_FILE ${PROJECT_BINARY_DIR}/vanban.model)
target_compile_definitions(vanban_model PRIVATE
  VANBAN_BUILD_MODEL_PATH="${VANBAN_MODEL_FILE}"
  VANBAN_INSTALL_MODEL_PATH="${CMAKE_INSTALL_FULL_DATADIR}/vanban/vanban.model")

if(EXISTS ${VANBAN_DICT_DIR}/vocab.tsv)
  file(GLOB VANBAN_DICT_SOURCES CONFIGURE_DEPENDS ${VANBAN_DICT_DIR}/ngrams-*.txt.xz ${VANBAN_DICT_DIR}/*.tsv
       ${VANBAN_DICT_DIR}/*.txt)
  # Rebuilt when the sources or the format/estimation code change, not on every
  # relink of the CLI (the command only needs the binary to exist).
  add_custom_command(OUTPUT ${VANBAN_MODEL_FILE}
    COMMAND vanban_cli build-model ${VANBAN_DICT_DIR} -o ${VANBAN_MODEL_FILE}
    DEPENDS ${VANBAN_DICT_SOURCES}
            ${PROJECT_SOURCE_DIR}/lib/src/model/model_format.h
            ${PROJECT_SOURCE_DIR}/lib/src/model/model_builder.cc
    COMMENT "Compiling the restoration model from dictionaries/"
    VERBATIM)
  add_custom_target(vanban_model_file ALL DEPENDS ${VANBAN_MODEL_FILE})
  add_dependencies(vanban_model_file vanban_cli)
  install(FILES ${VANBAN_MODEL_FILE} DESTINATION ${CMAKE_INSTALL_DATADIR}/vanban)
else()
  message(WARNING "dictionaries/vocab.tsv not found: no restoration model will be built "
                  "(run 'vanban train' first)")
endif()
