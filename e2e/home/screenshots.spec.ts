import { expect, test } from "@playwright/test";
import { signIn } from "../fixtures/auth";
import { ROLE_ACCOUNTS } from "../fixtures/roles";

// Kept as artifacts (test-results/screenshots) so that a person can look at each home page.
const HOMES = [["login", null], ...ROLE_ACCOUNTS] as const;

test.describe("[HOME] screenshots of each home", () => {
  for (const [name, email] of HOMES) {
    for (const [device, viewport] of [
      ["desktop", { width: 1280, height: 800 }],
      ["tablet", { width: 820, height: 1180 }],
    ] as const) {
      test(`${name} on ${device}`, async ({ page }) => {
        await page.setViewportSize(viewport);
        if (email) await signIn(page, email);
        else await page.goto("/login");
        await expect(page.locator("main")).toBeVisible();
        // Nothing may overflow the viewport horizontally (cramped tablet layouts show up here).
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await page.screenshot({ path: `test-results/screenshots/home-${name}-${device}.png`, fullPage: true });
      });
    }
  }
});
