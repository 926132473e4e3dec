import type { Metadata } from "next";
import Link from "next/link";
import { adminItemCrumbs } from "@/components/admin/sections";
import { HOME_CRUMB, PageHeader } from "@/components/ui/page-header";
import { DiffView } from "@/components/referentials/diff-view";
import { ELIGIBILITY_LABELS, formatDateTime, formatDay, programmeLabel } from "@/components/referentials/labels";
import { RequirementTable } from "@/components/referentials/requirement-table";
import { param, requireAdmin } from "@/lib/admin/page-guard";
import { db } from "@/lib/core/db";
import { orNotFound } from "@/lib/core/or-not-found";
import { getVersionWithDiff } from "@/lib/referentials/queries";
import { confidenceMarks } from "@/lib/referentials/schemas";

export const metadata: Metadata = { title: "Version de référentiel · Administration" };

type Props = Readonly<{
  params: Promise<{ versionId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}>;

const LOADED: Record<string, { kind: "success" | "info"; text: string }> = {
  created: { kind: "success", text: "Version chargée. Elle peut maintenant être choisie pour une campagne." },
  unchanged: {
    kind: "info",
    text: "Cette version était déjà chargée avec exactement ce contenu : rien n'a été modifié.",
  },
};

export default async function ReferentialVersionPage({ params, searchParams }: Props) {
  const { versionId } = await params;
  const actor = await requireAdmin();
  const version = await orNotFound(getVersionWithDiff(db, actor, versionId));
  const loaded = LOADED[param((await searchParams).chargement) ?? ""];
  const { content } = version;
  const blocking = content.requirements.filter((r) => r.blocking).length;
  // A requirement counts under its weakest mark (wording, code or target).
  const weakest = (r: (typeof content.requirements)[number]) => {
    const m = confidenceMarks(r);
    return [m.wording, m.code, m.target].includes("L") ? "L" : [m.wording, m.code, m.target].includes("M") ? "M" : "H";
  };
  const byConfidence = (c: "H" | "M" | "L") => content.requirements.filter((r) => weakest(r) === c).length;
  return (
    <div className="stack">
      <PageHeader
        crumbs={[HOME_CRUMB, ...adminItemCrumbs("/admin/referentials", `${version.referentialId} ${version.version}`)]}
        title={`${version.title} — version ${version.version}`}
        badges={
          <>
            <span className="badge">{programmeLabel(content.programme)}</span>
            {version.campaigns.length > 0 ? <span className="badge badge-orange">utilisée : immuable</span> : null}
          </>
        }
      >
        <p>
          {content.publisher} · publiée le {formatDay(content.publishedOn)} · chargée le{" "}
          {formatDateTime(version.loadedAt)}
          {version.loadedBy ? ` par ${version.loadedBy}` : " depuis les fichiers livrés"}
        </p>
      </PageHeader>
      {loaded ? (
        <div
          className={loaded.kind === "success" ? "alert alert-success" : "alert"}
          role="status"
          data-testid="load-status"
        >
          <p style={{ margin: 0, fontWeight: 600 }}>{loaded.text}</p>
        </div>
      ) : null}

      <div className="grid">
        <div className="card">
          <div className="stat">{content.requirements.length}</div>
          <div className="stat-label">exigences, dont {blocking} bloquantes</div>
        </div>
        <div className="card">
          <div className="stat">{content.domains.length}</div>
          <div className="stat-label">domaines</div>
        </div>
        <div className="card">
          <div className="stat">{byConfidence("L")}</div>
          <div className="stat-label">
            exigences reconstituées (L) à confirmer · {byConfidence("M")} M · {byConfidence("H")} H
          </div>
        </div>
        <div className="card">
          <div className="stat">{version.campaigns.length}</div>
          <div className="stat-label">campagne(s) l&apos;utilisent</div>
        </div>
      </div>

      <div className="card">
        <h2>{version.previous ? `Différences avec la version ${version.previous.version}` : "Différences"}</h2>
        {version.diff && version.previous ? (
          <DiffView diff={version.diff} previousVersion={version.previous.version} />
        ) : (
          <p className="muted" style={{ margin: 0 }}>
            Première version chargée de ce référentiel : rien à comparer.
          </p>
        )}
      </div>

      <div className="card">
        <h2>Présentation</h2>
        {content.description ? <p>{content.description}</p> : null}
        <p className="small" style={{ margin: 0 }}>
          <strong>Règle d&apos;éligibilité : </strong>
          {ELIGIBILITY_LABELS[content.eligibility.kind]}
          {content.eligibility.kind === "all_blocking_met" && content.eligibility.alsoRequire.length > 0
            ? `, plus ${content.eligibility.alsoRequire.join(", ")}`
            : ""}
          .
        </p>
        {content.options.length > 0 ? (
          <p className="small" style={{ margin: "0.5rem 0 0" }}>
            <strong>Options choisies par l&apos;établissement : </strong>
            {content.options.map((o) => `${o.label} (${o.choices.map((c) => c.label).join(", ")})`).join(" ; ")}
          </p>
        ) : null}
        <h3 style={{ marginTop: "1rem" }}>Sources</h3>
        <ul className="small" style={{ margin: 0 }}>
          {content.sources.map((s, i) => (
            <li key={i}>
              {s.url ? (
                <a href={s.url} rel="noreferrer noopener" target="_blank">
                  {s.title}
                </a>
              ) : (
                s.title
              )}
              {s.date ? <span className="muted"> ({formatDay(s.date)})</span> : null}
            </li>
          ))}
        </ul>
        {version.campaigns.length > 0 ? (
          <>
            <h3 style={{ marginTop: "1rem" }}>Campagnes qui utilisent cette version</h3>
            <ul className="small" style={{ margin: 0 }}>
              {version.campaigns.map((c) => (
                <li key={c.id}>
                  <Link href={`/admin/campaigns/${c.id}`}>{c.name}</Link> ({c.year})
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <p className="muted small" style={{ margin: "1rem 0 0" }}>
          Empreinte SHA-256 du contenu : <code style={{ wordBreak: "break-all" }}>{version.contentHash}</code>
        </p>
      </div>

      <section className="stack" aria-labelledby="contenu-version">
        <div>
          <h2 id="contenu-version" style={{ marginBottom: "0.25rem" }}>
            Domaines et exigences
          </h2>
          <p className="muted small" style={{ margin: 0 }}>
            Confiance : <strong>H</strong> énoncé par une source · <strong>M</strong> plusieurs sources concordent ·{" "}
            <strong>L</strong> reconstitué, à confirmer par un délégué régional.
          </p>
        </div>
        <RequirementTable referential={content} />
      </section>
    </div>
  );
}
