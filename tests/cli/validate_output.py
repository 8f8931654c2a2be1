#!/usr/bin/env python3
"""Validates what `vanban` writes, independently of vanban's own code.

    validate_output.py ics  [checks] -- VANBAN ARGS...   RFC 5545 rules, then icalendar parses it
    validate_output.py html [checks] -- VANBAN ARGS...   well-formed (XML parser), standalone page
    validate_output.py csv  [checks] -- VANBAN ARGS...   RFC 4180: parsed, re-written identically

The command after "--" is run, must exit 0, and its standard output is checked.
Checks: --events N (ics: VEVENT count), --rrules N (ics: events with RRULE),
--text S (the unescaped/visible text contains S; repeatable), --columns a,b,... (csv header),
--bom (csv starts with a UTF-8 BOM). Exit 0 when valid, 1 with a reason otherwise.
Only the Python standard library, plus python3-icalendar (Debian) for the ics parse-back.
"""
import argparse
import csv
import datetime
import io
import re
import subprocess
import sys
import xml.dom.minidom
import xml.parsers.expat


def fail(message):
    print("validate_output: " + message, file=sys.stderr)
    sys.exit(1)


# ---- iCalendar --------------------------------------------------------------------------

TEXT_PROPERTIES = {"SUMMARY", "DESCRIPTION", "X-WR-CALNAME", "LOCATION", "COMMENT"}


def unescape_text(value, where):
    out, i = [], 0
    while i < len(value):
        c = value[i]
        if c == "\\":
            if i + 1 >= len(value) or value[i + 1] not in "\\;,nN":
                fail(f"{where}: bad escape in TEXT value {value!r}")
            out.append("\n" if value[i + 1] in "nN" else value[i + 1])
            i += 2
            continue
        if c in ";,":
            fail(f"{where}: unescaped {c!r} in TEXT value {value!r}")
        out.append(c)
        i += 1
    return "".join(out)


def split_text_list(value):
    """CATEGORIES: TEXT values separated by unescaped commas."""
    items, cur, i = [], "", 0
    while i < len(value):
        if value[i] == "\\" and i + 1 < len(value):
            cur += value[i:i + 2]
            i += 2
        elif value[i] == ",":
            items.append(cur)
            cur, i = "", i + 1
        else:
            cur += value[i]
            i += 1
    items.append(cur)
    return items


def check_ics(data, args):
    if not data.endswith(b"\r\n"):
        fail("ics: does not end with CRLF")
    physical = data[:-2].split(b"\r\n")
    for n, line in enumerate(physical, 1):
        if b"\n" in line or b"\r" in line:
            fail(f"ics line {n}: bare CR or LF (every line must end in CRLF)")
        if len(line) > 75:
            fail(f"ics line {n}: {len(line)} octets, more than 75 (RFC 5545 3.1)")
        try:
            line.decode("utf-8")  # folding must not split a UTF-8 sequence
        except UnicodeDecodeError:
            fail(f"ics line {n}: not valid UTF-8 on its own (fold inside a character?)")
    lines = []
    for n, line in enumerate(physical, 1):
        text = line.decode("utf-8")
        if text[:1] in (" ", "\t"):
            if not lines:
                fail("ics: starts with a continuation line")
            lines[-1] = (lines[-1][0], lines[-1][1] + text[1:])
        else:
            lines.append((n, text))
    stack, events, calendar_props = [], [], {}
    for n, text in lines:
        m = re.match(r"^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:\"[^\"]*\"|[^\";:,]*)(?:,(?:\"[^\"]*\"|[^\";:,]*))*)*):(.*)$", text)
        if not m:
            fail(f"ics line {n}: not a content line: {text!r}")
        name, params, value = m.group(1).upper(), m.group(2), m.group(3)
        where = f"ics line {n} ({name})"
        if name == "BEGIN":
            stack.append(value)
            if value == "VEVENT":
                if stack != ["VCALENDAR", "VEVENT"]:
                    fail(f"{where}: VEVENT outside VCALENDAR")
                events.append({})
            continue
        if name == "END":
            if not stack or stack[-1] != value:
                fail(f"{where}: END:{value} does not close {stack[-1] if stack else 'anything'}")
            stack.pop()
            continue
        if not stack:
            fail(f"{where}: property outside VCALENDAR")
        if name in TEXT_PROPERTIES:
            value = unescape_text(value, where)
        if name == "CATEGORIES":
            value = [unescape_text(v, where) for v in split_text_list(value)]
        if stack[-1] == "VEVENT":
            if name in events[-1] and name not in ("CATEGORIES", "COMMENT"):
                fail(f"{where}: {name} twice in one VEVENT")
            events[-1][name] = (params, value)
        elif stack[-1] == "VCALENDAR":
            calendar_props[name] = value
    if stack:
        fail(f"ics: {stack[-1]} not closed")
    if calendar_props.get("VERSION") != "2.0" or "PRODID" not in calendar_props:
        fail("ics: VCALENDAR needs VERSION:2.0 and PRODID")
    uids = set()
    for i, e in enumerate(events, 1):
        for required in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
            if required not in e:
                fail(f"ics event {i}: no {required}")
        if e["UID"][1] in uids:
            fail(f"ics event {i}: UID {e['UID'][1]} is not unique")
        uids.add(e["UID"][1])
        if not re.fullmatch(r"\d{8}T\d{6}Z", e["DTSTAMP"][1]):
            fail(f"ics event {i}: DTSTAMP {e['DTSTAMP'][1]} is not a UTC date-time")
        params, start = e["DTSTART"]
        if params.upper() != ";VALUE=DATE" or not re.fullmatch(r"\d{8}", start):
            fail(f"ics event {i}: DTSTART{params}:{start} is not an all-day DATE")
        datetime.date(int(start[:4]), int(start[4:6]), int(start[6:]))  # a real calendar date
        if "RRULE" in e and not re.fullmatch(r"FREQ=(YEARLY|MONTHLY|WEEKLY|DAILY)(;[A-Z]+=[A-Z0-9,]+)*", e["RRULE"][1]):
            fail(f"ics event {i}: bad RRULE {e['RRULE'][1]}")
    # A second, independent parser.
    try:
        import icalendar
    except ImportError:
        fail("python3-icalendar is missing (run .ci/setup)")
    cal = icalendar.Calendar.from_ical(data.decode("utf-8"))
    parsed = [c for c in cal.walk() if c.name == "VEVENT"]
    if len(parsed) != len(events):
        fail(f"icalendar read {len(parsed)} events, the strict reader {len(events)}")
    for i, (ours, theirs) in enumerate(zip(events, parsed), 1):
        if str(theirs.get("SUMMARY")) != ours["SUMMARY"][1]:
            fail(f"event {i}: icalendar reads SUMMARY {str(theirs.get('SUMMARY'))!r}, expected {ours['SUMMARY'][1]!r}")
        if theirs.decoded("DTSTART").strftime("%Y%m%d") != ours["DTSTART"][1]:
            fail(f"event {i}: icalendar reads another DTSTART")
        if ("RRULE" in theirs) != ("RRULE" in ours):
            fail(f"event {i}: icalendar disagrees on RRULE")
    if args.events is not None and len(events) != args.events:
        fail(f"ics: {len(events)} events, expected {args.events}")
    rrules = sum(1 for e in events if "RRULE" in e)
    if args.rrules is not None and rrules != args.rrules:
        fail(f"ics: {rrules} events with RRULE, expected {args.rrules}")
    visible = "\n".join(str(e[k][1]) for e in events for k in ("SUMMARY", "DESCRIPTION", "CATEGORIES") if k in e)
    return visible


# ---- HTML -------------------------------------------------------------------------------

def check_html(data, args):
    text = data.decode("utf-8")
    if not text.startswith("<!DOCTYPE html>\n"):
        fail("html: does not start with <!DOCTYPE html>")
    try:
        dom = xml.dom.minidom.parseString(data)
    except xml.parsers.expat.ExpatError as e:
        fail(f"html: not well-formed: {e}")
    root = dom.documentElement
    if root.tagName != "html" or not root.getAttribute("lang"):
        fail("html: root is not <html lang=…>")
    heads = root.getElementsByTagName("head")
    if len(heads) != 1 or len(root.getElementsByTagName("body")) != 1:
        fail("html: needs exactly one head and one body")
    metas = [m for m in heads[0].getElementsByTagName("meta") if m.getAttribute("charset").lower() == "utf-8"]
    titles = heads[0].getElementsByTagName("title")
    if not metas or len(titles) != 1 or not titles[0].firstChild:
        fail("html: head needs <meta charset=\"utf-8\"> and a non-empty <title>")
    ids, fragment_links = set(), []
    for el in root.getElementsByTagName("*"):
        if el.tagName in ("link", "script", "img", "iframe", "object", "embed"):
            fail(f"html: <{el.tagName}> refers to or embeds something outside the page")
        for attr in ("src", "href"):
            if el.hasAttribute(attr):
                # A link inside the page (the table of contents) loads nothing.
                if el.tagName == "a" and attr == "href" and el.getAttribute(attr).startswith("#"):
                    fragment_links.append(el.getAttribute(attr)[1:])
                    continue
                fail(f"html: {attr}= on <{el.tagName}>: the page must not load anything")
        if el.hasAttribute("id"):
            if el.getAttribute("id") in ids:
                fail(f"html: duplicate id {el.getAttribute('id')}")
            ids.add(el.getAttribute("id"))
    for target in fragment_links:
        if target not in ids:
            fail(f"html: link to #{target}, which no element has as its id")
    for style in root.getElementsByTagName("style"):
        css = "".join(n.data for n in style.childNodes)
        if "url(" in css or "@import" in css:
            fail("html: the CSS loads something from outside")
    for t, table in enumerate(root.getElementsByTagName("table"), 1):
        widths = {len([c for c in tr.childNodes if c.nodeType == c.ELEMENT_NODE]) for tr in table.getElementsByTagName("tr")}
        if len(widths) > 1:
            fail(f"html: table {t} has rows of different widths {sorted(widths)}")

    def visible(node):
        if node.nodeType == node.TEXT_NODE:
            return node.data
        if node.nodeType == node.ELEMENT_NODE and node.tagName in ("style", "head"):
            return ""
        return "".join(visible(c) for c in node.childNodes)
    return visible(root)


# ---- CSV --------------------------------------------------------------------------------

def check_csv(data, args):
    bom = data.startswith(b"\xef\xbb\xbf")
    if bom != args.bom:
        fail("csv: " + ("no UTF-8 byte order mark" if args.bom else "unexpected byte order mark"))
    try:
        text = data[3 if bom else 0:].decode("utf-8")
    except UnicodeDecodeError as e:
        fail(f"csv: not UTF-8: {e}")
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as e:
        fail(f"csv: not RFC 4180: {e}")
    if not rows:
        fail("csv: empty")
    if args.columns and rows[0] != args.columns.split(","):
        fail(f"csv: header {rows[0]} differs from {args.columns.split(',')}")
    for n, row in enumerate(rows[1:], 2):
        if len(row) != len(rows[0]):
            fail(f"csv record {n}: {len(row)} fields, the header has {len(rows[0])}")
    # Quoting exactly where RFC 4180 needs it, CRLF after every record: Python's writer
    # produces the same bytes.
    again = io.StringIO(newline="")
    csv.writer(again, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL).writerows(rows)
    if again.getvalue() != text:
        a, b = again.getvalue(), text
        at = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
        fail(f"csv: differs from a minimal RFC 4180 rewrite at char {at}: {b[max(0, at - 40):at + 40]!r}")
    return "\n".join(",".join(r) for r in rows)


def main():
    if "--" not in sys.argv:
        fail("usage: validate_output.py ics|html|csv [checks] -- VANBAN ARGS...")
    split = sys.argv.index("--")
    p = argparse.ArgumentParser()
    p.add_argument("kind", choices=["ics", "html", "csv"])
    p.add_argument("--events", type=int)
    p.add_argument("--rrules", type=int)
    p.add_argument("--text", action="append", default=[])
    p.add_argument("--columns")
    p.add_argument("--bom", action="store_true")
    args = p.parse_args(sys.argv[1:split])
    command = sys.argv[split + 1:]
    run = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if run.returncode != 0:
        fail(f"{' '.join(command)}: exit {run.returncode}\n{run.stderr.decode('utf-8', 'replace')}")
    visible = {"ics": check_ics, "html": check_html, "csv": check_csv}[args.kind](run.stdout, args)
    for t in args.text:
        if t not in visible:
            fail(f"{args.kind}: text {t!r} not found")
    print(f"validate_output: {args.kind} ok ({len(run.stdout)} bytes)")


if __name__ == "__main__":
    main()
