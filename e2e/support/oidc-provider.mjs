// A local OpenID provider for the e2e (oidc-provider, the library ProConnect itself runs), started
// by playwright.config.ts. Two issuers on one port, each configured like the real one:
//   ProConnect  /api/v2                          discovery, signed (RS256) userinfo JWT, claims
//               given_name / usual_name / email / siret / idp_id…, acr from the claims parameter
//   PSC         /auth/realms/esante-wallet       Keycloak routes (no discovery used by Socle),
//               scope_all → SubjectNameID + SubjectRefPro, JSON userinfo, acr eidas1/eidas2
// Test-only endpoints under /__test: register personas (who signs in), make the next token
// response carry a tampered ID token, and list the provider-side logouts.
import http from "node:http";
import { generateKeyPair, exportJWK, SignJWT } from "jose";
import Provider from "oidc-provider";

const PORT = Number(process.env.OIDC_PORT);
// The SSO specs browse the app at http://localhost:<E2E_PORT>: Next reports a loopback address as
// "localhost" in the callback's URL, and the redirect URI must be the same at both ends.
const APP = process.env.APP_ORIGIN.replace("127.0.0.1", "localhost");
const ORIGIN = `http://localhost:${PORT}`;
export const CLIENTS = {
  proconnect: { id: "socle-proconnect", secret: "proconnect-test-secret-0123456789abcdef" },
  psc: { id: "socle-psc", secret: "psc-test-secret-0123456789abcdef" },
};

const personas = new Map(); // login → { provider, sub, acr, claims }
const logouts = [];
let tamper = null; // "aud" | "none" | "hs256", used by the next token response only

const { privateKey } = await generateKeyPair("RS256", { extractable: true });
const jwk = { ...(await exportJWK(privateKey)), kid: "test-rs256", use: "sig", alg: "RS256" };

function page(title, body) {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem}
input,button{font:inherit;padding:.5rem;width:100%;margin:.25rem 0 1rem;box-sizing:border-box}
button{background:#000091;color:#fff;border:0;cursor:pointer}</style></head><body>${body}</body></html>`;
}

async function tamperIdToken(idToken, clientSecret) {
  const [, payloadPart] = idToken.split(".");
  const payload = JSON.parse(Buffer.from(payloadPart, "base64url").toString("utf8"));
  if (tamper === "aud") {
    return new SignJWT({ ...payload, aud: "un-autre-client" })
      .setProtectedHeader({ alg: "RS256", kid: jwk.kid, typ: "JWT" })
      .sign(privateKey);
  }
  if (tamper === "hs256") {
    return new SignJWT(payload)
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .sign(new TextEncoder().encode(clientSecret));
  }
  // "none": an unsigned token (alg none, empty signature)
  const header = Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url");
  return `${header}.${payloadPart}.`;
}

function makeProvider(kind, prefix, config) {
  const client = CLIENTS[kind];
  const provider = new Provider(`${ORIGIN}${prefix}`, {
    ...config,
    jwks: { keys: [jwk] },
    cookies: { keys: ["oidc-test-cookie-key-0123456789"] },
    clients: [
      {
        client_id: client.id,
        client_secret: client.secret,
        redirect_uris: [`${APP}/api/auth/callback/${kind}`],
        post_logout_redirect_uris: [`${APP}/api/sso/logged-out`],
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_post",
        id_token_signed_response_alg: "RS256",
        ...(kind === "proconnect" ? { userinfo_signed_response_alg: "RS256" } : {}),
      },
    ],
    pkce: { required: () => false }, // as ProConnect: accepted, not required (Socle sends it)
    features: {
      devInteractions: { enabled: false },
      claimsParameter: { enabled: true },
      jwtUserinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.body = page(
            "Déconnexion",
            `<h1>Déconnexion du fournisseur de test</h1>${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Se déconnecter du fournisseur</button>`,
          );
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `${prefix}/interaction/${interaction.uid}` },
    findAccount: async (_ctx, sub) => {
      const persona = [...personas.values()].find((p) => p.provider === kind && p.sub === sub);
      if (!persona) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...persona.claims }) };
    },
    renderError: async (ctx, out) => {
      ctx.type = "html";
      ctx.body = page("Erreur", `<h1>Erreur du fournisseur</h1><pre>${JSON.stringify(out)}</pre>`);
    },
  });
  for (const event of ["grant.error", "userinfo.error", "server_error", "authorization.error", "end_session.error"])
    provider.on(event, (_ctx, err) =>
      console.error(`[oidc-provider ${kind}] ${event}: ${err.message} ${err.error_detail ?? ""}`),
    );
  provider.on("end_session.success", (ctx) => logouts.push({ provider: kind, client: ctx.oidc.client?.clientId }));
  provider.use(async (ctx, next) => {
    await next();
    if (process.env.OIDC_DEBUG && ctx.oidc?.params?.redirect_uri)
      console.error(`[oidc-provider ${kind}] ${ctx.oidc.route} redirect_uri=${ctx.oidc.params.redirect_uri}`);
    if (ctx.oidc?.route === "token" && tamper && ctx.body?.id_token) {
      ctx.body = { ...ctx.body, id_token: await tamperIdToken(ctx.body.id_token, client.secret) };
      tamper = null;
    }
  });
  return provider;
}

const proconnect = makeProvider("proconnect", "/api/v2", {
  acrValues: ["eidas1", "eidas1-mfa", "eidas2", "eidas3"],
  scopes: ["openid", "email", "given_name", "usual_name", "uid", "siret", "idp_id", "organization_label", "roles"],
  claims: {
    email: ["email"],
    given_name: ["given_name"],
    usual_name: ["usual_name"],
    uid: ["uid"],
    siret: ["siret"],
    idp_id: ["idp_id"],
    organization_label: ["organization_label"],
    roles: ["roles"],
  },
});
const psc = makeProvider("psc", "/auth/realms/esante-wallet", {
  acrValues: ["eidas1", "eidas2"],
  scopes: ["openid", "scope_all"],
  claims: {
    scope_all: [
      "SubjectNameID",
      "preferred_username",
      "given_name",
      "family_name",
      "SubjectRefPro",
      "otherIds",
      "SubjectOrganization",
      "SubjectRole",
      "email",
    ],
  },
  routes: {
    authorization: "/protocol/openid-connect/auth",
    token: "/protocol/openid-connect/token",
    userinfo: "/protocol/openid-connect/userinfo",
    end_session: "/protocol/openid-connect/logout",
    jwks: "/protocol/openid-connect/certs",
  },
});
const PROVIDERS = [
  ["/api/v2", proconnect, "proconnect"],
  ["/auth/realms/esante-wallet", psc, "psc"],
];

async function readForm(req) {
  let body = "";
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

async function readJson(req) {
  let body = "";
  for await (const chunk of req) body += chunk;
  return body ? JSON.parse(body) : {};
}

async function interaction(provider, kind, prefix, req, res, uid) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new Error("interaction mismatch");
  if (req.method === "GET") {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(
      page(
        "Connexion",
        `<h1>Fournisseur de test (${kind === "psc" ? "Pro Santé Connect" : "ProConnect"})</h1>
<form method="post" action="${prefix}/interaction/${uid}"><label for="login">Identifiant de test</label>
<input id="login" name="login" autofocus><button type="submit">Se connecter au fournisseur</button></form>`,
      ),
    );
    return;
  }
  const login = (await readForm(req)).get("login") ?? "";
  const persona = personas.get(login);
  if (!persona || persona.provider !== kind) {
    await provider.interactionFinished(req, res, { error: "access_denied", error_description: "unknown test persona" });
    return;
  }
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId: persona.sub, clientId: details.params.client_id });
  grant.addOIDCScope(String(details.params.scope));
  grant.addOIDCClaims(["acr", "amr", "sub", ...Object.keys(persona.claims)]);
  const grantId = await grant.save();
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: persona.sub, acr: persona.acr, amr: ["pwd"] }, consent: { grantId } },
    { mergeWithLastSubmission: false },
  );
}

http
  .createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", ORIGIN);
      if (url.pathname === "/__test/personas" && req.method === "POST") {
        const p = await readJson(req);
        personas.set(p.login, p);
        res.writeHead(204).end();
        return;
      }
      if (url.pathname === "/__test/tamper" && req.method === "POST") {
        tamper = (await readJson(req)).mode ?? null;
        res.writeHead(204).end();
        return;
      }
      if (url.pathname === "/__test/logouts") {
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(logouts));
        return;
      }
      if (url.pathname === "/__test/health") {
        res.writeHead(200).end("ok");
        return;
      }
      for (const [prefix, provider, kind] of PROVIDERS) {
        if (!url.pathname.startsWith(`${prefix}/`) && url.pathname !== prefix) continue;
        const match = url.pathname.slice(prefix.length).match(/^\/interaction\/([^/]+)$/);
        if (match) return await interaction(provider, kind, prefix, req, res, match[1]);
        req.originalUrl = req.url;
        req.url = req.url.slice(prefix.length) || "/";
        return provider.callback()(req, res);
      }
      res.writeHead(404).end("not found");
    } catch (error) {
      console.error("[oidc-provider]", error);
      if (!res.headersSent) res.writeHead(500).end(String(error));
    }
  })
  .listen(PORT, () => console.log(`oidc test provider on ${ORIGIN}`));
