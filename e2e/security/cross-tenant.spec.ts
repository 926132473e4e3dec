import { expect, type Page, test } from "@playwright/test";
import { ACCOUNTS, leaveAccount, signIn } from "../fixtures/auth";

// Ids are read from the pages of someone who may see them, then tried by someone who may not.
async function bretagneIds(page: Page) {
  await signIn(page, ACCOUNTS.delegate);
  const regionHref = await page.getByRole("link", { name: "Vue régionale" }).getAttribute("href");
  const ghbsHref = await page
    .getByRole("link", { name: "Groupe hospitalier Bretagne Sud (GHBS)" })
    .getAttribute("href");
  const ghtHref = await page.getByRole("link", { name: "GHT d'Armor" }).first().getAttribute("href");
  await leaveAccount(page);
  return { regionHref: regionHref!, ghbsHref: ghbsHref!, ghtHref: ghtHref! };
}

test.describe("[SECURITY] another tenant's pages answer 404", () => {
  test("the Pays de la Loire delegate gets 404 on every Bretagne page", async ({ page }) => {
    const ids = await bretagneIds(page);
    await signIn(page, ACCOUNTS.otherDelegate);
    for (const href of [ids.regionHref, ids.ghbsHref, ids.ghtHref]) {
      const response = await page.goto(href);
      expect(response?.status(), href).toBe(404);
      await expect(page.getByText("Page introuvable")).toBeVisible();
      await expect(page.locator("body")).not.toContainText("Bretagne Sud");
    }
  });

  test("another establishment's director gets 404 on GHBS, the region and the GHT", async ({ page }) => {
    const ids = await bretagneIds(page);
    await signIn(page, ACCOUNTS.otherDirector);
    for (const href of [ids.ghbsHref, ids.regionHref, ids.ghtHref]) {
      const response = await page.goto(href);
      expect(response?.status(), href).toBe(404);
    }
  });

  test("the GHT coordinator sees its GHT but not another one", async ({ page }) => {
    const ids = await bretagneIds(page);
    await signIn(page, ACCOUNTS.coordinator);
    expect((await page.goto(ids.ghtHref))?.status()).toBe(404);
    expect((await page.goto(ids.ghbsHref))?.status()).toBe(404);
    await page.goto("/");
    await page.getByRole("link", { name: "Vue du GHT" }).click();
    await expect(page.getByRole("heading", { name: "GHT Union Hospitalière de Cornouaille" })).toBeVisible();
  });

  test("a made-up id is a 404, not a 500", async ({ page }) => {
    await signIn(page, ACCOUNTS.delegate);
    for (const href of ["/establishments/nope", "/region/%00", "/ght/' OR 1=1 --"]) {
      expect((await page.goto(href))?.status(), href).toBe(404);
    }
  });
});
