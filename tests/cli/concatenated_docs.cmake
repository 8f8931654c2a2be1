# A file holding two documents one after another (a công văn, signed, then a quyết định):
# parse writes one record each, export md keeps the second document's text, and both say
# on stderr that the file holds two documents.
file(MAKE_DIRECTORY ${WORK})
file(READ ${FIRST} first)
file(READ ${SECOND} second)
file(WRITE ${WORK}/two.txt "${first}\n${second}")
execute_process(COMMAND ${EXE} parse --no-restore --fields header ${WORK}/two.txt
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
string(REGEX REPLACE "[^\n]" "" newlines "${out}")  # one record per line
string(LENGTH "${newlines}" n)
if(NOT rc EQUAL 0 OR NOT n EQUAL 2 OR NOT out MATCHES "\n[^\n]*\"number\":\"169\""
   OR NOT err MATCHES "two\\.txt: warning: holds 2 documents")
  message(FATAL_ERROR "parse of two documents: exit ${rc}, ${n} records\n${out}\n${err}")
endif()
execute_process(COMMAND ${EXE} export --to md --no-restore ${WORK}/two.txt
                OUTPUT_VARIABLE md ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT md MATCHES "Thủ trưởng các đơn vị thuộc Bộ" OR NOT md MATCHES "169/QĐ"
   OR NOT err MATCHES "holds 2 documents")
  message(FATAL_ERROR "export md of two documents lost the second: exit ${rc}\n${md}\n${err}")
endif()
