"""Driver of bench/project_feeds.sh: registers the projects, sends the month's feeds over
CONNECTIONS keep-alive connections at once (banks and the provincial platform send in parallel),
runs the monitoring job, and reports wall times and server memory."""
import http.client
import json
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlparse

base, pid, projects, workers = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
connections = int(sys.argv[5]) if len(sys.argv) > 5 else 4
url = urlparse(base)
local = threading.local()
headers = {"Content-Type": "application/json"}

CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def credit_code(n):  # 统一社会信用代码 with its check character (GB 32100-2015)
    first = "91330100MA" + "%07d" % n
    first = "".join(CODE_CHARS[int(c)] if c.isdigit() else c for c in first)
    check = (31 - sum(CODE_CHARS.index(c) * w for c, w in zip(first, CODE_WEIGHTS)) % 31) % 31
    return first + CODE_CHARS[check]


def id_number(n):
    first = "330106198%01d%02d%02d%03d" % (n % 10, 1 + n % 12, 1 + n % 28, n % 1000)
    return first + "10X98765432"[sum(int(d) * w for d, w in zip(first, ID_WEIGHTS)) % 11]


def call(method, path, body=None):
    if not hasattr(local, "conn"):
        local.conn = http.client.HTTPConnection(url.hostname, url.port, timeout=600)
    conn = local.conn
    conn.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
    response = conn.getresponse()
    data = response.read()
    if response.status >= 300:
        sys.exit(f"{method} {path}: HTTP {response.status} {data[:300]!r}")
    cookie = response.getheader("Set-Cookie")
    if cookie and "session" in cookie:
        headers["Cookie"] = cookie.split(";")[0]
    return json.loads(data) if data else None


def memory():
    fields = {}
    for line in open(f"/proc/{pid}/status"):
        key, _, value = line.partition(":")
        fields[key] = value.strip()
    return f"RSS {fields['VmRSS']}, peak {fields['VmHWM']}"


def login(username):
    headers.pop("Cookie", None)
    headers.pop("X-CSRF-Token", None)
    session = call("POST", "/api/v1/auth/login", {"username": username, "password": "WageLink#2026"})
    headers["X-CSRF-Token"] = session["csrf_token"]


def phase(name, started):
    print(f"{name:<10} {time.monotonic() - started:7.1f} s   {memory()}", flush=True)


login("handler")
print(f"{'start':<10} {'':>7}     {memory()}")
started = time.monotonic()
ids = []
for p in range(projects):
    project = call("POST", "/api/v1/projects", {
        "name": f"基准测试项目{p:04d}", "location": "示范区基准路1号",
        "builder": {"name": f"建设单位{p:04d}", "credit_code": credit_code(2 * p)},
        "contractor": {"name": f"施工总承包{p:04d}", "credit_code": credit_code(2 * p + 1)},
        "sector_authority": "区住房和城乡建设局", "contract_sum_yuan": "30000000",
        "contract_signed_on": "2026-01-05", "pay_day": 15, "special_account_bank": "示范银行",
        "special_account_opened_on": "2026-01-10", "wage_deposit": "cash", "wage_deposit_amount_yuan": "450000",
        "wage_deposit_rate_permille": 15, "notice_board_up": True})
    ids.append(project["id"])
phase("register", started)

month, paid_on = "2026-10", "2026-11-10"
def send_month(p, project_id):
    roster = [id_number(p * workers + w) for w in range(workers)]
    unpaid = workers // 5 if p % 10 == 0 else 0
    feeds = [
        {"kind": "attendance", "month": month,
         "rows": [{"id_number": i, "name": "张伟", "days": 22} for i in roster]},
        {"kind": "payroll", "month": month,
         "rows": [{"id_number": i, "name": "张伟", "amount_yuan": "6800.00", "paid_on": paid_on,
                   "through_special_account": True} for i in roster[unpaid:]]},
        {"kind": "account", "month": month,
         "rows": [{"date": "2026-10-08", "purpose": "labour_cost", "amount_yuan": "700000.00"}]},
    ]
    for feed in feeds:
        call("POST", f"/api/v1/projects/{project_id}/feeds", feed)


started = time.monotonic()
with ThreadPoolExecutor(connections) as pool:
    list(pool.map(send_month, range(len(ids)), ids))
phase("feeds", started)
warnings = call("GET", "/api/v1/project-warnings?page_size=1")
print(f"           open warnings: {warnings['total']} (expected at least {projects // 10})")

login("sysadmin")
started = time.monotonic()
job = call("POST", "/api/v1/system/jobs/project_monitoring/run")
phase("measure", started)
print("           job:", {k: job.get(k) for k in ("last_run_at", "last_failed", "last_duration_ms", "last_outcome") if k in job})
