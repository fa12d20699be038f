#!/usr/bin/env python3
"""Joins the load run's TSV files into the Markdown table of docs/benchmarks.md and checks the goals.

    python3 tools/load/report.py pages-Sqlite-20000.tsv [pages-Sqlite-2000.tsv]

Goals per page at the large size: at most 300 KB, p99 under 100 ms, at least 0.3x the requests per second of /healthz
in the same run, p99 within 1.5x of the same page at the smaller size (same rows shown).
"""
import re
import sys

MAX_BYTES = 300 * 1024
MAX_P99_MS = 100.0
MIN_BASELINE = 0.3
MAX_GROWTH = 1.5


def to_ms(text):
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text or "")
    if not match:
        return float("nan")
    value, unit = float(match.group(1)), match.group(2)
    return value * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def read(path):
    rows, loads = {}, []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("# load"):
            loads.append(line[len("# load "):])
            continue
        who, page, status, size, gz, rps, p99, non2xx = line.split("\t")
        rows[(who, page)] = dict(status=status, size=int(size), gz=int(gz), rps=float(rps or 0), p99=to_ms(p99), non2xx=int(non2xx))
    return rows, loads


def kb(n):
    return f"{n / 1024:.1f} KB"


def main():
    large, large_loads = read(sys.argv[1])
    small, small_loads = read(sys.argv[2]) if len(sys.argv) > 2 else ({}, [])
    baseline = large[("baseline", "/healthz")]["rps"]
    print(f"Load average (1, 5, 15 min): large database {' → '.join(large_loads)}"
          + (f"; small database {' → '.join(small_loads)}" if small_loads else ""))
    print()
    print("| who | page | status | size (gzip) | small: req/s, p99 | large: req/s, p99 | × /healthz req/s | × small p99 | goals missed |")
    print("|---|---|---|---|---|---|---|---|---|")
    judged = met = 0
    missed_pages = []
    for (who, page), row in large.items():
        other = small.get((who, page))
        ratio = row["rps"] / baseline if baseline else float("nan")
        growth = row["p99"] / other["p99"] if other and other["p99"] else float("nan")
        missed = []
        if who != "baseline":
            judged += 1
            if row["size"] > MAX_BYTES: missed.append("size")
            if not row["p99"] < MAX_P99_MS: missed.append("p99")
            if not ratio >= MIN_BASELINE: missed.append("× /healthz")
            if other and not growth <= MAX_GROWTH: missed.append("× small")
            if row["status"] != "200" or row["non2xx"]: missed.append(f"status {row['status']}, {row['non2xx']} non-2xx")
            if not missed: met += 1
            else: missed_pages.append(page)
        small_text = f"{other['rps']:.0f}, {other['p99']:.1f} ms" if other else "—"
        print(f"| {who} | `{page}` | {row['status']} | {kb(row['size'])} ({kb(row['gz'])}) | {small_text} | "
              f"{row['rps']:.0f}, {row['p99']:.1f} ms | {ratio:.2f} | {growth:.2f} | {', '.join(missed) or ('—' if who == 'baseline' else 'none')} |")
    print()
    print(f"pages: {judged}; all goals met: {met}; /healthz {baseline:.0f} req/s"
          + (f"; missed: {', '.join(missed_pages)}" if missed_pages else ""))


if __name__ == "__main__":
    main()
