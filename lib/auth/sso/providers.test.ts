import { describe, expect, it } from "vitest";
import { enabledSso, pscAuthorizationUrl, ssoProviders } from "./providers";

const proconnect = {
  issuer: "https://fca.integ01.dev-agentconnect.fr/api/v2",
  clientId: "id",
  clientSecret: "secret",
  signingAlg: "RS256" as const,
};
const psc = {
  issuer: "https://auth.bas.psc.esante.gouv.fr/auth/realms/esante-wallet",
  clientId: "id",
  clientSecret: "secret",
  authorizationUrl: undefined,
  idTokenAlg: "RS256" as const,
  userinfoAlg: undefined,
};

describe("[SSO] providers", () => {
  it("[SSO] none without their variables: the sign-in page shows no button", () => {
    expect(ssoProviders({ proconnect: undefined, psc: undefined })).toEqual([]);
    expect(enabledSso({ proconnect: undefined, psc: undefined })).toEqual([]);
    expect(enabledSso({ proconnect, psc: undefined })).toEqual(["proconnect"]);
    expect(enabledSso({ proconnect, psc })).toEqual(["proconnect", "psc"]);
  });

  it("[SSO] ProConnect: state + nonce + PKCE, userinfo profile, client_secret_post, explicit scopes, acr asked", () => {
    const [p] = ssoProviders({ proconnect, psc: undefined });
    expect(p).toMatchObject({
      id: "proconnect",
      type: "oidc",
      issuer: proconnect.issuer,
      checks: ["pkce", "state", "nonce"],
      idToken: false,
      client: {
        token_endpoint_auth_method: "client_secret_post",
        id_token_signed_response_alg: "RS256",
        userinfo_signed_response_alg: "RS256",
      },
    });
    const params = (p!.authorization as { params: Record<string, unknown> }).params;
    expect(params.scope).toBe("openid email given_name usual_name siret");
    expect(params.acr_values).toBe("eidas1");
    expect(params.claims).toEqual({ id_token: { amr: null, acr: { essential: true } } });
  });

  it("[SSO] PSC: wallet authorization host, explicit endpoints (no discovery), scope_all, acr eidas1", () => {
    const [p] = ssoProviders({ proconnect: undefined, psc });
    expect(p).toMatchObject({
      id: "psc",
      checks: ["pkce", "state", "nonce"],
      idToken: false,
      token: `${psc.issuer}/protocol/openid-connect/token`,
      userinfo: `${psc.issuer}/protocol/openid-connect/userinfo`,
      authorization: {
        url: "https://wallet.bas.psc.esante.gouv.fr/auth",
        params: { scope: "openid scope_all", acr_values: "eidas1" },
      },
      client: { token_endpoint_auth_method: "client_secret_post", id_token_signed_response_alg: "RS256" },
    });
    expect(p!.client).not.toHaveProperty("userinfo_signed_response_alg");
    expect(pscAuthorizationUrl("https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet")).toBe(
      "https://wallet.esw.esante.gouv.fr/auth",
    );
    expect(pscAuthorizationUrl("http://localhost:1/realm")).toBe(
      "http://localhost:1/realm/protocol/openid-connect/auth",
    );
  });
});
