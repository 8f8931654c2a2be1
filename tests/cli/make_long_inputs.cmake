# Generates the inputs of long_input_tests.cmake into DIR at test time (never committed):
#   longline.txt  one line of ~2 MB of document text (no line break but the last)
#   sections.txt  20,000 "Điều 1." lines: every section has the same id
#   bars.txt      an OCR'd seed, then a line of 4,000,000 bars ("|", what OCR reads for an
#                 I) before ". MUC"
if(NOT DIR)
  message(FATAL_ERROR "make_long_inputs.cmake: DIR not set")
endif()
file(MAKE_DIRECTORY ${DIR})
set(sentence "Căn cứ Nghị quyết số 20/NQ-HĐND ngày 19/12/2025 của Hội đồng nhân dân xã Bình Giang; Điều 1. Phòng Văn hóa - Xã hội chủ trì, báo cáo trước ngày 15/6/2026. ")
string(LENGTH "${sentence}" len)
math(EXPR n "2000000 / ${len}")
string(REPEAT "${sentence}" ${n} line)
file(WRITE ${DIR}/longline.txt "QUYẾT ĐỊNH ${line}\n")
string(REPEAT "Điều 1. Quy định chung.\n" 20000 sections)
file(WRITE ${DIR}/sections.txt "${sections}")
if(SEED)
  file(READ ${SEED} seed)
  string(REPEAT "|" 4000000 bars)
  file(WRITE ${DIR}/bars.txt "${seed}\n${bars}. MUC\n")
endif()
