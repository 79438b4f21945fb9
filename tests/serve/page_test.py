#!/usr/bin/env python3
"""The serve page in headless Chromium through Selenium: open it, choose a DOCX, press 检查 and
see the finding in the report; the English page; no sideways scrolling on a narrow screen.

usage: page_test.py URL DOCX EXPECTED_TEXT [SCREENSHOT.png]
Prints OK and exits 0, or prints what failed and exits 1. Every wait is bounded."""
import shutil
import sys
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


def browser(profile_dir, width, height):
    opts = Options()
    for f in FLAGS:
        opts.add_argument(f)
    opts.add_argument("--user-data-dir=" + profile_dir)
    opts.add_argument("--window-size=%d,%d" % (width, height))
    opts.binary_location = shutil.which("chromium") or shutil.which("chromium-browser")
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=opts)


def fail(message):
    print(message)
    sys.exit(1)


def main():
    url, docx, expected = sys.argv[1], sys.argv[2], sys.argv[3]
    screenshot = sys.argv[4] if len(sys.argv) > 4 else ""
    profile_dir = tempfile.mkdtemp(prefix="bidfmt-serve-chromium-")
    driver = None
    try:
        driver = browser(profile_dir, 1100, 1500)
        driver.set_page_load_timeout(60)
        driver.get(url)
        check = driver.find_element(By.ID, "check-button")
        if check.text != "检查":
            fail("the check button says %r, not 检查" % check.text)
        # The profiles arrive from /api/profiles.
        WebDriverWait(driver, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#profile option"))
        driver.find_element(By.ID, "project").send_keys("测试项目工程")
        driver.find_element(By.ID, "docx-files").send_keys(docx)
        check.click()
        WebDriverWait(driver, 180).until(
            lambda d: d.find_elements(By.CSS_SELECTOR, "#results iframe.report")
            or d.find_element(By.CSS_SELECTOR, "#results .status").text.startswith("失败"))
        status = driver.find_element(By.CSS_SELECTOR, "#results .status").text
        frames = driver.find_elements(By.CSS_SELECTOR, "#results iframe.report")
        if not frames:
            fail("no report; the page says: " + status)
        if "处格式问题" not in status:
            fail("the status line does not count the findings: " + status)
        for label in ("下载修复版", "下载批注版", "修改记录"):
            if not [b for b in driver.find_elements(By.CSS_SELECTOR, "#results .buttons button") if b.text == label]:
                fail("no %s button" % label)
        # Each download asks the server (fix, check with annotate, fix with log) and says so.
        for label in ("下载修复版", "下载批注版", "修改记录"):
            [b for b in driver.find_elements(By.CSS_SELECTOR, "#results .buttons button") if b.text == label][0].click()
            WebDriverWait(driver, 120).until(
                lambda d: d.find_elements(By.CSS_SELECTOR, "#results .result > p.status")[-1].text.startswith(("已下载", "失败")))
            note = driver.find_elements(By.CSS_SELECTOR, "#results .result > p.status")[-1].text
            if not note.startswith("已下载"):
                fail("%s: %s" % (label, note))
        driver.switch_to.frame(frames[0])
        WebDriverWait(driver, 30).until(lambda d: expected in d.page_source)
        driver.switch_to.default_content()
        if screenshot:
            driver.execute_script("window.scrollTo(0, 0)")
            driver.save_screenshot(screenshot)

        driver.get(url + "?lang=en")
        if driver.find_element(By.ID, "check-button").text != "Check":
            fail("the English page's button says %r" % driver.find_element(By.ID, "check-button").text)
        driver.quit()

        # A phone: the page fits its width.
        driver = browser(profile_dir, 390, 844)
        driver.get(url)
        wide = driver.execute_script("return document.documentElement.scrollWidth")
        view = driver.execute_script("return window.innerWidth")
        if wide > view:
            fail("on a 390 px screen the page is %d px wide" % wide)
        print("OK")
    finally:
        if driver:
            driver.quit()
        shutil.rmtree(profile_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
