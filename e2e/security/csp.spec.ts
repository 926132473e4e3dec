import { expect, type Page, test } from "@playwright/test";
import { signIn } from "../fixtures/auth";
import { ROLE_ACCOUNTS } from "../fixtures/roles";

// Every page type of every role under the strict Content-Security-Policy: the pages are found by
// following the links each role sees (home → questionnaire → section, results, actions,
// inventory, history, region, GHT, ARS, admin screens…), and any CSP violation the browser
// reports (securitypolicyviolation event or console message) fails the test.

/** "/establishments/ck…/assessments/ck…" → "/establishments/:id/assessments/:id": one visit per page type. */
const pageType = (path: string) =>
  path
    .split("?")[0]!
    .split("/")
    .map((part) => (/^[a-z0-9]{20,}$/i.test(part) || /^\d+$/.test(part) ? ":id" : part))
    .join("/");

async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const w = window as unknown as { __csp?: string[] };
      (w.__csp ??= []).push(
        `${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply)/i.test(message.text()))
      violations.push(message.text());
  });
  return violations;
}

async function expectCleanPage(page: Page, path: string, violations: string[]): Promise<number> {
  const response = await page.goto(path);
  // A link may lead to a page this role may not open (its 404 page is checked all the same).
  expect(response?.status(), path).toBeLessThan(500);
  if (response?.status() === 404) test.info().annotations.push({ type: "404 behind a link", description: path });
  const csp = response?.headers()["content-security-policy"] ?? "";
  expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  await page.waitForLoadState("networkidle");
  // Every script of the server's HTML carries this response's nonce (those Next adds later load
  // through 'strict-dynamic'); any script refused would show up as a violation below.
  const nonce = /'nonce-([^']+)'/.exec(csp)![1];
  const tags = (await response!.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length, path).toBeGreaterThan(0);
  expect(
    tags.filter((tag) => !tag.includes(`nonce="${nonce}"`)),
    `${path}: scripts without the nonce`,
  ).toEqual([]);
  const reported = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
  expect([...reported, ...violations], `CSP violations on ${path}`).toEqual([]);
  return response!.status();
}

async function sameOriginLinks(page: Page): Promise<string[]> {
  const hrefs = await page.evaluate(() =>
    [...document.querySelectorAll("a[href]")].map((a) => (a as HTMLAnchorElement).href),
  );
  const origin = new URL(page.url()).origin;
  return hrefs
    .filter((href) => href.startsWith(origin))
    .map((href) => href.slice(origin.length).split("#")[0]!)
    .filter((path) => path && !path.startsWith("/api/") && !path.startsWith("/login"));
}

test.describe("[SECURITY] strict CSP on every page type", () => {
  test("public pages: sign-in, verifier (and its answer page)", async ({ page }) => {
    const violations = await watchCsp(page);
    for (const path of ["/login", "/verifier", "/verifier/ABCD-EFGH-JKMN"])
      await expectCleanPage(page, path, violations);
    // The client's own X-Forwarded-Proto is not believed (TRUSTED_PROXIES=0): no HSTS on plain HTTP.
    const forged = await page.request.get("/login", { headers: { "x-forwarded-proto": "https" } });
    expect(forged.headers()["strict-transport-security"]).toBeUndefined();
    for (const header of ["referrer-policy", "permissions-policy", "x-content-type-options"])
      expect(forged.headers()[header], header).toBeTruthy();
  });

  for (const [role, email] of ROLE_ACCOUNTS) {
    test(`${role}: every page reachable by links`, async ({ page }) => {
      test.setTimeout(300_000);
      const violations = await watchCsp(page);
      await signIn(page, email);
      const seen = new Set<string>();
      const queue = ["/"];
      let visited = 0;
      while (queue.length > 0 && visited < 30) {
        const path = queue.shift()!;
        const type = pageType(path);
        if (seen.has(type)) continue;
        seen.add(type);
        const status = await expectCleanPage(page, path, violations);
        visited += 1;
        if (status !== 200) continue;
        for (const link of await sameOriginLinks(page)) if (!seen.has(pageType(link))) queue.push(link);
      }
      test.info().annotations.push({ type: "pages", description: [...seen].join(" ") });
      expect(visited).toBeGreaterThan(role === "contributor" ? 2 : 3);
    });
  }
});
