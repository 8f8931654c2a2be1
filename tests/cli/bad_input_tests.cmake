# The CLI on bad input: empty, binary, huge, one-line, missing, directory, invalid UTF-8.
# Inputs are generated at test time into the build tree by make_bad_inputs.cmake (fixture
# "bad_inputs"); nothing big is committed.
set(BAD_DIR ${CMAKE_CURRENT_BINARY_DIR}/cli-work/bad-input)
add_test(NAME cli.bad_input.setup
  COMMAND ${CMAKE_COMMAND} -DDIR=${BAD_DIR} -DEXE=$<TARGET_FILE:vanban_cli>
          -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/make_bad_inputs.cmake)
set_tests_properties(cli.bad_input.setup PROPERTIES FIXTURES_SETUP bad_inputs LABELS cli)

# A path as a literal regex (build paths may contain + or . ).
function(vanban_regex_escape out text)
  string(REGEX REPLACE "([][+.*?()^$|\\\\])" "\\\\\\1" escaped "${text}")
  set(${out} "${escaped}" PARENT_SCOPE)
endfunction()

# vanban_bad_input_test(NAME n ARGS a... [EXIT c] [STDERR_MATCHES r] [STDOUT_MATCHES r]
#                       [EXPECT_STDOUT f]): vanban_cli_test needing the generated inputs.
function(vanban_bad_input_test)
  cmake_parse_arguments(T "" "NAME" "" ${ARGN})
  vanban_cli_test(NAME bad_input.${T_NAME} ${T_UNPARSED_ARGUMENTS})
  set_tests_properties(cli.bad_input.${T_NAME} PROPERTIES FIXTURES_REQUIRED bad_inputs TIMEOUT 60)
endfunction()

vanban_regex_escape(missing_re ${BAD_DIR}/missing.txt)
vanban_regex_escape(dir_re ${BAD_DIR}/adir)
vanban_regex_escape(junk_re ${BAD_DIR}/junk.bin)
vanban_regex_escape(invalid_re ${BAD_DIR}/invalid.txt)

foreach(cmd convert strip restore)
  # Empty input: success, empty output.
  vanban_bad_input_test(NAME ${cmd}_empty ARGS ${cmd} ${BAD_DIR}/empty.txt
                        EXPECT_STDOUT ${BAD_DIR}/empty.txt)
  vanban_bad_input_test(NAME ${cmd}_empty_stdin ARGS ${cmd} STDIN ${BAD_DIR}/empty.txt
                        EXPECT_STDOUT ${BAD_DIR}/empty.txt)
  # Missing file and a directory: exit 1, "vanban: PATH: message".
  vanban_bad_input_test(NAME ${cmd}_missing ARGS ${cmd} ${BAD_DIR}/missing.txt EXIT 1
                        STDERR_MATCHES "^vanban: ${missing_re}: [^\n]+")
  vanban_bad_input_test(NAME ${cmd}_directory ARGS ${cmd} ${BAD_DIR}/adir EXIT 1
                        STDERR_MATCHES "^vanban: ${dir_re}: [^\n]+")
  # One bad file among good ones: the others are still processed, the exit code is 1.
  vanban_bad_input_test(NAME ${cmd}_missing_among_good
                        ARGS ${cmd} ${BAD_DIR}/invalid.txt ${BAD_DIR}/missing.txt --lossy EXIT 1
                        STDOUT_MATCHES "ng hai: " STDERR_MATCHES "${missing_re}")
  # Binary input (random bytes; the start of the vanban executable): refused as
  # undecodable or binary, accepted with --lossy.
  vanban_bad_input_test(NAME ${cmd}_junk ARGS ${cmd} ${BAD_DIR}/junk.bin EXIT 1
                        STDERR_MATCHES "^vanban: ${junk_re}[^\n]*: [^\n]+")
  vanban_bad_input_test(NAME ${cmd}_junk_lossy ARGS ${cmd} --lossy ${BAD_DIR}/junk.bin)
  vanban_bad_input_test(NAME ${cmd}_elf ARGS ${cmd} ${BAD_DIR}/elf.bin EXIT 1
                        STDERR_MATCHES "^vanban: [^\n]*elf.bin:1: binary data, not text \\(NUL byte at byte [0-9]+\\)")
  vanban_bad_input_test(NAME ${cmd}_elf_lossy ARGS ${cmd} --lossy ${BAD_DIR}/elf.bin
                        STDERR_MATCHES "elf\\.bin:[0-9]+: warning: --lossy replaced [0-9]+ [^\n]*NUL")
  # 1 MB of binary read as text: restoring it takes minutes under the sanitizers.
  set_tests_properties(cli.bad_input.${cmd}_elf_lossy PROPERTIES TIMEOUT 300)
  # Invalid UTF-8: the message names the line (3); --lossy replaces the bad bytes.
  vanban_bad_input_test(NAME ${cmd}_invalid_utf8 ARGS ${cmd} --from utf8 ${BAD_DIR}/invalid.txt
                        EXIT 1 STDERR_MATCHES "^vanban: ${invalid_re}(:3: |: [^\n]*line 3)")
  vanban_bad_input_test(NAME ${cmd}_invalid_utf8_auto ARGS ${cmd} ${BAD_DIR}/invalid.txt
                        EXIT 1 STDERR_MATCHES "^vanban: ${invalid_re}[^\n]*: [^\n]+")
  vanban_bad_input_test(NAME ${cmd}_invalid_utf8_lossy ARGS ${cmd} --lossy ${BAD_DIR}/invalid.txt
                        STDOUT_MATCHES "xin ch�")
  vanban_bad_input_test(NAME ${cmd}_invalid_utf8_stdin ARGS ${cmd} --from utf8
                        STDIN ${BAD_DIR}/invalid.txt EXIT 1 STDERR_MATCHES "^vanban: <stdin>[^\n]*: [^\n]+")
endforeach()

# Big inputs: exit 0 and exactly the expected number of bytes, written with -o.
foreach(case big long)
  string(TOUPPER ${case} CASE)
  if(case STREQUAL "big")
    set(input ${BAD_DIR}/big.txt)
  else()
    set(input ${BAD_DIR}/longline.txt)
  endif()
  foreach(cmd convert strip restore)
    if(cmd STREQUAL "strip")
      set(var ${CASE}_STRIP)
    else()
      set(var ${CASE})
    endif()
    add_test(NAME cli.bad_input.${cmd}_${case}
      COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:vanban_cli> "-DARGS=${cmd}|!|${input}"
              -DOUT=${BAD_DIR}/${cmd}_${case}.out -DSIZES=${BAD_DIR}/sizes.cmake
              -DSIZE_VAR=${var}_SIZE -DHEAD_VAR=${var}_HEAD
              -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/check_output_size.cmake)
    # Restoring 50 MB takes seconds, minutes under the sanitizers: "slow" there.
    set(labels cli)
    if(cmd STREQUAL "restore")
      set(labels "cli;slow")
    endif()
    set_tests_properties(cli.bad_input.${cmd}_${case} PROPERTIES
      FIXTURES_REQUIRED bad_inputs LABELS "${labels}" TIMEOUT 120)
  endforeach()
endforeach()
