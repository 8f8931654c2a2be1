#!/usr/bin/env python3
"""Two vanban builds (or one with two option sets) on the same queries at the same moment:
    bench/archive_search_compare.py BASE_JSONL CLIENTS A_VANBAN A_DB B_VANBAN B_DB [B_OPTION...]
Each of the 200 queries of bench/archive_queries.py runs with A and with B one right after
the other (which goes first alternates), so both see the same load on a shared machine.
Prints p50/p99 of the query time inside vanban (--timing), of its CPU time and of the
whole process for A and B, the load average, and whether every answer (--json: documents,
order, scores, snippets) is the same, and how many queries took more than 50 ms of CPU
on each; COMPARE_DUMP=FILE writes each query's CPU and query time on A and B.
COMPARE_SERVER_PID=PID (a PostgreSQL postmaster's) adds the server's CPU time per query: the
postmaster's own and its reaped children's (cutime) plus its live children's, read before
and after each run, so exact with 1 client only (with more, other runs' work falls in). With B_OPTIONs (e.g. --no-candidates) B runs with
them: one build, one archive, two ways of answering.
"""
import json, os, re, subprocess, sys, time, concurrent.futures as cf

base, clients = sys.argv[1], int(sys.argv[2])
a_bin, a_db, b_bin, b_db = sys.argv[3:7]
b_extra = sys.argv[7:]
here = os.path.dirname(os.path.abspath(__file__))
queries = [json.loads(l) for l in subprocess.run([os.path.join(here, "archive_queries.py"), base],
                                                 capture_output=True, text=True, check=True).stdout.splitlines()]

server_pid = os.environ.get("COMPARE_SERVER_PID")
tick = os.sysconf("SC_CLK_TCK")

def server_cpu():  # ms of CPU the server has used so far (its backends exit with their client)
    if not server_pid: return float("nan")
    def stat(pid):
        try: f = open("/proc/%s/stat" % pid).read().rsplit(")", 1)[1].split()
        except OSError: return 0
        return sum(int(x) for x in f[11:15]) if pid == server_pid else int(f[11]) + int(f[12])
    kids = open("/proc/%s/task/%s/children" % (server_pid, server_pid)).read().split()
    return (stat(server_pid) + sum(stat(k) for k in kids)) * 1000.0 / tick

def run(binary, db, args):
    s0 = server_cpu()
    t0 = time.perf_counter()
    p = subprocess.run([binary, "search", *args, "--db", db, "--timing", "--limit", "20", "--json"],
                       capture_output=True, text=True)
    wall = (time.perf_counter() - t0) * 1000
    m = re.search(r"hits in ([0-9.]+) ms \(CPU ([0-9.]+) ms\)", p.stderr)
    q, cpu = (float(m.group(1)), float(m.group(2))) if m else (float("nan"), float("nan"))
    return q, cpu, wall, p.returncode, p.stdout, server_cpu() - s0

def pair(i):
    args = queries[i]
    runs = [("a", a_bin, a_db, args), ("b", b_bin, b_db, args + b_extra)]
    if i % 2: runs.reverse()
    return {name: run(binary, db, a) for name, binary, db, a in runs}

def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]

run(a_bin, a_db, ["warm up"]); run(b_bin, b_db, ["warm up"])
load0 = open("/proc/loadavg").read().split()[:3]
with cf.ThreadPoolExecutor(clients) as ex:
    res = list(ex.map(pair, range(len(queries))))
load1 = open("/proc/loadavg").read().split()[:3]
for name in ("a", "b"):
    q = [r[name][0] for r in res]; c = [r[name][1] for r in res]; w = [r[name][2] for r in res]
    print("%s %d client(s): query p50 %7.1f p99 %7.1f   CPU p50 %6.1f p99 %6.1f   process p50 %7.1f p99 %7.1f" %
          (name.upper(), clients, pct(q, 50), pct(q, 99), pct(c, 50), pct(c, 99), pct(w, 50), pct(w, 99)))
    if server_pid:
        sv = [r[name][5] for r in res]
        print("%s server CPU p50 %6.1f p99 %6.1f total %8.0f ms" % (name.upper(), pct(sv, 50), pct(sv, 99), sum(sv)))
same = [i for i, r in enumerate(res) if r["a"][3:5] == r["b"][3:5]]
print("load %s -> %s; %d of %d answers identical (exit code and --json)" % (", ".join(load0), ", ".join(load1), len(same), len(res)))
for i, r in enumerate(res):
    if r["a"][3:5] != r["b"][3:5]: print("  differs:", queries[i])
for name in ("a", "b"):
    over = [i for i in range(len(res)) if res[i][name][1] > 50]
    print("%s: %d queries above 50 ms of CPU" % (name.upper(), len(over)))
if os.environ.get("COMPARE_DUMP"):  # one line per query: its arguments, A's and B's CPU ms
    with open(os.environ["COMPARE_DUMP"], "w") as out:
        for i, r in enumerate(res):
            out.write(json.dumps({"query": queries[i], "a_cpu": r["a"][1], "b_cpu": r["b"][1], "a_ms": r["a"][0],
                                  "b_ms": r["b"][0], "a_server_cpu": r["a"][5], "b_server_cpu": r["b"][5]},
                                 ensure_ascii=False) + "\n")
slow = sorted(range(len(res)), key=lambda i: -res[i]["b"][1])[:5]
print("B's slowest by CPU:", "; ".join("%s %.0f ms (A %.0f)" % (" ".join(queries[i]), res[i]["b"][1], res[i]["a"][1]) for i in slow))
if server_pid:
    slow = sorted(range(len(res)), key=lambda i: -res[i]["b"][5])[:8]
    print("B's slowest by server CPU:", "; ".join("%s %.0f ms (A %.0f)" % (" ".join(queries[i]), res[i]["b"][5], res[i]["a"][5]) for i in slow))
