#!/bin/bash
# PostgreSQL archive tests against the real server of pg_cluster.sh (no mocks):
#   pg_scenarios.sh SCENARIO VANBAN STATE SAMPLES WORKDIR
# Each scenario uses a database of its own, so scenarios run in parallel.
#   index     index the seeds, search them, re-index (all unchanged)
#   workers   two processes on overlapping folders at once: every document once
#   kill      kill -9 a worker mid-batch while another runs, then rerun: every document once
#   errors    wrong password, unreachable host, newer schema, other tables: one line, exit 1/2,
#             no password in any output, nothing written
#   input     quotes, ';', FTS operators, unbalanced parentheses: answered or refused clearly
#   jsonl     import `vanban parse` records; a re-import is unchanged; a bad line is reported
#   parity    the same records in SQLite and PostgreSQL: the same documents for every query,
#             and the same first matches ranked with --rank-at-most (also when a phrase's
#             candidates, more than the cap, are checked by TID)
#   dense     a step of a word that most documents hold finds its first matches among the
#             lowest ids (a few rows read, not every match), the same as the scan; when
#             those hold fewer than it ranks, it scans as usual
#   filtered  a filtered phrase step whose candidates are mostly not matches reads the
#             documents rows of its hits alone (the filters on the search rows), as the scan
#   session   search --queries over one connection: every answer that of the same search
#             alone, each line answered while standard input is open; a connection lost
#             mid-session is an error answer, one clear line, exit 1, no wait for input
#   restart   the server stops mid-run: exit 1, one clear line; after a restart the rerun
#             completes the archive (its own cluster)
#   readonly  a role that may only read, a read-only database: index fails at once with one
#             line and writes nothing (no log either); search works (as on SQLite)
#   upgrade   an archive at schema version 1 (one search table with both tsvectors), and one
#             at each later version up to 7 (at 7: search rows without filter values), is
#             upgraded by index and then answers every parity query exactly as before
#   check     index --check passes a sound archive and reports a missing search row, a
#             search row that is not that of the text, a record that is not JSON, a search
#             row whose filter values are not its document's
set -uo pipefail
scenario=$1 vanban=$2 state=$3 samples=$4 work=$5
here=$(cd "$(dirname "$0")" && pwd)
export PGOPTIONS="-c client_min_messages=warning"

if [ ! -f "$state" ]; then
  if [ "${CI:-}" = true ]; then echo "vanban: no PostgreSQL test cluster ($state) under CI" >&2; exit 1; fi
  echo "SKIP: no PostgreSQL test cluster (see the pg.cluster test)"; exit 77
fi
# shellcheck disable=SC1090
. "$state"

fail() { echo "FAIL [$scenario]: $*" >&2; exit 1; }
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
db="vanban_$scenario"
admin() { "$PSQL" -qAt -v ON_ERROR_STOP=1 "$PG_ADMIN" "$@"; }
sql() { "$PSQL" -qAt -v ON_ERROR_STOP=1 "host=$PG_DIR port=$PG_PORT user=postgres dbname=$db" -c "$1"; }
admin -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db OWNER vanban" || fail "cannot create $db"
uri="postgresql://vanban:$PG_PASSWORD@127.0.0.1:$PG_PORT/$db"

# Runs vanban, keeps stdout/stderr in out.txt/err.txt, checks the exit code and that the
# password shows nowhere.
run() {
  local want=$1; shift
  "$vanban" "$@" >out.txt 2>err.txt
  local rc=$?
  if grep -qF "$PG_PASSWORD" out.txt err.txt; then fail "password in the output of: vanban ${*//$PG_PASSWORD/***}"; fi
  [ "$rc" = "$want" ] || { cat err.txt >&2; fail "exit $rc, expected $want: vanban ${*//$PG_PASSWORD/***}"; }
}
expect_err() { grep -qE "$1" err.txt || { cat err.txt >&2; fail "stderr lacks /$1/"; }; }
count() { sql "SELECT count(*) FROM documents"; }
# Schema version 6: the candidate terms are stored out of line, so that their table's rows
# are a doc_id and a pointer (a hundred and more a page) and a candidate query reads few
# pages for its ids; inline, a document's terms of 2-8 KB took a page or half of one (more
# than 8 KB went out of line before too: the seeds' are, the simulated OCR pages' are not).
terms_pages() { sql "SELECT pg_relation_size('documents_search_terms') / 8192"; }
terms_out_of_line() {
  local rows pages
  rows=$(sql "SELECT count(*) FROM documents_search_terms") pages=$(terms_pages)
  [ "$rows" -ge 8 ] || fail "too few documents to tell where the terms are stored"
  [ "$pages" -le $((1 + rows / 100)) ] || fail "candidate terms stored inline: $pages pages for $rows rows"
  # The planner counts no TOAST reads and the table is small: the candidates must still
  # come from the GIN index, not from a scan that reads every row's terms (the plan of the
  # function's query, as auto_explain shows it).
  "$PSQL" -qAt -v ON_ERROR_STOP=1 "host=$PG_DIR port=$PG_PORT user=postgres dbname=$db" -c "LOAD 'auto_explain';
    SET auto_explain.log_min_duration = 0; SET auto_explain.log_nested_statements = on;
    SET auto_explain.log_level = notice; SET client_min_messages = notice;
    SELECT count(*) FROM vanban_candidates('ban_hanh'::tsquery, 10)" >plan.txt 2>&1 || { cat plan.txt >&2; fail "no plan of vanban_candidates"; }
  grep -q 'Bitmap Index Scan on documents_search_terms_gin' plan.txt || { cat plan.txt >&2; fail "candidates not read through the GIN index"; }
}

# N distinct documents from the seeds: each copy gets a line of its own.
make_docs() {
  local dir=$1 from=$2 to=$3 i seed
  local seeds=("$samples"/seeds/*.txt)
  mkdir -p "$dir"
  for ((i = from; i <= to; i++)); do
    seed=${seeds[$((i % ${#seeds[@]}))]}
    { cat "$seed"; printf '\nGhi chú lưu trữ số %d: hồ sơ kiểm tra %d.\n' "$i" "$i"; } > "$dir/doc_$(printf %04d "$i").txt"
  done
}

case $scenario in
index)
  run 0 index "$samples/seeds" --db "$uri" --no-restore --jobs 2
  expect_err "4 files: 4 indexed, 0 replaced, 0 unchanged, 0 failed"
  [ "$(count)" = 4 ] || fail "expected 4 documents"
  [ "$(sql "SELECT count(*) FROM documents_search")" = 4 ] || fail "search rows missing"
  [ "$(sql "SELECT max(version) FROM schema_version")" = 8 ] || fail "schema version not recorded"
  run 0 index "$samples/seeds" --db "$uri" --no-restore
  expect_err "4 files: 0 indexed, 0 replaced, 4 unchanged"
  run 0 search "nghi quyet dan chu" --db "$uri" --type KH --json
  grep -q '"symbol": "34/KH-UBND"' out.txt || fail "accent-free search with --type"
  run 0 search "Nghị quyết dân chủ" --db "$uri" --json
  grep -q '"exact": true' out.txt || fail "accented query: exact hits first"
  grep -q '\[Nghị\] \[quyết\]' out.txt || fail "snippet marks"
  run 1 search "khong co tu nay xyzzy" --db "$uri"
  # --optimize alone: VACUUM ANALYZE of the search tables (planner statistics), same answers.
  run 0 search "nghi quyet dan chu" --db "$uri" --json
  cp out.txt before.txt
  run 0 index --optimize --db "$uri"
  expect_err "optimized for searching in"
  [ "$(sql "SELECT count(*) FROM pg_stat_user_tables WHERE relname LIKE 'documents_search%' AND last_analyze IS NOT NULL")" = 3 ] ||
    fail "--optimize did not analyze the search tables"
  run 0 search "nghi quyet dan chu" --db "$uri" --json
  cmp -s out.txt before.txt || fail "--optimize changed the answer"
  # pg: = the PG* variables (libpq's defaults), no password on the command line.
  PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=vanban PGPASSWORD=$PG_PASSWORD PGDATABASE=$db run 0 search "ke hoach" --db pg:
  [ -s out.txt ] || fail "pg: found nothing"
  ;;
workers)
  make_docs a 1 60
  make_docs b 41 100
  mkdir c && cp b/doc_004*.txt b/doc_005*.txt c/   # 41..59, in b too
  "$vanban" index a c --db "$uri" --no-restore --jobs 2 --batch 4 >o1.txt 2>e1.txt & p1=$!
  "$vanban" index c b --db "$uri" --no-restore --jobs 2 --batch 4 >o2.txt 2>e2.txt & p2=$!
  wait $p1; r1=$?
  wait $p2; r2=$?
  [ $r1 = 0 ] && [ $r2 = 0 ] || { cat e1.txt e2.txt >&2; fail "exit $r1/$r2"; }
  # c's files are other paths than b's: 60 (a) + 19 (c) + 60 (b) documents.
  [ "$(count)" = 139 ] || fail "expected 139 documents, got $(count)"
  n1=$(grep -oE '[0-9]+ indexed' e1.txt | grep -oE '[0-9]+'); n2=$(grep -oE '[0-9]+ indexed' e2.txt | grep -oE '[0-9]+')
  [ $((n1 + n2)) = 139 ] || { cat e1.txt e2.txt >&2; fail "indexed $n1 + $n2, expected 139 in all (each once)"; }
  grep -q " 0 replaced" e1.txt && grep -q " 0 replaced" e2.txt || fail "a document was indexed twice (replaced)"
  [ "$(sql "SELECT count(*) FROM documents_search")" = 139 ] || fail "search rows"
  [ "$(sql "SELECT count(DISTINCT doc_id) FROM tasks")" -gt 0 ] || fail "no tasks stored"
  ;;
kill)
  total=240
  make_docs d 1 $total
  for round in 1 2 3; do
    sql "TRUNCATE documents CASCADE" >/dev/null 2>&1 || true
    "$vanban" index d --db "$uri" --no-restore --jobs 1 --batch 3 >o1.txt 2>e1.txt & p1=$!
    # Kill the first worker once it has committed something (mid-batch: batches of 3).
    for _ in $(seq 1 300); do
      n=$(count 2>/dev/null || echo 0)
      [ "${n:-0}" -ge $((round * 20)) ] && break
      sleep 0.05
    done
    "$vanban" index d --db "$uri" --no-restore --jobs 1 --batch 3 >o2.txt 2>e2.txt & p2=$!
    sleep 0.2
    kill -9 $p1 2>/dev/null
    wait $p1 2>/dev/null
    wait $p2; r2=$?
    [ $r2 = 0 ] || { cat e2.txt >&2; fail "the second worker failed"; }
    [ "$(count)" = $total ] || fail "round $round: after the kill, $(count) documents, expected $total"
    grep -q " 0 replaced" e2.txt || fail "round $round: a document was indexed twice"
    run 0 index d --db "$uri" --no-restore
    expect_err "$total files: 0 indexed, 0 replaced, $total unchanged"
  done
  # A lone worker killed mid-batch: the rerun completes it.
  sql "TRUNCATE documents CASCADE" >/dev/null
  "$vanban" index d --db "$uri" --no-restore --jobs 1 --batch 7 >o1.txt 2>e1.txt & p1=$!
  for _ in $(seq 1 300); do n=$(count 2>/dev/null || echo 0); [ "${n:-0}" -ge 30 ] && break; sleep 0.05; done
  kill -9 $p1; wait $p1 2>/dev/null
  before=$(count)
  # Whole documents only: every stored document has its search row.
  [ "$(sql "SELECT count(*) FROM documents_search")" = "$before" ] || fail "a killed batch left half a document"
  run 0 index d --db "$uri" --no-restore
  expect_err "$total files: $((total - before)) indexed, 0 replaced, $before unchanged"
  [ "$(count)" = $total ] || fail "rerun: $(count) documents"
  ;;
errors)
  bad="postgresql://vanban:Wrong-$PG_PASSWORD@127.0.0.1:$PG_PORT/$db"
  "$vanban" index "$samples/seeds" --db "$bad" --no-restore >out.txt 2>err.txt; rc=$?
  [ $rc = 1 ] || fail "wrong password: exit $rc"
  grep -qF "$PG_PASSWORD" out.txt err.txt && fail "wrong password: password in the output"
  [ "$(wc -l < err.txt)" = 1 ] || { cat err.txt >&2; fail "wrong password: not one line"; }
  expect_err "^vanban: postgresql://vanban:\*\*\*@127.0.0.1:$PG_PORT/$db: cannot connect to PostgreSQL: .*password authentication failed"
  # An unused port on 127.0.0.1.
  port=$(( PG_PORT == 65000 ? 65001 : 65000 ))
  run 1 search "x" --db "postgresql://vanban:$PG_PASSWORD@127.0.0.1:$port/$db"
  [ "$(wc -l < err.txt)" = 1 ] || { cat err.txt >&2; fail "unreachable: not one line"; }
  expect_err "cannot connect to PostgreSQL: .*(refused|failed)"
  # A password in the query part is masked too.
  run 1 search "x" --db "postgresql://127.0.0.1:$port/$db?user=vanban&password=$PG_PASSWORD"
  expect_err "password=\*\*\*"
  # A newer schema: refused, nothing written.
  run 0 index "$samples/seeds/000_6071a54f6ab85aa7.txt" --db "$uri" --no-restore
  sql "INSERT INTO schema_version VALUES (99, 'future')" >/dev/null
  run 1 index "$samples/seeds" --db "$uri" --no-restore
  [ "$(wc -l < err.txt)" = 1 ] || { cat err.txt >&2; fail "newer schema: not one line"; }
  expect_err "archive schema version 99 is newer than this vanban supports \(8\)"
  [ "$(count)" = 1 ] || fail "newer schema: something was written"
  run 1 search "ke hoach" --db "$uri"
  expect_err "schema version 99"
  # A database with other tables: refused, untouched.
  sql "DROP SCHEMA public CASCADE; CREATE SCHEMA public; ALTER SCHEMA public OWNER TO vanban; CREATE TABLE payroll (x int)" >/dev/null
  run 2 index "$samples/seeds" --db "$uri" --no-restore
  expect_err "not a vanban archive: a PostgreSQL database with other tables"
  [ "$(sql "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")" = 1 ] || fail "other tables: something was created"
  ;;
input)
  run 0 index "$samples/seeds" --db "$uri" --no-restore
  "$vanban" index "$samples/seeds" --db sqlite.db --no-restore 2>/dev/null || fail "sqlite index"
  for q in "ke hoach'; DROP TABLE documents; --" '"dan chu' 'dan & chu' 'dan | chu' '!dan' 'dan <-> chu' 'dan:*' \
           '(ke hoach' 'ke hoach)' "'" '\' 'NEAR(dan chu)' 'subject:dan' 'AND OR NOT' '*' '"' ':' 'dan chu*'; do
    for target in "$uri" sqlite.db; do
      "$vanban" search "$q" --db "$target" >out.txt 2>err.txt; rc=$?
      [ $rc = 0 ] || [ $rc = 1 ] || [ $rc = 2 ] || fail "query [$q] on ${target%%:*}: exit $rc"
      grep -qF "$PG_PASSWORD" out.txt err.txt && fail "password in output"
      grep -qiE "search failed|syntax error" err.txt && { cat err.txt >&2; fail "query [$q] on ${target%%:*}: not answered"; }
      [ $rc = 2 ] && { [ "$(wc -l < err.txt)" -ge 1 ] && grep -q '^vanban: ' err.txt || fail "query [$q]: refused without a message"; }
    done
  done
  [ "$(count)" = 4 ] || fail "documents gone after the queries"
  ;;
jsonl)
  "$vanban" parse --no-restore --jsonl "$samples"/seeds/*.txt > records.jsonl 2>/dev/null || fail "vanban parse"
  run 0 index --from-jsonl records.jsonl --db "$uri"
  expect_err "4 records: 4 indexed, 0 replaced, 0 unchanged, 0 failed"
  [ "$(count)" = 4 ] || fail "expected 4 documents"
  [ "$(sql "SELECT count(*) FROM tasks")" -gt 0 ] || fail "no tasks imported"
  [ "$(sql "SELECT count(*) FROM refs WHERE full_symbol IS NOT NULL")" -gt 0 ] || fail "no references imported"
  run 0 search "nghi quyet dan chu" --db "$uri" --type KH
  grep -q "003_9804076c90d51208" out.txt || fail "imported record not found"
  cat records.jsonl | run 0 index --from-jsonl - --db "$uri"
  expect_err "4 records: 0 indexed, 0 replaced, 4 unchanged"
  { head -1 records.jsonl; echo '{"schema":"other"}'; echo 'not json'; } > bad.jsonl
  run 1 index --from-jsonl bad.jsonl --db "$uri"
  expect_err "^vanban: bad.jsonl:2: not a vanban.doc/1 record"
  expect_err "^vanban: bad.jsonl:3: not a JSON record"
  run 1 index --from-jsonl missing.jsonl --db "$uri"
  expect_err "missing.jsonl: no such records file"
  ;;
parity)
  "$vanban" parse --no-restore --jsonl "$samples"/seeds/*.txt "$samples"/ocrsim/*.txt > records.jsonl 2>/dev/null
  [ -s records.jsonl ] || fail "vanban parse wrote nothing"
  # One worker: the records are stored in the order of the file on both (see --rank-at-most below).
  run 0 index --from-jsonl records.jsonl --db "$uri" --jobs 1
  run 0 index --from-jsonl records.jsonl --db sqlite.db --jobs 1
  n=$(wc -l < records.jsonl)
  [ "$(count)" = "$n" ] || fail "PostgreSQL: $(count) of $n records"
  checked=0
  while IFS= read -r line; do
    [ -n "$line" ] || continue
    # shellcheck disable=SC2086
    eval "args=($line)"
    for target in sqlite.db "$uri"; do
      "$vanban" search "${args[@]}" --db "$target" --limit 1000 --json > "hits.${target%%:*}.json" 2>err.txt
      rc=$?; [ $rc -le 1 ] || { cat err.txt >&2; fail "query [$line]: exit $rc"; }
    done
    a=$(grep -o '"path": "[^"]*"' hits.sqlite.db.json | sort)
    b=$(grep -o '"path": "[^"]*"' hits.postgresql.json | sort)
    [ "$a" = "$b" ] || { diff <(echo "$a") <(echo "$b") >&2; fail "query [$line]: SQLite and PostgreSQL found different documents"; }
    # The best hit too, when one document stands out (an exact phrase in its subject).
    checked=$((checked + 1))
  done < "$here/parity_queries.txt"
  [ $checked -ge 20 ] || fail "only $checked queries"
  # Ranking only the first matches (--rank-at-most, as on a large archive): with a cap of
  # the page, a query's hits are its first matches by document id (the order of
  # indexing), the same documents on both, whatever the order the rows lie in: here the
  # PostgreSQL rows lie in the reverse order of their ids (as rows may after concurrent
  # imports, updates and a VACUUM), so the first matches in storage order would be the
  # last ones.
  for table_key in documents:id documents_search:doc_id documents_search_exact:doc_id; do
    table=${table_key%%:*} key=${table_key#*:}
    sql "CREATE INDEX reverse_order ON $table ($key DESC); CLUSTER $table USING reverse_order; DROP INDEX reverse_order; ANALYZE $table"
    [ "$(sql "SELECT $key FROM $table LIMIT 1")" = "$(sql "SELECT max($key) FROM $table")" ] || fail "$table: not in reverse order"
  done
  capped=("thuc" "hien" "nghi" "uy" "ban" "dan" "'uy ban'" "'nhân dân'" "'thuc hien' --type KH" "nghi --from 2020"
          "dan --from 2000 --to 2099" "ban --issuer uy")
  for query in "${capped[@]}"; do
    # shellcheck disable=SC2086
    eval "args=($query)"
    for target in sqlite.db "$uri"; do
      "$vanban" search "${args[@]}" --db "$target" --limit 3 --rank-at-most 3 --json > "hits.${target%%:*}.json" 2>err.txt ||
        { cat err.txt >&2; fail "capped query [$query]"; }
    done
    a=$(grep -o '"path": "[^"]*"' hits.sqlite.db.json | sort)
    b=$(grep -o '"path": "[^"]*"' hits.postgresql.json | sort)
    [ "$(echo "$a" | wc -l)" = 3 ] || fail "capped query [$query]: not 3 hits"
    [ "$a" = "$b" ] || { diff <(echo "$a") <(echo "$b") >&2; fail "capped query [$query]: SQLite and PostgreSQL ranked different matches"; }
  done
  # No parallel plans (a Gather yields its workers' rows in the order they come: other first
  # matches from one run to the next), even when parallel plans cost nothing: the plans of
  # a search's statements (auto_explain, in the server's log; as the superuser, who may load
  # it) have no Gather.
  log_at=$(stat -c %s "$PG_DIR/server.log")
  PGOPTIONS="$PGOPTIONS -c session_preload_libraries=auto_explain -c auto_explain.log_min_duration=0
    -c auto_explain.log_nested_statements=on -c parallel_setup_cost=0 -c parallel_tuple_cost=0
    -c min_parallel_table_scan_size=0 -c min_parallel_index_scan_size=0 -c max_parallel_workers_per_gather=4" \
    "$vanban" search "nghi quyet" --type NQ --db "pg:host=$PG_DIR port=$PG_PORT user=postgres dbname=$db" --json \
    > hits.parallel.json 2>err.txt || { cat err.txt >&2; fail "search with parallel plans"; }
  tail -c +$((log_at + 1)) "$PG_DIR/server.log" > plans.txt
  grep -q "Query Text: WITH first AS" plans.txt || fail "no plan of a step in the server's log"
  if grep -q "Gather" plans.txt; then grep -B30 Gather plans.txt | head -60 >&2; fail "a search ran a parallel plan"; fi
  # A phrase whose candidates (documents with its pairs) are more than the cap: they are
  # checked by id, not by a GIN scan of the words, and the first matches
  # ranked are still those of the scan (--no-candidates) and of SQLite. enable_seqscan=off:
  # on an archive this small the planner would scan the table either way.
  gin_scans() { sql "SELECT coalesce(sum(idx_scan), 0) FROM pg_stat_user_indexes WHERE indexrelname = '$1'"; }
  term_reads() { sql "SELECT seq_scan + coalesce(idx_scan, 0) FROM pg_stat_user_tables WHERE relname = 'documents_search_terms'"; }
  for phrase in "uy ban" "nhan dan" "thuc hien"; do
    folded=$(gin_scans documents_search_folded) terms=$(term_reads)
    PGOPTIONS="$PGOPTIONS -c enable_seqscan=off" "$vanban" search "$phrase" --db "$uri" --limit 3 --rank-at-most 3 --json \
      > hits.tid.json 2>err.txt || { cat err.txt >&2; fail "capped phrase [$phrase]"; }
    # The backend's statistics arrive when it exits: the candidate query's scan shows when.
    for _ in $(seq 50); do [ "$(term_reads)" != "$terms" ] && break; sleep 0.1; done
    [ "$(term_reads)" != "$terms" ] || fail "capped phrase [$phrase]: no candidate query"
    [ "$(gin_scans documents_search_folded)" = "$folded" ] || fail "capped phrase [$phrase]: its candidates were not checked by TID"
    "$vanban" search "$phrase" --db "$uri" --limit 3 --rank-at-most 3 --json --no-candidates > hits.scan.json 2>err.txt ||
      { cat err.txt >&2; fail "capped phrase [$phrase], no candidates"; }
    "$vanban" search "$phrase" --db sqlite.db --limit 3 --rank-at-most 3 --json > hits.sqlite.json 2>err.txt ||
      { cat err.txt >&2; fail "capped phrase [$phrase] on SQLite"; }
    [ "$(grep -c '"path"' hits.tid.json)" = 3 ] || fail "capped phrase [$phrase]: not 3 hits"
    cmp -s hits.tid.json hits.scan.json || { diff hits.scan.json hits.tid.json >&2; fail "capped phrase [$phrase]: the candidates ranked other matches than the scan"; }
    a=$(grep -o '"path": "[^"]*"' hits.sqlite.json | sort) b=$(grep -o '"path": "[^"]*"' hits.tid.json | sort)
    [ "$a" = "$b" ] || { diff <(echo "$a") <(echo "$b") >&2; fail "capped phrase [$phrase]: SQLite and PostgreSQL ranked different matches"; }
  done
  ;;
filtered)
  # 150 documents hold the pairs of "zqa zqb zqc" (zqa_zqb, zqb_zqc) and the years of the
  # filter, 3 the phrase: a filtered phrase step with 150 candidates, few of them matches,
  # reads the documents rows of its 3 hits alone (its filters on the search rows, schema
  # version 8), with the answers of the scan.
  make_docs f 1 150
  for f in f/*.txt; do echo "Mục zqa zqb khác, mục zqb zqc khác." >> "$f"; done
  for i in 0040 0090 0140; do echo "Hồ sơ zqa zqb zqc." >> "f/doc_$i.txt"; done
  run 0 index f --db "$uri" --no-restore --jobs 1
  : > empty.jsonl
  run 0 index --from-jsonl empty.jsonl --db "$uri" --optimize
  fetched() { sql "SELECT coalesce(idx_tup_fetch, 0) FROM pg_stat_user_tables WHERE relname = 'documents'"; }
  before=$(fetched)
  # Without sequential scans (a table this small is read whole, whatever the step needs).
  PGOPTIONS="$PGOPTIONS -c enable_seqscan=off" "$vanban" search "zqa zqb zqc" --from 2000 --db "$uri" --limit 3 --json \
    > hits.json 2>err.txt || { cat err.txt >&2; fail "filtered phrase"; }
  # The backend's statistics arrive when it exits.
  for _ in $(seq 50); do [ "$(fetched)" != "$before" ] && break; sleep 0.1; done
  after=$(fetched)
  [ "$((after - before))" -gt 0 ] || fail "filtered phrase: no documents rows read"
  [ "$((after - before))" -lt 50 ] || fail "filtered phrase: $((after - before)) documents rows read for 3 matches among 150 candidates"
  [ "$(grep -c '"match": "phrase"' hits.json)" = 3 ] || { cat hits.json >&2; fail "filtered phrase: not its 3 phrase matches"; }
  "$vanban" search "zqa zqb zqc" --from 2000 --db "$uri" --limit 3 --json --no-candidates > hits.scan.json 2>err.txt ||
    { cat err.txt >&2; fail "filtered phrase, scanned"; }
  cmp -s hits.json hits.scan.json || { diff hits.scan.json hits.json >&2; fail "filtered phrase: other hits than the scan"; }
  ;;
dense)
  # Stored in this order: 30 documents without the word zqxmarker, then 50 with it; every
  # one holds "lưu trữ" (its last line).
  make_docs a 1 30
  make_docs b 31 80
  for f in b/*.txt; do echo "Hồ sơ zqxmarker." >> "$f"; done
  run 0 index a --db "$uri" --no-restore --jobs 1
  run 0 index b --db "$uri" --no-restore --jobs 1
  run 0 index a --db sqlite.db --no-restore --jobs 1
  run 0 index b --db sqlite.db --no-restore --jobs 1
  : > empty.jsonl
  run 0 index --from-jsonl empty.jsonl --db "$uri" --optimize  # statistics: the planner's estimates
  rows_read() { sql "SELECT seq_tup_read + coalesce(idx_tup_fetch, 0) FROM pg_stat_user_tables WHERE relname = '$1'"; }
  doc_reads() { sql "SELECT seq_scan + coalesce(idx_scan, 0) FROM pg_stat_user_tables WHERE relname = 'documents'"; }
  for word in luu "lưu"; do
    if [ "$word" = luu ]; then table=documents_search; else table=documents_search_exact; fi
    rows=$(rows_read $table) docs=$(doc_reads)
    PGOPTIONS="$PGOPTIONS -c enable_seqscan=off" "$vanban" search "$word" --db "$uri" --limit 3 --rank-at-most 3 --json \
      > hits.first.json 2>err.txt || { cat err.txt >&2; fail "dense word [$word]"; }
    # The backend's statistics arrive when it exits: the hits' documents rows show when.
    for _ in $(seq 50); do [ "$(doc_reads)" != "$docs" ] && break; sleep 0.1; done
    [ "$(doc_reads)" != "$docs" ] || fail "dense word [$word]: no documents read"
    # The 3 first matches and their ranks, not the 80 rows that hold the word.
    [ "$(($(rows_read $table) - rows))" -le 20 ] || fail "dense word [$word]: $(($(rows_read $table) - rows)) rows read for 3 matches"
    "$vanban" search "$word" --db "$uri" --limit 3 --rank-at-most 3 --json --no-candidates > hits.scan.json 2>err.txt ||
      { cat err.txt >&2; fail "dense word [$word], scanned"; }
    [ "$(grep -c '"path"' hits.first.json)" = 3 ] || fail "dense word [$word]: not 3 hits"
    cmp -s hits.first.json hits.scan.json || { diff hits.scan.json hits.first.json >&2; fail "dense word [$word]: the lowest ids ranked other matches than the scan"; }
  done
  # zqxmarker: in 50 of 80 documents, so the estimate is dense, but none among the lowest ids.
  for target in "$uri" sqlite.db; do
    "$vanban" search zqxmarker --db "$target" --limit 3 --rank-at-most 3 --json > "hits.${target%%:*}.json" 2>err.txt ||
      { cat err.txt >&2; fail "marker word on $target"; }
  done
  "$vanban" search zqxmarker --db "$uri" --limit 3 --rank-at-most 3 --json --no-candidates > hits.scan.json 2>err.txt ||
    { cat err.txt >&2; fail "marker word, scanned"; }
  [ "$(grep -c '"path": "[^"]*/b/doc_' hits.postgresql.json)" = 3 ] || { cat hits.postgresql.json >&2; fail "marker word: not 3 hits of b/"; }
  cmp -s hits.postgresql.json hits.scan.json || { diff hits.scan.json hits.postgresql.json >&2; fail "marker word: other hits than the scan"; }
  a=$(grep -o '"path": "[^"]*"' hits.sqlite.db.json | sort) b=$(grep -o '"path": "[^"]*"' hits.postgresql.json | sort)
  [ "$a" = "$b" ] || { diff <(echo "$a") <(echo "$b") >&2; fail "marker word: SQLite and PostgreSQL ranked different matches"; }
  ;;
upgrade)
  "$vanban" parse --no-restore --jsonl "$samples"/seeds/*.txt "$samples"/ocrsim/*.txt > records.jsonl 2>/dev/null
  run 0 index --from-jsonl records.jsonl --db "$uri"
  terms_out_of_line
  search_all() {  # every parity query's hits, in full (order, scores, snippets)
    while IFS= read -r line; do
      [ -n "$line" ] || continue
      # shellcheck disable=SC2086
      eval "args=($line)"
      echo "== $line"
      "$vanban" search "${args[@]}" --db "$uri" --limit 1000 --json 2>&1
    done < "$here/parity_queries.txt"
  }
  # An archive at version $1: search refuses it, index upgrades it to the current one.
  upgrade_from() {
    run 1 search "ban hành" --db "$uri"
    expect_err "archive schema version $1 is older than this vanban's \(8\): run vanban index on it once to upgrade"
    run 0 index --from-jsonl empty.jsonl --db "$uri"
    [ "$(sql "SELECT max(version) FROM schema_version")" = 8 ] || fail "not upgraded from version $1 to 8"
  }
  search_all > hits.v2.txt
  [ "$(grep -c '"path"' hits.v2.txt)" -ge 20 ] || fail "too few hits to compare"
  # Back to the layout of schema version 1, data kept (as the owner, vanban).
  sql "SET ROLE vanban; CREATE TEMP TABLE keep AS SELECT s.doc_id, s.folded, e.exact FROM documents_search s
         JOIN documents_search_exact e USING (doc_id);
       DROP TABLE documents_search, documents_search_exact, documents_search_terms; DROP INDEX documents_type_key;
       CREATE TABLE documents_search (
         doc_id BIGINT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
         folded tsvector NOT NULL, exact tsvector NOT NULL);
       CREATE INDEX documents_search_folded ON documents_search USING gin (folded);
       CREATE INDEX documents_search_exact ON documents_search USING gin (exact);
       INSERT INTO documents_search SELECT * FROM keep;
       DELETE FROM schema_version WHERE version > 1;" >/dev/null || fail "cannot make a version 1 archive"
  : > empty.jsonl
  upgrade_from 1
  [ "$(sql "SELECT count(*) FROM documents_search_exact")" = "$(count)" ] || fail "as-typed search rows lost"
  [ "$(sql "SELECT count(*) FROM pg_class WHERE relname LIKE 'documents_search%v1%'")" = 0 ] || fail "version 1 table left"
  run 0 index --check --db "$uri"
  search_all > hits.upgraded.txt
  diff hits.v2.txt hits.upgraded.txt >&2 || fail "the upgraded archive answers differently"
  # From version 2 (its index of the stored types instead of version 3's type keys).
  sql "SET ROLE vanban; DROP INDEX documents_type_key; DROP TABLE documents_search_terms;
       CREATE INDEX documents_stored_types ON documents (doc_type, doc_type_label, type_name);
       DELETE FROM schema_version WHERE version > 2;" >/dev/null || fail "cannot make a version 2 archive"
  upgrade_from 2
  [ "$(sql "SELECT count(*) FROM pg_indexes WHERE indexname = 'documents_type_key'")" = 1 ] || fail "no index documents_type_key"
  [ "$(sql "SELECT count(*) FROM pg_indexes WHERE indexname = 'documents_stored_types'")" = 0 ] || fail "version 2 index left"
  search_all > hits.v3.txt
  diff hits.v2.txt hits.v3.txt >&2 || fail "the archive upgraded from version 2 answers differently"
  # From version 3 (no candidate terms): migration 4 computes them for the stored documents.
  sql "SET ROLE vanban; DROP TABLE documents_search_terms; DELETE FROM schema_version WHERE version > 3;" >/dev/null ||
    fail "cannot make a version 3 archive"
  upgrade_from 3
  [ "$(sql "SELECT count(*) FROM documents_search_terms")" = "$(count)" ] || fail "candidate terms not computed for every document"
  [ "$(sql "SELECT count(*) FROM pg_indexes WHERE indexname = 'documents_search_terms_gin'")" = 1 ] || fail "no GIN index on the terms"
  run 0 index --check --db "$uri"
  search_all > hits.v4.txt
  diff hits.v2.txt hits.v4.txt >&2 || fail "the archive upgraded from version 3 answers differently"
  # From version 4: migration 5 changes only SQLite's full-text index; here the version.
  sql "SET ROLE vanban; DELETE FROM schema_version WHERE version > 4;" >/dev/null || fail "cannot make a version 4 archive"
  upgrade_from 4
  search_all > hits.v5.txt
  diff hits.v2.txt hits.v5.txt >&2 || fail "the archive upgraded from version 4 answers differently"
  # From version 5 (the candidate terms inline): migration 6 writes them out of line.
  sql "SET ROLE vanban; ALTER TABLE documents_search_terms SET (toast_tuple_target = 8160);
       ALTER TABLE documents_search_terms ALTER COLUMN terms SET STORAGE MAIN;
       CLUSTER documents_search_terms USING documents_search_terms_pkey; DROP FUNCTION vanban_candidates;
       DELETE FROM schema_version WHERE version > 5;" >/dev/null || fail "cannot make a version 5 archive"
  [ "$(terms_pages)" -gt $((1 + $(count) / 100)) ] || fail "the version 5 archive has its terms out of line already"
  upgrade_from 5
  terms_out_of_line
  run 0 index --check --db "$uri"
  search_all > hits.v6.txt
  diff hits.v2.txt hits.v6.txt >&2 || fail "the archive upgraded from version 5 answers differently"
  # From version 6 (no index of the type key and id): migration 7 makes it.
  sql "SET ROLE vanban; DROP INDEX documents_type_key_id; DELETE FROM schema_version WHERE version > 6;" >/dev/null ||
    fail "cannot make a version 6 archive"
  upgrade_from 6
  [ "$(sql "SELECT count(*) FROM pg_indexes WHERE indexname = 'documents_type_key_id'")" = 1 ] || fail "no index documents_type_key_id"
  search_all > hits.v7.txt
  diff hits.v2.txt hits.v7.txt >&2 || fail "the archive upgraded from version 6 answers differently"
  # From version 7 (search rows without the filter values): migration 8 writes the search
  # tables again with them, and their indexes.
  sql "SET ROLE vanban;
       ALTER TABLE documents_search DROP COLUMN type_key, DROP COLUMN issued_date, DROP COLUMN issuer_key;
       ALTER TABLE documents_search_exact DROP COLUMN type_key, DROP COLUMN issued_date, DROP COLUMN issuer_key;
       DELETE FROM schema_version WHERE version > 7;" >/dev/null || fail "cannot make a version 7 archive"
  upgrade_from 7
  [ "$(sql "SELECT count(*) FROM documents d JOIN documents_search s ON s.doc_id = d.id
            JOIN documents_search_exact e ON e.doc_id = d.id
            WHERE s.type_key = e.type_key AND s.type_key = coalesce(d.doc_type, '') || chr(31) ||
              coalesce(d.doc_type_label, '') || chr(31) || coalesce(d.type_name, '')
            AND s.issued_date IS NOT DISTINCT FROM d.issued_date AND e.issued_date IS NOT DISTINCT FROM d.issued_date
            AND s.issuer_key IS NOT DISTINCT FROM d.issuer_key AND e.issuer_key IS NOT DISTINCT FROM d.issuer_key")" = "$(count)" ] ||
    fail "the search rows' filter values are not every document's"
  [ "$(sql "SELECT count(*) FROM pg_indexes WHERE indexname IN ('documents_search_type_key_id', 'documents_search_date_id',
            'documents_search_exact_type_key_id', 'documents_search_exact_date_id', 'documents_search_folded',
            'documents_search_exact_words')")" = 6 ] || fail "the search tables' indexes are not all there"
  [ "$(sql "SELECT count(*) FROM pg_class WHERE relname LIKE 'documents_search%v7%'")" = 0 ] || fail "version 7 table left"
  run 0 index --check --db "$uri"
  search_all > hits.v8.txt
  diff hits.v2.txt hits.v8.txt >&2 || fail "the archive upgraded from version 7 answers differently"
  ;;
session)
  "$vanban" parse --no-restore --jsonl "$samples"/seeds/*.txt "$samples"/ocrsim/*.txt > records.jsonl 2>/dev/null
  run 0 index --from-jsonl records.jsonl --db "$uri"
  # Each line against the same search run alone (its --format jsonl hits, in order).
  printf '%s\n' 'nghi quyet dan chu' '"dan chu o co so"' 'Nghị quyết' '{"query": "kế hoạch", "exact": true}' \
    '{"query": "ke hoach", "type": "KH", "from": "2026", "limit": 3}' '{"issuer": "binh giang"}' '...' > queries.txt
  run 1 search --queries queries.txt --db "$uri"
  expect_err "^vanban: queries.txt:7: query: '...' has no words to search for"
  cp out.txt answers.jsonl
  n=0
  for args in 'nghi quyet dan chu' '"dan chu o co so"' 'Nghị quyết' 'kế hoạch|--exact' \
              'ke hoach|--type|KH|--from|2026|--limit|3' '|--issuer|binh giang'; do
    n=$((n + 1))
    IFS='|' read -r -a a <<< "$args"
    if [ -z "${a[0]}" ]; then a=("${a[@]:1}"); fi
    run 0 search "${a[@]}" --db "$uri" --format jsonl
    want="{\"line\":$n,\"query\":"
    line=$(sed -n "${n}p" answers.jsonl)
    [ "${line#"$want"}" != "$line" ] || fail "answer $n: $line"
    [[ "$line" == *"\"hits\":[$(paste -sd, out.txt)]}" ]] || fail "answer $n is not that of search ${a[*]}: $line"
  done
  [ "$(sed -n 7p answers.jsonl)" = '{"line":7,"query":"...","error":"query: '"'"'...'"'"' has no words to search for (only punctuation)"}' ] ||
    fail "bad line's answer: $(sed -n 7p answers.jsonl)"
  # A session held open through a pipe: a line is answered before the next is written;
  # then its backend is terminated: the next line's answer says so and vanban exits 1
  # without waiting for more input.
  coproc S { "$vanban" search --queries - --db "$uri" 2>session.err; echo $? > session.rc; }
  # Copies: bash closes the coprocess's descriptors once it has ended.
  exec {answers}<&"${S[0]}" {asks}>&"${S[1]}"
  printf 'dan chu\n' >&"$asks"
  IFS= read -r -t 60 first <&"$answers" || fail "no answer while standard input is open"
  [[ "$first" == '{"line":1,"query":"dan chu","hits":[{"path":'* ]] || fail "first answer: $first"
  pids=$(sql "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '$db' AND application_name = 'vanban'")
  [ "$pids" = t ] || fail "no session backend to terminate ($pids)"
  printf 'ke hoach\n' >&"$asks"
  IFS= read -r -t 60 second <&"$answers" || fail "no answer after the connection was lost"
  [[ "$second" == '{"line":2,"query":"ke hoach","error":"search failed for '"'"'ke hoach'"'"': lost the connection to PostgreSQL'* ]] ||
    fail "lost connection's answer: $second"
  IFS= read -r -t 60 more <&"$answers" && fail "more output after the lost connection: $more"
  wait "$S_PID" 2>/dev/null
  exec {asks}>&- {answers}<&-
  [ "$(cat session.rc)" = 1 ] || fail "lost connection: exit $(cat session.rc), expected 1"
  grep -qF "$PG_PASSWORD" session.err && fail "password in stderr"
  [ "$(grep -c . session.err)" = 1 ] || { cat session.err >&2; fail "lost connection: not one line"; }
  grep -qE "^vanban: postgresql://vanban:\*\*\*@[^ ]*: search failed for 'ke hoach': lost the connection to PostgreSQL: .* \(line 2 of <stdin>; no line after it was answered\)$" session.err ||
    { cat session.err >&2; fail "lost connection: unclear message"; }
  ;;
restart)
  # A cluster of its own: stopping the shared one would break the other tests.
  own="$work/own.state"
  "$here/pg_cluster.sh" start "$own" >/dev/null || fail "cannot start a second cluster"
  trap '"$here/pg_cluster.sh" stop "$own"' EXIT
  # shellcheck disable=SC1090
  . "$own"
  "$PSQL" -qAt "$PG_ADMIN" -c "CREATE DATABASE r OWNER vanban" >/dev/null
  uri="postgresql://vanban:$PG_PASSWORD@127.0.0.1:$PG_PORT/r"
  rsql() { "$PSQL" -qAt "host=$PG_DIR port=$PG_PORT user=postgres dbname=r" -c "$1"; }
  make_docs d 1 400
  "$vanban" index d --db "$uri" --no-restore --jobs 1 --batch 5 -q >o1.txt 2>e1.txt & p1=$!
  for _ in $(seq 1 300); do n=$(rsql "SELECT count(*) FROM documents" 2>/dev/null || echo 0); [ "${n:-0}" -ge 20 ] && break; sleep 0.05; done
  $PG_AS "$PG_CTL" -D "$PG_DIR/data" -m fast -w stop >/dev/null
  wait $p1; r1=$?
  [ $r1 = 1 ] || { cat e1.txt >&2; fail "server stopped: exit $r1, expected 1"; }
  grep -qF "$PG_PASSWORD" o1.txt e1.txt && fail "password in the output"
  [ "$(grep -c . e1.txt)" = 1 ] || { cat e1.txt >&2; fail "server stopped: not one line"; }
  grep -qE "^vanban: postgresql://vanban:\*\*\*@.*(lost the connection to PostgreSQL|terminating connection|server closed)" e1.txt \
    || { cat e1.txt >&2; fail "server stopped: unclear message"; }
  $PG_AS "$PG_CTL" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w start \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -c unix_socket_directories=$PG_DIR -c fsync=off" >/dev/null \
    || fail "restart failed"
  before=$(rsql "SELECT count(*) FROM documents")
  run 0 index d --db "$uri" --no-restore
  expect_err "400 files: $((400 - before)) indexed, 0 replaced, $before unchanged"
  [ "$(rsql "SELECT count(*) FROM documents")" = 400 ] || fail "after the restart: not 400 documents"
  ;;
readonly)
  mkdir in && cp "$samples"/seeds/*.txt in/
  run 0 index in --db "$uri" --no-restore
  printf '\nThay đổi.\n' >> in/003_9804076c90d51208.txt
  # A role that may read the archive and nothing else.
  admin -c "DROP ROLE IF EXISTS vanban_reader" \
        -c "CREATE ROLE vanban_reader LOGIN PASSWORD '$PG_PASSWORD'" >/dev/null || fail "cannot create the role"
  sql "GRANT USAGE ON SCHEMA public TO vanban_reader; GRANT SELECT ON ALL TABLES IN SCHEMA public TO vanban_reader" \
    >/dev/null || fail "cannot grant"
  reader="postgresql://vanban_reader:$PG_PASSWORD@127.0.0.1:$PG_PORT/$db"
  before=$(sql "SELECT string_agg(path || sha256, ',' ORDER BY path) FROM documents")
  run 1 index in --db "$reader" --no-restore --log log.jsonl
  [ "$(wc -l < err.txt)" = 1 ] || { cat err.txt >&2; fail "read-only role: not one line"; }
  expect_err "^vanban: postgresql://vanban_reader:\*\*\*@[^ ]*: cannot write the archive: role vanban_reader may not insert, update and delete in table\(s\) deadlines, documents, documents_search, documents_search_exact, documents_search_terms, refs, schema_version, tasks$"
  [ -e log.jsonl ] && fail "index did work with a read-only role (log written)"
  : > empty.jsonl
  run 1 index --from-jsonl empty.jsonl --db "$reader"
  expect_err "cannot write the archive: role vanban_reader"
  # search never writes: it works with that role.
  run 0 search "dan chu" --db "$reader" --json
  grep -q "003_9804076c90d51208.txt" out.txt || fail "search as the read-only role found nothing"
  run 0 search --db "$reader" --type kh
  # A read-only database (as a standby is): the same for every role.
  admin -c "ALTER DATABASE $db SET default_transaction_read_only = on" >/dev/null
  run 1 index in --db "$uri" --no-restore --log log.jsonl
  [ "$(wc -l < err.txt)" = 1 ] || { cat err.txt >&2; fail "read-only database: not one line"; }
  expect_err "^vanban: postgresql://vanban:\*\*\*@[^ ]*: cannot write the archive: the database is read-only"
  [ -e log.jsonl ] && fail "index did work on a read-only database (log written)"
  run 0 search "dan chu" --db "$uri" --json
  grep -q "003_9804076c90d51208.txt" out.txt || fail "search on a read-only database found nothing"
  admin -c "ALTER DATABASE $db RESET default_transaction_read_only" >/dev/null
  [ "$(sql "SELECT string_agg(path || sha256, ',' ORDER BY path) FROM documents")" = "$before" ] || fail "the archive changed"
  # Writable again: the change is indexed.
  run 0 index in --db "$uri" --no-restore
  expect_err "4 files: 0 indexed, 1 replaced, 3 unchanged"
  admin -c "DROP DATABASE $db" -c "DROP ROLE vanban_reader" >/dev/null
  ;;
check)
  "$vanban" parse --no-restore --jsonl "$samples"/seeds/*.txt "$samples"/ocrsim/*.txt > records.jsonl 2>/dev/null
  run 0 index --from-jsonl records.jsonl --db "$uri"
  n=$(count)
  run 0 index --check --db "$uri"
  expect_err "^vanban: postgresql://vanban:\*\*\*@[^ ]*: archive checked, no problems found \($n documents\)$"
  # The text changed behind the search row's back (SQLite: the same message).
  sql "UPDATE documents SET text = replace(text, 'Bình Giang', 'Bình XGiang') WHERE path LIKE '%003_9804076c90d51208.txt'" >/dev/null
  run 1 index --check --db "$uri"
  expect_err "003_9804076c90d51208.txt: the search key is not that of the text, the text differs from its full-text copy"
  expect_err ": 1 problem found"
  # A document without its search row, a record that is not JSON.
  sql "DELETE FROM documents_search WHERE doc_id = (SELECT id FROM documents WHERE path LIKE '%000_6071a54f6ab85aa7.txt')" >/dev/null
  sql "UPDATE documents SET record_json = '{\"schema\":' WHERE path LIKE '%cong_van_1245_ubnd.txt'" >/dev/null
  # Schema version 8: a search row whose filter values are not its document's (a filtered
  # search would keep or drop it wrongly).
  sql "UPDATE documents_search_exact SET issued_date = '1999-01-01' WHERE doc_id = (SELECT id FROM documents WHERE path LIKE '%004_fcc612b795270e56.txt')" >/dev/null
  run 1 index --check --db "$uri"
  expect_err "full-text rows: [^ ]*000_6071a54f6ab85aa7.txt has no full-text row"
  expect_err "documents: [^ ]*cong_van_1245_ubnd.txt: the record is not valid JSON"
  expect_err "documents: [^ ]*004_fcc612b795270e56.txt: the search rows' filter values are not those of the document$"
  expect_err ": 4 problems found"
  [ "$(grep -c . err.txt)" = 5 ] || { cat err.txt >&2; fail "check: expected 4 problems and the count"; }
  ;;
*)
  fail "unknown scenario"
  ;;
esac
echo "ok: $scenario"
