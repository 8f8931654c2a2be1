# The CLI contract: help, version, exit codes, stdin, -o safety, strip.
vanban_cli_test(NAME version ARGS --version STDOUT_MATCHES "^vanban [0-9]+\\.[0-9]+\\.[0-9]+ \\(ICU")
vanban_cli_test(NAME short_help ARGS -h STDOUT_MATCHES "Subcommands:.*convert.*strip")
vanban_cli_test(NAME full_help ARGS --help STDOUT_MATCHES "Examples:.*vanban convert --detect.*vanban strip --lower")
vanban_cli_test(NAME sub_help ARGS strip --help STDOUT_MATCHES "Examples:")
vanban_cli_test(NAME unknown_flag ARGS strip --no-such-flag EXIT 2 STDERR_MATCHES "no-such-flag")
vanban_cli_test(NAME unknown_command ARGS frobnicate EXIT 2)
vanban_cli_test(NAME bad_from ARGS convert --from klingon ${SAMPLES}/seeds/003_9804076c90d51208.txt
                EXIT 2 STDERR_MATCHES "klingon")
vanban_cli_test(NAME missing_file ARGS strip /nonexistent/file.txt EXIT 1
                STDERR_MATCHES "^vanban: /nonexistent/file.txt: ")
vanban_cli_test(NAME strip_golden ARGS strip ${SAMPLES}/seeds/003_9804076c90d51208.txt
                EXPECT_STDOUT ${SAMPLES}/expected/003.strip.txt)
vanban_cli_test(NAME strip_stdin ARGS strip STDIN ${SAMPLES}/seeds/003_9804076c90d51208.txt
                EXPECT_STDOUT ${SAMPLES}/expected/003.strip.txt)
vanban_cli_test(NAME strip_dash ARGS strip - STDIN ${SAMPLES}/seeds/003_9804076c90d51208.txt
                EXPECT_STDOUT ${SAMPLES}/expected/003.strip.txt)
vanban_cli_test(NAME completion ARGS --generate-completion bash STDOUT_MATCHES "complete -o filenames -F _vanban vanban")

# -o writes atomically and never clobbers an input.
add_test(NAME cli.output_file_safety
  COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:vanban_cli> -DSAMPLE=${SAMPLES}/seeds/003_9804076c90d51208.txt
          -DEXPECTED=${SAMPLES}/expected/003.strip.txt -DWORK=${CMAKE_CURRENT_BINARY_DIR}/cli-work/outsafety
          -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/output_safety.cmake)
set_tests_properties(cli.output_file_safety PROPERTIES LABELS cli)
