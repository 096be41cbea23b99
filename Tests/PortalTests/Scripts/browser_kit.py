"""What the browser scripts share: failing with what was seen, waiting for a page, and looking
at one (axe-core's serious and critical violations, and, when asked, screenshots at 1280 and 375
pixels wide, each the whole page's height)."""
import json
import os
import sys

from selenium.webdriver.support.ui import WebDriverWait


class Kit:
    def __init__(self, driver, seen, shots):
        self.driver, self.seen, self.shots = driver, seen, shots

    def fail(self, message):
        print(json.dumps({"failed": message, "seen": self.seen}))
        sys.exit(1)

    def wait_for(self, test, what, timeout=30):
        try:
            return WebDriverWait(self.driver, timeout).until(lambda d: test(d))
        except Exception:
            self.fail(f"{what}: not seen in {timeout} s (at {self.driver.current_url}: {self.driver.title})")

    def look(self, name):
        driver, seen = self.driver, self.seen
        seen["pages"].append({"name": name, "url": driver.current_url, "title": driver.title})
        try:
            from axe_selenium_python import Axe
            axe = Axe(driver)
            axe.inject()
            seen["axe"] += [{"page": name, "id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:3]}
                            for v in axe.run()["violations"] if v["impact"] in ("serious", "critical")]
        except ImportError:
            seen["axe"].append({"page": name, "id": "axe-selenium-python is not installed"})
        if self.shots:
            for width in (1280, 375):
                driver.set_window_size(width, 900)
                height = driver.execute_script("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")
                driver.set_window_size(width, min(max(height + 140, 600), 8000))
                driver.save_screenshot(os.path.join(self.shots, f"{len(seen['pages']):02d}-{name}-{width}.png"))
            driver.set_window_size(1280, 900)
