#!/usr/bin/env python3
"""The portal's whole scenario in a real browser (Debian's chromium and chromedriver, selenium):
an agency opens its link from another site's page (as from webmail), downloads its return,
fills it with openpyxl, uploads it, reads the problems with their cells on the page, uploads a
corrected version and sees its receipt; then the secretariat chooses its password through the
one-time link, sees the completeness page, merges and downloads the board pack.

Usage: portal_browser.py 'JSON config'
  {"base": "http://127.0.0.1:PORT", "agencyLink": URL, "agency": "JPPB", "setupLink": URL,
   "password": "...", "work": DIR, "wrong": {answers}, "right": {answers},
   "screenshots": DIR or null, "otherSite": "http://localhost:PORT/"}
Prints one JSON object: what each step saw. Exits 1 with a message when a step fails.
Every page is checked with axe-core (serious and critical violations are reported).
"""
import glob
import hashlib
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fill_return  # noqa: E402
import browser_kit  # noqa: E402

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

config = json.loads(sys.argv[1])
base, work = config["base"], config["work"]
downloads = os.path.join(work, "downloads")
os.makedirs(downloads, exist_ok=True)
shots = config.get("screenshots")
seen = {"pages": [], "axe": []}


def downloaded(suffix, before):
    def done(_):
        files = [f for f in glob.glob(os.path.join(downloads, "*" + suffix)) if f not in before]
        return files[0] if files and not glob.glob(os.path.join(downloads, "*.crdownload")) else False
    return wait_for(done, f"the download of a {suffix} file")


def upload(path):
    driver.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(path)
    driver.find_element(By.XPATH, "//button[normalize-space()='Upload']").click()
    wait_for(lambda d: "/agency/uploads/" in d.current_url, "the upload's result page")


def texts(selector):
    return [e.text for e in driver.find_elements(By.CSS_SELECTOR, selector)]


options = webdriver.ChromeOptions()
for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900", "--hide-scrollbars"):
    options.add_argument(argument)
options.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
kit = browser_kit.Kit(driver, seen, shots)
fail, wait_for, look = kit.fail, kit.wait_for, kit.look
try:
    # The agency clicks its link on another site's page, as in webmail.
    driver.get(config["otherSite"])
    driver.execute_script("var a = document.createElement('a'); a.href = arguments[0]; a.id = 'mailed-link'; a.textContent = 'Your return';"
                          "document.body.appendChild(a);", config["agencyLink"])
    history_before = driver.execute_script("return history.length")
    driver.find_element(By.ID, "mailed-link").click()
    wait_for(lambda d: d.current_url == base + "/agency" and "Your return for" in d.title, "the agency's page after its link")
    seen["agencyURL"] = driver.current_url
    seen["historyAdded"] = driver.execute_script("return history.length") - history_before
    cookie = next(c for c in driver.get_cookies() if "boardpack-session" in c["name"])
    seen["cookie"] = {"httpOnly": cookie["httpOnly"], "sameSite": cookie.get("sameSite"), "secure": cookie["secure"]}
    seen["agencyHeading"] = driver.find_element(By.TAG_NAME, "h1").text
    look("agency")

    # Download the return, fill it with a mistake, upload it.
    before = glob.glob(os.path.join(downloads, "*"))
    driver.find_element(By.PARTIAL_LINK_TEXT, "Download your return").click()
    blank = downloaded(".xlsx", before)
    seen["downloadedReturn"] = os.path.basename(blank)
    wrong = os.path.join(work, config["agencyFile"])
    fill_return.fill(blank, wrong, config["wrong"])
    upload(wrong)
    seen["first"] = {"headline": driver.find_element(By.TAG_NAME, "h1").text, "mustFix": texts(".problem-must li"), "toLookAt": texts(".problem-look li")}
    look("result-must-fix")

    # A corrected version.
    driver.find_element(By.LINK_TEXT, "Back to your return").click()
    right = os.path.join(work, "corrected " + config["agencyFile"])
    fill_return.fill(blank, right, config["right"])
    upload(right)
    seen["second"] = {"headline": driver.find_element(By.TAG_NAME, "h1").text, "mustFix": texts(".problem-must li"), "toLookAt": texts(".problem-look li"),
                      "status": driver.find_element(By.CSS_SELECTOR, ".panel-status strong").text}
    look("result-received")
    driver.find_element(By.PARTIAL_LINK_TEXT, "Open the receipt").click()
    wait_for(lambda d: d.current_url.endswith("/receipt"), "the receipt")
    with open(right, "rb") as f:
        sha = hashlib.sha256(f.read()).hexdigest()
    receipt = driver.find_element(By.CSS_SELECTOR, ".receipt").text
    seen["receipt"] = {"hasSHA256": sha in receipt, "reference": driver.find_element(By.CSS_SELECTOR, ".receipt dd strong").text, "text": receipt}
    look("receipt")
    driver.find_element(By.LINK_TEXT, "Back to the result").click()
    driver.find_element(By.LINK_TEXT, "Back to your return").click()
    seen["uploadsListed"] = len(driver.find_elements(By.CSS_SELECTOR, "table.table tbody tr"))
    look("agency-with-uploads")

    # The secretariat: the one-time link, the password, completeness.
    driver.get(config["setupLink"])
    wait_for(lambda d: d.current_url == base + "/secretariat/password", "the password page")
    look("password")
    for field in ("password", "confirm"):
        driver.find_element(By.ID, field).send_keys(config["password"])
    driver.find_element(By.XPATH, "//button[normalize-space()='Save the password']").click()
    wait_for(lambda d: d.current_url == base + "/secretariat", "the completeness page")
    row = driver.find_element(By.XPATH, f"//tbody/tr[th/a[normalize-space()='{config['agency']}']]")
    seen["completenessRow"] = [c.text for c in row.find_elements(By.XPATH, "./th|./td")]
    seen["completenessStates"] = texts("tbody tr td:nth-child(2)")
    look("completeness")
    driver.find_element(By.LINK_TEXT, config["agency"]).click()
    look("agency-uploads")

    # Merge and download the board pack.
    driver.find_element(By.LINK_TEXT, "Merge and download").click()
    look("merge-before")
    driver.find_element(By.XPATH, "//button[normalize-space()='Merge the returns']").click()
    wait_for(lambda d: "Merge 1," in d.page_source, "the merge")
    seen["mergeSummary"] = driver.find_element(By.CSS_SELECTOR, "pre.summary").text
    look("merge")
    before = glob.glob(os.path.join(downloads, "*"))
    driver.find_element(By.CSS_SELECTOR, "a[href$='board-pack.xlsx']").click()
    seen["boardPack"] = downloaded("board-pack.xlsx", before)
    driver.find_element(By.LINK_TEXT, "Audit log").click()
    seen["auditActions"] = sorted(set(texts("tbody tr td:nth-child(3)")))
    look("audit")

    # Signing out, and the pages as someone without a link sees them.
    driver.find_element(By.XPATH, "//button[normalize-space()='Sign out']").click()
    wait_for(lambda d: d.current_url == base + "/", "the start page after signing out")
    look("start")
    driver.get(base + "/sign-in")
    look("sign-in")
    driver.get(base + "/agency")
    seen["afterSignOut"] = driver.find_element(By.TAG_NAME, "h1").text
    look("no-link")
    driver.get(base + "/r/" + "x" * 43)
    seen["unknownLink"] = driver.find_element(By.TAG_NAME, "h1").text
    look("not-found")
finally:
    driver.quit()
print(json.dumps(seen))
