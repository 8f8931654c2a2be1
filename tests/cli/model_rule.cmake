# The one rule for the restoration model (docs/cli.md, "Model"), in every command that
# restores: a named model (--model, else $VANBAN_MODEL) that is missing or broken stops the
# command before any input is read, exit 1, the file named once, the hint to build one when
# it is missing; --no-restore reads no model; $VANBAN_MODEL names the model when --model
# does not. Run with -DEXE=vanban -DSAMPLES=dir -DMODEL=fixture.model -DWORKDIR=dir.
file(REMOVE_RECURSE ${WORKDIR})
file(MAKE_DIRECTORY ${WORKDIR})
include(${CMAKE_CURRENT_LIST_DIR}/run_steps.cmake)

set(doc ${SAMPLES}/seeds/000_6071a54f6ab85aa7.txt)
set(missing ${WORKDIR}/missing.model)
set(broken ${WORKDIR}/broken.model)
file(WRITE ${broken} "Uy ban nhan dan tinh\n")
set(hint "\nvanban: hint: build it with 'vanban build-model dictionaries -o vanban.model', or point --model / VANBAN_MODEL at it\n")

foreach(cmd restore parse outline header tasks refs deadlines export check index)
  set(args ${cmd})
  if(cmd STREQUAL "export")
    list(APPEND args --to md)
  elseif(cmd STREQUAL "index")
    list(APPEND args --db ${WORKDIR}/${cmd}.sqlite)
  endif()
  set(no_restore " \\(--no-restore parses without restoring\\)")
  if(cmd STREQUAL "restore")
    set(no_restore "")
  endif()

  # --model naming a file that is not there.
  run(ARGS ${args} --model ${missing} ${doc} EXIT 1 OUT o ERR e)
  expect("${e}" "^vanban: [^\n]*/missing.model: no such model file${no_restore}${hint}$")
  expect("${o}" "^$")
  # --model naming a file that is no model.
  run(ARGS ${args} --model ${broken} ${doc} EXIT 1 OUT o ERR e)
  expect("${e}" "^vanban: [^\n]*/broken.model: bad model file[^\n]*${no_restore}\n$")
  # $VANBAN_MODEL names the model when --model does not: missing, then the fixture model.
  run(PREFIX ${CMAKE_COMMAND} -E env VANBAN_MODEL=${missing} ARGS ${args} ${doc} EXIT 1 OUT o ERR e)
  expect("${e}" "^vanban: [^\n]*/missing.model: no such model file${no_restore}${hint}$")
  if(cmd STREQUAL "check")
    set(ok 1)  # findings in the sample
  else()
    set(ok 0)
  endif()
  if(cmd STREQUAL "index")
    file(REMOVE ${WORKDIR}/${cmd}.sqlite)
  endif()
  run(PREFIX ${CMAKE_COMMAND} -E env VANBAN_MODEL=${MODEL} ARGS ${args} ${doc} EXIT ${ok} OUT o ERR e)
  expect_not("${e}" "model")
  # --model beats $VANBAN_MODEL.
  run(PREFIX ${CMAKE_COMMAND} -E env VANBAN_MODEL=${MODEL} ARGS ${args} --model ${missing} ${doc} EXIT 1 OUT o ERR e)
  expect("${e}" "missing.model: no such model file")
  # --no-restore reads no model, not even a named one.
  if(NOT cmd STREQUAL "restore")
    if(cmd STREQUAL "index")
      file(REMOVE ${WORKDIR}/${cmd}.sqlite)
    endif()
    run(PREFIX ${CMAKE_COMMAND} -E env VANBAN_MODEL=${missing} ARGS ${args} --no-restore --model ${broken} ${doc}
        EXIT ${ok} OUT o ERR e)
    expect_not("${e}" "model")
  endif()
endforeach()

# index --from-jsonl restores nothing: no model is loaded.
run(ARGS parse --no-restore --jsonl ${doc} EXIT 0 OUT records ERR e)
file(WRITE ${WORKDIR}/records.jsonl "${records}")
run(ARGS index --from-jsonl ${WORKDIR}/records.jsonl --db ${WORKDIR}/import.sqlite --model ${missing} EXIT 0 OUT o ERR e)
expect_not("${e}" "model")
