# Runs EXE with ARGS ("|!|"-separated, as vanban_cli_test passes them) plus "-o OUT", expects
# exit 0, and checks the size of OUT against the variable SIZE_VAR and its first bytes
# against HEAD_VAR, both from SIZES (written by make_bad_inputs.cmake). Big outputs never
# pass through a CMake variable.
string(REPLACE "|!|" ";" args "${ARGS}")
include(${SIZES})
file(REMOVE ${OUT})
execute_process(COMMAND ${EXE} ${args} -o ${OUT} RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "exit code ${rc}, expected 0\nstderr:\n${err}")
endif()
if(NOT EXISTS ${OUT})
  message(FATAL_ERROR "no output file ${OUT}")
endif()
file(SIZE ${OUT} size)
if(NOT size EQUAL "${${SIZE_VAR}}")
  message(FATAL_ERROR "output is ${size} bytes, expected ${${SIZE_VAR}}")
endif()
string(LENGTH "${${HEAD_VAR}}" head_len)
file(READ ${OUT} head LIMIT ${head_len})
string(SUBSTRING "${head}" 0 ${head_len} head)  # file(READ LIMIT) may append a newline
if(NOT head STREQUAL "${${HEAD_VAR}}")
  message(FATAL_ERROR "output starts with '${head}', expected '${${HEAD_VAR}}'")
endif()
file(REMOVE ${OUT})
