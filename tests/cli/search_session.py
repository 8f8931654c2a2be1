#!/usr/bin/env python3
"""`vanban search --queries` on SQLite (tests/cli/search_tests.cmake, cli.search.session):
    search_session.py VANBAN SAMPLES WORKDIR
- every answer's hits are those of the same search run alone (--format jsonl), in order;
- a line is answered while standard input is still open (a program can hold the session
  and talk to it through a pipe), and a bad line gets its error object and its line number
  on stderr while the lines after it are still answered;
- exit status: 0 when every line found something, 1 when one failed or found nothing.
"""
import json, os, select, shutil, subprocess, sys

vanban, samples, work = sys.argv[1:4]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
db = os.path.join(work, "a.sqlite")


def fail(why):
    sys.exit("FAIL: " + why)


def run(args, stdin=None):
    return subprocess.run([vanban, *args], input=stdin, capture_output=True, text=True, timeout=120)


p = run(["index", os.path.join(samples, "seeds"), "--db", db, "--no-restore", "-q"])
if p.returncode != 0:
    fail("index: " + p.stderr)

# Answers identical to single runs: plain lines with the command line's filters, object
# lines with their own.
lines = [
    ("dan chu co so", ["dan chu co so"]),
    ('"dan chu o co so"', ['"dan chu o co so"']),
    ("Nghị quyết", ["Nghị quyết"]),
    ('{"query": "ke hoach", "type": "KH", "from": "2026", "limit": 3}',
     ["ke hoach", "--type", "KH", "--from", "2026", "--limit", "3"]),
    ('{"query": "dân chủ", "exact": true}', ["dân chủ", "--exact"]),
    ('{"issuer": "binh giang"}', ["--issuer", "binh giang"]),
]
common = ["--rank-at-most", "50"]
p = run(["search", "--queries", "-", "--db", db, *common], "\n".join(l for l, _ in lines) + "\n")
if p.returncode != 0:
    fail("--queries: exit %d\n%s" % (p.returncode, p.stderr))
answers = [json.loads(l) for l in p.stdout.splitlines()]
if len(answers) != len(lines):
    fail("%d answers for %d lines:\n%s" % (len(answers), len(lines), p.stdout))
for n, ((line, args), answer) in enumerate(zip(lines, answers), 1):
    single = run(["search", *args, "--db", db, "--format", "jsonl", *common])
    if single.returncode != 0:
        fail("search %s: exit %d %s" % (args, single.returncode, single.stderr))
    want = [json.loads(l) for l in single.stdout.splitlines()]
    if answer.get("line") != n or answer.get("hits") != want:
        fail("line %d %r: not the answer of `search %s`:\n%s\n%s" % (n, line, args, answer, want))
    # The hits are written exactly as --format jsonl writes them.
    if "[" + ",".join(single.stdout.splitlines()) + "]" not in p.stdout.splitlines()[n - 1]:
        fail("line %d: hits not serialised as --format jsonl" % n)
if answers[0]["query"] != "dan chu co so" or answers[5]["query"] is not None:
    fail("the query echoed: %s / %s" % (answers[0]["query"], answers[5]["query"]))

# Streaming: each line answered before standard input is closed; a bad line in between.
s = subprocess.Popen([vanban, "search", "--queries", "-", "--db", db], stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1)


def answer_of(line):
    s.stdin.write(line + "\n")
    s.stdin.flush()
    ready, _, _ = select.select([s.stdout], [], [], 60)
    if not ready:
        s.kill()
        fail("no answer to %r while standard input is open" % line)
    return json.loads(s.stdout.readline())


a1 = answer_of("dan chu")
if a1["line"] != 1 or not a1["hits"]:
    fail("first answer: %s" % a1)
a2 = answer_of('{"query": "dan chu", "from": "2026-02-30"}')
if a2 != {"line": 2, "query": None, "error": "from: not a date: '2026-02-30' (month 2 of 2026 has 28 days); "
                                             "expected YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2026-01-31"}:
    fail("bad line's answer: %s" % a2)
s.stdin.write("\n")  # blank: skipped, counted
a4 = answer_of("khong co tu nay zzzz")
if a4 != {"line": 4, "query": "khong co tu nay zzzz", "hits": []}:
    fail("answer without hits: %s" % a4)
s.stdin.close()
rest, err = s.stdout.read(), s.stderr.read()
if s.wait(60) != 1 or rest:
    fail("after stdin closed: exit %s, more output %r" % (s.returncode, rest))
if err != "vanban: <stdin>:2: from: not a date: '2026-02-30' (month 2 of 2026 has 28 days); expected YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2026-01-31\n":
    fail("stderr: %r" % err)

# A file of queries; nothing to answer is not a failure; usage errors before any work.
with open(os.path.join(work, "q.txt"), "w") as f:
    f.write("\ufeffdan chu\r\n\r\n")
p = run(["search", "--queries", os.path.join(work, "q.txt"), "--db", db])
if p.returncode != 0 or json.loads(p.stdout)["line"] != 1 or not json.loads(p.stdout)["hits"]:
    fail("a file with a BOM and CRLF: exit %d %s %s" % (p.returncode, p.stdout, p.stderr))
p = run(["search", "--queries", "-", "--db", db], "\n \n")
if p.returncode != 0 or p.stdout:
    fail("blank input: exit %d, output %r" % (p.returncode, p.stdout))
for args, why in ((["x"], "a QUERY and --queries"), (["--json"], "JSON Lines"), (["--format", "text"], "JSON Lines"),
                  (["--to", "2026-13"], "--to: not a date")):
    p = run(["search", "--queries", "-", "--db", db, *args], "dan chu\n")
    if p.returncode != 2 or p.stdout or why not in p.stderr:
        fail("search --queries %s: exit %d, %r %r" % (args, p.returncode, p.stdout, p.stderr))
p = run(["search", "--queries", os.path.join(work, "missing.txt"), "--db", db])
if p.returncode != 1 or "missing.txt" not in p.stderr:
    fail("missing query file: exit %d %s" % (p.returncode, p.stderr))
# A directory or a device as the query file: refused before any line is read, never read
# for ever (/dev/zero has no newline and no end).
for path, why in ((work, "is a directory"), ("/dev/zero", "is a device")):
    p = run(["search", "--queries", path, "--db", db])
    if p.returncode != 1 or p.stdout or why not in p.stderr:
        fail("search --queries %s: exit %d, %r %r" % (path, p.returncode, p.stdout, p.stderr))
with open("/dev/zero") as zero:
    p = subprocess.run([vanban, "search", "--queries", "-", "--db", db], stdin=zero, capture_output=True, text=True,
                       timeout=120)
if p.returncode != 1 or p.stdout or "<stdin>: is a device" not in p.stderr:
    fail("search --queries - < /dev/zero: exit %d, %r %r" % (p.returncode, p.stdout, p.stderr))
print("ok")
