import { expect, type Page, test } from "@playwright/test";
import { signIn } from "../fixtures/auth";
import { ROLE_ACCOUNTS } from "../fixtures/roles";

// Kept as artifacts (test-results/screenshots) so that a person can look at each home page.
const HOMES = [["login", null], ...ROLE_ACCOUNTS] as const;

/**
 * The header's role line ("Direction d'établissement · Groupe hospitalier Bretagne Sud (GHBS)") is
 * shown whole, and keeps clear of every navigation link (it once ran under "Mon établissement").
 */
async function expectRoomyHeader(page: Page) {
  const role = page.locator(".header-user-role");
  await expect(role).toBeVisible();
  expect(await role.evaluate((e) => e.scrollWidth - e.clientWidth), "role line cut").toBeLessThanOrEqual(0);
  const box = (await role.boundingBox())!;
  for (const link of await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link").all()) {
    const other = (await link.boundingBox())!;
    const apart =
      box.x + box.width <= other.x ||
      other.x + other.width <= box.x ||
      box.y + box.height + 4 <= other.y ||
      other.y + other.height + 4 <= box.y;
    expect(apart, `role line against "${await link.innerText()}"`).toBe(true);
  }
}

test.describe("[HOME] screenshots of each home", () => {
  for (const [name, email] of HOMES) {
    for (const [device, viewport] of [
      ["desktop", { width: 1280, height: 720 }],
      ["tablet", { width: 768, height: 1024 }],
      ["phone", { width: 390, height: 844 }],
    ] as const) {
      test(`${name} on ${device}`, async ({ page }) => {
        await page.setViewportSize(viewport);
        if (email) await signIn(page, email);
        else await page.goto("/login");
        await expect(page.locator("main")).toBeVisible();
        // Nothing may overflow the viewport horizontally (cramped tablet layouts show up here).
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        if (email) await expectRoomyHeader(page);
        await page.screenshot({ path: `test-results/screenshots/home-${name}-${device}.png`, fullPage: true });
      });
    }
  }
});
