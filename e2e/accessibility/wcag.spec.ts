import { expect, test } from "@playwright/test";
import { ACCOUNTS, signIn } from "../fixtures/auth";
import { expectNoAxeViolations } from "../fixtures/axe";
import { ROLE_ACCOUNTS } from "../fixtures/roles";

// Every role's pages, checked with axe's full WCAG 2.1 A/AA rule set: the home, and the pages its
// links open (header navigation and main content), as that person would reach them.
const PAGES_PER_ROLE = 10;

test.describe("[A11Y] WCAG 2.1 A/AA on every role's pages", () => {
  test("the sign-in and verification pages", async ({ page }) => {
    for (const path of ["/login", "/verifier"]) {
      await page.goto(path);
      await expectNoAxeViolations(page, path);
    }
  });

  for (const [name, email] of ROLE_ACCOUNTS) {
    test(name, async ({ page }) => {
      test.setTimeout(120_000);
      await signIn(page, email);
      await expectNoAxeViolations(page, `${name} /`);
      const hrefs = await page
        .locator("header nav a[href^='/'], main a[href^='/']")
        .evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
      const paths = [...new Set(hrefs)]
        .filter((href) => href !== "/" && !href.startsWith("/api/") && !/\.(pdf|csv|zip)$/.test(href))
        .slice(0, PAGES_PER_ROLE);
      expect(paths.length).toBeGreaterThan(0);
      for (const path of paths) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBeLessThan(400);
        await expectNoAxeViolations(page, `${name} ${path}`);
      }
    });
  }

  test("the director's inventory, on a tablet, where its table scrolls", async ({ page }) => {
    await page.setViewportSize({ width: 820, height: 1180 });
    await signIn(page, ACCOUNTS.director);
    await page
      .getByRole("link", { name: /Groupe hospitalier Bretagne Sud/ })
      .first()
      .click();
    await page
      .getByRole("link", { name: /inventaire/i })
      .first()
      .click();
    await expect(page.getByRole("table")).toBeVisible();
    const wrapper = page.getByRole("region", { name: /Inventaire des applications/ });
    await wrapper.focus();
    await expect(wrapper).toBeFocused();
    await expectNoAxeViolations(page, "inventory on tablet");
  });
});
