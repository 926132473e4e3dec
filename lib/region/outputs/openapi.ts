import { z } from "zod";
import { ZApiError, ZRegionSummary } from "./summary-schema";

// The OpenAPI 3.1 document of Socle's read-only regional API, generated from the zod schemas the
// endpoint parses its answer with (z.toJSONSchema): one source for the contract and the code.

const QUERY = [
  ["departement", "Code du département (filtre)"],
  ["ght", "Identifiant du GHT (filtre)"],
  ["category", "Catégorie juridique (filtre)"],
  ["sizeBand", "Code de la tranche de taille (filtre)"],
  ["evidenceOnly", "« 1 » : seulement les réponses avec pièce"],
] as const;

export function openApiDocument() {
  // Schemas with a meta id (RegionSummary, CountCell…) come out as $defs; OpenAPI keeps them under
  // components/schemas, so the references are rewritten to point there.
  const generated = z.toJSONSchema(z.object({ summary: ZRegionSummary, error: ZApiError }), {
    target: "draft-2020-12",
    io: "output",
  });
  const schemas = JSON.parse(JSON.stringify(generated).replaceAll('"#/$defs/', '"#/components/schemas/')) as {
    $defs?: Record<string, unknown>;
  };
  const defs = { ...(schemas.$defs ?? {}) };
  const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
  const error = (description: string) => ({ description, content: { "application/json": { schema: ref("Error") } } });
  return {
    openapi: "3.1.0",
    info: {
      title: "Socle — API régionale",
      version: "1.0.0",
      description:
        "Lecture seule. Authentification par la session Socle (cookie). Périmètre identique à la page du délégué : " +
        "un autre périmètre répond 404. Les chiffres sous les seuils de petits groupes sont remplacés par un marqueur.",
    },
    paths: {
      "/api/region/{regionId}/campaigns/{campaignId}/summary": {
        get: {
          operationId: "getRegionSummary",
          summary: "Synthèse régionale d'une campagne",
          parameters: [
            { name: "regionId", in: "path", required: true, schema: { type: "string" } },
            { name: "campaignId", in: "path", required: true, schema: { type: "string" } },
            ...QUERY.map(([name, description]) => ({
              name,
              in: "query",
              required: false,
              description,
              schema: { type: "string" },
            })),
          ],
          responses: {
            "200": { description: "La synthèse", content: { "application/json": { schema: ref("RegionSummary") } } },
            "401": error("Session absente ou expirée"),
            "404": error("Région ou campagne hors de votre périmètre"),
          },
        },
      },
    },
    components: { schemas: defs },
  };
}
