# Input limits (see long_input_tests.cmake):
#   limits:  a FIFO (no writer: reading it would block for ever) and a file over
#            --max-size 1000 are failed with a reason, in the JSON Lines log and on stderr;
#            the small document is indexed; exit 1
#   timeout: with --timeout 0.001 real samples fail as over the time budget, restoring
#            (fixture model) or parsing (--no-restore), and every input is still reported
#   device:  a character device made with mknod (the kernel's zero device: endless NUL
#            bytes) is refused at once by `strip` and `index --from-jsonl` (as a file
#            and as standard input) and skipped by `index`; a null device reads as
#            empty. Skipped where mknod is not allowed.
file(REMOVE_RECURSE ${WORKDIR})
file(MAKE_DIRECTORY ${WORKDIR})
set(db ${WORKDIR}/archive.sqlite)
set(log ${WORKDIR}/log.jsonl)

include(${CMAKE_CURRENT_LIST_DIR}/run_steps.cmake)

if(SCENARIO STREQUAL "limits")
  file(WRITE ${WORKDIR}/small.txt "Điều 1. Phạm vi điều chỉnh\n")
  configure_file(${SAMPLES}/seeds/003_9804076c90d51208.txt ${WORKDIR}/big.txt COPYONLY)
  execute_process(COMMAND mkfifo ${WORKDIR}/fifo.txt RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "mkfifo failed")
  endif()
  run(ARGS index big.txt fifo.txt small.txt --db ${db} --no-restore --max-size 1000 --log ${log} EXIT 1 OUT o ERR e)
  expect("${e}" "vanban: [^\n]*/fifo.txt: not a regular file \\(a FIFO\\); only regular files are indexed\n")
  expect("${e}" "vanban: [^\n]*/big.txt: file of [0-9]+ bytes is over the limit of 1000 bytes per input; skipped\n")
  expect("${e}" "3 files: 1 indexed, 0 replaced, 0 unchanged, 2 failed")
  file(READ ${log} l)
  expect("${l}" "\"path\":\"[^\"]*/fifo.txt\",\"outcome\":\"failed\",\"error\":\"not a regular file \\(a FIFO\\)")
  expect("${l}" "\"path\":\"[^\"]*/big.txt\",\"outcome\":\"failed\",\"error\":\"file of [0-9]+ bytes is over the limit")
  expect("${l}" "\"path\":\"[^\"]*/small.txt\",\"outcome\":\"indexed\"")
  # Sizes take units; the default cap lets the sample through.
  run(ARGS index big.txt --db ${db} --no-restore --max-size 1MiB EXIT 0 OUT o ERR e)
  expect("${e}" "1 files: 1 indexed")
  run(ARGS index big.txt --db ${db} --max-size lots EXIT 2 OUT o ERR e)
elseif(SCENARIO STREQUAL "timeout")
  set(a ${SAMPLES}/seeds/003_9804076c90d51208.txt)
  set(b ${SAMPLES}/ocrsim/nghi_dinh_118_2026.txt)
  run(ARGS index ${a} ${b} --db ${db} --model ${MODEL} --timeout 0.001 --log ${log} EXIT 1 OUT o ERR e)
  expect("${e}" "003_9804076c90d51208.txt: restoring took longer than the time budget per document \\(0.001 s\\)")
  expect("${e}" "2 files: 0 indexed, 0 replaced, 0 unchanged, 2 failed")
  file(READ ${log} l)
  expect("${l}" "nghi_dinh_118_2026.txt\",\"outcome\":\"failed\",\"error\":\"restoring took longer")
  run(ARGS index ${a} ${b} --db ${db} --no-restore --timeout 0.001 EXIT 1 OUT o ERR e)
  expect("${e}" "003_9804076c90d51208.txt: parsing took longer than the time budget per document")
  expect("${e}" "2 files: 0 indexed, 0 replaced, 0 unchanged, 2 failed")
  # Without the budget the same batch is indexed.
  run(ARGS index ${a} ${b} --db ${db} --no-restore --timeout 0 EXIT 0 OUT o ERR e)
  expect("${e}" "2 files: 2 indexed")
elseif(SCENARIO STREQUAL "device")
  execute_process(COMMAND mknod ${WORKDIR}/zero c 1 5 RESULT_VARIABLE rc1 ERROR_QUIET)
  execute_process(COMMAND mknod ${WORKDIR}/null c 1 3 RESULT_VARIABLE rc2 ERROR_QUIET)
  if(NOT rc1 EQUAL 0 OR NOT rc2 EQUAL 0)
    message(FATAL_ERROR "mknod not allowed here: skipped")
  endif()
  # Read to the 1 GiB limit before: half a minute or more and a GiB of memory.
  run(ARGS strip zero EXIT 1 OUT o ERR e)
  expect("${e}" "^vanban: zero: is a device, not a text file")
  run(ARGS strip null EXIT 0 OUT o ERR e)
  run(ARGS index zero --db ${db} --no-restore EXIT 1 OUT o ERR e)
  expect("${e}" "zero: not a regular file \\(a device\\); only regular files are indexed")
  # Records and query lines are read as they come, so a device would be read for ever
  # (it held 9 GB after 10 minutes): refused as a file and as standard input.
  run(ARGS index --from-jsonl zero --db ${db} EXIT 1 OUT o ERR e)
  expect("${e}" "^vanban: zero: is a device, not a text file")
  run(ARGS index --from-jsonl - --db ${db} INPUT zero EXIT 1 OUT o ERR e)
  expect("${e}" "^vanban: <stdin>: is a device, not a text file")
else()
  message(FATAL_ERROR "input_limits.cmake: unknown SCENARIO '${SCENARIO}'")
endif()
