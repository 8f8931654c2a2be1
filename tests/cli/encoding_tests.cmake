# Encoding goldens: every legacy sample converts back to clean.txt byte for byte,
# with the encoding detected or forced; the samples were made by vanban's own Encode.
set(_enc ${SAMPLES}/encodings)
set(_enc_files tcvn3 vni viqr cp1258 utf16le utf8bom)
set(_enc_names tcvn3 vni viqr cp1258 utf16 utf8)
foreach(_i RANGE 5)
  list(GET _enc_files ${_i} _f)
  list(GET _enc_names ${_i} _e)
  vanban_cli_test(NAME convert.auto.${_f} ARGS convert ${_enc}/clean.${_f}.txt
                  EXPECT_STDOUT ${_enc}/clean.txt)
  vanban_cli_test(NAME convert.from.${_f} ARGS convert --from ${_e} ${_enc}/clean.${_f}.txt
                  EXPECT_STDOUT ${_enc}/clean.txt)
  vanban_cli_test(NAME convert.detect.${_f} ARGS convert --detect ${_enc}/clean.${_f}.txt
                  STDOUT_MATCHES "clean\\.${_f}\\.txt\t${_e}\t(0\\.[89][0-9]|1\\.00)\n")
endforeach()
vanban_cli_test(NAME convert.detect.utf8 ARGS convert --detect ${_enc}/clean.txt
                STDOUT_MATCHES "\tutf8\t(0\\.9[0-9]|1\\.00)\n")

# Encoding out: the legacy samples are the goldens.
foreach(_f viqr tcvn3 vni cp1258)
  vanban_cli_test(NAME convert.to.${_f} ARGS convert --to ${_f} ${_enc}/clean.txt
                  EXPECT_STDOUT ${_enc}/clean.${_f}.txt)
endforeach()
vanban_cli_test(NAME convert.stdin.tcvn3 ARGS convert STDIN ${_enc}/clean.tcvn3.txt
                EXPECT_STDOUT ${_enc}/clean.txt)

# Broken UTF-8: an error naming the byte and line, or U+FFFD under --lossy.
vanban_cli_test(NAME convert.invalid_utf8 ARGS convert ${_enc}/invalid_utf8.txt EXIT 1
                STDERR_MATCHES "byte 58 \\(line 2\\)")
vanban_cli_test(NAME convert.invalid_utf8.lossy ARGS convert --lossy ${_enc}/invalid_utf8.txt
                STDOUT_MATCHES "hỏng: �\\( ở đây")

# A short, mostly-ASCII OCR text with three stray bytes is damaged UTF-8, not VNI with
# confidence 1.00: an error naming the line and byte; --lossy replaces them and says so.
vanban_cli_test(NAME convert.stray_bytes ARGS convert ${_enc}/stray_bytes.txt EXIT 1
                STDERR_MATCHES "stray_bytes\\.txt:7: [^\n]*byte 168")
vanban_cli_test(NAME convert.detect.stray_bytes ARGS convert --detect ${_enc}/stray_bytes.txt
                STDOUT_MATCHES "\tutf8\t0\\.[0-5][0-9]\n")
vanban_cli_test(NAME strip.stray_bytes ARGS strip ${_enc}/stray_bytes.txt EXIT 1
                STDERR_MATCHES "stray_bytes\\.txt:7: [^\n]*byte 168")
vanban_cli_test(NAME convert.stray_bytes.lossy ARGS convert --lossy ${_enc}/stray_bytes.txt
                STDOUT_MATCHES "khai ��thue"
                STDERR_MATCHES "stray_bytes\\.txt:7: warning: --lossy replaced 3 [^\n]* byte 168")
