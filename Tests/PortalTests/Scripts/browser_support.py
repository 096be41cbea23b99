"""What the browser scripts (portal_browser.py, form_browser.py, reminders_browser.py) share: failing with what was
seen so far, waiting for a page, axe-core's serious and critical violations, and a page's
screenshots at desktop and phone width."""
import atexit
import json
import os
import shutil
import sys
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait


def settings(argv):
    """The script's settings (its one argument, JSON), with its downloads folder made:
    (config, base address, work folder, downloads folder, screenshots folder or None)."""
    config = json.loads(argv[1])
    downloads = os.path.join(config["work"], "downloads")
    os.makedirs(downloads, exist_ok=True)
    return config, config["base"], config["work"], downloads, config.get("screenshots")


def chrome(downloads=None):
    """Debian's chromium, headless, at 1280 by 900, saving downloads to `downloads` unasked.
    Chromium leaves folders of its own in the temporary folder (org.chromium.Chromium.*), so it
    is given one of the script's, removed when the script ends."""
    scratch = tempfile.mkdtemp(prefix="boardpack-chromium-")
    atexit.register(shutil.rmtree, scratch, ignore_errors=True)
    os.environ["TMPDIR"] = scratch
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900", "--hide-scrollbars"):
        options.add_argument(argument)
    if downloads:
        options.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def fail(seen, message):
    """Prints what was seen so far with why the step failed, and exits 1."""
    print(json.dumps({"failed": message, "seen": seen}))
    sys.exit(1)


def wait_for(driver, seen, test, what, timeout=30):
    try:
        return WebDriverWait(driver, timeout).until(lambda d: test(d))
    except Exception:
        fail(seen, f"{what}: not seen in {timeout} s (at {driver.current_url}: {driver.title})")


def axe_violations(driver):
    """axe-core's serious and critical violations on the page as it is."""
    from axe_selenium_python import Axe
    axe = Axe(driver)
    axe.inject()
    return [{"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:3]}
            for v in axe.run()["violations"] if v["impact"] in ("serious", "critical")]


def screenshots(driver, path, most=6000, top=False):
    """The whole page at 1280 and 375 pixels wide (PATH-1280.png, PATH-375.png); with `top`, also
    what a screen shows first at each width (PATH-1280-top.png, PATH-375-top.png)."""
    for width in (1280, 375):
        driver.set_window_size(width, 900 if width > 400 else 812)
        if top:
            driver.execute_script("window.scrollTo(0, 0)")
            driver.save_screenshot(f"{path}-{width}-top.png")
        height = driver.execute_script("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")
        driver.set_window_size(width, min(max(height + 140, 600), most))
        driver.save_screenshot(f"{path}-{width}.png")
    driver.set_window_size(1280, 900)


def look(driver, seen, shots, name, prefix="", most=6000, top=False):
    """Records the page, checks it with axe, and, when asked, keeps its screenshots at 1280 and
    375 pixels wide (see `screenshots`)."""
    seen["pages"].append({"name": name, "url": driver.current_url, "title": driver.title})
    try:
        seen["axe"] += [dict(v, page=name) for v in axe_violations(driver)]
    except ImportError:
        seen["axe"].append({"page": name, "id": "axe-selenium-python is not installed"})
    if shots:
        screenshots(driver, os.path.join(shots, f"{prefix}{len(seen['pages']):02d}-{name}"), most=most, top=top)


def kit(driver, seen, shots):
    """fail, wait_for and look bound to one browser and what its script has seen."""
    return (lambda message: fail(seen, message),
            lambda test, what, timeout=30: wait_for(driver, seen, test, what, timeout),
            lambda name: look(driver, seen, shots, name))
