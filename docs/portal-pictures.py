#!/usr/bin/env python3
"""Draws the README's pictures of the portal (see docs/make-portal-pictures): uploads each bundled
return through its agency's link in Chromium, then takes Public Health NHS Kent's page and the
secretariat's completeness page at 1280 pixels wide.

Usage: portal-pictures.py BASE-URL LINKS-JSON RETURNS-FOLDER WORK-FOLDER OUT-FOLDER
"""
import json
import os
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

base, links, returns, work, out = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]


def slug(name):
    out, dash = "", False
    for c in name.lower():
        if c.isascii() and c.isalnum():
            out, dash = out + c, False
        elif out and not dash:
            out, dash = out + "-", True
    return out.strip("-") + ".xlsx"


def picture(name, height):
    """The page at 1280 pixels wide, down to `height` pixels (or its end)."""
    whole = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1280, min(whole, height) + 140)  # the window's frame takes about 140
    driver.save_screenshot(os.path.join(out, name))
    driver.set_window_size(1280, 1000)


def path_of(url):
    return url[url.index("/", len("http://")):]


options = webdriver.ChromeOptions()
for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000", "--hide-scrollbars"):
    options.add_argument(argument)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
wait = WebDriverWait(driver, 30)
try:
    for agency in links["agencies"]:
        file = os.path.join(returns, slug(agency["agency"]))
        if not os.path.exists(file):
            continue  # the agency that sent nothing in the worked chain
        driver.delete_all_cookies()
        driver.get(base + path_of(agency["url"]))
        wait.until(lambda d: d.current_url == base + "/agency")
        driver.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(os.path.abspath(file))
        driver.find_element(By.XPATH, "//button[normalize-space()='Upload']").click()
        wait.until(lambda d: "/agency/uploads/" in d.current_url)
        if agency["agency"] == "Public Health NHS Kent":
            driver.find_element(By.LINK_TEXT, "Back to your return").click()
            wait.until(lambda d: d.current_url == base + "/agency")
            picture("portal-agency.png", 1000)
    driver.delete_all_cookies()
    driver.get(base + path_of(links["secretariat"]))
    wait.until(lambda d: d.current_url == base + "/secretariat/password")
    for field in ("password", "confirm"):
        driver.find_element(By.ID, field).send_keys("a picture of the portal")
    driver.find_element(By.XPATH, "//button[normalize-space()='Save the password']").click()
    wait.until(lambda d: d.current_url == base + "/secretariat")
    picture("portal-completeness.png", 1280)
finally:
    driver.quit()
print(f"wrote {out}/portal-agency.png and {out}/portal-completeness.png")
