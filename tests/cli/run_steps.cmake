# Helpers of the multi-command CLI scenario scripts (workflow_index.cmake, input_limits.cmake),
# run with -DEXE=vanban -DWORKDIR=dir:
#   run(ARGS a... EXIT code [OUT var] [ERR var] [PREFIX cmd...] [INPUT file])
#                                                 runs vanban in WORKDIR (after PREFIX, e.g.
#                                                 setpriv ...; standard input from INPUT),
#                                                 checks the exit code
#   expect(text regex)                            fails unless text matches regex
#   expect_not(text regex)                        fails if text matches regex
function(run)
  cmake_parse_arguments(R "" "EXIT;OUT;ERR;INPUT" "ARGS;PREFIX" ${ARGN})
  set(input)
  if(R_INPUT)
    set(input INPUT_FILE ${R_INPUT})
  endif()
  execute_process(COMMAND ${R_PREFIX} ${EXE} ${R_ARGS} WORKING_DIRECTORY ${WORKDIR} ${input}
                  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT "${rc}" STREQUAL "${R_EXIT}")
    message(FATAL_ERROR "vanban ${R_ARGS}: exit ${rc}, expected ${R_EXIT}\n${err}\n${out}")
  endif()
  set(${R_OUT} "${out}" PARENT_SCOPE)
  set(${R_ERR} "${err}" PARENT_SCOPE)
endfunction()

function(expect text regex)
  if(NOT "${text}" MATCHES "${regex}")
    message(FATAL_ERROR "expected /${regex}/ in:\n${text}")
  endif()
endfunction()

function(expect_not text regex)
  if("${text}" MATCHES "${regex}")
    message(FATAL_ERROR "did not expect /${regex}/ (matched '${CMAKE_MATCH_0}') in:\n${text}")
  endif()
endfunction()
