# What -o and --log do with what is at the path (cmd/output_file.h, docs/cli-output.md):
# devices and FIFOs are written through, symlinks keep pointing at a replaced target, a
# replaced file keeps its mode and owner, a killed run leaves no temporary, and paths the
# run reads (inputs, the archive) are refused with exit 2 and left as they were.
# Devices are made with mknod in WORK (tests run as root); never a real /dev node.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/docs ${WORK}/other)
configure_file(${SAMPLE} ${WORK}/in.txt COPYONLY)
file(READ ${EXPECTED} expected)

function(vanban)
  cmake_parse_arguments(R "" "EXIT;OUT;ERR" "ARGS" ${ARGN})
  execute_process(COMMAND ${EXE} ${R_ARGS} WORKING_DIRECTORY ${WORK}
                  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT "${rc}" STREQUAL "${R_EXIT}")
    message(FATAL_ERROR "vanban ${R_ARGS}: exit ${rc}, expected ${R_EXIT}\n${err}")
  endif()
  if(R_OUT)
    set(${R_OUT} "${out}" PARENT_SCOPE)
  endif()
  if(R_ERR)
    set(${R_ERR} "${err}" PARENT_SCOPE)
  endif()
endfunction()

function(expect_file path content what)
  file(READ ${path} got)
  if(NOT got STREQUAL content)
    message(FATAL_ERROR "${what}: ${path} holds '${got}'")
  endif()
endfunction()

function(expect_no_temporaries)
  file(GLOB_RECURSE left ${WORK}/*.vanban-*)
  if(left)
    message(FATAL_ERROR "temporary files left behind: ${left}")
  endif()
endfunction()

# 1. A symlink is kept and its target replaced, also through a relative link into another
#    directory and a dangling link (the target is created).
file(WRITE ${WORK}/other/target.txt "old\n")
file(CREATE_LINK ../other/target.txt ${WORK}/docs/link.txt SYMBOLIC)
vanban(ARGS strip -o ${WORK}/docs/link.txt ${WORK}/in.txt EXIT 0)
if(NOT IS_SYMLINK ${WORK}/docs/link.txt)
  message(FATAL_ERROR "-o replaced the symlink instead of its target")
endif()
expect_file(${WORK}/other/target.txt "${expected}" "symlink target")
file(CREATE_LINK ${WORK}/other/new.txt ${WORK}/dangling.txt SYMBOLIC)
vanban(ARGS strip -o ${WORK}/dangling.txt ${WORK}/in.txt EXIT 0)
if(NOT IS_SYMLINK ${WORK}/dangling.txt)
  message(FATAL_ERROR "-o replaced a dangling symlink instead of creating its target")
endif()
expect_file(${WORK}/other/new.txt "${expected}" "dangling symlink target")

# 2. A replaced file keeps its mode and owner.
file(WRITE ${WORK}/owned.txt "old\n")
execute_process(COMMAND chmod 0640 ${WORK}/owned.txt)
execute_process(COMMAND chown 1234:2345 ${WORK}/owned.txt RESULT_VARIABLE chown_rc)
vanban(ARGS strip -o ${WORK}/owned.txt ${WORK}/in.txt EXIT 0)
expect_file(${WORK}/owned.txt "${expected}" "replaced file")
execute_process(COMMAND stat -c %a:%u:%g ${WORK}/owned.txt OUTPUT_VARIABLE st OUTPUT_STRIP_TRAILING_WHITESPACE)
if(chown_rc EQUAL 0 AND NOT st STREQUAL "640:1234:2345")
  message(FATAL_ERROR "mode and owner not kept: ${st}, expected 640:1234:2345")
elseif(NOT st MATCHES "^640:")
  message(FATAL_ERROR "mode not kept: ${st}, expected 640")
endif()

# 3. Character devices are written through, never replaced: a null device takes the
#    output, a full device makes the write fail (exit 1) and stays a device.
execute_process(COMMAND mknod ${WORK}/null c 1 3 RESULT_VARIABLE null_rc ERROR_QUIET)
execute_process(COMMAND mknod ${WORK}/full c 1 7 RESULT_VARIABLE full_rc ERROR_QUIET)
if(null_rc EQUAL 0 AND full_rc EQUAL 0)
  vanban(ARGS strip -o ${WORK}/null ${WORK}/in.txt EXIT 0)
  vanban(ARGS strip -o ${WORK}/full ${WORK}/in.txt EXIT 1 ERR err)
  if(NOT err MATCHES "full: .*[Ss]pace")
    message(FATAL_ERROR "writing to a full device: no clear error: ${err}")
  endif()
  foreach(dev null full)
    execute_process(COMMAND test -c ${WORK}/${dev} RESULT_VARIABLE is_char)
    if(NOT is_char EQUAL 0)
      message(FATAL_ERROR "-o replaced the character device ${dev}")
    endif()
  endforeach()
else()
  message(STATUS "SKIPPED: mknod failed (not root?): device cases not tested")
endif()

# 4. A FIFO is written through (a reader runs alongside), and stays a FIFO.
execute_process(COMMAND mkfifo ${WORK}/fifo)
execute_process(COMMAND ${EXE} strip -o ${WORK}/fifo ${WORK}/in.txt
                COMMAND cat ${WORK}/fifo
                OUTPUT_VARIABLE from_fifo RESULTS_VARIABLE rcs TIMEOUT 60)
if(NOT rcs STREQUAL "0;0" OR NOT from_fifo STREQUAL expected)
  message(FATAL_ERROR "-o to a FIFO: exit ${rcs}, read '${from_fifo}'")
endif()
execute_process(COMMAND test -p ${WORK}/fifo RESULT_VARIABLE is_fifo)
if(NOT is_fifo EQUAL 0)
  message(FATAL_ERROR "-o replaced the FIFO")
endif()

# 5. /dev/stdout and a process substitution -o >(cmd) (a /dev/fd/N path).
vanban(ARGS strip -o /dev/stdout ${WORK}/in.txt EXIT 0 OUT out)
if(NOT out STREQUAL expected)
  message(FATAL_ERROR "-o /dev/stdout did not write to standard output")
endif()
execute_process(COMMAND bash -c "'${EXE}' strip -o >(cat > '${WORK}/subst.txt') '${WORK}/in.txt'; rc=$?; wait; exit $rc"
                RESULT_VARIABLE rc ERROR_VARIABLE err)
# The substituted process may finish a moment after vanban: wait for its file.
foreach(i RANGE 50)
  if(EXISTS ${WORK}/subst.txt)
    file(READ ${WORK}/subst.txt got)
    if(got STREQUAL expected)
      break()
    endif()
  endif()
  execute_process(COMMAND sleep 0.1)
endforeach()
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "-o >(cat) failed: ${rc} ${err}")
endif()
expect_file(${WORK}/subst.txt "${expected}" "-o >(cat)")

# 6. A run killed while writing leaves no temporary, and the old file as it was: strip
#    waits on a standard input (a FIFO held open) with its -o temporary already created.
file(WRITE ${WORK}/killed.txt "precious\n")
execute_process(COMMAND mkfifo ${WORK}/stdin-fifo)
execute_process(COMMAND bash -c "
  '${EXE}' strip -o '${WORK}/killed.txt' - < '${WORK}/stdin-fifo' & pid=$!
  exec 3> '${WORK}/stdin-fifo'
  for i in $(seq 100); do ls '${WORK}'/killed.txt.vanban-* >/dev/null 2>&1 && break; sleep 0.1; done
  ls '${WORK}'/killed.txt.vanban-* >/dev/null 2>&1 || { kill $pid; echo 'no temporary was created'; exit 3; }
  kill -TERM $pid; wait $pid; rc=$?; exec 3>&-; exit $rc"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out TIMEOUT 60)
if(NOT rc EQUAL 143)
  message(FATAL_ERROR "strip killed by SIGTERM: exit ${rc} ${out} (expected 143)")
endif()
expect_file(${WORK}/killed.txt "precious\n" "file under a killed run")
expect_no_temporaries()

# 7. Refusals, exit 2, nothing changed: a hard link and a symlink to the input; the archive
#    (also an archive not created yet) and the inputs of `index`, for -o and --log, also a
#    *.txt file under an input directory.
file(CREATE_LINK ${WORK}/in.txt ${WORK}/hard.txt)
file(CREATE_LINK ${WORK}/in.txt ${WORK}/soft.txt SYMBOLIC)
foreach(alias hard soft)
  vanban(ARGS strip -o ${WORK}/${alias}.txt ${WORK}/in.txt EXIT 2 ERR err)
  if(NOT err MATCHES "refusing to write the output over the input")
    message(FATAL_ERROR "no refusal for the ${alias} link: ${err}")
  endif()
endforeach()
configure_file(${SAMPLE} ${WORK}/docs/a.txt COPYONLY)
vanban(ARGS index --no-restore -q --db ${WORK}/a.sqlite ${WORK}/docs/a.txt EXIT 0)
file(SHA256 ${WORK}/a.sqlite db_before)
vanban(ARGS index --no-restore -q --db ${WORK}/a.sqlite --export jsonl -o ${WORK}/a.sqlite ${WORK}/in.txt
       EXIT 2 ERR err)
if(NOT err MATCHES "refusing to write the output over the archive")
  message(FATAL_ERROR "-o over the archive: ${err}")
endif()
vanban(ARGS index --no-restore -q --db ${WORK}/a.sqlite --log ${WORK}/a.sqlite ${WORK}/in.txt EXIT 2)
vanban(ARGS index --no-restore -q --db ${WORK}/b.sqlite --export jsonl -o ${WORK}/b.sqlite ${WORK}/in.txt EXIT 2)
vanban(ARGS index --no-restore -q --db ${WORK}/c.sqlite --log ${WORK}/in.txt ${WORK}/in.txt EXIT 2 ERR err)
if(NOT err MATCHES "refusing to write the output over the input")
  message(FATAL_ERROR "--log over an input: ${err}")
endif()
vanban(ARGS index --no-restore -q --db ${WORK}/c.sqlite --log ${WORK}/docs/a.txt ${WORK}/docs EXIT 2)
vanban(ARGS index --no-restore -q --db ${WORK}/c.sqlite --log ${WORK}/docs/new-log.txt ${WORK}/docs EXIT 2)
vanban(ARGS index --no-restore -q --db ${WORK}/c.sqlite --export jsonl -o ${WORK}/hard.txt ${WORK}/docs ${WORK}/in.txt EXIT 2)
file(SHA256 ${WORK}/a.sqlite db_after)
if(NOT db_before STREQUAL db_after)
  message(FATAL_ERROR "a refused run changed the archive")
endif()
foreach(f b.sqlite c.sqlite docs/new-log.txt)
  if(EXISTS ${WORK}/${f})
    message(FATAL_ERROR "a refused run created ${f}")
  endif()
endforeach()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${WORK}/in.txt ${SAMPLE} RESULT_VARIABLE diff)
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${WORK}/docs/a.txt ${SAMPLE} RESULT_VARIABLE diff2)
if(NOT diff EQUAL 0 OR NOT diff2 EQUAL 0)
  message(FATAL_ERROR "a refused run modified an input")
endif()
# A log outside the inputs is written, through a symlink too.
file(CREATE_LINK ${WORK}/other/index.log ${WORK}/log-link SYMBOLIC)
vanban(ARGS index --no-restore -q --db ${WORK}/a.sqlite --log ${WORK}/log-link ${WORK}/docs/a.txt EXIT 0)
file(READ ${WORK}/other/index.log log)
if(NOT IS_SYMLINK ${WORK}/log-link OR NOT log MATCHES "\"outcome\":\"unchanged\"")
  message(FATAL_ERROR "--log through a symlink: '${log}'")
endif()
expect_no_temporaries()
