#!/usr/bin/env python3
"""Bulk synthetic data for the scale benchmarks: N cases with W workers each, their parties, and
one open statutory clock per case (a tenth of them already due), into a database that
`wagelink init --demo` has migrated: a SQLite file, or a PostgreSQL URL (written with psql's COPY).
Everything is invented; personal fields are left empty (the encrypted columns are not needed to
measure lists, counts and the sweep).

Usage: bench/generate.py DB_PATH_OR_POSTGRESQL_URL --cases 1000000 --workers-per-case 10
"""
import argparse
import random
import sqlite3
import subprocess
import time

STATES = ["complaint_received", "investigating", "order_pending", "screening", "transferred",
          "police_reviewing", "police_investigating", "closed_administrative", "closed_paid", "civil_route"]
BODIES = ["police", "procuratorate", "court", "justice"]
TABLES = {
    "employers": ("id", "name", "kind", "created_at"),
    "cases": ("id", "case_no", "title", "state", "channel", "received_at", "employer_id", "workers_count", "owed_fen",
              "created_at", "updated_at"),
    "case_parties": ("case_id", "body_code", "since"),
    "workers": ("case_id", "name", "owed_fen", "months_unpaid", "created_at"),
    "case_clocks": ("case_id", "rule_id", "started_at", "due_at", "due_date", "responsible_body", "supervisor_body"),
}
# The running totals (case_tallies) know nothing of rows written here: the server is asked to
# recount them from the cases when it next opens the database.
ASK_FOR_RECOUNT = ("DELETE FROM case_tallies WHERE scope = '' AND metric = 'recount'; "
                   "INSERT INTO case_tallies (scope, metric, value) VALUES ('', 'recount', 1)")


class SqliteSink:
    def __init__(self, path):
        self.db = sqlite3.connect(path)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=OFF")

    def next_id(self, table):
        return (self.db.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}").fetchone()[0] or 0) + 1

    def insert(self, table, rows):
        columns = TABLES[table]
        self.db.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                            rows)

    def commit(self):
        self.db.commit()

    def finish(self):
        self.db.executescript(ASK_FOR_RECOUNT + "; ANALYZE;")
        self.db.commit()


class PostgresSink:
    """psql's COPY, one process per table and batch: ids are given explicitly, sequences set at the end."""

    def __init__(self, url):
        self.url = url

    def psql(self, sql, data=None):
        return subprocess.run(["psql", self.url, "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql], input=data,
                              capture_output=True, text=True, check=True).stdout

    def next_id(self, table):
        return int(self.psql(f"SELECT COALESCE(MAX(id), 0) FROM {table}")) + 1

    def insert(self, table, rows):
        text = "".join("\t".join("\\N" if v is None else str(v) for v in row) + "\n" for row in rows)
        self.psql(f"COPY {table} ({', '.join(TABLES[table])}) FROM STDIN", text)

    def commit(self):
        pass  # each COPY commits on its own

    def finish(self):
        for table in ("employers", "cases", "workers", "case_clocks"):
            self.psql(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))")
        self.psql(ASK_FOR_RECOUNT)
        self.psql("ANALYZE")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--workers-per-case", type=int, default=10)
    args = parser.parse_args()
    rng = random.Random(42)
    sink = PostgresSink(args.db) if args.db.startswith("postgres") else SqliteSink(args.db)
    started = time.time()
    employers = max(1, args.cases // 10)
    first_employer = sink.next_id("employers")
    sink.insert("employers", ((first_employer + i, f"合成用人单位{i:07d}", "individual", "2025-01-01T00:00:00Z")
                              for i in range(employers)))
    first_case = sink.next_id("cases")
    batch = 50_000
    for start in range(0, args.cases, batch):
        rows, parties, workers, clocks = [], [], [], []
        for i in range(start, min(start + batch, args.cases)):
            day = 1 + rng.randrange(700)
            received = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(1704067200 + day * 86400 + rng.randrange(86400)))
            owed = args.workers_per_case * rng.randrange(300_000, 2_000_000)
            case_id = first_case + i
            rows.append((case_id, f"B-{i:08d}", f"合成案件{i:08d}", rng.choice(STATES), "12333", received,
                         first_employer + rng.randrange(employers), args.workers_per_case, owed, received, received))
            parties.append((case_id, "hrss", received))
            if rng.random() < 0.4:
                parties.append((case_id, rng.choice(BODIES), received))
            for w in range(args.workers_per_case):
                workers.append((case_id, f"工人{w}", owed // args.workers_per_case, 3, received))
            due_days = rng.randrange(-30, 300) if rng.random() < 0.1 else rng.randrange(1, 300)
            due = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + due_days * 86400))
            clocks.append((case_id, "L02", received, due, due[:10], "hrss", "wage_office"))
        sink.insert("cases", rows)
        sink.insert("case_parties", parties)
        sink.insert("workers", workers)
        sink.insert("case_clocks", clocks)
        sink.commit()
        print(f"{start + len(rows):>9} cases  {time.time() - started:6.1f} s", flush=True)
    sink.finish()
    print(f"done: {args.cases} cases, {args.cases * args.workers_per_case} workers in {time.time() - started:.1f} s")


if __name__ == "__main__":
    main()
