import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import PageError from "@/app/error";
import GlobalError from "@/app/global-error";
import { onRequestError } from "@/instrumentation";

vi.mock("@/app/globals.css", () => ({}));

afterEach(() => vi.restoreAllMocks());

function serverError(digest: string) {
  return Object.assign(new Error('relation "Secret" does not exist'), { digest });
}

describe("page errors: a French message with the event id the server logs", () => {
  it("app/error.tsx shows a French message and the digest, never the error's message", () => {
    const html = renderToStaticMarkup(createElement(PageError, { error: serverError("4242424242"), reset: () => {} }));
    expect(html).toContain("Une erreur inattendue est survenue");
    expect(html).toContain("4242424242");
    expect(html).toContain("Réessayer");
    expect(html).not.toContain("Secret");
  });

  it("app/global-error.tsx brings its own French document with the same id", () => {
    const html = renderToStaticMarkup(createElement(GlobalError, { error: serverError("1717"), reset: () => {} }));
    expect(html).toMatch(/^<html lang="fr">/);
    expect(html).toContain("1717");
    expect(html).toContain("Une erreur inattendue est survenue");
  });

  it("instrumentation.ts logs the unexpected error with the same id, path and route", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    await onRequestError(
      serverError("4242424242"),
      { path: "/establishments/x", method: "GET", headers: {} },
      {
        routerKind: "App Router",
        routePath: "/(app)/establishments/[establishmentId]",
        routeType: "render",
        renderSource: "react-server-components",
        revalidateReason: undefined,
      },
    );
    expect(log).toHaveBeenCalledTimes(1);
    const line = String(log.mock.calls[0]![0]);
    expect(line).toContain("event 4242424242");
    expect(line).toContain("GET /establishments/x");
    expect(line).toContain('relation "Secret" does not exist');
  });
});
