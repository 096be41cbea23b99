#!/usr/bin/env python3
"""The return filled in on the web form, in a real browser (Debian's chromium and chromedriver,
selenium): an agency opens its link, chooses "Fill in online", leaves a Red without an update and
types a date into a percentage measure, sends, and sees both problems at the top (each a link to
its field) and beside their fields, with what it typed still there; saves a draft; opens its
link again in a new browser session and finds the draft; corrects and sends; downloads the
filled return workbook. Then the secretariat's completeness page. On the way: axe-core on every
page (and once with a label removed, which it must catch), the form by keyboard alone, at 320
pixels wide and at 200% zoom.

Usage: form_browser.py 'JSON config'
  {"base": URL, "agencyLink": URL, "agency": "Kent Probation", "setupLink": URL, "password": "...",
   "work": DIR, "screenshots": DIR or null,
   "goals": ["EE-3", ...], "measures": ["ACC-M1", ...], "wrongMeasure": "ACC-M1", "redGoal": "EE-3"}
Prints one JSON object: what each step saw. Exits 1 with a message when a step fails.
"""
import glob
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import browser_support as support  # noqa: E402

from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

config, base, work, downloads, shots = support.settings(sys.argv)
seen = {"pages": [], "axe": []}
driver = None


def fail(message):
    support.fail(seen, message)


def wait_for(test, what, timeout=30):
    return support.wait_for(driver, seen, test, what, timeout)


def axe_violations():
    return support.axe_violations(driver)


def look(name):
    """The page recorded and checked; when asked, its screenshots (and what a phone shows first)."""
    support.look(driver, seen, shots, name, prefix="form-", most=9000, top=True)


def start_browser():
    return support.chrome(downloads)


def open_link():
    driver.get(config["agencyLink"])
    wait_for(lambda d: d.current_url == base + "/agency" and "Your return for" in d.title, "the agency's page after its link")


def field(element_id):
    return driver.find_element(By.ID, element_id)


def goal_index(goal):
    return config["goals"].index(goal)


def measure_index(measure):
    return config["measures"].index(measure)


def status_radio(goal, name):
    return driver.find_element(By.XPATH, f"//input[@type='radio'][@name='goal.{goal}.status'][@value='{name}']")


def typed_values():
    """Every text field's value and the checked radios, by id."""
    values = {e.get_attribute("id"): e.get_attribute("value") for e in driver.find_elements(By.CSS_SELECTOR, "form#answers textarea, form#answers input[type=text]")}
    values.update({e.get_attribute("name"): e.get_attribute("value") for e in driver.find_elements(By.CSS_SELECTOR, "form#answers input[type=radio]:checked")})
    return values


def press(label):
    driver.find_element(By.XPATH, f"//button[normalize-space()='{label}']").click()


def no_sideways_scroll():
    return driver.execute_script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth")


try:
    driver = start_browser()
    goals, measures = config["goals"], config["measures"]
    red, wrong = config["redGoal"], config["wrongMeasure"]

    # The agency's page offers the form beside the upload.
    open_link()
    look("agency")
    driver.find_element(By.LINK_TEXT, "Fill in online").click()
    wait_for(lambda d: d.current_url == base + "/agency/form", "the form")
    seen["legends"] = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "fieldset.choices legend")]
    seen["statusChoices"] = [e.text for e in driver.find_elements(By.CSS_SELECTOR, f"fieldset.choices")[0].find_elements(By.CSS_SELECTOR, ".radio label")]
    seen["swatches"] = [e.get_attribute("class") for e in driver.find_elements(By.CSS_SELECTOR, "fieldset.choices")[0].find_elements(By.CSS_SELECTOR, ".swatch")]
    seen["earlierShown"] = "Earlier figures" in driver.find_element(By.CSS_SELECTOR, ".measure-block").text
    look("form-empty")

    # The first go: a Red without an update, a date in a percentage, the rest right.
    for goal in goals:
        i = goal_index(goal)
        status_radio(goal, "Red" if goal == red else "Green").click()
        if goal != red:
            field(f"g{i}-update").send_keys(f"Work on {goal} went as planned.\nA second paragraph for {goal}.")
    for measure in measures:
        field(f"m{measure_index(measure)}-value").send_keys("12/07/2013" if measure == wrong else "55%")
        field(f"m{measure_index(measure)}-note").send_keys(f"Note on {measure}")
    field("completed-by").send_keys("Rob Jacques")
    field("date-completed").send_keys("08/07/2013")
    before = typed_values()
    press("Send your return")
    wait_for(lambda d: len(d.find_elements(By.ID, "error-summary")) == 1, "the error summary")
    summary = driver.find_element(By.ID, "error-summary")
    seen["errorTitle"] = summary.find_element(By.TAG_NAME, "h2").text
    links = summary.find_elements(By.CSS_SELECTOR, "a")
    seen["errorLinks"] = [{"text": a.text, "href": a.get_attribute("href").split("#", 1)[1]} for a in links]
    # Each link goes to its field: the field exists, is described by its error, and gets the focus.
    seen["linked"] = []
    for a in seen["errorLinks"]:
        target = field(a["href"])
        described = (target.get_attribute("aria-describedby") or "").split()
        if target.get_attribute("type") == "radio":
            described = (driver.execute_script("return arguments[0].closest('fieldset').getAttribute('aria-describedby')", target) or "").split()
        messages = [driver.find_element(By.ID, d).text for d in described if "error" in d]
        driver.find_element(By.CSS_SELECTOR, f"#error-summary a[href='#{a['href']}']").click()
        focused = driver.execute_script("return document.activeElement.id")
        seen["linked"].append({"field": a["href"], "focused": focused, "besideField": messages})
    seen["keptAfterErrors"] = typed_values() == before
    seen["keptDiff"] = {k: [before.get(k), v] for k, v in typed_values().items() if before.get(k) != v}
    look("form-errors")
    if shots:  # the pictures docs/portal.md shows: the summary and the first field with its error
        driver.set_window_size(1280, 1500)
        driver.execute_script("window.scrollTo(0, 0)")
        driver.save_screenshot(os.path.join(shots, "portal-form.png"))
        driver.set_window_size(375, 812)
        driver.execute_script("document.getElementById('g0-update').closest('.field').scrollIntoView()")
        driver.execute_script("window.scrollBy(0, -260)")
        driver.save_screenshot(os.path.join(shots, "portal-form-phone.png"))
        driver.set_window_size(1280, 900)

    # A label taken away: axe must see it (the check above would then fail).
    driver.execute_script("document.querySelector('label[for=g0-update]').remove()")
    seen["withoutLabel"] = [v["id"] for v in axe_violations()]
    # The post that was refused kept a draft: the form opened again holds what was typed.
    driver.get(base + "/agency/form")
    wait_for(lambda d: len(d.find_elements(By.ID, "answers")) == 1, "the form again")
    seen["keptAsDraftOnPost"] = typed_values() == before

    # Save a draft, without fixing anything yet.
    press("Save and come back later")
    wait_for(lambda d: "Your draft was saved" in d.page_source, "the saved draft's notice")
    seen["savedNotice"] = driver.find_element(By.CSS_SELECTOR, ".panel[role=status]").text
    driver.quit()

    # A new browser session: the link again, the draft waiting, the typed text in its fields.
    driver = start_browser()
    open_link()
    seen["agencyMentionsDraft"] = "Your draft" in driver.find_element(By.TAG_NAME, "main").text
    driver.find_element(By.LINK_TEXT, "Fill in online").click()
    wait_for(lambda d: d.current_url == base + "/agency/form", "the form in the new session")
    seen["draftFound"] = typed_values() == before
    seen["draftDiff"] = {k: [before.get(k), v] for k, v in typed_values().items() if before.get(k) != v}
    seen["startedFrom"] = driver.find_element(By.CSS_SELECTOR, "main").text.count("your draft")

    # Keyboard only: every field is reached by Tab, in order, and a choice is made by keys.
    driver.execute_script("window.scrollTo(0, 0); document.activeElement.blur()")
    reached = []
    for _ in range(200):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        element = driver.switch_to.active_element
        reached.append(element.get_attribute("id") or element.text or element.tag_name)
        if element.text == "Save and come back later":
            break
    wanted = [f"g{i}-update" for i in range(len(goals))] + [f"m{i}-value" for i in range(len(measures))] + [f"m{i}-note" for i in range(len(measures))] + ["completed-by", "date-completed"]
    seen["keyboardReached"] = [w for w in wanted if w in reached]
    seen["keyboardWanted"] = wanted
    seen["keyboardRadioGroups"] = len([r for r in reached if "-status-" in r])
    seen["keyboardButtons"] = [r for r in reached if r in ("Send your return", "Save and come back later")]
    # A focused control shows it: the focus style is not the browser's default nothing.
    field("g0-update").send_keys("")
    seen["focusVisible"] = driver.execute_script("var s = getComputedStyle(document.activeElement); return s.outlineStyle !== 'none' && s.outlineWidth !== '0px'")
    # Choose Amber for the Red goal with the arrow keys, from its checked radio.
    status_radio(red, "Red").send_keys(Keys.ARROW_RIGHT)
    seen["arrowChose"] = driver.switch_to.active_element.get_attribute("value")
    status_radio(red, "Red").send_keys(Keys.SPACE)  # back to Red, by keyboard
    seen["spaceChose"] = status_radio(red, "Red").is_selected()

    # Narrow and zoomed: nothing runs off the side.
    driver.set_window_size(320, 900)
    seen["at320"] = no_sideways_scroll()
    driver.set_window_size(1280, 900)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 640, "height": 450, "deviceScaleFactor": 2, "mobile": False})
    seen["at200"] = no_sideways_scroll()
    seen["widthAt200"] = driver.execute_script("return window.innerWidth")
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    look("form-draft")

    # Correct the two fields and send.
    i = goal_index(red)
    field(f"g{i}-update").send_keys("Behind plan: the new contract starts in September.")
    value = field(f"m{measure_index(wrong)}-value")
    value.clear()
    value.send_keys("57%")
    press("Send your return")
    wait_for(lambda d: "/agency/uploads/" in d.current_url, "the result page")
    seen["result"] = {"headline": driver.find_element(By.TAG_NAME, "h1").text,
                      "status": driver.find_element(By.CSS_SELECTOR, ".panel-status strong").text,
                      "mustFix": [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".problem-must li")],
                      "toLookAt": [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".problem-look li")]}
    look("form-result")
    before_files = glob.glob(os.path.join(downloads, "*"))
    driver.find_element(By.PARTIAL_LINK_TEXT, "filled return").click()

    def done(_):
        files = [f for f in glob.glob(os.path.join(downloads, "*.xlsx")) if f not in before_files]
        return files[0] if files and not glob.glob(os.path.join(downloads, "*.crdownload")) else False
    seen["filled"] = wait_for(done, "the filled return's download")
    driver.find_element(By.PARTIAL_LINK_TEXT, "Open the receipt").click()
    wait_for(lambda d: d.current_url.endswith("/receipt"), "the receipt")
    seen["receipt"] = driver.find_element(By.CSS_SELECTOR, ".receipt").text
    look("form-receipt")
    driver.get(base + "/agency")
    look("agency-after-form")
    driver.quit()

    # The secretariat: completeness says how the answers came.
    driver = start_browser()
    driver.get(config["setupLink"])
    wait_for(lambda d: d.current_url == base + "/secretariat/password", "the password page")
    for name in ("password", "confirm"):
        field(name).send_keys(config["password"])
    press("Save the password")
    wait_for(lambda d: d.current_url == base + "/secretariat", "the completeness page")
    row = driver.find_element(By.XPATH, f"//tbody/tr[th/a[normalize-space()='{config['agency']}']]")
    seen["completenessRow"] = [c.text for c in row.find_elements(By.XPATH, "./th|./td")]
    seen["completenessHeaders"] = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "thead th")]
    look("completeness")
finally:
    if driver is not None:
        driver.quit()
print(json.dumps(seen))
