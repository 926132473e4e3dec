import type { Metadata } from "next";
import Link from "next/link";
import { HOME_CRUMB, PageHeader } from "@/components/ui/page-header";
import { CommandButton } from "@/components/assessments/command-button";
import { Heatmap, HeatmapLegend } from "@/components/region/heatmap";
import { MemberTable } from "@/components/region/member-table";
import { requireActor } from "@/lib/auth/current";
import { db } from "@/lib/core/db";
import { orNotFound } from "@/lib/core/or-not-found";
import { getSharingPreview } from "@/lib/region/sharing";

export const metadata: Metadata = { title: "Partage avec la région" };

type Params = Promise<{ establishmentId: string; assessmentId: string }>;

const LEVELS = {
  participation: {
    title: "Participation seulement",
    text: "La délégation régionale FHF et la coordination du GHT voient l'avancement (non commencée, en cours, soumise) et, une fois soumise, le verdict. Toujours partagé.",
  },
  detail: {
    title: "Participation et détail",
    text: "En plus : les scores par domaine et le statut de chaque exigence de la version soumise, avec la marque « avec pièce ». Jamais les réponses elles-mêmes, ni un brouillon.",
  },
} as const;

export default async function SharingPage({ params }: Readonly<{ params: Params }>) {
  const { establishmentId, assessmentId } = await params;
  const actor = await requireActor();
  const preview = await orNotFound(getSharingPreview(db, actor, establishmentId, assessmentId));
  const base = `/establishments/${establishmentId}/assessments/${assessmentId}`;
  return (
    <div className="stack">
      <PageHeader
        crumbs={[HOME_CRUMB, { href: base, label: preview.assessment.campaignName }, { label: "Partage" }]}
        title="Ce que voit la région"
      >
        <p>
          {preview.assessment.establishmentName} · niveau actuel :{" "}
          <strong>{LEVELS[preview.assessment.sharing].title.toLowerCase()}</strong>. Chaque changement est inscrit au
          journal d&apos;audit.
        </p>
      </PageHeader>
      {preview.previews.map((p) => {
        const current = p.level === preview.assessment.sharing;
        return (
          <section key={p.level} className="card stack" aria-labelledby={`level-${p.level}`}>
            <div className="row">
              <h2 id={`level-${p.level}`} style={{ margin: 0 }}>
                {LEVELS[p.level].title} {current ? <span className="badge badge-green">niveau choisi</span> : null}
              </h2>
              <span className="spacer" />
              {current ? null : (
                <CommandButton
                  url={`/api/assessments/${preview.assessment.id}/share`}
                  method="PUT"
                  body={{ sharing: p.level }}
                  label={p.level === "detail" ? "Partager le détail" : "Ne partager que la participation"}
                  className="btn btn-small"
                />
              )}
            </div>
            <p className="small">{LEVELS[p.level].text}</p>
            {p.row && p.heat ? (
              <div className="preview-frame" data-preview={p.level}>
                <p className="small muted" style={{ marginTop: 0 }}>
                  Aperçu exact, dessiné par les composants de la vue régionale :
                </p>
                <MemberTable rows={[p.row]} domains={preview.domains} caption="Ligne de l'établissement" />
                <Heatmap
                  id={`preview-${p.level}`}
                  caption="Ligne de l'établissement dans la carte des exigences"
                  domains={preview.domains}
                  requirements={preview.requirements}
                  rows={[p.heat]}
                />
                <HeatmapLegend />
              </div>
            ) : (
              <p className="muted">Cet établissement ne participe pas à la campagne.</p>
            )}
          </section>
        );
      })}
      <p>
        <Link className="btn btn-secondary" href={base}>
          ← Retour à l&apos;évaluation
        </Link>
      </p>
    </div>
  );
}
