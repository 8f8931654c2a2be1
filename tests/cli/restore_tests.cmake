# vanban restore / build-model / train. The restore tests use the real model
# compiled from dictionaries/ (target vanban_model_file) and a couple of lines only.
set(_rdata ${PROJECT_SOURCE_DIR}/tests/data/model)
set(_model ${PROJECT_BINARY_DIR}/vanban.model)
vanban_cli_test(NAME restore_help ARGS restore --help STDOUT_MATCHES "Examples:.*--diff")
vanban_cli_test(NAME restore_golden ARGS restore --model ${_model} ${_rdata}/cli/stripped.txt
                EXPECT_STDOUT ${_rdata}/cli/stripped.expected.txt)
vanban_cli_test(NAME restore_stdin ARGS restore --model ${_model} STDIN ${_rdata}/cli/stripped.txt
                EXPECT_STDOUT ${_rdata}/cli/stripped.expected.txt)
vanban_cli_test(NAME restore_clean_unchanged ARGS restore --model ${_model} ${_rdata}/cli/stripped.expected.txt
                EXPECT_STDOUT ${_rdata}/cli/stripped.expected.txt)
vanban_cli_test(NAME restore_json ARGS restore --json --model ${_model} ${_rdata}/cli/stripped.txt
                STDOUT_MATCHES "\"original\": \"Nghi\",.*\"restored\": \"Nghị\",.*\"confidence\"")
vanban_cli_test(NAME restore_jsonl ARGS restore --format jsonl --model ${_model} ${_rdata}/cli/stripped.txt
                STDOUT_MATCHES "^{\"schema\":1,\"type\":\"document\"")
vanban_cli_test(NAME restore_diff ARGS restore --diff --model ${_model} ${_rdata}/cli/stripped.txt
                STDOUT_MATCHES "@@ .*stripped.txt:1 @@\n-UY BAN NHAN DAN TINH\n\\+ỦY BAN NHÂN DÂN TỈNH")
vanban_cli_test(NAME restore_mark ARGS restore --mark --threshold 1.0 --model ${_model} ${_rdata}/cli/stripped.txt
                STDOUT_MATCHES "\\[\\[")
vanban_cli_test(NAME restore_missing_model ARGS restore --model /nonexistent/vanban.model ${_rdata}/cli/stripped.txt
                EXIT 1 STDERR_MATCHES "nonexistent/vanban.model")
vanban_cli_test(NAME restore_corrupt_model ARGS restore --model ${_rdata}/cli/stripped.txt ${_rdata}/cli/stripped.txt
                EXIT 1 STDERR_MATCHES "bad model file")
vanban_cli_test(NAME build_model_fixture ARGS build-model -q ${_rdata} -o ${CMAKE_CURRENT_BINARY_DIR}/cli-work/fixture.model)
vanban_cli_test(NAME build_model_missing ARGS build-model /nonexistent/dict -o ${CMAKE_CURRENT_BINARY_DIR}/cli-work/x.model
                EXIT 1 STDERR_MATCHES "nonexistent")
vanban_cli_test(NAME train_help ARGS train --help STDOUT_MATCHES "Examples:.*--corpus")
# Two train-bucket documents; one line is Vietnamese typed without its marks and is
# left out of the counts (four syllables or more, under one in ten marked).
vanban_cli_test(NAME train_leaves_out_unmarked_lines
                ARGS train --min-counts 1,1,1,1 --out ${CMAKE_CURRENT_BINARY_DIR}/cli-work/train-small
                ${PROJECT_SOURCE_DIR}/tests/data/train/corpus.txt.xz
                STDERR_MATCHES "read 2 train documents, 52 tokens, 33 types; 1 lines without marks left out")
set(_cdata ${PROJECT_SOURCE_DIR}/tests/data/channel)
vanban_cli_test(NAME train_channel_help ARGS train-channel --help STDOUT_MATCHES "Examples:.*--pairs")
vanban_cli_test(NAME train_channel_small ARGS train-channel --min-count 1 --pairs ${_cdata}/pairs.tsv
                -o ${CMAKE_CURRENT_BINARY_DIR}/cli-work/channel.tsv
                STDERR_MATCHES "train-channel: 4 lines, [0-9]+ clean tokens")
vanban_cli_test(NAME train_channel_no_pairs ARGS train-channel --pairs ${_cdata}/no_pairs.tsv
                -o ${CMAKE_CURRENT_BINARY_DIR}/cli-work/channel-none.tsv
                EXIT 1 STDERR_MATCHES "no_pairs.tsv: no clean<TAB>ocr pairs")
vanban_cli_test(NAME train_channel_missing ARGS train-channel --pairs /nonexistent/pairs.tsv
                -o ${CMAKE_CURRENT_BINARY_DIR}/cli-work/channel-missing.tsv
                EXIT 1 STDERR_MATCHES "/nonexistent/pairs.tsv")
# OCR damage that only the line around a word explains: mixed case in a heading in
# capitals ("PiCH", "PHi"), a capital I read for l ("quan Iy"), a symbol in a list
# label's place ("¢)" after "b)").
vanban_cli_test(NAME restore_ocr_headings ARGS restore --model ${_model} ${_rdata}/cli/ocr_headings.txt
                EXPECT_STDOUT ${_rdata}/cli/ocr_headings.expected.txt)
# The skeleton of an OCR'd decree: specks before "Chương" (") Chuong I"), a Mục numeral
# glued as a t ("_ Muct |"), an article after a lost one ("Didu2," after "Piéuel."), "PH"
# for Đ ("PHiéu 6."), and title ends that are words, not specks: "của Bo" (Bộ), a glued
# "Yté" (Y tế), "hóa__ - _"; a chapter whose numeral went to the edge cleanup above a
# capitals title whose first word the scan read as digits ("16 CHUC" is TỔ CHỨC), and
# "MUG 1." for Mục 1; an article title wrapped before "1é" (lệ) and one whose text
# opens behind "=r"; "Chuong] ened ." (a longer speck no syllable spells), "BHiéu" for
# Điều on a line restored to as many code points with its words moved ("Ae" is lực),
# and "pies 11." that only restoration reads as Điều.
vanban_cli_test(NAME outline_ocr_decree_skeleton ARGS outline --model ${_model} ${_rdata}/cli/ocr_decree_skeleton.txt
                EXPECT_STDOUT ${_rdata}/cli/ocr_decree_skeleton.expected.txt)
# An article's Điều in bent capitals reads as a real word ("PHiéu 6." is phiếu): điều is
# offered where an article opens, and the model takes it.
vanban_cli_test(NAME restore_ocr_dieu_bent_capitals ARGS restore --model ${_model} ${_rdata}/cli/ocr_decree_skeleton.txt
                STDOUT_MATCHES "\nĐiều 6\\. Tổ chức thực hiện\n")
# --explain dumps each unit once, also for OCR'd text read in two passes.
vanban_cli_test(NAME restore_explain_once ARGS restore --explain --model ${_model} ${_rdata}/cli/ocr_headings.txt
                STDERR_MATCHES "^unit: I\\. MUC PiCH, YEU CAU\n(unit: \n|unit: [^I\n][^\n]*\n|unit: I[^.\n][^\n]*\n|[^u\n][^\n]*\n|\n)*$")
# A word nothing could read is marked, with the syllables it most likely was: marks on
# a spelling no syllable has ("Coéng"), a syllable shape no syllable fills ("OUO"), in
# OCR'd text specks no reading explains ("ssentteen", "DBAY") and capitals with digits no
# code is spelt with ("QHI15" for QH15, "B6" for Bộ), where a code ("90/2025") is not.
vanban_cli_test(NAME restore_mark_unread ARGS restore --mark --model ${_model} ${_rdata}/cli/ocr_unread.txt
                STDOUT_MATCHES "\\[\\[Coéng\\|Công\\|.*\\[\\[OUO\\|[^]]+\\]\\] .*\\[\\[ssentteen\\]\\] \\[\\[DBAY\\|[^]]+\\]\\],.* 90/2025/QH15 .*-\\[\\[B6\\|")
# Running OCR'd text: a capitalised word whose marked vowel the OCR read as a capital
# ("BO Lao động") is capitalised, not put in capitals; a space read as a hyphen between
# the words of a phrase ("thi-hanh") is a space again; a loanword keeps its hyphens;
# capitals run together ("KHOAHQCVACONGNGHE") are cut into their syllables.
vanban_cli_test(NAME restore_ocr_running_text ARGS restore --model ${_model} ${_rdata}/cli/ocr_running_text.txt
                STDOUT_MATCHES "dẫn thi hành một.*-pu-[^ ]+-a,.*của Bộ Lao động.*của Bộ trưởng Bộ Lao động.*\nBỘ KHOA HỌC VÀ CÔNG NGHỆ\nTUYỂN DỤNG, SỬ DỤNG NHÀ GIÁO\n")
# Short OCR'd words: a lone digit read as a word ("6 Bo": ở Bộ), an apostrophe read for
# a space ("tu's6": tư số), two capitals before a lower-case word ("BS trudéng": Bộ
# trưởng), while a Roman numeral before one stays ("khoa XX").
vanban_cli_test(NAME restore_ocr_short_words ARGS restore --model ${_model} ${_rdata}/cli/ocr_short_words.txt
                STDOUT_MATCHES "quốc phòng ở Bộ, ngành.*\nKèm theo Thông tư số 14/2026/TT-BNV.*\nSau khi thống nhất với Bộ trưởng Bộ Xây dựng .* XX về [^\n]*\n")
# A reading hopeless after the best hypothesis may be the best after another: "Cổng"
# after "lên" (not "Tiến công"), which the search had dropped before the next word told.
vanban_cli_test(NAME restore_ocr_prescreen_other_word ARGS restore --model ${_model} ${_rdata}/cli/ocr_prescreen.txt
                STDOUT_MATCHES "liên quan lên Cổng thông tin điện tử")
# A reading far from the scan's letters ("Phuy lục": Phụ lục) is still tried when the
# language model wants it (reading_margin).
vanban_cli_test(NAME restore_ocr_far_reading ARGS restore --model ${_model} ${_rdata}/cli/ocr_far_reading.txt
                STDOUT_MATCHES "\\(Có Phụ lục II chi tiết kèm theo\\)")
# A sentence wrapped before a capitalised word ("của | Đảng", "Tỉnh | Ủy") is read as
# one: the name keeps the words before it as context.
vanban_cli_test(NAME restore_ocr_wrapped_names ARGS restore --model ${_model} ${_rdata}/cli/ocr_wrapped_names.txt
                STDOUT_MATCHES "Ban Thường vụ Tỉnh\nỦy về việc.*chính sách của\nĐảng, pháp luật của Nhà nước")
# The nearest words offered for an unread word are words a clerk can read, never the
# model's abbreviation tokens ("[[internet|#internet|#interfet]]" before).
vanban_cli_test(NAME restore_mark_unread_alternatives ARGS restore --mark --color never --model ${_model} ${_rdata}/cli/ocr_unread_foreign.txt
                STDOUT_MATCHES "trang \\[\\[internet\\|[^]#]+\\]\\] của")
# One reading per document for a place name: the date line alone reads "Phường Thịnh"
# (a ward); the issuer and the subject read the commune's name, which the gazetteer has.
vanban_cli_test(NAME restore_header_name_one_reading ARGS restore --model ${_model} ${_rdata}/cli/stripped_header_name.txt
                STDOUT_MATCHES "XÃ PHƯƠNG THỊNH\nSố: 12/KH-UBND Phương Thịnh, ngày.*xã Phương Thịnh")
# A capital that came with a misread first letter ("Jiéu" read as liệu, "Tinh" as lĩnh) is
# the glyph's, not the word's: inside a sentence the word is lower case.
vanban_cli_test(NAME restore_ocr_misread_capital ARGS restore --model ${_model} ${_rdata}/cli/ocr_misread_capital.txt
                STDOUT_MATCHES "dữ liệu của chương trình.*\n.*thuộc lĩnh vực quản lý")
# Two capitals syllables joined by a hyphen are words, not a document symbol's codes.
vanban_cli_test(NAME restore_hyphened_caps_words ARGS restore --model ${_model} ${_rdata}/cli/stripped_hyphened_caps.txt
                STDOUT_MATCHES "^BỘ LAO ĐỘNG-THƯƠNG BINH VÀ XÃ HỘI\nSố: 12/NQ-HĐND, Căn cứ 25/CT-TU\n")
# An article's Điều the OCR garbled past reading, at a line's start before its number.
vanban_cli_test(NAME restore_ocr_garbled_dieu ARGS restore --model ${_model} ${_rdata}/cli/ocr_garbled_dieu.txt
                STDOUT_MATCHES "\nĐiều 28.2:TT.11.36. Điều khoản chuyển tiếp .\nĐiều 2. Đối tượng")
# A commune's name glued by the OCR is cut into the gazetteer's pair ("TANHUNG" is Tân
# Hưng, not tả nhung).
vanban_cli_test(NAME restore_ocr_glued_name ARGS restore --model ${_model} ${_rdata}/cli/ocr_glued_name.txt
                STDOUT_MATCHES "\nXÃ TÂN HƯNG .\n")
# A word the document keeps as written ("Halal", three times) is that word where the
# phrase memory would read it otherwise ("dịch vụ Halal được" is not "dịch vụ đã được").
vanban_cli_test(NAME restore_ocr_kept_word ARGS restore --model ${_model} ${_rdata}/cli/ocr_kept_word.txt
                STDOUT_MATCHES "\nQuản lý chất lượng sản phẩm, dịch vụ Halal được thực hiện")
# A lower-case word the OCR glued from two ("caodang"): the pair the model knows as a
# pair (cao đẳng), not the readings each side ranks first alone (cao đang).
vanban_cli_test(NAME restore_ocr_glued_pair ARGS restore --model ${_model} ${_rdata}/cli/ocr_glued_pair.txt
                STDOUT_MATCHES "tên trường cao đẳng\n1\\. Tên trường có dạng: Trường cao đẳng \\+")
# Glued capitals the unigram model cut wrong (XÁC ÂM KHE) or could not cut (a syllable
# the OCR damaged: BAL for BÀI, CHINE for CHÍNH; a number inside) are cut as the language
# model reads them best; the last syllable of a glued name keeps the capitals;
# capitalised words run together are cut at their capitals ("DignBign", "LécHa").
vanban_cli_test(NAME restore_ocr_glued_damaged ARGS restore --model ${_model} ${_rdata}/cli/ocr_glued_damaged.txt
                STDOUT_MATCHES "\nXÃ CẨM KHÊ\nXÃ NỘI BÀI\nPHƯỜNG 1 BẢO LỘC\nBỘ TÀI CHÍNH\nXÃ LỘC HÀ [|] [^\n]*\n- UBND tỉnh Điện Biên;\n[^\n]* xã Lộc Hà :\n")
# A hyphen with nothing before it joins nothing ("-XANAMNEN" is cut like any glued
# issuer), and a ". " the OCR put inside a gazetteer name before its date is a space.
vanban_cli_test(NAME restore_ocr_header_specks_name ARGS restore --model ${_model} ${_rdata}/cli/ocr_header_specks_name.txt
                STDOUT_MATCHES "\n-XÃ NẬM NÈN\nSố: 12/KH-UBND Vị Xuyên, ngày")
# A place the OCR garbled past reading ("Xudn Giang, gay") under the issuer's XÃ XUÂN
# GIANG is that name; the date's "gay" before a day and "théng 3" is ngày.
vanban_cli_test(NAME restore_ocr_kept_place ARGS restore --model ${_model} ${_rdata}/cli/ocr_kept_place.txt
                STDOUT_MATCHES "XÃ XUÂN GIANG\nSố: 12/KE-LUBND Xuân Giang, ngày 05 tháng 3")
# "$" is OCR's S, capital or small: a unit's first word or a sentence's is "Số", any
# other "số".
vanban_cli_test(NAME restore_ocr_dollar_case ARGS restore --model ${_model} ${_rdata}/cli/ocr_dollar_case.txt
                STDOUT_MATCHES "\nSố: 15/KH-UBND\nCăn cứ Luật số 65/2020/QH14 [^\n]*\n2[.] Số lượng")
# A header's Số the OCR read as digits ("86: 135/QD-BLDTBXH") is offered số at a line's
# start before a colon and a number, and takes the capital a header line opens with.
vanban_cli_test(NAME restore_ocr_number_cell ARGS restore --model ${_model} ${_rdata}/cli/ocr_number_cell.txt
                STDOUT_MATCHES "\nSố: 135/QĐ-BLĐTBXH\n")
# ... but a P read for the capital Đ of a name keeps its capital ("x3 Pong Tién").
vanban_cli_test(NAME restore_ocr_misread_capital_name ARGS restore --model ${_model} ${_rdata}/cli/ocr_misread_capital_name.txt
                STDOUT_MATCHES "địa bàn xã Đồng Tiến\n")
# A hyphen the OCR read for the space between a unit word and its name is a space.
vanban_cli_test(NAME restore_ocr_hyphen_name ARGS restore --model ${_model} ${_rdata}/cli/ocr_hyphen_name.txt
                STDOUT_MATCHES "địa bàn xã Xuân Giang\n")
# OCR spaces out numbers and symbols ("34 /KH-UBND", "20/ NQ", "114 -KL/TW", "19/
# 10/2021") and drops the space after "Số:": typed documents write them joined. A bar
# opening a heading is the I of its Roman number, and so are ones and l's where a part
# is cited by one ("mục 1l", "Phần Il"; "mục 1" stays).
vanban_cli_test(NAME restore_ocr_numbers ARGS restore --model ${_model} ${_rdata}/cli/ocr_numbers.txt
                STDOUT_MATCHES "^Số: 34/KH-UBND Nghi Dương, [^\n]*\n[^\n]*số 20/NQ-HĐND [^\n]*số 114-KL/TW ngày\n19/10/2021 của[^\n]*\nI\. MỤC ĐÍCH, YÊU CẦU\n[^\n]*mục II Kế hoạch này và Phần II [^\n]*mục 1 của")
# The title under "KT. BỘ TRƯỞNG" is the deputy's: THỨ TRƯỞNG, not THỦ TRƯỞNG.
# Specks a scan's margins left at a line's ends ("; : |", "| 3.", "_ tại", "~ - Văn
# phòng") go; a hyphen a wrapped "kinh tế - xã hội" ends its line with stays.
vanban_cli_test(NAME restore_ocr_line_specks ARGS restore --model ${_model} ${_rdata}/cli/ocr_line_specks.txt
                STDOUT_MATCHES "QH15;\n3[.] Thông tin về tình hình triển khai dự án\ntại điểm b khoản 1 Điều này[.]\n- Văn phòng Quốc hội;\nphát triển kinh tế -\nxã hội")
vanban_cli_test(NAME restore_ocr_deputy_title ARGS restore --model ${_model} ${_rdata}/cli/ocr_deputy_title.txt
                STDOUT_MATCHES "KT. BỘ TRƯỞNG.\nTHỨ TRƯỞNG\n")
# Where a person's name stands (after "đồng chí", "ông", and on the signer's line under
# "TM. …" and the title), a pair of a personal name beats common words: "Phan Liên Hương",
# not Phân Liên Hương; "Dương Thanh Đoàn", not Dương Thành Đoàn.
vanban_cli_test(NAME restore_person_names ARGS restore --model ${_model} ${_rdata}/cli/stripped_person_names.txt
                STDOUT_MATCHES "đồng chí Dương Thanh Đoàn, [^\n]*\n[^\n]*Ông Phan Liên Hương [^\n]*\n\nTM[^\n]*\nCHỦ TỊCH\n\nPhan Liên Hương\n")
# A name opening after what may read "đồng chí" reads it so (the model knows "đồng chí"
# before common surnames only): not "Giao đông chỉ Dương Thanh Đoàn".
vanban_cli_test(NAME restore_ocr_person_after_title ARGS restore --model ${_model} ${_rdata}/cli/ocr_person_after_title.txt
                STDOUT_MATCHES "Giao đồng chí Dương Thanh Đoàn, ")
# The items of a list in one line read alike: the word most items share first ("dân")
# is the reading of its repeat that the language model alone reads otherwise ("dàn giám
# sát"): slogans are rare in any corpus.
vanban_cli_test(NAME restore_parallel_items ARGS restore --model ${_model} ${_rdata}/cli/stripped_slogan.txt
                STDOUT_MATCHES "\"Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng\"")
# The same list ending its line without a mark: its last item is an item too.
vanban_cli_test(NAME restore_parallel_items_line_end ARGS restore --model ${_model} ${_rdata}/cli/stripped_slogan_line_end.txt
                STDOUT_MATCHES "Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát\n")
# A quoted list in OCR'd text: the quote opens it, "và" opens its last item, and the
# clause before it is no item, so "trọng dân, gần dân, học dân, hiểu dân" reads its
# shared word on the garbled "ddn" and "dén" too (not "đồn", "đến").
vanban_cli_test(NAME restore_parallel_items_quoted_ocr ARGS restore --model ${_model} ${_rdata}/cli/ocr_slogan_quoted.txt
                STDOUT_MATCHES "“trong dân, gần dân, học dân, hiểu dân\n")
# Capitals the OCR made of marks: the acute of "áp" read as a capital A inside a sentence
# ("tượng Ap dụng"), the marked ộ of Bộ as a capital O before a one-letter word ("BO Y tế").
vanban_cli_test(NAME restore_ocr_case_misread ARGS restore --model ${_model} ${_rdata}/cli/ocr_case_misread.txt
                STDOUT_MATCHES "đối tượng áp dụng chính sách;\nĐề nghị Thanh tra Bộ Y tế kiểm tra")
# A capitals heading with words the OCR wrote in mixed case ("sU" for SỬ, "PHf" for PHÍ).
vanban_cli_test(NAME restore_ocr_caps_mixed_case ARGS restore --model ${_model} ${_rdata}/cli/ocr_caps_mixed_case.txt
                STDOUT_MATCHES "\nQUẢN LÝ, SỬ DỤNG KHOẢN THU CHI PHÍ\n")
# A space the OCR read as a dot or a hyphen between two lower-case words is a space again
# ("dn.va.dot": án và đợt, "voi-cam": với cam); a loanword's chain of syllables keeps its
# hyphens ("ki-lo-gam").
vanban_cli_test(NAME restore_ocr_marks_for_spaces ARGS restore --model ${_model} ${_rdata}/cli/ocr_marks_for_spaces.txt
                STDOUT_MATCHES "dự án và đợt chào bán [^\n]* với cam\nkết [^\n]* ki-lô-")
# The same between a word and a number ("s6.22/2018", "ngay.20", "Diéu.4", "tir-01"),
# but not before a list's number ("thực hiện.2. Tổ chức" may end a sentence); and between
# a capitalised word and a lower-case one ("T6.chitc", "Thi-tuéng") unless the corpus
# hyphens the pair ("Ba-na", "Gia-rai"); a colon, a quote or an underscore between two
# words ("dinh:tai", "cap‘co", "cac_van"); "số:24", "04.tháng"; not after a numeral or a
# lone letter ("Phụ lục I.3", "điểm a.1").
vanban_cli_test(NAME restore_ocr_marks_beside_numbers ARGS restore --model ${_model} ${_rdata}/cli/ocr_marks_beside_numbers.txt
                STDOUT_MATCHES "Luật số 22/2018/QH14 [^\n]* từ ngày 20 tháng [^\n]*\n[^\n]*khoản 7 Điều 4 [^\n]* nhất 10 \\(mười[^\n]*\n[^\n]*thực hiện\\.2\\. Tổ chức[^\n]*\n[^\n]*của Thủ tướng, Ủy ban nhân dân và Tổ chức [^\n]*\nngười Ba-na và Gia-rai, [^\n]* từ 01 tháng[^\n]*\n[^\n]*quy định tại Thông tư, các cấp có trách nhiệm, các văn bản năm 2018\n[^\n]*Quyết định số 24/2006/QĐ-BYT ngày 04 tháng 6 [^\n]*\ntheo Phụ lục I\\.3 và Phụ lục I-10 tại điểm a\\.1 khoản")
# An OCR'd word read as two digits and a letter ("16i": lối) is read, while an article's
# item number ("Điều 16a") stays.
vanban_cli_test(NAME restore_ocr_item_number_words ARGS restore --model ${_model} ${_rdata}/cli/ocr_item_number_words.txt
                STDOUT_MATCHES "chủ trương, đường lối của Đảng,.*\nĐiều 16a\\. ")
# A word the OCR damaged past the channel ("sate dinh lién quan") between words the
# document read with confidence around it elsewhere is read as there (quy định liên quan).
vanban_cli_test(NAME restore_ocr_repeated_phrase ARGS restore --model ${_model} ${_rdata}/cli/ocr_repeated_phrase.txt
                STDOUT_MATCHES "\nĐiều 9\\. Cắt giảm, đơn giản hóa thủ tục hành chính, quy định liên quan\n")
# The National Assembly's term that ends a law's number, as English-model OCR reads it
# after the slash ("QHI5", "QHIS", "0H15", "QHI15"), is QH15; typed QH14 and a code
# without the slash stay.
vanban_cli_test(NAME restore_ocr_law_term ARGS restore --model ${_model} ${_rdata}/cli/ocr_law_term.txt
                STDOUT_MATCHES "64/2025/QH15;\n[^\n]*72/2025/QH15;\n[^\n]*31/2024/QH15 và Luật số 90/2025/QH15;\n[^\n]*45/2019/QH14;\nMã hàng QHI5 ")
# A word the OCR left unreadable by its spelling ("Dite") is read when the channel
# reads it at all: under a signing title it is the signer's Đức, not kept as written.
vanban_cli_test(NAME restore_ocr_signer_garbled ARGS restore --model ${_model} ${_rdata}/cli/ocr_signer_garbled.txt
                STDOUT_MATCHES "\nLê Tài Đức ")
# A signer's title in capitals under the issuer's name opens the signature block though
# the OCR garbled its mark ("7™M. HOI PONG"), and a signer's name is Vietnamese syllables:
# "Bién Ditc Khigm" is Biện Đức Khiêm, not kept as written after Biển.
vanban_cli_test(NAME restore_ocr_signer_title_only ARGS restore --model ${_model} ${_rdata}/cli/ocr_signer_title_only.txt
                STDOUT_MATCHES "\nBiện Đức Khiêm ")
# The national motto with NGHĨA garbled ("CHU NGBIA") is still the motto, not the issuer.
vanban_cli_test(NAME header_ocr_motto_garbled ARGS header --no-restore --format jsonl ${_rdata}/cli/ocr_motto_garbled.txt
                STDOUT_MATCHES "\"issuer\":\"CHINH PHU\"")
# A chapter's or a section's label before its number keeps its case when the title in
# capitals follows on its line ("Chương II QUY ĐỊNH CỤ THỂ" was CHƯƠNG II).
vanban_cli_test(NAME restore_label_before_caps_title ARGS restore --model ${_model} ${_rdata}/cli/clean_chapter_labels.txt
                STDOUT_MATCHES "^Chương I\nQUY ĐỊNH CHUNG\nChương II QUY ĐỊNH CỤ THỂ\nMục 2 QUYỀN NHÂN THÂN\n$")
# Two capitals that swallowed a mark at a line's end, after a word in lower case, are a
# capitalised word the sentence wraps after ("Bộ trưởng BO" | "Tài chính": Bộ, not BỘ).
vanban_cli_test(NAME restore_ocr_capital_at_line_end ARGS restore --model ${_model} ${_rdata}/cli/ocr_capital_at_line_end.txt
                STDOUT_MATCHES "\nBộ trưởng Bộ\nTài chính ban hành")
# A Điều named by its number whose first letter the OCR garbled ("pigu 26", "@iku 1") is
# capitalised anywhere on its line, as a law writes it.
vanban_cli_test(NAME restore_ocr_dieu_by_number ARGS restore --model ${_model} ${_rdata}/cli/ocr_dieu_by_number.txt
                STDOUT_MATCHES "liên quan đến Điều 26 của Luật này\\)\n- Điều 1 Nghị định")
# "1A" read as là inside a sentence: the capital is the misread grave's, not the word's.
vanban_cli_test(NAME restore_ocr_l_read_as_capitals ARGS restore --model ${_model} ${_rdata}/cli/ocr_l_read_as_capitals.txt
                STDOUT_MATCHES "\n1\\. Tập quán là quy tắc")
# Two columns the OCR joined into one line: the right column's title in capitals takes
# back a word written capitalised or in mixed case ("TM Uy BAN", "KT. CHfJ TICH"); a
# capitalised word after a lower-case one stays ("về Sở NỘI VỤ").
vanban_cli_test(NAME restore_ocr_capital_column ARGS restore --model ${_model} ${_rdata}/cli/ocr_capital_column.txt
                STDOUT_MATCHES "\n- Như trên; TM ỦY BAN NHÂN DÂN\n- Lưu: VT, VP\\. KT\\. CHỦ TỊCH\nbáo cáo kết quả về Sở NỘI VỤ\n")
# A sentence wrapped after a word of two letters with a mark ("dé" for để) goes on: the
# scan's capital on the next line ("Jam" for làm) is a misread letter, not a sentence's.
vanban_cli_test(NAME restore_ocr_wrap_after_short_word ARGS restore --model ${_model} ${_rdata}/cli/ocr_wrap_after_short_word.txt
                STDOUT_MATCHES "khó khăn để\nlàm căn cứ xác định")
# A rarer surname (under the person table's cut) is a name where a person's name stands:
# "đồng chí Sầm Văn Hùng", the signer "Tào Bích Hải", not Sâm Văn Hùng, Tạo Bích Hải.
vanban_cli_test(NAME restore_rare_surnames ARGS restore --model ${_model} ${_rdata}/cli/stripped_rare_surnames.txt
                STDOUT_MATCHES "đồng chí Sầm Văn Hùng, [^\n]*\n\nTM[^\n]*\nCHỦ TỊCH\n\nTào Bích Hải\n")
# A commune's document names the old units it absorbed (dictionaries/place_merges.txt):
# once XÃ EA KNOP is read, its units read as the gazetteer spells them, Knốp too, which
# the model lacks (in the all-caps issuer line too, where KNOP is kept as a symbol would be).
vanban_cli_test(NAME restore_absorbed_units ARGS restore --model ${_model} ${_rdata}/cli/stripped_absorbed_units.txt
                STDOUT_MATCHES "XÃ EA KNỐP\n\nEa Knốp, ngày [^\n]*\n\nXã Ea Knốp được [^\n]* xã Ea Knốp, xã Ea Sô, xã Ea Sar.\n")
# An OCR'd commune's document (XÃ SÔNG KÔN, which absorbed Sông Kôn, Jơ Ngây and A Ting):
# the date line's "Sbng Kan;" is the commune; a stop or colon the OCR put inside one of
# its names goes ("xa.Song Kon", "Song: Kon"); a garbled kind before them is xã ("x8",
# "xi").
vanban_cli_test(NAME restore_ocr_own_commune ARGS restore --model ${_model} ${_rdata}/cli/ocr_own_commune.txt
                STDOUT_MATCHES "\nSông Kôn; ngày 05 [^\n]*\n[^\n]*\n[^\n]*\n[^\n]*sáp nhập xã Sông Kôn, xã Jơ Ngây, xã A Ting.\nGiao UBND xã Sông Kôn tổ chức")
# A person's name opens with a surname (dictionaries/surnames.txt): "đồng chí Đặng Quốc
# Thành", not the Party's Đảng.
vanban_cli_test(NAME restore_surname_first ARGS restore --model ${_model} ${_rdata}/cli/stripped_surname_first.txt
                STDOUT_MATCHES "Giao đồng chí Đặng Quốc Thành, ")
# Several documents in one file are restored each on its own (cmd/restore_cmd.cc).
add_test(NAME cli.restore_concatenated
  COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:vanban_cli> -DMODEL=${_model}
          -DFIRST=${SAMPLES}/ocrsim/cong_van_1245_ubnd.txt -DSECOND=${SAMPLES}/ocrsim/quyet_dinh_169_2025.txt
          -DWORK=${CMAKE_CURRENT_BINARY_DIR}/cli-work/restore-concat
          -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/restore_concatenated.cmake)
set_tests_properties(cli.restore_concatenated PROPERTIES LABELS cli)
