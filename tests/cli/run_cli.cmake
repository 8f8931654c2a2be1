# Runs one CLI test: EXE with ARGS ("|!|"-separated), optional STDIN file; checks the exit
# code, stdout against EXPECT_STDOUT (byte for byte) and regexes on stdout/stderr.
string(REPLACE "|!|" ";" args "${ARGS}")
set(input_opt "")
if(STDIN)
  set(input_opt INPUT_FILE ${STDIN})
endif()
execute_process(COMMAND ${EXE} ${args} ${input_opt}
                WORKING_DIRECTORY ${WORKDIR}
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT "${rc}" STREQUAL "${EXIT}")
  message(FATAL_ERROR "exit code ${rc}, expected ${EXIT}\nstderr:\n${err}\nstdout (head):\n${out}")
endif()
if(EXPECT_STDOUT)
  # One file per test: tests run in parallel in the same WORKDIR.
  set(actual ${WORKDIR}/${NAME}.actual.out)
  file(WRITE ${actual} "${out}")
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${actual} ${EXPECT_STDOUT}
                  RESULT_VARIABLE diff)
  if(NOT diff EQUAL 0)
    execute_process(COMMAND diff -u ${EXPECT_STDOUT} ${actual} OUTPUT_VARIABLE d)
    message(FATAL_ERROR "stdout differs from ${EXPECT_STDOUT}:\n${d}")
  endif()
endif()
if(STDERR_MATCHES AND NOT err MATCHES "${STDERR_MATCHES}")
  message(FATAL_ERROR "stderr does not match '${STDERR_MATCHES}':\n${err}")
endif()
if(STDOUT_MATCHES AND NOT out MATCHES "${STDOUT_MATCHES}")
  message(FATAL_ERROR "stdout does not match '${STDOUT_MATCHES}':\n${out}")
endif()
