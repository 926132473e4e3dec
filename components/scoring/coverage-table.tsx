import type { CoverageMember } from "@/lib/scoring/types";

const share = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });

/** The GHT members behind CaRE's coverage rule: their share of activity and whether they count. */
export function CoverageTable({ members }: Readonly<{ members: CoverageMember[] }>) {
  const total = members.reduce((sum, m) => sum + Math.max(0, m.activity), 0);
  const covered = members.filter((m) => m.covered).reduce((sum, m) => sum + Math.max(0, m.activity), 0);
  const pct = (n: number) => (total > 0 ? `${share.format((100 * n) / total)} %` : "—");
  return (
    <section className="card" aria-labelledby="coverage-title">
      <h2 id="coverage-title">Couverture du GHT</h2>
      <p className="small muted">
        Part de l&apos;activité combinée des membres dont la dernière évaluation de la campagne remplit les objectifs
        concernés. Un autre membre ne compte que s&apos;il a partagé son évaluation. Couverture :{" "}
        <strong>{pct(covered)}</strong>.
      </p>
      <div className="table-wrap" style={{ boxShadow: "none" }}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Membre</th>
              <th scope="col" className="num">
                Part de l&apos;activité
              </th>
              <th scope="col">Compté</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id}>
                <td>{m.name}</td>
                <td className="num">{pct(Math.max(0, m.activity))}</td>
                <td>{m.covered ? "Oui" : "Non"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
