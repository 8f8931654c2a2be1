# Generates the inputs of bad_input_tests.cmake into DIR at test time (never committed):
# an empty file, pseudo-random bytes, the start of an executable, invalid UTF-8, a ~50 MB text, a 1 MB single line,
# a directory, and sizes.cmake with the byte sizes the CLI must produce from them.
if(NOT DIR)
  message(FATAL_ERROR "make_bad_inputs.cmake: DIR not set")
endif()
file(MAKE_DIRECTORY ${DIR}/adir)
file(REMOVE ${DIR}/missing.txt)
file(WRITE ${DIR}/empty.txt "")

# A UTF-8 document with two bytes that are not (0xFF 0xFE on line 3): long enough that
# detection must see UTF-8 and report the bad bytes instead of guessing a legacy encoding.
string(ASCII 255 254 bad)
set(good "Nghị quyết số 20/NQ-HĐND ngày 19/12/2025 của Hội đồng nhân dân xã.\n")
file(WRITE ${DIR}/invalid.txt "Dòng một: ${good}Dòng hai: ${good}xin ch${bad}ào\n${good}${good}${good}")

# 4 KiB of pseudo-random bytes 1..255 (CMake strings cannot hold NUL), from a fixed LCG.
set(seed 12345)
set(junk "")
foreach(i RANGE 1 256)
  set(chunk "")
  foreach(j RANGE 1 16)
    math(EXPR seed "(${seed} * 1103515245 + 12345) % 2147483648")
    math(EXPR byte "(${seed} / 65536) % 255 + 1")
    string(ASCII ${byte} c)
    string(APPEND chunk "${c}")
  endforeach()
  string(APPEND junk "${chunk}")
endforeach()
file(WRITE ${DIR}/junk.bin "${junk}")

# The first MiB of an executable (NUL bytes and all): binary data, not text.
if(EXE)
  execute_process(COMMAND head -c 1048576 ${EXE} OUTPUT_FILE ${DIR}/elf.bin RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "make_bad_inputs.cmake: cannot copy ${EXE}")
  endif()
endif()

# The big inputs are NFC text; their stripped forms are known, so output sizes are exact.
set(line "Nghị quyết số 20/NQ-HĐND ngày 19/12/2025 của Hội đồng nhân dân xã Bình Giang về việc đó.\n")
set(line_stripped "Nghi quyet so 20/NQ-HDND ngay 19/12/2025 cua Hoi dong nhan dan xa Binh Giang ve viec do.\n")
string(LENGTH "${line}" line_len)
string(LENGTH "${line_stripped}" stripped_len)
math(EXPR per_chunk "1048576 / ${line_len}")
set(chunks 50)
math(EXPR big_size "${chunks} * ${per_chunk} * ${line_len}")
math(EXPR big_stripped_size "${chunks} * ${per_chunk} * ${stripped_len}")
set(have_big FALSE)
if(EXISTS ${DIR}/big.txt)
  file(SIZE ${DIR}/big.txt existing)
  if(existing EQUAL big_size)
    set(have_big TRUE)  # reruns reuse it: writing 50 MB is the slow part
  endif()
endif()
if(NOT have_big)
  string(REPEAT "${line}" ${per_chunk} chunk)
  file(WRITE ${DIR}/big.txt "")
  foreach(i RANGE 1 ${chunks})
    file(APPEND ${DIR}/big.txt "${chunk}")
  endforeach()
endif()

# One line of ~1 MiB (a single final newline).
set(word "Việt Nam ")
set(word_stripped "Viet Nam ")
string(LENGTH "${word}" word_len)
string(LENGTH "${word_stripped}" word_stripped_len)
math(EXPR words "1048576 / ${word_len}")
string(REPEAT "${word}" ${words} long)
file(WRITE ${DIR}/longline.txt "${long}\n")
math(EXPR long_size "${words} * ${word_len} + 1")
math(EXPR long_stripped_size "${words} * ${word_stripped_len} + 1")

file(WRITE ${DIR}/sizes.cmake
  "set(BIG_SIZE ${big_size})\nset(BIG_STRIP_SIZE ${big_stripped_size})\n"
  "set(LONG_SIZE ${long_size})\nset(LONG_STRIP_SIZE ${long_stripped_size})\n"
  "set(BIG_HEAD \"${line}\")\nset(BIG_STRIP_HEAD \"${line_stripped}\")\n"
  "set(LONG_HEAD \"${word}${word}\")\nset(LONG_STRIP_HEAD \"${word_stripped}${word_stripped}\")\n")
