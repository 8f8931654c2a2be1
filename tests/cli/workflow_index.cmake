# Multi-command scenarios for `vanban index` / `vanban search` (see workflow_tests.cmake):
#   inputs:      the shared inputs of the clerk error-path tests (empty, binary, directory)
#   incremental: re-index skips unchanged files, replaces a changed one, --prune forgets a
#                deleted one; JSON Lines export with the archival fields; search filters
#   corrupt:     a binary file and a missing path in the middle of a batch are reported
#                (stderr and the JSON Lines log), everything else is indexed
#   resume:      a run killed with SIGKILL half-way leaves a consistent database that
#                opens and searches; the next run completes it; Ctrl-C stops cleanly
#   refuse:      --db naming something that is not an archive is refused, untouched
file(REMOVE_RECURSE ${WORKDIR})
file(MAKE_DIRECTORY ${WORKDIR}/in)
set(db ${WORKDIR}/archive.sqlite)

include(${CMAKE_CURRENT_LIST_DIR}/run_steps.cmake)

# Number of hits in `vanban search` text output.
function(count_hits out text)
  string(REGEX MATCHALL "\n[0-9]+\\. " hits "\n${text}")
  list(LENGTH hits n)
  set(${out} ${n} PARENT_SCOPE)
endfunction()

# A small file with NUL bytes (CMake strings cannot hold NUL; a tar archive has them).
function(make_binary path)
  file(WRITE ${WORKDIR}/payload.txt "not a document\n")
  execute_process(COMMAND ${CMAKE_COMMAND} -E tar cf ${path} payload.txt WORKING_DIRECTORY ${WORKDIR})
  file(REMOVE ${WORKDIR}/payload.txt)
endfunction()

file(GLOB seeds ${SAMPLES}/seeds/*.txt)

if(SCENARIO STREQUAL "inputs")
  file(WRITE ${WORKDIR}/empty.txt "")
  make_binary(${WORKDIR}/binary.txt)
  file(MAKE_DIRECTORY ${WORKDIR}/adir)
  configure_file(${SAMPLES}/seeds/003_9804076c90d51208.txt ${WORKDIR}/in.txt COPYONLY)
elseif(SCENARIO STREQUAL "incremental")
  file(COPY ${seeds} DESTINATION ${WORKDIR}/in)
  run(ARGS index in --db ${db} --no-restore --jobs 2 EXIT 0 OUT o ERR e)
  expect("${e}" "4 files: 4 indexed, 0 replaced, 0 unchanged, 0 failed in [0-9.]+ s")
  expect("${e}" "CPU time: restore [0-9.]+ s \\([0-9]+%\\), parse [0-9.]+ s")
  run(ARGS index in --db ${db} --no-restore EXIT 0 OUT o ERR e)
  expect("${e}" "4 files: 0 indexed, 0 replaced, 4 unchanged, 0 failed")
  file(APPEND ${WORKDIR}/in/003_9804076c90d51208.txt "\nPhụ lục bổ sung về kiểm tra giám sát.\n")
  run(ARGS index in --db ${db} --no-restore --export jsonl EXIT 0 OUT o ERR e)
  expect("${e}" "4 files: 0 indexed, 1 replaced, 3 unchanged, 0 failed")
  # The record with the NĐ 30 Phụ lục VI and Dublin Core fields.
  # The export is the whole archive (ordered by path), not only the replaced file.
  string(REGEX MATCHALL "(^|\n)\\{\"schema\":\"vanban.doc/1\"" records "${o}")
  list(LENGTH records n)
  if(NOT n EQUAL 4)
    message(FATAL_ERROR "--export jsonl: expected the 4 records of the archive, got ${n}")
  endif()
  expect("${o}" "(^|\n)\\{\"schema\":\"vanban.doc/1\",[^\n]*\"archival\":\\{\"TypeName\":\"Kế hoạch\",\"CodeNumber\":null,\"CodeNotation\":\"KH-UBND\"")
  expect("${o}" "\"dublin_core\":\\{\"title\":\"Kế hoạch [^\"]+\",\"creator\":\"Ủy ban nhân dân xã Bình Giang\"[^\n]*\"source\":\"[^\"]*003_9804076c90d51208.txt sha256:[0-9a-f]+\"")
  run(ARGS search "bo sung kiem tra giam sat" --db ${db} EXIT 0 OUT o ERR e)
  expect("${o}" "^1\\. [^\n]*003_9804076c90d51208.txt")
  # Accent-insensitive, with filters, JSON.
  run(ARGS search "nghi quyet dan chu" --db ${db} --type KH --json EXIT 0 OUT o ERR e)
  expect("${o}" "\"symbol\": \"34/KH-UBND\"")
  # --optimize alone: the full-text index merged, the same answer after it; a missing
  # archive is not created for it.
  run(ARGS index --optimize --db ${db} EXIT 0 OUT o ERR e)
  expect("${e}" "archive.sqlite: optimized for searching in [0-9.]+ s")
  run(ARGS search "nghi quyet dan chu" --db ${db} --type KH --json EXIT 0 OUT o ERR e)
  expect("${o}" "\"symbol\": \"34/KH-UBND\"")
  run(ARGS index --optimize --db ${WORKDIR}/none.sqlite EXIT 1 OUT o ERR e)
  expect("${e}" "none.sqlite: no such archive: nothing to optimize")
  if(EXISTS ${WORKDIR}/none.sqlite)
    message(FATAL_ERROR "index --optimize created a missing archive")
  endif()
  run(ARGS search "Nghị quyết" --db ${db} --from 2026-01-01 --to 2026-12-31 EXIT 0 OUT o ERR e)
  expect("${o}" "000_6071a54f6ab85aa7")
  if(o MATCHES "004_fcc612b795270e56")
    message(FATAL_ERROR "--from 2026-01-01 listed the 2025 document 004:\n${o}")
  endif()
  # Exact accented query: the clean document (003) has "Nghị quyết" with its marks, the
  # OCR'd ones (no --restore here) only "Nghi quyet": 003 ranks first; --exact keeps only it.
  run(ARGS search "Nghị quyết dân chủ" --db ${db} --json EXIT 0 OUT o ERR e)
  expect("${o}" "^\\[\n  \\{\n    \"path\": \"[^\"]*003_9804076c90d51208.txt\"[^}]*\"exact\": true")
  expect("${o}" "\"snippet\": \"[^\"]*\\[Nghị\\] \\[quyết\\]")
  # The candidate index (schema version 4) answers as the scan: a phrase, filtered queries.
  foreach(filters "-n;20" "--type;KH" "--from;2026-01-01;--to;2026-12-31")
    run(ARGS search "Nghị quyết dân chủ" ${filters} --db ${db} --json EXIT 0 OUT with ERR e)
    run(ARGS search "Nghị quyết dân chủ" ${filters} --db ${db} --json --no-candidates EXIT 0 OUT without ERR e)
    if(NOT with STREQUAL without)
      message(FATAL_ERROR "search ${filters}: --no-candidates answers differently:\n${with}\n--\n${without}")
    endif()
  endforeach()
  run(ARGS search "Nghị quyết dân chủ" --db ${db} --exact EXIT 0 OUT o ERR e)
  count_hits(n "${o}")
  if(NOT n EQUAL 1)
    message(FATAL_ERROR "--exact: expected only 003, got ${n} hits:\n${o}")
  endif()
  run(ARGS search --db ${db} --issuer "binh giang" EXIT 0 OUT o ERR e)
  expect("${o}" "^1\\. [^\n]*003_9804076c90d51208.txt[^\n]*\n")
  run(ARGS search "zzzkhongtontai" --db ${db} EXIT 1 OUT o ERR e)
  run(ARGS search "x" --db ${db} --from 2026-13 EXIT 2 OUT o ERR e)
  # A deleted file is forgotten with --prune only.
  file(REMOVE ${WORKDIR}/in/004_fcc612b795270e56.txt)
  run(ARGS index in --db ${db} --no-restore EXIT 0 OUT o ERR e)
  expect("${e}" "3 files: 0 indexed, 0 replaced, 3 unchanged, 0 failed in")
  run(ARGS search --db ${db} --issuer "chi minh" EXIT 0 OUT o ERR e)
  run(ARGS index in --db ${db} --no-restore --prune EXIT 0 OUT o ERR e)
  expect("${e}" "3 files: 0 indexed, 0 replaced, 3 unchanged, 0 failed, 1 removed in")
  run(ARGS search --db ${db} --issuer "chi minh" EXIT 1 OUT o ERR e)
elseif(SCENARIO STREQUAL "corrupt")
  list(SUBLIST seeds 0 2 first)
  list(SUBLIST seeds 2 2 second)
  file(COPY ${first} DESTINATION ${WORKDIR}/in)
  make_binary(${WORKDIR}/in/001_corrupt.txt)
  file(COPY ${second} DESTINATION ${WORKDIR}/in)
  run(ARGS index in ${WORKDIR}/gone.txt --db ${db} --no-restore --jobs 2 --log ${WORKDIR}/log.jsonl EXIT 1 OUT o ERR e)
  expect("${e}" "vanban: [^\n]*001_corrupt.txt:1: binary data, not text \\(NUL byte at byte [0-9]+\\)\n")
  expect("${e}" "vanban: [^\n]*gone.txt: no such file or directory\n")
  expect("${e}" "6 files: 4 indexed, 0 replaced, 0 unchanged, 2 failed")
  file(READ ${WORKDIR}/log.jsonl log)
  expect("${log}" "\\{\"path\":\"[^\"]*001_corrupt.txt\",\"outcome\":\"failed\",\"error\":\"binary data")
  expect("${log}" "\\{\"path\":\"[^\"]*gone.txt\",\"outcome\":\"failed\",\"error\":\"no such file or directory\"\\}")
  string(REGEX MATCHALL "\"outcome\":\"indexed\"" indexed "${log}")
  list(LENGTH indexed n)
  if(NOT n EQUAL 4)
    message(FATAL_ERROR "expected 4 indexed in the log, got ${n}:\n${log}")
  endif()
  run(ARGS search "ke hoach" --db ${db} --limit 10 EXIT 0 OUT o ERR e)
  count_hits(n "${o}")
  if(NOT n EQUAL 4)
    message(FATAL_ERROR "expected the 4 good documents, got ${n}:\n${o}")
  endif()
elseif(SCENARIO STREQUAL "resume")
  foreach(i RANGE 1 150)
    foreach(s ${seeds})
      get_filename_component(n ${s} NAME_WE)
      configure_file(${s} ${WORKDIR}/in/${i}_${n}.txt COPYONLY)
    endforeach()
  endforeach()
  # Kill -9 once 20 files are in the log (one job, batches of 2: about 20 committed),
  # long before the 600th: deterministic, whatever the speed of the machine. The run is
  # niced so that on a busy machine the watching loop is not starved while it indexes
  # all 600 (seen once at load 7).
  set(kill_script [=[
    nice -n 19 "$1" index in --db archive.sqlite --no-restore --jobs 1 --batch 2 --log log.jsonl 2>/dev/null &
    pid=$!
    while [ "$(cat log.jsonl 2>/dev/null | wc -l)" -lt 20 ] && kill -0 $pid 2>/dev/null; do sleep 0.01; done
    kill -9 $pid 2>/dev/null
    wait $pid
    echo "exit $?"
  ]=])
  execute_process(COMMAND sh -c "${kill_script}" sh ${EXE} WORKING_DIRECTORY ${WORKDIR}
                  OUTPUT_VARIABLE killed RESULT_VARIABLE rc)
  expect("${killed}" "exit 137")
  file(STRINGS ${WORKDIR}/log.jsonl logged)
  list(LENGTH logged logged_n)
  if(logged_n GREATER_EQUAL 600)
    message(FATAL_ERROR "the run ended before the kill (${logged_n} files logged)")
  endif()
  # The database opens; every committed document has its full-text row (all or nothing).
  run(ARGS search --db ${db} --limit 10000 EXIT 0 OUT o ERR e)
  count_hits(rows "${o}")
  run(ARGS search "ke hoach" --db ${db} --limit 10000 EXIT 0 OUT o ERR e)
  count_hits(fts "${o}")
  if(rows LESS 18 OR NOT rows EQUAL fts)
    message(FATAL_ERROR "after the kill: ${rows} documents, ${fts} in the full-text index (expected >= 18, equal)")
  endif()
  # The next run completes the work: what was committed is unchanged, the rest indexed.
  run(ARGS index in --db ${db} --no-restore --jobs 2 EXIT 0 OUT o ERR e)
  expect("${e}" "600 files: ([0-9]+) indexed, 0 replaced, ${rows} unchanged, 0 failed")
  run(ARGS index in --db ${db} --no-restore EXIT 0 OUT o ERR e)
  expect("${e}" "600 files: 0 indexed, 0 replaced, 600 unchanged, 0 failed")
  run(ARGS search "ke hoach" --db ${db} --limit 10000 EXIT 0 OUT o ERR e)
  count_hits(n "${o}")
  if(NOT n EQUAL 600)
    message(FATAL_ERROR "expected 600 hits after resume, got ${n}")
  endif()
  # Ctrl-C (SIGINT): the work done is committed, the run says how to resume, exit 1.
  file(REMOVE ${db} ${db}-wal ${db}-shm ${WORKDIR}/log.jsonl)
  set(int_script [=[
    nice -n 19 "$1" index in --db archive.sqlite --no-restore --jobs 1 --batch 2 --log log.jsonl 2>err.txt &
    pid=$!
    while [ "$(cat log.jsonl 2>/dev/null | wc -l)" -lt 10 ] && kill -0 $pid 2>/dev/null; do sleep 0.01; done
    kill -INT $pid 2>/dev/null
    wait $pid
    echo "exit $?"
  ]=])
  execute_process(COMMAND sh -c "${int_script}" sh ${EXE} WORKING_DIRECTORY ${WORKDIR} OUTPUT_VARIABLE stopped)
  expect("${stopped}" "exit 1")
  file(READ ${WORKDIR}/err.txt e)
  expect("${e}" "600 files: ([0-9]+) indexed, 0 replaced, 0 unchanged, 0 failed in [0-9.]+ s \\([0-9.]+ docs/s\\) \\(interrupted: run again to resume\\)")
  string(REGEX MATCH "600 files: ([0-9]+) indexed" _ "${e}")
  set(done ${CMAKE_MATCH_1})
  if(done GREATER_EQUAL 600 OR done LESS 10)
    message(FATAL_ERROR "Ctrl-C did not stop the run half-way: ${done} indexed")
  endif()
  run(ARGS index in --db ${db} --no-restore EXIT 0 OUT o ERR e)
  expect("${e}" "600 files: ([0-9]+) indexed, 0 replaced, ${done} unchanged, 0 failed")
elseif(SCENARIO STREQUAL "refuse")
  file(WRITE ${WORKDIR}/notes.txt "Ghi chú: không phải cơ sở dữ liệu.\n")
  file(COPY ${seeds} DESTINATION ${WORKDIR}/in)
  run(ARGS index in --db ${WORKDIR}/notes.txt --no-restore EXIT 2 OUT o ERR e)
  expect("${e}" "notes.txt: not an archive database")
  file(READ ${WORKDIR}/notes.txt kept)
  if(NOT kept STREQUAL "Ghi chú: không phải cơ sở dữ liệu.\n")
    message(FATAL_ERROR "--db file was modified")
  endif()
  run(ARGS index in --db ${WORKDIR}/in --no-restore EXIT 2 OUT o ERR e)
  expect("${e}" "is a directory")
  run(ARGS search x --db ${WORKDIR}/notes.txt EXIT 2 OUT o ERR e)
  run(ARGS index in --db ${db} --model ${WORKDIR}/no.model EXIT 1 OUT o ERR e)
  expect("${e}" "no.model")
else()
  message(FATAL_ERROR "unknown scenario ${SCENARIO}")
endif()
