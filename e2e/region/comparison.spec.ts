import { expect, type Page, test } from "@playwright/test";
import { ACCOUNTS, signIn, leaveAccount } from "../fixtures/auth";
import { expectNoAxeViolations } from "../fixtures/axe";

// The regional comparison as a delegate uses it in a meeting, and its boundaries. Every page is
// checked with axe's full WCAG 2.1 A/AA rule set (any violation fails, whatever its impact).

const SHOTS = "test-results/region";
const PROJECTOR = { width: 1280, height: 720 };
const TABLET = { width: 768, height: 1024 };

/** Nothing widens the page: wide tables and the heatmap scroll inside their own regions. */
async function expectNoPageOverflow(page: Page, label: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${label} scrolls sideways`).toBeLessThanOrEqual(0);
}

async function openHopen2026(page: Page) {
  await page
    .getByRole("link", { name: /HOP'EN — prérequis 2021/ })
    .first()
    .click();
  // The first reading of a campaign freezes the results submitted before (lib/region/results.ts).
  await page.waitForURL(/\/campaigns\//, { timeout: 60_000 });
  await expect(page.getByRole("heading", { level: 1 })).toContainText("HOP'EN — prérequis 2021", {
    timeout: 30_000,
  });
}

test.describe("[REGION] the delegate's campaign view", () => {
  test("the Bretagne delegate filters to Finistère and walks the heatmap with the keyboard", async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 1280, height: 720 });
    await signIn(page, ACCOUNTS.delegate);
    await openHopen2026(page);
    await expect(page.getByText(/données au/)).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/delegate-region-1280.png` });
    await page.screenshot({ path: `${SHOTS}/delegate-region-1280-full.png`, fullPage: true });

    await page.getByLabel("Département").selectOption("29");
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect(page).toHaveURL(/departement=29/);
    const coverage = page.locator("section", { has: page.getByRole("heading", { name: /Couverture/ }) });
    await expect(coverage.locator(".stat").first()).toContainText("/ 10");
    // Fewer than 10 shared results in Finistère: the medians say why they are hidden.
    await expect(page.getByText(/moins de 10 établissements/).first()).toBeVisible();

    await page.getByRole("link", { name: "Carte des exigences" }).click();
    const grid = page.getByRole("grid", { name: /Statut de chaque exigence/ });
    await expect(grid).toBeVisible();
    await expect(grid.getByRole("rowheader", { name: "CHU de Brest" })).toBeVisible();
    await expect(grid.getByRole("rowheader", { name: "CH de Saint-Brieuc" })).toHaveCount(0);
    const first = grid.locator('[data-row="0"][data-col="0"]');
    await first.focus();
    await page.keyboard.press("ArrowRight");
    await expect(grid.locator('[data-row="0"][data-col="1"]')).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(grid.locator('[data-row="1"][data-col="1"]')).toBeFocused();
    await page.keyboard.press("End");
    await expect(grid.locator('[data-row="1"][tabindex="0"]')).toBeFocused();
    // One tab stop in the whole grid (roving tabindex).
    await expect(grid.locator('[tabindex="0"]')).toHaveCount(1);
    // Readable without colour: every cell has a symbol and a word.
    await expect(grid.locator("td.heat").first().locator(".heat-short")).not.toBeEmpty();
    await grid.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/delegate-finistere-heatmap-1280.png` });
    await expectNoAxeViolations(page, page.url());

    await page.setViewportSize({ width: 820, height: 1180 });
    await page.goto(page.url().split("#")[0]!);
    await page.screenshot({ path: `${SHOTS}/delegate-finistere-tablet.png` });
    await page.screenshot({ path: `${SHOTS}/delegate-finistere-tablet-full.png`, fullPage: true });
  });

  test("at a projector and on a tablet: every section fits, the heatmap scrolls in its own region", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(PROJECTOR);
    await signIn(page, ACCOUNTS.delegate);
    await openHopen2026(page);
    const url = page.url();
    const sections = ["coverage", "distribution", "gaps", "movement", "members", "heatmap", "compare"];
    for (const [device, viewport] of [
      ["1280", PROJECTOR],
      ["tablet", TABLET],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.goto(url);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoPageOverflow(page, `region ${device}`);
      await page.screenshot({ path: `${SHOTS}/region-${device}.png` });
      for (const id of sections) {
        await page.locator(`#${id}-title`).evaluate((e) => e.scrollIntoView({ block: "start" }));
        await page.screenshot({ path: `${SHOTS}/region-${device}-${id}.png` });
      }
      // The heatmap is wider than the screen: it scrolls inside a region the keyboard can reach.
      const heatmap = page.getByRole("region", { name: /Statut de chaque exigence.*zone défilante/ });
      expect(await heatmap.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
      await heatmap.focus();
      await expect(heatmap).toBeFocused();
      await expectNoAxeViolations(page, `region ${device}`);
    }
    // The GHT's consolidated view, reached from the region.
    await page.locator(".compare-card a").first().click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("GHT");
    for (const [device, viewport] of [
      ["1280", PROJECTOR],
      ["tablet", TABLET],
    ] as const) {
      await page.setViewportSize(viewport);
      await expectNoPageOverflow(page, `GHT ${device}`);
      await page.screenshot({ path: `${SHOTS}/ght-${device}.png`, fullPage: true });
      await expectNoAxeViolations(page, `GHT ${device}`);
    }
  });

  test("a small category shows the marker and its reason", async ({ page }) => {
    await signIn(page, ACCOUNTS.delegate);
    await openHopen2026(page);
    await page.getByLabel("Catégorie").selectOption("EPSM");
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect(page.getByText(/moins de 5 établissements/).first()).toBeVisible();
    await expect(page.getByText(/Effectifs et parts : affichés à partir de 5 établissements/)).toBeVisible();
  });

  test("the GHT coordinator has the GHT's view, and nothing of the region or another GHT", async ({ page }) => {
    test.setTimeout(120_000); // three accounts, each view computed on first open
    await signIn(page, ACCOUNTS.delegate);
    await openHopen2026(page);
    const regionUrl = page.url();
    const armorUrl = await page
      .locator(".compare-card a", { hasText: "GHT d'Armor" })
      .first()
      .getAttribute("href", { timeout: 10_000 })
      .catch(() => null);
    await leaveAccount(page);

    await signIn(page, ACCOUNTS.coordinator);
    await openHopen2026(page);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Union Hospitalière de Cornouaille");
    await expect(page.getByRole("rowheader", { name: "CHU de Brest" })).toHaveCount(0);
    await expectNoAxeViolations(page, page.url());
    await page.screenshot({ path: `${SHOTS}/coordinator-ght-1280.png`, fullPage: true });
    for (const href of [regionUrl, armorUrl].filter((h): h is string => Boolean(h))) {
      const response = await page.goto(href);
      expect(response?.status(), href).toBe(404);
    }
    await leaveAccount(page);

    await signIn(page, ACCOUNTS.otherDelegate);
    expect((await page.goto(regionUrl))?.status()).toBe(404);
    await expect(page.locator("body")).not.toContainText("CHU de Brest");
  });
});

// Every establishment name of the demo other than GHBS: none may appear on a GHBS director's page.
const OTHERS = [
  "CHU de Rennes",
  "CHU de Brest",
  "Saint-Brieuc",
  "Guingamp",
  "Lannion",
  "Paimpol",
  "Tréguier",
  "Cornouaille",
  "Douarnenez",
  "EPSM du Finistère Sud",
  "Pont-l'Abbé",
  "Saint-Yvi",
  "Aven",
  "Vannes",
  "Saint-Malo",
  "Nantes",
  "CH du Mans",
  "Morlaix",
  "Landerneau",
  "Monts d'Arrée",
  "Lesneven",
  "Fougères",
  "Vitré",
  "Redon",
  "Pontivy",
  "Ploërmel",
  "EPSM du Morbihan",
];

test.describe("[REGION] a director sees peers only as bands", () => {
  test("no page a GHBS director can reach carries another establishment's name", async ({ page }) => {
    test.setTimeout(180_000);
    await signIn(page, ACCOUNTS.director);
    const origin = new URL(page.url()).origin;
    const seen = new Set<string>();
    const queue = ["/"];
    while (queue.length > 0 && seen.size < 80) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const response = await page.goto(path);
      expect(response?.status(), path).toBeLessThan(400);
      const text = await page.locator("body").innerText();
      for (const name of OTHERS) expect(text, `${path} names ${name}`).not.toContain(name);
      const hrefs = await page.locator("a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
      for (const href of hrefs) {
        const url = new URL(href, origin);
        if (url.origin !== origin || url.pathname.startsWith("/api") || url.pathname === "/login") continue;
        const next = url.pathname + url.search;
        if (!seen.has(next)) queue.push(next);
      }
    }
    // The crawl reached the comparison parts of a director: the sharing preview and the peer bands.
    expect([...seen].some((p) => p.endsWith("/sharing"))).toBe(true);
    expect([...seen].some((p) => p.includes("/results"))).toBe(true);
  });

  test("the sharing preview and the peer bands, as the director sees them", async ({ page }) => {
    await page.setViewportSize(PROJECTOR);
    await signIn(page, ACCOUNTS.director);
    await page.getByRole("link", { name: "Groupe hospitalier Bretagne Sud (GHBS)" }).first().click();
    await page.getByRole("link", { name: "HOP'EN — prérequis 2020" }).click();
    await expect(page).toHaveURL(/assessments\/[^/]+$/);
    const base = page.url();
    await page.goto(`${base}/results`);
    await expect(page.getByRole("heading", { name: "Position parmi des établissements comparables" })).toBeVisible();
    await expect(page.getByText(/n = \d+ évaluations soumises/)).toBeVisible();
    await page.locator("#peers-title").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/director-peers-1280.png` });
    await expectNoAxeViolations(page, page.url());
    await page.goto(`${base}/sharing`);
    await expect(page.locator("[data-preview=detail]")).toBeVisible();
    await expect(page.locator("[data-preview=participation]")).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/director-sharing-1280.png`, fullPage: true });
    await expectNoAxeViolations(page, page.url());

    await page.setViewportSize(TABLET);
    await expectNoPageOverflow(page, "sharing on a tablet");
    await page.screenshot({ path: `${SHOTS}/director-sharing-tablet.png`, fullPage: true });
    await page.goto(`${base}/results`);
    await page.locator("#peers-title").scrollIntoViewIfNeeded();
    await expectNoPageOverflow(page, "results on a tablet");
    await page.screenshot({ path: `${SHOTS}/director-peers-tablet.png` });
    await expectNoAxeViolations(page, page.url());
  });
});
