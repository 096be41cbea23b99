#!/usr/bin/env python3
"""The secretariat's reminders in a real browser (Debian's chromium and chromedriver, selenium):
it chooses its password through the one-time link, opens the Reminders page, edits one agency's
text, ticks "do not send" for another, sends, and reads the mail log. The Dates and Contacts
pages are opened too. Every page is checked with axe-core.

Usage: reminders_browser.py 'JSON config'
  {"base": URL, "setupLink": URL, "password": "...", "edit": AGENCY_ID, "addition": TEXT,
   "skip": AGENCY_ID, "screenshots": DIR or null}
Prints one JSON object: what each step saw. Exits 1 with a message when a step fails.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import browser_kit  # noqa: E402
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

config = json.loads(sys.argv[1])
base = config["base"]
shots = config.get("screenshots")
seen = {"pages": [], "axe": []}


options = webdriver.ChromeOptions()
for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"):
    options.add_argument(argument)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
kit = browser_kit.Kit(driver, seen, shots)
fail, wait_for, look = kit.fail, kit.wait_for, kit.look
try:
    driver.get(config["setupLink"])
    wait_for(lambda d: d.current_url.endswith("/secretariat/password"), "the password page")
    driver.find_element(By.ID, "password").send_keys(config["password"])
    driver.find_element(By.ID, "confirm").send_keys(config["password"])
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    wait_for(lambda d: d.current_url.rstrip("/").endswith("/secretariat"), "the completeness page")

    driver.get(base + "/secretariat/dates")
    look("dates")
    driver.get(base + "/secretariat/contacts")
    look("contacts")

    driver.find_element(By.LINK_TEXT, "Reminders").click()
    wait_for(lambda d: d.current_url.endswith("/secretariat/reminders"), "the reminders page")
    look("reminders")
    seen["heading"] = driver.find_element(By.CSS_SELECTOR, "p.lead").text
    seen["agencies"] = [h.text for h in driver.find_elements(By.CSS_SELECTOR, "section.message h2")]
    box = driver.find_element(By.ID, "body-" + config["edit"])
    seen["before"] = box.get_attribute("value")
    box.send_keys("\n" + config["addition"])
    driver.find_element(By.ID, "skip-" + config["skip"]).click()
    driver.find_element(By.XPATH, "//button[normalize-space()='Send the reminders']").click()
    wait_for(lambda d: d.current_url.endswith("/secretariat/mail"), "the mail log after sending")
    look("mail-log")
    seen["log"] = [[cell.text for cell in row.find_elements(By.CSS_SELECTOR, "th, td")] for row in driver.find_elements(By.CSS_SELECTOR, "tbody tr")]

    driver.get(base + "/secretariat/reminders")
    seen["afterHeading"] = driver.find_element(By.CSS_SELECTOR, "p.lead").text
    seen["afterSections"] = len(driver.find_elements(By.CSS_SELECTOR, "section.message"))
    print(json.dumps(seen))
finally:
    driver.quit()
