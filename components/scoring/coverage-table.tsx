import { CommandButton } from "@/components/assessments/command-button";
import { coveredShare } from "@/lib/scoring/coverage";
import type { CoverageMember } from "@/lib/scoring/types";
import { DataTable } from "@/components/ui/data-table";

const share = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });

/**
 * The members behind CaRE's coverage rule (the GHT's legal entities, or the applicant's sites): each
 * one's share of the known activity, and, per objective, whether it counts. Each objective has its own
 * covered share; a member without recorded activity is shown as unknown, not as zero.
 */
export function CoverageTable({
  members,
  codes,
  editableFor = null,
}: Readonly<{ members: CoverageMember[]; codes: string[]; editableFor?: string | null }>) {
  const sites = members.some((m) => m.kind === "site");
  const total = members.reduce((sum, m) => sum + (m.activity ?? 0), 0);
  const unknown = members.filter((m) => m.activity === null);
  const pct = (n: number | null) => (n === null ? "—" : `${share.format(100 * n)} %`);
  return (
    <section className="card" aria-labelledby="coverage-title">
      <h2 id="coverage-title">{sites ? "Couverture des sites" : "Couverture du GHT"}</h2>
      <p className="small muted">
        {sites
          ? "Part de l'activité des sites géographiques pour lesquels l'évaluation déclare l'objectif atteint."
          : "Part de l'activité combinée des membres dont la dernière évaluation de la campagne remplit l'objectif. Un autre membre ne compte que s'il a partagé son évaluation."}{" "}
        Chaque objectif est jugé séparément.{" "}
        {codes.map((code, i) => (
          <span key={code}>
            {i > 0 ? " · " : ""}
            {code} : <strong>{pct(coveredShare(members, code))}</strong>
          </span>
        ))}
        {unknown.length ? (
          <>
            {" "}
            de l&apos;activité connue. <strong>Activité inconnue</strong> pour {unknown.length} membre
            {unknown.length > 1 ? "s" : ""} sur {members.length} ({unknown.map((m) => m.name).join(", ")}) : la part
            réelle ne peut être confirmée qu&apos;une fois leur activité renseignée.
          </>
        ) : (
          "."
        )}
      </p>
      <DataTable
        flat
        head={
          <>
            <th scope="col">{sites ? "Site" : "Membre"}</th>
            <th scope="col" className="num">
              Part de l&apos;activité
            </th>
            {codes.map((code) => (
              <th key={code} scope="col">
                Compté pour {code}
              </th>
            ))}
          </>
        }
      >
        {members.map((m) => (
          <tr key={m.id}>
            <td>{m.name}</td>
            <td className="num">
              {m.activity === null ? "non renseignée" : pct(total > 0 ? m.activity / total : null)}
            </td>
            {codes.map((code) => (
              <td key={code}>
                {m.reaches.includes(code) ? "Oui" : "Non"}
                {editableFor && m.kind === "site" ? (
                  <>
                    {" "}
                    <CommandButton
                      url={`/api/assessments/${editableFor}/site-coverage`}
                      method="PUT"
                      body={{ siteId: m.id, code, reached: !m.reaches.includes(code) }}
                      label={m.reaches.includes(code) ? "Retirer" : "Marquer atteint"}
                      className="btn btn-secondary btn-small"
                    />
                  </>
                ) : null}
              </td>
            ))}
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
