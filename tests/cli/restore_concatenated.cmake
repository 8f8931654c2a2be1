# A file holding two documents one after another (an OCR'd công văn, signed, then an
# OCR'd quyết định): restore writes what restoring each document alone writes, one after
# the other; --json gives one record each, whose tokens name the lines of the file, and
# --diff names the file's lines too.
file(MAKE_DIRECTORY ${WORK})
file(READ ${FIRST} first)
file(READ ${SECOND} second)
file(WRITE ${WORK}/first.txt "${first}")
file(WRITE ${WORK}/second.txt "${second}")
file(WRITE ${WORK}/two.txt "${first}${second}")
foreach(name first second two)
  execute_process(COMMAND ${EXE} restore --model ${MODEL} ${WORK}/${name}.txt
                  OUTPUT_VARIABLE out_${name} ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "restore ${name}.txt: exit ${rc}\n${err}")
  endif()
endforeach()
if(NOT out_two STREQUAL "${out_first}${out_second}")
  message(FATAL_ERROR "restore of two documents is not the two restored alone:\n${out_two}")
endif()
string(REGEX REPLACE "[^\n]" "" first_newlines "${first}")
string(LENGTH "${first_newlines}" first_lines)
execute_process(COMMAND ${EXE} restore --format jsonl --model ${MODEL} ${WORK}/two.txt
                OUTPUT_VARIABLE json ERROR_VARIABLE err RESULT_VARIABLE rc)
string(REGEX REPLACE "[^\n]" "" newlines "${json}")
string(LENGTH "${newlines}" records)
string(REGEX MATCH "\n[^\n]*" second_record "${json}")
string(REGEX MATCH "\"line\":([0-9]+)" line "${second_record}")
if(NOT rc EQUAL 0 OR NOT records EQUAL 2 OR NOT CMAKE_MATCH_1 GREATER first_lines)
  message(FATAL_ERROR "restore --format jsonl of two documents: exit ${rc}, ${records} records, "
                      "the second's first token on line ${CMAKE_MATCH_1} (first document: ${first_lines} lines)\n${err}")
endif()
execute_process(COMMAND ${EXE} restore --diff --model ${MODEL} ${WORK}/second.txt
                OUTPUT_VARIABLE diff_second RESULT_VARIABLE rc)
execute_process(COMMAND ${EXE} restore --diff --model ${MODEL} ${WORK}/two.txt
                OUTPUT_VARIABLE diff_two RESULT_VARIABLE rc2)
string(REGEX MATCH "@@ [^\n]*second.txt:([0-9]+) @@" hunk "${diff_second}")
math(EXPR expected "${CMAKE_MATCH_1} + ${first_lines}")
if(NOT rc EQUAL 0 OR NOT rc2 EQUAL 0 OR NOT diff_two MATCHES "two.txt:${expected} @@")
  message(FATAL_ERROR "restore --diff of two documents: the second's first change is not on line ${expected}\n${diff_two}")
endif()
