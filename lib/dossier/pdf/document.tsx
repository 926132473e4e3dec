import type { ReactNode } from "react";
import type { DossierPayload, DossierSeal } from "../types";
import { AttestationPage } from "./attestation";
import { pageContent, paginate } from "./blocks";
import { Cover } from "./cover";
import { DossierPage } from "./frame";
import type { TextMetrics } from "./metrics";
import { Document } from "./primitives";
import { annexBlocks, domainBlocks, gapBlocks, summaryBlocks } from "./sections";
import { TableRows } from "./table";
import { PAGE_CAPACITY } from "./theme";

export type PlannedPage = { key: string; bookmark?: string; content: ReactNode };

/**
 * The dossier cut into pages: cover, summary, one table per domain, gaps and action plan, the
 * director's attestation, the annex of evidence files. Each section starts on a new page.
 */
export function planDossier(payload: DossierPayload, seal: DossierSeal, m: TextMetrics): PlannedPage[] {
  const ctx = { payload, m };
  const pages: PlannedPage[] = [
    { key: "cover", bookmark: "Couverture", content: <Cover payload={payload} seal={seal} /> },
  ];
  const flow = (name: string, bookmark: string, blocks: ReturnType<typeof summaryBlocks>) =>
    paginate(blocks, PAGE_CAPACITY).forEach((page, i) =>
      pages.push({
        key: `${name}-${i}`,
        bookmark: i === 0 ? bookmark : undefined,
        content: pageContent(page, TableRows),
      }),
    );
  flow("summary", "1. Synthèse", summaryBlocks(ctx));
  flow("domains", "2. Exigences par domaine", domainBlocks(ctx));
  flow("gaps", payload.actions.length ? "3. Écarts et plan d'actions" : "3. Écarts", gapBlocks(ctx));
  pages.push({
    key: "attestation",
    bookmark: "4. Attestation de la direction",
    content: <AttestationPage payload={payload} seal={seal} />,
  });
  flow("annex", "Annexe — Pièces justificatives", annexBlocks(ctx));
  return pages;
}

/**
 * The whole dossier, pure: it draws the payload, the seal and the planned pages, and reads
 * nothing else. `numbering: "static"` prints "page X / Y" from the plan; "dynamic" lets react-pdf
 * count (slower, used only when a planned page overflowed).
 */
export function DossierDocument({
  payload,
  seal,
  pages,
  numbering = "static",
  onRender,
}: Readonly<{
  payload: DossierPayload;
  seal: DossierSeal;
  pages: PlannedPage[];
  numbering?: "static" | "dynamic";
  /** Called by react-pdf once laid out; its argument carries the layout tree (see render.ts). */
  onRender?: (props: object) => void;
}>) {
  const title = `Dossier ${payload.programme.label} — ${payload.establishment.name} — ${payload.campaign.name}`;
  return (
    <Document
      title={payload.isDraft ? `${title} (brouillon)` : title}
      author={payload.establishment.name}
      subject={seal.code ? `Code de vérification ${seal.code}` : "Brouillon non soumis"}
      creator="Socle"
      producer="Socle"
      language="fr-FR"
      creationDate={new Date(seal.generatedAt)}
      modificationDate={new Date(seal.generatedAt)}
      onRender={onRender}
    >
      {pages.map((page, i) => (
        <DossierPage
          key={page.key}
          payload={payload}
          seal={seal}
          bookmark={page.bookmark}
          pageLabel={numbering === "static" ? `page ${i + 1} / ${pages.length}` : undefined}
        >
          {page.content}
        </DossierPage>
      ))}
    </Document>
  );
}
