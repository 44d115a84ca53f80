#!/usr/bin/env python3
"""The two anonymous attacks of issue 13 against a fresh server; prints the server's memory.

  bench/bounded_load.py [WAGELINK_BINARY]      (default build/wagelink)

1. upload: 20 connections without a session each POST /api/v1/imports with a 30 MiB body.
2. slow:   1,100 connections from 127.0.0.2 each send half a request header and wait, while a
           client from 127.0.0.1 asks GET /healthz every 50 ms for 5 s.
For each: the server's RSS before, its peak (VmHWM) and RSS after, and what the clients got.
Run it on the binary before and after a change on the same machine; absolute figures depend on
the machine, the allocator and what else runs.
"""
import os
import resource
import socket
import subprocess
import sys
import tempfile
import threading
import time

binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/wagelink")
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 8192), hard))  # 1,100 sockets here and there


def memory(pid):
    fields = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                fields[key] = int(value.split()[0]) // 1024
    return fields


def start_server(tmp):
    subprocess.run([binary, "init", "--demo", "--db", f"sqlite:{tmp}/bench.db", "--key-file", f"{tmp}/key"],
                   check=True, capture_output=True)
    with open(f"{tmp}/bench.toml", "w") as config:
        config.write('[log]\naccess_log = false\nlevel = "warn"\n[jobs]\nrun_scheduled = false\n')
    server = subprocess.Popen([binary, "serve", "--db", f"sqlite:{tmp}/bench.db", "--key-file", f"{tmp}/key", "--port", "0",
                               "--port-file", f"{tmp}/port", "--config", f"{tmp}/bench.toml"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(400):
        if os.path.exists(f"{tmp}/port") and open(f"{tmp}/port").read().strip():
            return server, int(open(f"{tmp}/port").read())
        time.sleep(0.05)
    raise SystemExit("server did not start")


def status_of(answer):
    return answer.split(b" ", 2)[1].decode() if answer.startswith(b"HTTP/1.1 ") else "none"


def upload(port, results):
    body_size = 30 << 20
    s = socket.create_connection(("127.0.0.1", port))
    s.settimeout(30)
    s.sendall(b"POST /api/v1/imports HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
              b"Content-Length: %d\r\n\r\n" % body_size)
    chunk = b"x" * (1 << 20)
    sent = 0
    try:
        while sent < body_size:
            s.sendall(chunk)
            sent += len(chunk)
    except OSError:
        pass  # the server answered and closed without reading the body
    try:
        answer = s.recv(200)
    except OSError:
        answer = b""
    results.append((status_of(answer), sent >> 20))
    s.close()


def upload_attack(pid, port):
    before = memory(pid)["VmRSS"]
    results = []
    threads = [threading.Thread(target=upload, args=(port, results)) for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    after = memory(pid)
    statuses = sorted({r[0] for r in results})
    mib_sent = sum(r[1] for r in results)
    print(f"upload: RSS before {before} MB, peak {after['VmHWM']} MB, after {after['VmRSS']} MB; "
          f"answers {statuses}; {mib_sent} MiB of 600 MiB written by the clients")


def slow_attack(pid, port):
    before = memory(pid)["VmRSS"]
    held = []
    for _ in range(1100):
        s = socket.socket()
        s.bind(("127.0.0.2", 0))
        s.setblocking(False)
        try:
            s.connect(("127.0.0.1", port))
        except BlockingIOError:
            pass
        held.append(s)
    time.sleep(0.5)
    for s in held:
        try:
            s.send(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        except OSError:
            pass
    answers = {}
    deadline = time.time() + 5
    while time.time() < deadline:
        try:
            c = socket.create_connection(("127.0.0.1", port), timeout=2)
            c.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            status = status_of(c.recv(200))
            c.close()
        except OSError:
            status = "error"
        answers[status] = answers.get(status, 0) + 1
        time.sleep(0.05)
    during = memory(pid)
    for s in held:
        s.close()
    print(f"slow: RSS before {before} MB, peak {during['VmHWM']} MB, during {during['VmRSS']} MB; "
          f"another client's GET /healthz during the attack: {answers}")


for attack in (upload_attack, slow_attack):  # each on a fresh server, so each peak is its own
    with tempfile.TemporaryDirectory() as tmp:
        server, port = start_server(tmp)
        try:
            time.sleep(0.5)
            idle = memory(server.pid)
            print(f"{os.path.relpath(binary)}: idle RSS {idle['VmRSS']} MB (peak so far, from start-up: {idle['VmHWM']} MB)")
            attack(server.pid, port)
        finally:
            server.kill()
            server.wait()
