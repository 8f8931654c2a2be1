# vanban parse / vanban header: records, field selection, JSON Lines, exit codes.
# --no-restore keeps the tests independent of whether a model has been built.
set(_seed000 ${SAMPLES}/seeds/000_6071a54f6ab85aa7.txt)
set(_seed003 ${SAMPLES}/seeds/003_9804076c90d51208.txt)

vanban_cli_test(NAME parse_seed_record ARGS parse --no-restore ${_seed000}
  STDOUT_MATCHES "^\\{\"schema\":\"vanban\\.doc/1\",\"source\":.*\"number\":\"34\",\"symbol\":\"KH-UBND\".*\"date\":\"2026-01-21\"")
vanban_cli_test(NAME parse_pretty ARGS parse --no-restore --pretty --fields header ${_seed000}
  STDOUT_MATCHES "^\\{\n  \"schema\": \"vanban\\.doc/1\",\n  \"header\": \\{")
vanban_cli_test(NAME parse_fields_only ARGS parse --no-restore --fields header,signature ${_seed000}
  STDOUT_MATCHES "^\\{\"schema\":\"vanban\\.doc/1\",\"header\":\\{.*\\},\"signature\":\\{[^\n]*\\}\n$")
vanban_cli_test(NAME parse_jsonl_two_files ARGS parse --no-restore --fields header ${_seed000} ${_seed003}
  STDOUT_MATCHES "^\\{[^\n]*\"34\"[^\n]*\\}\n\\{[^\n]*\"is_draft\":true[^\n]*\\}\n$")
vanban_cli_test(NAME parse_stdin ARGS parse --no-restore --fields header STDIN ${_seed003}
  STDOUT_MATCHES "\"place\":\\{\"text\":\"Bình Giang\"")
vanban_cli_test(NAME parse_unknown_field ARGS parse --no-restore --fields header,bogus ${_seed000}
  EXIT 2 STDERR_MATCHES "unknown field 'bogus'")
vanban_cli_test(NAME parse_not_administrative ARGS parse --no-restore --fields warnings
  STDIN ${CMAKE_CURRENT_SOURCE_DIR}/golden/parse/not_administrative.txt
  STDERR_MATCHES "not an administrative document" STDOUT_MATCHES "no administrative header found")
vanban_cli_test(NAME parse_invalid_utf8 ARGS parse --no-restore ${SAMPLES}/encodings/invalid_utf8.txt
  EXIT 1 STDERR_MATCHES "invalid_utf8\\.txt")
vanban_cli_test(NAME parse_missing_file ARGS parse --no-restore no-such-file.txt EXIT 1
  STDERR_MATCHES "no-such-file\\.txt")
vanban_cli_test(NAME parse_missing_model ARGS parse --model no-such.model ${_seed000} EXIT 1
  STDERR_MATCHES "no-such\\.model")

vanban_cli_test(NAME header_tsv ARGS header --no-restore ${_seed000} ${_seed003}
  STDOUT_MATCHES "^file\tnumber\tsymbol\ttype\tissued_date\tissued_date_precision\tissuer\tplace\tsubject\tsigner\tposition\n[^\n]*000_6071a54f6ab85aa7\\.txt\t34\tKH-UBND\tKH\t2026-01-21\tday\t[^\n]*\n[^\n]*003_9804076c90d51208\\.txt\t\tKH-UBND\tKH\t2025-01\tmonth\t")
vanban_cli_test(NAME header_csv ARGS header --no-restore --format csv --no-header-row ${_seed003}
  STDOUT_MATCHES "^[^,]*003_9804076c90d51208\\.txt,,KH-UBND,KH,2025-01,month,")
vanban_cli_test(NAME header_jsonl ARGS header --no-restore --format jsonl ${_seed000}
  STDOUT_MATCHES "^\\{\"file\":\"[^\"]*000_6071a54f6ab85aa7\\.txt\",\"number\":\"34\",\"symbol\":\"KH-UBND\",\"type\":\"KH\",\"issued_date\":\"2026-01-21\"")
vanban_cli_test(NAME header_bad_format ARGS header --format xml ${_seed000} EXIT 2)

# An OCR'd section marker whose numeral the scan lost ("Muc | ; ; ;" above its capitals
# title): the section is read, numbered by sequence and flagged.
vanban_cli_test(NAME parse_ocr_lost_section_numeral ARGS parse --no-restore --fields body
  ${CMAKE_CURRENT_SOURCE_DIR}/golden/parse/ocr_lost_section_numeral.txt
  STDOUT_MATCHES "^\\{\"schema\":\"vanban\\.doc/1\",\"body\":\\[\\{\"id\":\"1\",\"level\":\"muc\",\"num_raw\":null,\"num\":\"1\",\"heading\":\"QUY PINH CHUNG\",[^\n]*\"flags\":\\[\"numeral_missing\"\\],\"children\":\\[\\{\"id\":\"1\\.D1\",\"level\":\"dieu\"")
