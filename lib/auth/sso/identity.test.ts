import { describe, expect, it } from "vitest";
import { identityFromProfile, idTokenClaims, sirenOf } from "./identity";

const jwt = (payload: object) =>
  `${Buffer.from('{"alg":"RS256"}').toString("base64url")}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.sig`;

describe("[SSO] identity from each provider's claims", () => {
  it("[SSO] ProConnect: userinfo's email lower-cased, given_name + usual_name, SIRET; acr from the ID token", () => {
    const identity = identityFromProfile(
      "proconnect",
      {
        sub: "abc",
        email: "Jean.Martin@CH-Exemple.FR",
        given_name: "Jean",
        usual_name: "Martin",
        siret: "26560999000016",
        idp_id: "x",
      },
      idTokenClaims(jwt({ acr: "eidas1", sub: "abc" })),
    );
    expect(identity).toEqual({
      provider: "proconnect",
      subject: "abc",
      email: "jean.martin@ch-exemple.fr",
      name: "Jean Martin",
      siret: "26560999000016",
      finess: [],
      nationalId: null,
      acr: "eidas1",
    });
    expect(sirenOf("26560999000016")).toBe("265609990");
  });

  it("[SSO] PSC: no email needed, SubjectNameID kept, FINESS of every activity (site and legal entity)", () => {
    const identity = identityFromProfile(
      "psc",
      {
        sub: "f1c7-uuid",
        SubjectNameID: "810001234567",
        given_name: "Anne",
        family_name: "Kerbrat",
        SubjectRefPro: {
          exercices: [
            {
              codeProfession: "10",
              activities: [
                { numeroFinessSite: "560999013", numeroFinessetablissementJuridique: "560999005" },
                { numeroFinessSite: "", numeroFinessetablissementJuridique: null },
              ],
            },
          ],
        },
      },
      { acr: "eidas2" },
    );
    expect(identity).toMatchObject({
      provider: "psc",
      subject: "f1c7-uuid",
      email: null,
      name: "Anne Kerbrat",
      finess: ["560999013", "560999005"],
      nationalId: "810001234567",
      siret: null,
      acr: "eidas2",
    });
  });

  it("[SSO] no subject, no identity; malformed ID tokens and SIRETs are ignored, not trusted", () => {
    expect(identityFromProfile("proconnect", { email: "a@b.fr" }, {})).toBeNull();
    expect(identityFromProfile("proconnect", { sub: "s", siret: "123" }, {})?.siret).toBeNull();
    expect(identityFromProfile("psc", { sub: "s", SubjectRefPro: "n'importe quoi" }, {})?.finess).toEqual([]);
    expect(idTokenClaims("pas-un-jwt")).toEqual({});
    expect(idTokenClaims(undefined)).toEqual({});
  });
});
