#!/usr/bin/env python3
"""Soak: mixed load on a fresh server for a long time; prints the RSS and latency curve.

  bench/soak.py [--minutes 30] [--binary build/wagelink] [--db URL] [--csv FILE]

A fresh server with the demo district (SQLite in a temporary folder unless --db names a PostgreSQL
database), scheduled jobs on, as in production. Six officers work at once, each picking at random:
  reads 60 %   a case, the case list, the dashboard, the inbox
  writes 20 %  a finding on one of the officer's own cases (audited, on the timeline, re-assessed);
               at most 20 times a minute in all, a new complaint of three workers and its acceptance
               instead, so the district grows as a busy one does, not by thousands of cases a minute
               (which would measure the growth of the data, not the server over time)
  uploads 5 %  a 64 KiB evidence file on one of the officer's own cases
  exports 15 % the case ledger as XLSX
  streams      four live inbox streams stay open throughout, each reconnecting every minute
Every minute one line: requests, errors, p50 and p99 of the minute by kind, RSS and its peak. The
run passes when RSS and p99 are flat: the last ten minutes' RSS within 10 % of the ten after
warm-up, and no error. Absolute figures depend on the machine; the load generator shares the cores.
"""
import argparse
import http.client
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time

PASSWORD = "WageLink#2026"
ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def id_number(serial):  # GB 11643 check digit
    body = "110101%04d%02d%02d%03d" % (1970 + serial % 30, 1 + serial % 12, 1 + serial % 28, serial % 1000)
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, ID_WEIGHTS)) % 11]


def credit_code(serial):  # GB 32100 check character
    body = "91110000MA%07d" % (serial % 10_000_000)
    check = (31 - sum(CODE_CHARS.index(c) * w for c, w in zip(body, CODE_WEIGHTS)) % 31) % 31
    return body + CODE_CHARS[check]


def complaint(serial):
    workers = [{"name": "工人%d" % i, "id_number": id_number(serial * 3 + i), "phone": "139%08d" % (serial * 3 + i),
                "owed_yuan": 8000 + 500 * i, "months_unpaid": 3, "period_from": "2025-09", "period_to": "2025-11"}
               for i in range(3)]
    return {"channel": "walk_in", "received_at": "2025-12-01T01:30:00Z",
            "employer": {"name": "某建筑劳务有限公司%d" % serial, "credit_code": credit_code(serial), "kind": "unit",
                         "address": "某区建设大道 %d 号" % serial, "legal_representative": "钱某"},
            "project_name": "浸泡测试项目", "summary": "3 名工人投诉 2025 年 9 月至 11 月工资未付。", "conduct": "unknown",
            "workers": workers}


def multipart(fields, file_name, data):
    boundary = "soakBoundary7MA4YWxk"
    body = b""
    for name, value in fields:
        body += ("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n" % (boundary, name, value)).encode()
    body += ("--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"%s\"\r\n"
             "Content-Type: application/octet-stream\r\n\r\n" % (boundary, file_name)).encode() + data
    body += ("\r\n--%s--\r\n" % boundary).encode()
    return body, "multipart/form-data; boundary=" + boundary


class Officer:
    def __init__(self, port, username):
        self.port, self.conn = port, None
        status, body, headers = self.send("POST", "/api/v1/auth/login", json.dumps(
            {"username": username, "password": PASSWORD}).encode(), {"Content-Type": "application/json"})
        if status != 200:
            raise SystemExit("login %s: %s %s" % (username, status, body[:200]))
        self.csrf = json.loads(body)["csrf_token"]
        self.cookie = headers["set-cookie"].split(";")[0]
        self.cases = []

    def send(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        if getattr(self, "cookie", None):
            headers["Cookie"] = self.cookie
            if method != "GET":
                headers["X-CSRF-Token"] = self.csrf
        for attempt in (1, 2):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                data = response.read()
                return response.status, data, {k.lower(): v for k, v in response.getheaders()}
            except (http.client.HTTPException, OSError):
                self.conn = None
                if attempt == 2:
                    raise


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        self.latencies, self.requests, self.errors, self.error_samples = {}, 0, 0, []

    def add(self, kind, seconds, ok, sample):
        with self.lock:
            self.latencies.setdefault(kind, []).append(seconds)
            self.requests += 1
            if not ok:
                self.errors += 1
                if len(self.error_samples) < 3:
                    self.error_samples.append(sample)

    def take(self):
        with self.lock:
            out = (self.latencies, self.requests, self.errors, self.error_samples)
            self.reset()
            return out


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(p * len(values)))] if values else 0.0


class ComplaintQuota:
    """At most `per_minute` new complaints a minute across all officers."""

    def __init__(self, per_minute):
        self.lock, self.per_minute, self.minute, self.used = threading.Lock(), per_minute, None, 0

    def take(self):
        with self.lock:
            minute = int(time.time() // 60)
            if minute != self.minute:
                self.minute, self.used = minute, 0
            if self.used >= self.per_minute:
                return False
            self.used += 1
            return True


def work(officer, reader, stats, stop, serials, case_ids, quota):
    rng = random.Random(id(officer))
    pdf = b"%PDF-1.4\n" + os.urandom(64 * 1024) + b"\n%%EOF\n"
    json_type = {"Content-Type": "application/json"}
    while not stop.is_set():
        roll = rng.random()
        started = time.perf_counter()
        if roll < 0.60:
            kind = "read"
            path = rng.choice(["/api/v1/cases/%d" % rng.choice(case_ids), "/api/v1/cases?page_size=20",
                               "/api/v1/dashboard", "/api/v1/inbox"])
            status, body, _ = reader.send("GET", path)
            ok = status == 200
        elif roll < 0.80 and (not officer.cases or quota.take()):
            kind = "write"
            status, body, _ = officer.send("POST", "/api/v1/cases", json.dumps(complaint(next(serials))).encode(), json_type)
            ok = status == 201
            if ok:
                case = json.loads(body)["id"]
                officer.cases.append(case)
                case_ids.append(case)
                status, body, _ = officer.send("POST", "/api/v1/cases/%d/steps" % case, json.dumps(
                    {"event": "accept_complaint", "at": "2025-12-01T03:00:00Z"}).encode(), json_type)
                ok = status == 200
        elif roll < 0.80:
            kind = "write"
            finding = {"kind": "mass_incident", "value": {"occurred": False}, "reason": "复核：未发生群体性事件"}
            status, body, _ = officer.send("POST", "/api/v1/cases/%d/findings" % rng.choice(officer.cases),
                                           json.dumps(finding).encode(), json_type)
            ok = status in (200, 201)
        elif roll < 0.85:
            kind = "upload"
            if not officer.cases:
                continue
            body, content_type = multipart([("kind", "payroll")], "工资表.pdf", pdf)
            status, body, _ = officer.send("POST", "/api/v1/cases/%d/evidence" % rng.choice(officer.cases), body,
                                           {"Content-Type": content_type})
            ok = status == 201
        else:
            kind = "export"
            status, body, _ = reader.send("GET", "/api/v1/ledgers/cases.xlsx")
            ok = status == 200
        stats.add(kind, time.perf_counter() - started, ok, "%s %s %s" % (kind, status, body[:160]))


def stream(port, username, stats, stop):
    officer = Officer(port, username)
    while not stop.is_set():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=70)
        try:
            conn.request("GET", "/api/v1/inbox/stream", headers={"Cookie": officer.cookie, "Accept": "text/event-stream"})
            response = conn.getresponse()
            stats.add("stream", 0.0, response.status == 200, "stream %s" % response.status)
            opened = time.time()
            while not stop.is_set() and time.time() - opened < 60:
                if not response.fp.readline():
                    break
        except (http.client.HTTPException, OSError):
            pass
        finally:
            conn.close()


def memory(pid):
    fields = {}
    with open("/proc/%d/status" % pid) as status:
        for line in status:
            name, _, value = line.partition(":")
            fields[name] = value.strip()
    return int(fields["VmRSS"].split()[0]) // 1024, int(fields["VmHWM"].split()[0]) // 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--binary", default="build/wagelink")
    parser.add_argument("--db")
    parser.add_argument("--csv")
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="wagelink-soak-")
    db = args.db or "sqlite:%s/soak.db" % tmp
    key = "%s/key" % tmp
    subprocess.run([args.binary, "init", "--demo", "--db", db, "--key-file", key], check=True, capture_output=True)
    with open("%s/soak.toml" % tmp, "w") as config:
        config.write('[log]\naccess_log = false\nlevel = "warn"\n[evidence]\ndir = "%s/evidence"\nspool_dir = "%s/spool"\n'
                     % (tmp, tmp))
    server = subprocess.Popen([args.binary, "serve", "--db", db, "--key-file", key, "--port", "0", "--port-file",
                               "%s/port" % tmp, "--config", "%s/soak.toml" % tmp, "--anchor-file", "%s/anchors" % tmp],
                              stdout=subprocess.DEVNULL, stderr=open("%s/server.log" % tmp, "w"))
    try:
        for _ in range(600):
            if os.path.exists("%s/port" % tmp) and open("%s/port" % tmp).read().strip():
                break
            time.sleep(0.05)
        port = int(open("%s/port" % tmp).read())
        prosecutor = Officer(port, "prosecutor")
        _, body, _ = prosecutor.send("GET", "/api/v1/cases?page_size=50")
        case_ids = [item["id"] for item in json.loads(body)["items"]]
        stats, stop = Stats(), threading.Event()
        serials = iter(range(1, 10**9))
        quota = ComplaintQuota(20)
        threads = [threading.Thread(target=work, name="officer-" + writer, args=(
                       Officer(port, writer), Officer(port, reader), stats, stop, serials, case_ids, quota))
                   for writer, reader in [("handler", "prosecutor"), ("handler2", "coordinator")] * 2]
        threads += [threading.Thread(target=stream, args=(port, name, stats, stop))
                    for name in ["handler", "handler2", "police", "prosecutor"]]
        for thread in threads:
            thread.start()
        rows = []
        print("minute  requests  errors  read p50/p99 ms  write p99  upload p99  export p99  RSS MiB  peak MiB")
        for minute in range(1, int(args.minutes) + 1):
            time.sleep(60)
            latencies, requests, errors, samples = stats.take()
            rss, peak = memory(server.pid)
            p = {k: (percentile(v, 0.5) * 1000, percentile(v, 0.99) * 1000) for k, v in latencies.items()}
            row = [minute, requests, errors, p.get("read", (0, 0))[0], p.get("read", (0, 0))[1], p.get("write", (0, 0))[1],
                   p.get("upload", (0, 0))[1], p.get("export", (0, 0))[1], rss, peak]
            rows.append(row)
            print("%6d  %8d  %6d  %7.1f/%7.1f  %9.1f  %10.1f  %10.1f  %7d  %8d" % tuple(row), flush=True)
            for sample in samples:
                print("        error: %s" % sample, flush=True)
        stop.set()
        for thread in threads:
            if thread.name.startswith("officer"):
                thread.join(timeout=60)
        if args.csv:
            with open(args.csv, "w") as out:
                out.write("minute,requests,errors,read_p50_ms,read_p99_ms,write_p99_ms,upload_p99_ms,export_p99_ms,rss_mib,peak_mib\n")
                for row in rows:
                    out.write(",".join("%.1f" % v if isinstance(v, float) else str(v) for v in row) + "\n")
        settled = [r[8] for r in rows[5:15]] or [rows[0][8]]
        last = [r[8] for r in rows[-10:]]
        growth = (sum(last) / len(last)) / (sum(settled) / len(settled)) - 1
        errors = sum(r[2] for r in rows)
        print("RSS last 10 min vs minutes 6-15: %+.1f %%; errors: %d" % (growth * 100, errors))
        return 0 if growth < 0.10 and errors == 0 else 1
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())
