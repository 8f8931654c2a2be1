# Unsure words end to end with the real model (see unsure_words_tests.cmake), run with
# -DEXE=vanban -DMODEL=vanban.model -DSAMPLES=samples -DWORKDIR=dir:
#   - seed 000 (real OCR): the issuer "UY BAN NHAN DAN / XA NGHI DUONG" of its flattened
#     two-column header is read with unsure words (ỦY, XÃ, NGHI: under 0.9), so the
#     issuer's confidence is below 1 and lists them, each at its offset in the issuer text;
#     `export html` marks them in the masthead, `tasks` lists a task's in its last column;
#   - seed 003 (clean text) restored with the same model: no unsure word anywhere, and the
#     record is the one read without restoring it (what it was before unsure words).
file(REMOVE_RECURSE ${WORKDIR})
file(MAKE_DIRECTORY ${WORKDIR})
include(${CMAKE_CURRENT_LIST_DIR}/run_steps.cmake)
set(ocr ${SAMPLES}/seeds/000_6071a54f6ab85aa7.txt)
set(clean ${SAMPLES}/seeds/003_9804076c90d51208.txt)

run(ARGS parse --model ${MODEL} --fields header ${ocr} EXIT 0 OUT rec)
string(JSON issuer GET "${rec}" header issuer)
string(JSON text GET "${issuer}" text)
string(JSON confidence GET "${issuer}" confidence)
string(JSON n LENGTH "${issuer}" unsure_words)
if(NOT confidence LESS 1 OR n LESS 1)
  message(FATAL_ERROR "the OCR'd issuer lists no unsure word:\n${issuer}")
endif()
# Each listed word is the issuer text's bytes at its offset, below the threshold.
math(EXPR last "${n} - 1")
foreach(i RANGE ${last})
  string(JSON word GET "${issuer}" unsure_words ${i} word)
  string(JSON offset GET "${issuer}" unsure_words ${i} offset)
  string(JSON c GET "${issuer}" unsure_words ${i} confidence)
  string(LENGTH "${word}" size)
  string(SUBSTRING "${text}" ${offset} ${size} at)
  if(NOT at STREQUAL word OR NOT c LESS 0.9)
    message(FATAL_ERROR "unsure word ${i} '${word}' (${c}) is not at ${offset} of '${text}'")
  endif()
endforeach()
string(JSON first GET "${issuer}" unsure_words 0 word)

run(ARGS export --model ${MODEL} --to html ${ocr} EXIT 0 OUT html)
expect("${html}" "<div class=\"organ\">[^<]*<mark class=\"unsure\" title=\"Chưa chắc: 0\\.[0-9][0-9][^\"]*\">${first}</mark>")
expect("${html}" "mark\\.unsure\\{")

run(ARGS tasks --model ${MODEL} ${ocr} EXIT 0 OUT tasks)
expect("${tasks}" "^doc_id,[^\n]*,confidence,flags,unsure_words\r?\n")
expect("${tasks}" "\n000_6071a54f6ab85aa7,[^\n]*,0\\.[0-9][0-9],[^\n]*\\(0\\.[0-9][0-9][,)]")

# The clean document: nothing unsure, the record as without restoration.
run(ARGS parse --model ${MODEL} ${clean} EXIT 0 OUT restored)
run(ARGS parse --no-restore ${clean} EXIT 0 OUT plain)
expect_not("${restored}" "unsure_words")
string(REPLACE "\"restored\":true" "\"restored\":false" restored "${restored}")
if(NOT restored STREQUAL plain)
  message(FATAL_ERROR "the clean document's record changed when restored:\n${restored}\n---\n${plain}")
endif()
run(ARGS export --model ${MODEL} --to html ${clean} EXIT 0 OUT html)
expect_not("${html}" "<mark")
