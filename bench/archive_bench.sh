#!/bin/bash
# Archive benchmark, SQLite against PostgreSQL (one command):
#   bench/archive_bench.sh [BUILD_DIR=build] [N=100000] [CORPUS=/work/shared/corpus]
# 1. Parses ~300 corpus documents once (--no-restore, each cut to ~8 KB like a scanned
#    administrative document) and makes N records of them with varied ids, numbers, dates
#    and text (JSON Lines, as `vanban parse` writes them).
# 2. Imports them with `vanban index --from-jsonl` into SQLite and into PostgreSQL (a
#    throwaway cluster, tests/pg/pg_cluster.sh) with 1, 2 and 4 concurrent worker
#    processes (disjoint shards): records/s.
# 3. 200 realistic queries (accent-free, accented, --exact, with --type/--from/--issuer
#    filters) with 1 and 8 concurrent clients on both, two ways: a process per query
#    (p50/p99 of the query time inside vanban, --timing, and of the whole process), and
#    sessions (each client one `vanban search --queries -` held open and fed its share of
#    the 200 a line at a time: p50/p99 of the answer, from writing the line to reading its
#    answer). Both give the client's and (PostgreSQL) the server's CPU per query.
# 4. Archive size on disk per 1,000 documents.
# Every figure is printed with the load average at that moment (`uptime`): the machine may
# be shared, and the figures mean little without it. Each import is checked: every worker
# must exit 0 and the archive must hold N documents afterwards. Not part of CTest (minutes
# to an hour at N=100,000).
# Reuse (the import is the slow part): with BENCH_DIR=dir the records, the archives and the
# PostgreSQL cluster stay in dir (stop it with tests/pg/pg_cluster.sh stop dir/pg.state keep,
# which keeps it for the next run; without keep the cluster is removed);
# a later run with the same BENCH_DIR and IMPORT_WORKERS=none only measures the search.
# IMPORT_WORKERS (default "1 2 4") lists the worker counts to import with; BACKENDS (default
# "sqlite pg") the back ends to import into and search; CLIENTS (default "1 8") the numbers
# of concurrent search clients ("none": no search); SEARCH_MODES (default "process
# session") how they search; NICE (default 0) the niceness of the import workers, to
# leave the cores to others on a shared machine (the figures then include that). GROW=M
# imports M more records into the archives kept in BENCH_DIR instead of loading them from
# empty: the rate at the archive's size (100,000) in minutes rather than an hour per run.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$here/build}" && pwd)
n=${2:-100000}
corpus=${3:-/work/shared/corpus}
vanban=$build/cmd/vanban
[ -x "$vanban" ] || vanban=$build/vanban
[ -x "$vanban" ] || { echo "no $vanban: build first" >&2; exit 2; }
workers_list=${IMPORT_WORKERS:-1 2 4}
backends=${BACKENDS:-sqlite pg}
clients_list=${CLIENTS:-1 8}
modes=${SEARCH_MODES:-process session}
niceness=${NICE:-0}
if [ -n "${BENCH_DIR:-}" ]; then
  mkdir -p "$BENCH_DIR"
  work=$(cd "$BENCH_DIR" && pwd)
else
  work=$(mktemp -d /tmp/vanban-archive-bench.XXXXXX)
  trap '"$here/tests/pg/pg_cluster.sh" stop "$work/pg.state" >/dev/null 2>&1; rm -rf "$work"' EXIT
fi
state=$work/pg.state
cd "$work"

if [ ! -s records.jsonl ] || [ "$(wc -l < records.jsonl)" != "$n" ]; then
echo "== records: $n from parsed corpus documents"
rm -rf docs
mkdir docs
xzcat "$corpus/legal-congbao.txt.xz" | python3 -c '
import sys, re
docs, cur, name = [], [], None
for line in sys.stdin:
    if line.startswith("@@@ "):
        if name and cur: docs.append((name, "".join(cur)))
        name, cur = line[4:].strip(), []
        if len(docs) >= 300: break
    else:
        cur.append(line)
for i, (name, text) in enumerate(docs):
    cut = text[:8000]
    cut = cut[:cut.rfind("\n") + 1] or cut
    safe = re.sub(r"[^A-Za-z0-9_.-]", "_", name)[:60]
    open("docs/%03d_%s" % (i, safe if safe.endswith(".txt") else safe + ".txt"), "w").write(cut)
' || [ -n "$(ls docs)" ]  # xzcat stops on a broken pipe once 300 documents are read
"$vanban" parse --no-restore --jsonl docs/*.txt > base.jsonl 2>/dev/null || true
python3 - "$n" <<'PY'
import json, random, sys
n = int(sys.argv[1])
random.seed(12)
base = [json.loads(l) for l in open("base.jsonl") if l.strip()]
words = []
for r in base:
    for s in r.get("body", []):
        words += (s.get("text") or "").split()
words = [w for w in words if w.isalpha()][:20000] or ["kiểm", "tra"]
with open("records.jsonl", "w") as out:
    for i in range(n):
        r = json.loads(json.dumps(base[i % len(base)]))
        r["source"]["path"] = "bench/%06d/%s" % (i, r["source"]["path"].split("/")[-1])
        h = r["header"]
        if h.get("number_symbol"):
            h["number_symbol"]["number"] = str(i % 997 + 1)
            sym = h["number_symbol"].get("symbol") or "QĐ-UBND"
            h["number_symbol"]["full"] = "%d/%s" % (i % 997 + 1, sym)
        year = 2020 + i % 7
        date = "%d-%02d-%02d" % (year, i % 12 + 1, i % 28 + 1)
        h["issued_date"] = {"raw": "ngày %d tháng %d năm %d" % (i % 28 + 1, i % 12 + 1, year), "date": date,
                            "day_blank": False, "month_blank": False, "lines": None}
        extra = " ".join(random.choice(words) for _ in range(40))
        r.setdefault("body", []).insert(0, {"id": "p0", "level": "para", "num_raw": None, "num": None,
            "heading": None, "text": "Hồ sơ lưu trữ số %d. %s" % (i, extra), "label": None, "lines": None,
            "flags": [], "children": []})
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
PY
fi
echo "$(wc -l < base.jsonl) parsed documents -> $(wc -l < records.jsonl) records ($(du -h records.jsonl | cut -f1))"

PG_PASSWORD= PG_PORT= PSQL=false PG_ADMIN=
if [[ " $backends " == *" pg "* ]]; then
  # What an archivist would set on a server that holds an archive of this size (the
  # defaults are sized for a laptop: 128 MB of shared buffers for a 3 GB archive means
  # every search reads its candidates' pages from the OS again): buffers to hold the
  # search tables, no JIT (it compiles for 50-200 ms when a GIN scan's cost estimate is
  # large, longer than the query), no parallel workers (2 shared cores), cached pages
  # cost nearly as little to read at random as in sequence.
  # A cluster kept in BENCH_DIR (stopped with `pg_cluster.sh stop STATE keep`) is started
  # again as it was; a running one is used as it is.
  PG_SERVER_OPTIONS="${PG_SERVER_OPTIONS:--c shared_buffers=2GB -c effective_cache_size=8GB -c work_mem=32MB \
-c maintenance_work_mem=512MB -c jit=off -c max_parallel_workers_per_gather=0 -c random_page_cost=1.1 \
-c max_wal_size=4GB -c checkpoint_timeout=15min}" "$here/tests/pg/pg_cluster.sh" start "$state" >/dev/null
  # shellcheck disable=SC1090
  . "$state"
fi
admin() { PGOPTIONS="-c client_min_messages=warning" "$PSQL" -qAt "$PG_ADMIN" "$@"; }
load() { uptime | sed 's/.*load average: */load /'; }

count_stored() {
  if [ "$1" = pg ]; then
    "$PSQL" -qAt "${PG_ADMIN/dbname=postgres/dbname=bench}" -c "SELECT count(*) FROM documents"
  else
    python3 -c "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM documents').fetchone()[0])" "$2"
  fi
}

# import BACKEND WORKERS: records/s of WORKERS processes on disjoint shards. With GROW=M:
# M more records (the first M under new paths) into the archive as it stands, so the rate
# is that of an archive of its size without loading it all again.
import_run() {
  local backend=$1 workers=$2 db i source=records.jsonl expected=$n before=0
  rm -f shard.*
  if [ "$backend" = pg ]; then
    [ -n "${GROW:-}" ] || admin -c "DROP DATABASE IF EXISTS bench" -c "CREATE DATABASE bench OWNER vanban"
    db="postgresql://vanban:$PG_PASSWORD@127.0.0.1:$PG_PORT/bench"
  else
    [ -n "${GROW:-}" ] || rm -f bench.sqlite*
    db=$work/bench.sqlite
  fi
  if [ -n "${GROW:-}" ]; then
    before=$(count_stored "$backend" "$db")
    head -n "$GROW" records.jsonl | sed "s#\"path\": *\"bench/#\"path\": \"grow-$(date +%s%N)/#" > grow.jsonl
    source=grow.jsonl expected=$((before + GROW))
  fi
  split -n "l/$workers" -d "$source" shard.
  : > empty.jsonl
  "$vanban" index --from-jsonl empty.jsonl --db "$db" -q  # the schema, before the workers race
  local t0 t1 pids=() pid failed=0 stored
  t0=$(date +%s.%N)
  for i in shard.*; do
    nice -n "$niceness" "$vanban" index --from-jsonl "$i" --db "$db" --jobs 1 --batch 64 -q 2> "err.$i" &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || failed=$((failed + 1)); done
  t1=$(date +%s.%N)
  stored=$(count_stored "$backend" "$db")
  if [ "$failed" != 0 ] || [ "$stored" != "$expected" ]; then
    cat err.shard.* >&2
    echo "import $backend $workers worker(s): $failed worker(s) failed, $stored of $expected documents stored" >&2
    exit 1
  fi
  python3 -c "print('import %-6s %d worker(s): %6.0f records/s (%d records, %d -> %d, %.1f s)   ' % ('$backend', $workers, ($expected - $before) / ($t1 - $t0), $expected - $before, $before, $expected, $t1 - $t0), end='')"
  load
}

if [ "$workers_list" != none ]; then
  for backend in $backends; do
    for w in $workers_list; do import_run "$backend" "$w"; done
  done
fi

# The archives of the last (4-worker) runs stay for the search part.
sqlite_db=$work/bench.sqlite
pg_db="postgresql://vanban:$PG_PASSWORD@127.0.0.1:$PG_PORT/bench"
# Archives kept from an older vanban (BENCH_DIR) are upgraded to its schema first.
: > empty.jsonl
echo "== size on disk per 1,000 documents"
for backend in $backends; do
  if [ "$backend" = pg ]; then
    # --optimize as after a bulk load (VACUUM ANALYZE: statistics for the planner, the GIN
    # indexes' pending lists merged, which a search reads through otherwise).
    "$vanban" index --from-jsonl empty.jsonl --db "$pg_db" -q --optimize
    size=$(admin -c "SELECT pg_database_size('bench')")
  else
    # --optimize as after a bulk load: the FTS5 index in one segment (tens after a load).
    "$vanban" index --from-jsonl empty.jsonl --db "$sqlite_db" -q --optimize
    size=$(du -cb "$sqlite_db"* | tail -1 | cut -f1)
  fi
  docs=$(count_stored "$backend" "$sqlite_db")
  python3 -c "print('%-10s %.1f MB / 1000 docs (%d documents)   ' % ('$backend', $size / $docs * 1000 / 1e6, $docs), end='')"
  load
done

[ "$clients_list" != none ] || exit 0
echo "== search: 200 queries, p50/p99 (ms)"
python3 - "$vanban" "$sqlite_db" "$pg_db" "$backends" "$clients_list" "$here/bench/archive_queries.py" "$modes" "${PG_DIR:-}" <<'PY'
import json, os, re, subprocess, sys, threading, time, concurrent.futures as cf
vanban, lite, pg = sys.argv[1:4]
backends, clients_list = sys.argv[4].split(), [int(c) for c in sys.argv[5].split()]
modes, pg_dir = sys.argv[7].split(), sys.argv[8]
# The query set is archive_queries.py's (one list, also for archive_search_compare.py).
# With SESSION_WARMUP=N each session first answers its share of the N queries that follow
# the 200 (other queries), unmeasured: a long-lived connection's backend has its caches and
# its mapping of the shared buffers made before the figures are taken.
warmup = int(os.environ.get("SESSION_WARMUP", "0"))
made = subprocess.run([sys.executable, sys.argv[6], "base.jsonl", str(200 + warmup)], capture_output=True, text=True, check=True)
queries = [json.loads(l) for l in made.stdout.splitlines() if l.strip()]
queries, warmup_queries = queries[:200], queries[200:]
timing_re = re.compile(r"hits in ([0-9.]+) ms \(CPU ([0-9.]+) ms\)")

def one(db, args):
    t0 = time.perf_counter()
    p = subprocess.run([vanban, "search", *args, "--db", db, "--timing", "--limit", "20"], capture_output=True, text=True)
    wall = (time.perf_counter() - t0) * 1000
    m = timing_re.search(p.stderr)
    return (float(m.group(1)) if m else float("nan")), wall, (float(m.group(2)) if m else float("nan"))

def query_line(args):
    """A query's `vanban search` arguments as a line of `search --queries` (a JSON object)."""
    line, rest = {}, list(args)
    if rest and not rest[0].startswith("--"):
        line["query"] = rest.pop(0)
    while rest:
        opt = rest.pop(0)[2:]
        line[opt] = True if opt == "exact" else int(rest.pop(0)) if opt == "limit" else rest.pop(0)
    return json.dumps(line, ensure_ascii=False)

def session(db, share, warm=()):
    """One `vanban search --queries -` fed |warm| then |share| a line at a time: per query of
    |share| the time from writing its line to reading its answer, vanban's query time and
    CPU (--timing), and the process's CPU in all (start, connection and |warm| included)
    from wait4."""
    p = subprocess.Popen([vanban, "search", "--queries", "-", "--db", db, "--timing", "--limit", "20"],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1)
    err = []
    reader = threading.Thread(target=lambda: err.extend(p.stderr))
    reader.start()
    answers = []
    for args in warm:
        p.stdin.write(query_line(args) + "\n")
        p.stdin.flush()
        p.stdout.readline()
    for args in share:
        t0 = time.perf_counter()
        p.stdin.write(query_line(args) + "\n")
        p.stdin.flush()
        answer = p.stdout.readline()
        answers.append((time.perf_counter() - t0) * 1000)
        if not answer.startswith('{"line":'):
            sys.exit("session: no answer to %s: %r" % (args, answer))
    p.stdin.close()
    _, status, usage = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    reader.join()
    if p.returncode > 1:
        sys.exit("session: exit %d: %s" % (p.returncode, "".join(err)))
    timed = [timing_re.search(l) for l in err]
    timed = [m for m in timed if m][len(warm):]
    if len(timed) != len(share):
        sys.exit("session: %d timings for %d queries: %s" % (len(timed), len(share), "".join(err)))
    return answers, [float(m.group(1)) for m in timed], [float(m.group(2)) for m in timed], \
        (usage.ru_utime + usage.ru_stime) * 1000

def server_cpu_ms():
    """CPU of the PostgreSQL server's ended children (backends; pg_cluster.sh's cluster)."""
    if not pg_dir: return float("nan")
    try:
        pid = open(os.path.join(pg_dir, "data", "postmaster.pid")).readline().strip()
        fields = open("/proc/%s/stat" % pid).read().rsplit(")", 1)[1].split()
        return (int(fields[13]) + int(fields[14])) * 1000 / os.sysconf("SC_CLK_TCK")
    except OSError:
        return float("nan")

def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]

def load():
    return ", ".join(open("/proc/loadavg").read().split()[:3])

for name, db in (("sqlite", lite), ("postgresql", pg)):
    if {"sqlite": "sqlite", "postgresql": "pg"}[name] not in backends: continue
    one(db, ["warm up"])
    for clients in clients_list:
        if "process" in modes:
            s0 = server_cpu_ms()
            with cf.ThreadPoolExecutor(clients) as ex:
                res = list(ex.map(lambda a: one(db, a), queries))
            time.sleep(0.5)  # the server reaps its ended backends
            server = (server_cpu_ms() - s0) / len(queries)
            q = [r[0] for r in res]; w = [r[1] for r in res]; c = [r[2] for r in res]
            # The query's CPU time (vanban's own thread) says what it costs when the machine is
            # shared; the wall times include waiting for a core (and, on PostgreSQL, the server).
            print("%-10s %d client(s), a process per query:   query p50 %6.1f  p99 %6.1f   CPU p50 %6.1f  p99 %6.1f   process p50 %6.1f  p99 %6.1f   server CPU/query %5.1f   load %s" %
                  (name, clients, pct(q, 50), pct(q, 99), pct(c, 50), pct(c, 99), pct(w, 50), pct(w, 99), server, load()), flush=True)
        if "session" in modes:
            # The same 200 queries dealt round-robin to |clients| sessions held open for the
            # run (each one process and one connection): the latency a program talking to
            # vanban through a pipe sees.
            shares = [queries[i::clients] for i in range(clients)]
            warms = [warmup_queries[i::clients] for i in range(clients)]
            s0 = server_cpu_ms()
            with cf.ThreadPoolExecutor(clients) as ex:
                res = list(ex.map(lambda i: session(db, shares[i], warms[i]), range(clients)))
            time.sleep(0.5)  # the server reaps its ended backends
            answered = len(queries) + len(warmup_queries)
            server = (server_cpu_ms() - s0) / answered
            a = [x for r in res for x in r[0]]; q = [x for r in res for x in r[1]]; c = [x for r in res for x in r[2]]
            client = sum(r[3] for r in res) / answered
            print("%-10s %d session(s), one connection each%s: query p50 %6.1f  p99 %6.1f   CPU p50 %6.1f  p99 %6.1f   answer p50 %6.1f  p99 %6.1f   client CPU/query %5.1f   server CPU/query %5.1f   load %s" %
                  (name, clients, ", after %d other queries" % len(warms[0]) if warmup else "", pct(q, 50), pct(q, 99),
                   pct(c, 50), pct(c, 99), pct(a, 50), pct(a, 99), client, server, load()), flush=True)
PY
echo "targets: PostgreSQL p99 <= 100 ms with 8 clients; SQLite p99 <= 50 ms with 1"
