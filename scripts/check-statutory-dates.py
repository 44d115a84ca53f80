#!/usr/bin/env python3
# Re-checks data/calendar/statutory_dates.json three independent ways (a maintainer's tool, not part
# of the build): the Debian 'lunar' utility's tables, the npm lunar-javascript tables, and astronomy
# with ERFA (IAU SOFA models: new moons and the Sun's apparent longitude 15° for 清明, Beijing time).
# Needs: apt-get install lunar python3-erfa; npm install lunar-javascript in $LUNARJS_DIR (default
# /tmp/lunarjs). Run: /usr/bin/python3 scripts/check-statutory-dates.py   (exit 1 on any mismatch)
import datetime as dt, json, math, os, re, subprocess, sys
import erfa

DATA = os.path.join(os.path.dirname(__file__), '..', 'data', 'calendar', 'statutory_dates.json')
LUNARJS = os.environ.get('LUNARJS_DIR', '/tmp/lunarjs')
def jd_tt(jd_utc):  # approx TT = UTC + 69.2 s
    return jd_utc + 69.2/86400
def lon_sun(jd):
    tt = jd_tt(jd)
    pvh, pvb = erfa.epv00(2400000.5, tt-2400000.5)
    v = -pvh[0]  # geocentric Sun, GCRS-ish (ICRS axes)
    rm = erfa.ecm06(2400000.5, tt-2400000.5)  # ICRS -> ecliptic of date (mean)
    e = rm @ v
    lon = math.degrees(math.atan2(e[1], e[0]))
    dpsi, deps = erfa.nut06a(2400000.5, tt-2400000.5)
    lon += math.degrees(dpsi) - 20.4955/3600  # nutation + annual aberration
    return lon % 360
def lon_moon(jd):
    tt = jd_tt(jd)
    pv = erfa.moon98(2400000.5, tt-2400000.5)
    rm = erfa.ecm06(2400000.5, tt-2400000.5)
    e = rm @ pv[0]
    lon = math.degrees(math.atan2(e[1], e[0]))
    dpsi, deps = erfa.nut06a(2400000.5, tt-2400000.5)
    return (lon + math.degrees(dpsi)) % 360
def solve(f, target, a, b):
    for _ in range(60):
        m = (a+b)/2
        d = ((f(m)-target+180) % 360) - 180
        if d < 0: a = m
        else: b = m
    return (a+b)/2
def jd_of(d): return (dt.datetime(d.year, d.month, d.day) - dt.datetime(2000, 1, 1, 12)).total_seconds() / 86400 + 2451545.0
def beijing(jd): return dt.datetime(2000, 1, 1, 12) + dt.timedelta(days=jd - 2451545.0, hours=8)

def new_moon_days(first, last):
    days, jd, end = {}, jd_of(first), jd_of(last)
    elong = lambda j: (lon_moon(j) - lon_sun(j)) % 360
    while jd < end:
        if elong(jd + 1) < elong(jd):
            t = beijing(solve(elong, 0, jd, jd + 1))
            days[t.date()] = t
        jd += 1
    return days

def lunar_util(y, m, d):
    out = subprocess.run(['lunar', '-i', str(y), str(m), str(d)], capture_output=True, text=True).stdout
    s = re.search(r'Solar : (\d+)\.(\d+)\.(\d+)', out)
    return dt.date(int(s[1]), int(s[2]), int(s[3]))

def lunar_js(years):
    script = ("const {Lunar,Solar}=require('lunar-javascript');const o={};for(const y of %s){"
              "const n=Lunar.fromYmd(y,1,1).getSolar();o[y]={chuxi:Solar.fromYmd(n.getYear(),n.getMonth(),n.getDay()).next(-1).toYmd(),"
              "qingming:Lunar.fromYmd(y,3,1).getJieQiTable()['清明'].toYmd(),duanwu:Lunar.fromYmd(y,5,5).getSolar().toYmd(),"
              "zhongqiu:Lunar.fromYmd(y,8,15).getSolar().toYmd()}}console.log(JSON.stringify(o))") % json.dumps(years)
    return json.loads(subprocess.run(['node', '-e', script], cwd=LUNARJS, capture_output=True, text=True, check=True).stdout)

data = json.load(open(DATA))
years = [y['year'] for y in data['years']]
moons = new_moon_days(dt.date(min(years), 1, 1), dt.date(max(years) + 1, 1, 1))
tables = lunar_js(years)
ok = True
for y in data['years']:
    D = lambda k: dt.date.fromisoformat(y[k])
    qm = beijing(solve(lon_sun, 15.0, jd_of(dt.date(y['year'], 4, 1)), jd_of(dt.date(y['year'], 4, 9)))).date()
    checks = {
        'lunar-javascript': all(tables[str(y['year'])][k] == y[k] for k in ('chuxi', 'qingming', 'duanwu', 'zhongqiu')),
        'lunar utility': (lunar_util(y['year'], 1, 1) == D('chuxi') + dt.timedelta(1) and
                          lunar_util(y['year'], 5, 5) == D('duanwu') and lunar_util(y['year'], 8, 15) == D('zhongqiu')),
        'new moons': all(d in moons for d in (D('chuxi') + dt.timedelta(1), D('duanwu') - dt.timedelta(4), D('zhongqiu') - dt.timedelta(14))),
        'qingming solar term': qm == D('qingming'),
    }
    bad = [name for name, good in checks.items() if not good]
    ok = ok and not bad
    print(y['year'], 'OK' if not bad else 'MISMATCH: ' + ', '.join(bad))
sys.exit(0 if ok else 1)
