import { describe, expect, it } from "vitest";
import { assertReadyToServe, parseEnv } from "./env";

const SECRET = "x".repeat(32);
const production = { NODE_ENV: "production", AUTH_SECRET: SECRET, SOCLE_PUBLIC_URL: "https://socle.example.fr" };

describe("[ENV] configuration", () => {
  it("refuses a DATABASE_URL that is set but is not PostgreSQL; empty means PGlite", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://db/socle" })).toThrow(/DATABASE_URL doit être une adresse postgres/);
    expect(() => parseEnv({ DATABASE_URL: "file:./dev.db" })).toThrow(/DATABASE_URL/);
    expect(parseEnv({ DATABASE_URL: "" }).postgresUrl).toBeUndefined();
    expect(parseEnv({ DATABASE_URL: "postgresql://u:p@h/db" }).postgresUrl).toBe("postgresql://u:p@h/db");
  });

  it("refuses to serve in production without AUTH_SECRET or SOCLE_PUBLIC_URL", () => {
    expect(() => assertReadyToServe({ ...production, AUTH_SECRET: undefined })).toThrow(/AUTH_SECRET .* obligatoire/);
    expect(() => assertReadyToServe({ ...production, SOCLE_PUBLIC_URL: undefined })).toThrow(
      /SOCLE_PUBLIC_URL est obligatoire/,
    );
    expect(() => assertReadyToServe(production)).not.toThrow();
    expect(parseEnv(production).publicOrigin).toBe("https://socle.example.fr");
  });

  it("lets the demo serve without SOCLE_PUBLIC_URL, and the build (or development) run without secrets", () => {
    expect(() => assertReadyToServe({ ...production, SOCLE_PUBLIC_URL: undefined, SOCLE_DEMO: "1" })).not.toThrow();
    expect(() => parseEnv({ NODE_ENV: "production" })).not.toThrow();
    expect(() => assertReadyToServe({ NODE_ENV: "development" })).not.toThrow();
  });

  it("implies the demo only on PGlite in development, never on PostgreSQL", () => {
    expect(parseEnv({ NODE_ENV: "development" }).demo).toBe(true);
    expect(parseEnv({ NODE_ENV: "development", DATABASE_URL: "postgres://h/db" }).demo).toBe(false);
    expect(parseEnv({ ...production }).demo).toBe(false);
    expect(parseEnv({ NODE_ENV: "test" }).demo).toBe(false);
  });

  it("reads the number of trusted proxies, 0 by default", () => {
    expect(parseEnv({}).trustedProxies).toBe(0);
    expect(parseEnv({ TRUSTED_PROXIES: "2" }).trustedProxies).toBe(2);
    expect(() => parseEnv({ TRUSTED_PROXIES: "all" })).toThrow(/TRUSTED_PROXIES/);
  });
});
