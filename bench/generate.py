#!/usr/bin/env python3
"""Bulk synthetic data for the scale benchmarks: N cases with W workers each, their parties, and
one open statutory clock per case (a tenth of them already due), into a SQLite database that
`wagelink init --demo` has migrated. Everything is invented; personal fields are left empty
(the encrypted columns are not needed to measure lists, counts and the sweep).

Usage: bench/generate.py DB_PATH --cases 1000000 --workers-per-case 10
"""
import argparse
import random
import sqlite3
import time

STATES = ["complaint_received", "investigating", "order_pending", "screening", "transferred",
          "police_reviewing", "police_investigating", "closed_administrative", "closed_paid", "civil_route"]
BODIES = ["police", "procuratorate", "court", "justice"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--workers-per-case", type=int, default=10)
    args = parser.parse_args()
    rng = random.Random(42)
    db = sqlite3.connect(args.db)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=OFF")
    started = time.time()
    employers = max(1, args.cases // 10)
    db.executemany("INSERT INTO employers (name, kind, created_at) VALUES (?, 'individual', '2025-01-01T00:00:00Z')",
                   ((f"合成用人单位{i:07d}",) for i in range(employers)))
    first_employer = db.execute("SELECT MIN(id) FROM employers WHERE name LIKE '合成用人单位%'").fetchone()[0]
    batch = 50_000
    for start in range(0, args.cases, batch):
        rows, parties, workers, clocks = [], [], [], []
        for i in range(start, min(start + batch, args.cases)):
            day = 1 + rng.randrange(700)
            received = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(1704067200 + day * 86400 + rng.randrange(86400)))
            owed = args.workers_per_case * rng.randrange(300_000, 2_000_000)
            rows.append((f"B-{i:08d}", f"合成案件{i:08d}", rng.choice(STATES), "12333", received,
                         first_employer + rng.randrange(employers), args.workers_per_case, owed, received, received))
        db.executemany(
            "INSERT INTO cases (case_no, title, state, channel, received_at, employer_id, workers_count, owed_fen, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        first = db.execute("SELECT id FROM cases WHERE case_no = ?", (rows[0][0],)).fetchone()[0]
        for offset, row in enumerate(rows):
            case_id = first + offset
            parties.append((case_id, "hrss", row[4]))
            if rng.random() < 0.4:
                parties.append((case_id, rng.choice(BODIES), row[4]))
            for w in range(args.workers_per_case):
                workers.append((case_id, f"工人{w}", row[7] // args.workers_per_case, 3, row[4]))
            due_days = rng.randrange(-30, 300) if rng.random() < 0.1 else rng.randrange(1, 300)
            due = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + due_days * 86400))
            clocks.append((case_id, "L02", row[4], due, due[:10], "hrss", "wage_office"))
        db.executemany("INSERT INTO case_parties (case_id, body_code, since) VALUES (?, ?, ?)", parties)
        db.executemany("INSERT INTO workers (case_id, name, owed_fen, months_unpaid, created_at) VALUES (?, ?, ?, ?, ?)",
                       workers)
        db.executemany("INSERT INTO case_clocks (case_id, rule_id, started_at, due_at, due_date, responsible_body, "
                       "supervisor_body) VALUES (?, ?, ?, ?, ?, ?, ?)", clocks)
        db.commit()
        print(f"{start + len(rows):>9} cases  {time.time() - started:6.1f} s", flush=True)
    # The dashboard's running totals (case_tallies) know nothing of rows written here: ask the server
    # to recount them from the cases when it next opens the database.
    db.execute("DELETE FROM case_tallies WHERE scope = '' AND metric = 'recount'")
    db.execute("INSERT INTO case_tallies (scope, metric, value) VALUES ('', 'recount', 1)")
    db.execute("ANALYZE")
    db.commit()
    print(f"done: {args.cases} cases, {args.cases * args.workers_per_case} workers in {time.time() - started:.1f} s")


if __name__ == "__main__":
    main()
