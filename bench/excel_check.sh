#!/usr/bin/env bash
# Opens the tables vanban writes for spreadsheets in LibreOffice Calc (headless), as a
# clerk's Excel would: CSV -> .xlsx -> CSV, then checks that every row keeps its columns,
# Vietnamese text (cells and --header vi titles) survives, units stay "; "-joined, and a
# cell holding a formula ("=cmd|' /C calc'!A0", a file named "=1+2.txt") is text, never
# evaluated. Too slow for CTest (LibreOffice starts in seconds): run it by hand.
#
# Usage: bench/excel_check.sh [VANBAN_BINARY]
#   needs soffice (Debian: apt-get install libreoffice-calc-nogui) and python3.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-${VANBAN:-$repo/build/cmd/vanban}}
[ -x "$bin" ] || { echo "excel_check: no vanban binary at $bin (pass its path)" >&2; exit 2; }
command -v soffice >/dev/null || { echo "excel_check: needs soffice (libreoffice-calc-nogui)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME=$tmp  # LibreOffice writes its profile there

# A document with formulas where a task text and the file name go.
cat > "$tmp/=1+2.txt" <<'DOC'
ỦY BAN NHÂN DÂN XÃ NGHI ĐƯƠNG
Số: 7/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Nghi Đương, ngày 10 tháng 01 năm 2026
KẾ HOẠCH
Thử các ô công thức

Căn cứ Nghị quyết số 20/NQ-HĐND ngày 19/12/2025 của Hội đồng nhân dân xã;

I. NHIỆM VỤ
1. =cmd|' /C calc'!A0
- Cơ quan chủ trì: Phòng Văn hóa — Xã hội, các thôn
- Cơ quan phối hợp: UBND xã; @SUM(1+1)
- Thời gian thực hiện: trước ngày 30/5/2026
DOC
samples=("$repo"/samples/ocrsim/*.clean.txt "$tmp/=1+2.txt")

# name | vanban arguments | LibreOffice field separator (ASCII code)
cases=(
  "tasks_default|tasks --no-restore -o $tmp/tasks_default.csv|44"
  "tasks_excel_vi|tasks --no-restore --excel-vi -o $tmp/tasks_excel_vi.csv|59"
  "tasks_tab|tasks --no-restore --delimiter tab -o $tmp/tasks_tab.csv|9"
  "header_csv|header --no-restore --format csv -o $tmp/header_csv.csv|44"
  "header_excel_vi|header --no-restore --excel-vi -o $tmp/header_excel_vi.csv|59"
  "deadlines_semicolon|deadlines --no-restore --delimiter ; --header vi -o $tmp/deadlines_semicolon.csv|59"
  "refs_mentions|refs --no-restore --mentions -o $tmp/refs_mentions.csv|44"
)
status=0
for c in "${cases[@]}"; do
  IFS='|' read -r name args sep <<< "$c"
  # shellcheck disable=SC2086  # the arguments are words
  "$bin" $args "${samples[@]}" 2> "$tmp/$name.err" || { echo "$name: vanban failed"; cat "$tmp/$name.err"; status=1; continue; }
  # Import as Excel would (UTF-8 = 76, the separator, '"' quotes), save as .xlsx, read that
  # back and write it out as CSV again (',' '"' UTF-8) for the comparison.
  (cd "$tmp" && soffice --headless --infilter="CSV:$sep,34,76,1" --convert-to xlsx "$name.csv" > /dev/null 2>&1)
  (cd "$tmp" && mkdir -p back && soffice --headless --convert-to "csv:Text - txt - csv (StarCalc):44,34,76,1" \
      --outdir back "$name.xlsx" > /dev/null 2>&1)
  python3 - "$tmp/$name.csv" "$tmp/back/$name.csv" "$sep" "$name" <<'PY' || status=1
import csv, io, sys
orig_path, back_path, sep, name = sys.argv[1], sys.argv[2], chr(int(sys.argv[3])), sys.argv[4]
raw = open(orig_path, "rb").read()
bom = raw.startswith(b"\xef\xbb\xbf")
orig = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=sep))
back = list(csv.reader(open(back_path, encoding="utf-8", newline=""), delimiter=","))
problems = []
if not bom:
    problems.append("no byte order mark in a CSV written to a file")
if len(back) != len(orig):
    problems.append(f"{len(orig)} rows written, {len(back)} after Calc")
width = len(orig[0])
for n, row in enumerate(back, 1):
    if len(row) != width:
        problems.append(f"row {n}: {len(row)} columns after Calc, header has {width}")
        break
text_columns = 0
for r, (a, b) in enumerate(zip(orig, back)):
    for c, (x, y) in enumerate(zip(a, b)):
        if x.startswith("'") and x[1:2] in "=+-@":
            # A neutralised formula: Calc must show the text, never a computed value.
            if x[1:] not in y:
                problems.append(f"row {r + 1} col {c + 1}: formula cell {x!r} became {y!r}")
        elif any(ord(ch) > 127 for ch in x) or "; " in x:
            text_columns += 1
            if x != y:
                problems.append(f"row {r + 1} col {c + 1}: {x!r} became {y!r}")
formulas = sum(1 for row in orig for x in row if x[:2] in ("'=", "'@"))
print(f"{name}: {len(orig) - 1} rows x {width} columns, BOM {'yes' if bom else 'no'}, "
      f"{text_columns} Vietnamese/list cells compared, {formulas} formula cells neutralised, "
      f"title row: {' | '.join(orig[0][:4])} ...")
for p in problems[:10]:
    print(f"  PROBLEM {p}")
sys.exit(1 if problems else 0)
PY
done
[ $status = 0 ] && echo "excel_check: all tables open in Calc with their columns and text intact" || echo "excel_check: FAILED"
exit $status
