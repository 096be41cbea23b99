#!/usr/bin/env python3
"""The load program of benchmarks/portal: uploads every return in a folder to the portal on
127.0.0.1, CONCURRENCY at a time, each through its agency's link as a browser would (open the
link, read the form's token, post the file, follow to the result page), while other threads ask
for agency pages and the secretariat's completeness page. Every loop is bounded in count and in
time, and it only ever talks to 127.0.0.1.

Usage: portal_load.py PORT LINKS.json RETURNS_DIR [CONCURRENCY] > results.json
  LINKS.json: what `boardpack portal init --json` printed (agency links and the secretariat's
  one-time link). Prints JSON: uploads, seconds, uploads per second, upload-to-result latencies,
  page latencies under load, and the completeness page's latencies when quiet.
"""
import concurrent.futures
import http.client
import json
import os
import re
import sys
import threading
import time
import urllib.parse

HOST = "127.0.0.1"
DEADLINE = time.monotonic() + 30 * 60  # nothing runs past half an hour
PASSWORD = "benchmark password, long enough"


class Browser:
    """One browser: its session cookie, a connection per request (as the tests do)."""

    def __init__(self, port):
        self.port = port
        self.cookie = None

    def request(self, method, path, body=None, headers=None):
        if time.monotonic() > DEADLINE:
            raise RuntimeError("past the benchmark's deadline")
        connection = http.client.HTTPConnection(HOST, self.port, timeout=120)
        headers = dict(headers or {})
        if self.cookie:
            headers["Cookie"] = self.cookie
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        cookie = response.getheader("Set-Cookie")
        if cookie:
            self.cookie = cookie.split(";")[0]
        connection.close()
        return response.status, response.getheader("Location"), data

    def csrf(self, path):
        status, _, page = self.request("GET", path)
        found = re.search(rb'name="csrf" value="([^"]+)"', page)
        if status != 200 or not found:
            raise RuntimeError(f"{path} answered {status} without a form")
        return found.group(1).decode()

    def open(self, url):
        path = urllib.parse.urlparse(url).path
        status, _, _ = self.request("GET", path)
        if status != 200:
            raise RuntimeError(f"{path} answered {status}")


def multipart(fields, name, data):
    boundary = "----boardpack-benchmark"
    body = b""
    for key, value in fields:
        body += f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
    body += f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
    body += data + f"\r\n--{boundary}--\r\n".encode()
    return body, {"Content-Type": f"multipart/form-data; boundary={boundary}", "Content-Length": str(len(body))}


def percentile(values, p):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def secretariat(port, links):
    browser = Browser(port)
    browser.open(links["secretariat"])
    token = browser.csrf("/secretariat/password")
    body = urllib.parse.urlencode({"csrf": token, "password": PASSWORD, "confirm": PASSWORD})
    status, _, _ = browser.request("POST", "/secretariat/password", body, {"Content-Type": "application/x-www-form-urlencoded"})
    if status != 303:
        raise RuntimeError(f"choosing the password answered {status}")
    return browser


def timed(browser, path):
    start = time.monotonic()
    status, _, _ = browser.request("GET", path)
    if status != 200:
        raise RuntimeError(f"{path} answered {status}")
    return time.monotonic() - start


def main():
    port, links_file, folder = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    concurrency = int(sys.argv[4]) if len(sys.argv) > 4 else 50
    links = json.load(open(links_file))
    by_id = {a["id"]: a["url"] for a in links["agencies"]}
    # The returns are named as boardpack returns names them: "Agency 12" writes agency-12.xlsx,
    # which is the synthetic report's id for it (fill_returns keeps the names).
    agencies = [a["id"] for a in links["agencies"]]
    jobs = [(a, a + ".xlsx") for a in agencies if os.path.exists(os.path.join(folder, a + ".xlsx"))]
    if len(jobs) != len(agencies):
        raise SystemExit(f"{len(agencies) - len(jobs)} agencies have no return in {folder}")
    office = secretariat(port, links)

    latencies, failures = [], []
    lock = threading.Lock()
    done = threading.Event()

    def upload(job):
        agency, name = job
        browser = Browser(port)
        browser.open(by_id[agency])
        token = browser.csrf("/agency")
        data = open(os.path.join(folder, name), "rb").read()
        body, headers = multipart([("csrf", token)], name, data)
        start = time.monotonic()
        status, location, _ = browser.request("POST", "/agency/uploads", body, headers)
        if status != 303:
            raise RuntimeError(f"{name}: the upload answered {status}")
        status, _, page = browser.request("GET", location)
        elapsed = time.monotonic() - start
        if status != 200 or b"Receipt" not in page:
            raise RuntimeError(f"{name}: the result page answered {status}")
        with lock:
            latencies.append(elapsed)
        return browser

    # Readers: agency pages and the completeness page while the uploads run, a request each
    # at a time, at most 2,000 each.
    page_times = {"agency": [], "completeness": []}

    def reader(kind):
        browser = office if kind == "completeness" else Browser(port)
        if kind == "agency":
            browser.open(by_id[agencies[0]])
        for _ in range(2000):
            if done.is_set():
                return
            page_times[kind].append(timed(browser, "/secretariat" if kind == "completeness" else "/agency"))

    readers = [threading.Thread(target=reader, args=(k,)) for k in ("agency", "completeness")]
    start = time.monotonic()
    for thread in readers:
        thread.start()
    with concurrent.futures.ThreadPoolExecutor(max_workers=concurrency) as pool:
        for future in concurrent.futures.as_completed([pool.submit(upload, job) for job in jobs]):
            try:
                future.result()
            except Exception as error:  # noqa: BLE001 - counted and shown
                failures.append(str(error))
    seconds = time.monotonic() - start
    done.set()
    for thread in readers:
        thread.join(timeout=180)

    quiet = [timed(office, "/secretariat") for _ in range(30)]
    print(json.dumps({
        "uploads": len(latencies), "failures": failures[:5], "failed": len(failures), "seconds": seconds,
        "uploadsPerSecond": len(latencies) / seconds,
        "uploadToResult": {"p50": percentile(latencies, 50), "p99": percentile(latencies, 99)},
        "underLoad": {k: {"count": len(v), "p50": percentile(v, 50), "p99": percentile(v, 99)} for k, v in page_times.items()},
        "completenessQuiet": {"p50": percentile(quiet, 50), "p99": percentile(quiet, 99)},
    }))


if __name__ == "__main__":
    main()
