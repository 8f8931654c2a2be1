# -o and --log: devices, FIFOs, /dev/fd/N, symlinks, mode and owner, signals, refusals.
add_test(NAME cli.output_targets
  COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:vanban_cli> -DSAMPLE=${SAMPLES}/seeds/003_9804076c90d51208.txt
          -DEXPECTED=${SAMPLES}/expected/003.strip.txt -DWORK=${CMAKE_CURRENT_BINARY_DIR}/cli-work/outtargets
          -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/output_targets.cmake)
set_tests_properties(cli.output_targets PROPERTIES LABELS cli TIMEOUT 120)
