import Link from "next/link";
import { Options } from "@/components/ui/field";
import type { CampaignComparison } from "@/lib/region/campaign-view";
import { THRESHOLD_REASONS } from "@/lib/region/settings";
import { CountFigure, formatShare, StatisticFigure, Suppressed } from "./figure";
import { FiltersForm } from "./filters-form";
import { Heatmap, HeatmapLegend } from "./heatmap";
import { MemberTable } from "./member-table";
import { QuartileChart } from "./quartile-chart";
import { D2Panel } from "./d2-panel";

const dateTime = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });
const points = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0, signDisplay: "always" });
const whole = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });

type Props = Readonly<{ view: CampaignComparison; basePath: string; query: Record<string, string> }>;

export function CampaignComparisonView({ view, basePath, query }: Props) {
  const href = (patch: Record<string, string | undefined>) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...query, ...patch })) if (v) params.set(k, v);
    const s = params.toString();
    return s ? `${basePath}?${s}` : basePath;
  };
  const k = view.settings.countThreshold;
  const isRegion = view.place.kind === "region";
  const filtered = Object.keys(view.filter).length > 0 || view.evidenceOnly;
  return (
    <div className="stack comparison">
      <div className="page-header">
        <p className="breadcrumb">
          <Link href="/">Accueil</Link> ›{" "}
          {view.place.regionReachable ? (
            <Link href={`/region/${view.place.regionId}`}>{view.place.regionName}</Link>
          ) : (
            view.place.regionName
          )}
          {view.place.kind === "ght" ? (
            <>
              {" "}
              › <Link href={`/ght/${view.place.id}`}>{view.place.name}</Link>
            </>
          ) : null}
        </p>
        <h1>
          {view.campaign.name} <span className="muted">— {view.place.name}</span>
        </h1>
        <p>
          Référentiel {view.campaign.referential} · données au{" "}
          <time dateTime={view.asOf.toISOString()}>{dateTime.format(view.asOf)}</time>
        </p>
      </div>

      <FiltersForm view={view} basePath={basePath} />

      <section aria-labelledby="coverage-title" className="card">
        <h2 id="coverage-title">Couverture : établissements ayant soumis</h2>
        <div className="coverage-headline">
          <div>
            <div className="stat">
              <CountFigure cell={view.coverage.cell} />
            </div>
            <div className="stat-label">
              établissements ayant soumis, sur {view.coverage.members} membre{view.coverage.members > 1 ? "s" : ""}
              {filtered ? " (filtre appliqué)" : ""}
            </div>
          </div>
          {view.coverage.warning ? (
            <p className="alert alert-warning" role="status">
              Couverture inférieure à {whole.format(view.settings.coverageWarningShare * 100)} % : les chiffres
              ci-dessous ne décrivent qu&apos;une partie des membres.
            </p>
          ) : null}
        </div>
        <table className="table table-compact">
          <caption>Couverture par catégorie</caption>
          <thead>
            <tr>
              <th scope="col">Catégorie</th>
              <th scope="col">Ayant soumis / membres</th>
            </tr>
          </thead>
          <tbody>
            {view.coverage.byCategory.map((c) => (
              <tr key={c.category}>
                <th scope="row">{c.label}</th>
                <td>
                  <CountFigure cell={c.cell} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <div className="pair">
        <section aria-labelledby="status-title" className="card">
          <h2 id="status-title">Avancement</h2>
          <dl className="figures">
            <dt>Soumises</dt>
            <dd>
              <CountFigure cell={view.statusCells.submitted} />
            </dd>
            <dt>En cours</dt>
            <dd>
              <CountFigure cell={view.statusCells.in_progress} />
            </dd>
            <dt>Non commencées</dt>
            <dd>
              <CountFigure cell={view.statusCells.not_started} />
            </dd>
          </dl>
        </section>
        <section aria-labelledby="verdict-title" className="card">
          <h2 id="verdict-title">Verdicts (évaluations soumises)</h2>
          <dl className="figures">
            <dt>
              <span aria-hidden="true">✓ </span>Éligibles
            </dt>
            <dd>
              <CountFigure cell={view.verdictCells.eligible} />
            </dd>
            <dt>
              <span aria-hidden="true">✗ </span>Pas encore éligibles
            </dt>
            <dd>
              <CountFigure cell={view.verdictCells.notEligible} />
            </dd>
            <dt>Détail partagé</dt>
            <dd>
              <CountFigure cell={view.detailShared} />
            </dd>
          </dl>
        </section>
      </div>

      {view.d2 ? <D2Panel d2={view.d2} dominanceShare={view.settings.dominanceShare} /> : null}

      <section aria-labelledby="distribution-title" className="card">
        <h2 id="distribution-title">Scores par domaine</h2>
        <p className="small muted">
          Sur les évaluations soumises dont le détail est partagé
          {view.evidenceOnly ? " (le filtre « avec pièce » ne change pas les scores)" : ""}.
        </p>
        <QuartileChart rows={view.distribution} caption="Médiane et quartiles des scores par domaine" />
      </section>

      <section aria-labelledby="gaps-title" className="card">
        <h2 id="gaps-title">Exigences les plus souvent manquées</h2>
        {!view.detailCell.shown ? (
          <p>
            <Suppressed cell={view.detailCell} />
          </p>
        ) : view.gaps.length === 0 ? (
          <p className="muted">Aucune exigence manquée parmi les évaluations partagées.</p>
        ) : (
          <table className="table table-compact gaps-table">
            <caption className="visually-hidden">Exigences manquées, par nombre d&apos;établissements</caption>
            <thead>
              <tr>
                <th scope="col">Exigence</th>
                <th scope="col">Manquée (non ou partiellement atteinte)</th>
                <th scope="col">Atteinte : avec pièce / déclarée</th>
              </tr>
            </thead>
            <tbody>
              {view.gaps.map((g) => (
                <tr key={g.code}>
                  <th scope="row">
                    {g.code} <span className="small">{g.label}</span>
                  </th>
                  <td>
                    <CountFigure cell={g.missed} />
                  </td>
                  <td>
                    {g.metWithEvidence} avec pièce / {g.metDeclared} déclarée{g.metDeclared > 1 ? "s" : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {view.movement ? (
        <section aria-labelledby="movement-title" className="card">
          <h2 id="movement-title">Évolution depuis {view.movement.previous.name}</h2>
          <p className="small">
            {view.movement.comparable} exigences comparables sur {view.movement.total} (même code ou correspondance
            déclarée) · {view.movement.membersBoth} établissement{view.movement.membersBoth > 1 ? "s" : ""} partagé
            {view.movement.membersBoth > 1 ? "s" : ""} aux deux campagnes.
            {view.movement.breakInSeries ? (
              <strong className="break-mark">
                {" "}
                <span aria-hidden="true">⚠ </span>Rupture de série : le référentiel a changé (
                {view.movement.previous.referential} → {view.campaign.referential}).
              </strong>
            ) : null}
          </p>
          {!view.movement.decision.shown ? (
            <Suppressed cell={view.movement.decision} />
          ) : (
            <div className="pair">
              {(
                [
                  ["Plus fortes progressions", view.movement.improved],
                  ["Plus forts reculs", view.movement.regressed],
                ] as const
              ).map(([title, moves]) => (
                <div key={title}>
                  <h3>{title}</h3>
                  {moves.length === 0 ? (
                    <p className="muted small">Aucune.</p>
                  ) : (
                    <table className="table table-compact moves-table">
                      <caption className="visually-hidden">{title}</caption>
                      <thead>
                        <tr>
                          <th scope="col">Exigence</th>
                          <th scope="col" className="num">
                            Atteinte avant → maintenant
                          </th>
                          <th scope="col" className="num">
                            Écart
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {moves.map((m) => (
                          <tr key={m.code}>
                            <th scope="row" title={m.label}>
                              {m.code} <span className="small muted">{m.label}</span>
                            </th>
                            <td className="num nowrap">
                              {whole.format(m.before)} % → {whole.format(m.after)} %
                              <div className="small muted">
                                n = {m.nBefore} puis {m.n}
                              </div>
                            </td>
                            <td className="num nowrap">
                              <span aria-hidden="true">{m.delta > 0 ? "▲ " : "▼ "}</span>
                              {points.format(m.delta)} pts
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                </div>
              ))}
            </div>
          )}
        </section>
      ) : null}

      <section aria-labelledby="members-title" className="stack">
        <div className="row">
          <h2 id="members-title" style={{ margin: 0 }}>
            Membres ({view.rows.length})
          </h2>
          <span className="spacer" />
          <a className="btn btn-secondary btn-small" href="#heatmap-title">
            Carte des exigences
          </a>
        </div>
        {view.rows.length === 0 ? (
          <p className="empty">Aucun membre ne correspond à ces filtres.</p>
        ) : (
          <MemberTable
            rows={view.rows}
            domains={view.domains}
            caption={`Membres — ${view.campaign.name}`}
            showGht={isRegion}
            sorting={{
              state: { sort: query.sort ?? "name", dir: query.dir === "desc" ? "desc" : "asc" },
              href: (sort, dir) => href({ sort, dir }),
            }}
          />
        )}
      </section>

      <section aria-labelledby="heatmap-title" className="stack">
        <h2 id="heatmap-title">Carte des exigences : membres × exigences</h2>
        <HeatmapLegend />
        {view.heatmap.length === 0 ? (
          <p className="empty">Aucun membre ne correspond à ces filtres.</p>
        ) : (
          <Heatmap
            id="heatmap"
            caption="Statut de chaque exigence, par membre (détail partagé seulement)"
            domains={view.domains}
            requirements={view.requirements}
            rows={view.heatmap}
          />
        )}
      </section>

      {isRegion && view.ghts.length > 0 ? (
        <section aria-labelledby="compare-title" className="card">
          <h2 id="compare-title">Deux GHT côte à côte</h2>
          <form method="get" action={basePath} className="row inline-form">
            <label htmlFor="compare-a">GHT</label>
            <select id="compare-a" name="compareA" className="select" defaultValue={view.compare[0]?.id}>
              <Options options={view.ghts} />
            </select>
            <label htmlFor="compare-b">et</label>
            <select id="compare-b" name="compareB" className="select" defaultValue={view.compare[1]?.id}>
              <Options options={view.ghts} />
            </select>
            <button type="submit" className="btn btn-small btn-secondary">
              Comparer
            </button>
          </form>
          <div className="compare-grid">
            {view.compare.map((g) => (
              <div key={g.id} className="card compare-card">
                <h3>
                  <Link href={`/ght/${g.id}/campaigns/${view.campaign.id}`}>{g.name}</Link>
                </h3>
                <dl className="figures">
                  <dt>Ayant soumis</dt>
                  <dd>
                    <CountFigure cell={g.coverage} />
                  </dd>
                  <dt>Éligibles</dt>
                  <dd>
                    <CountFigure cell={g.eligible} share={false} />
                  </dd>
                  <dt>Score global</dt>
                  <dd>
                    <StatisticFigure cell={g.overall} />
                  </dd>
                  {g.domains.map((d) => (
                    <div key={d.code} className="figures-row">
                      <dt>{d.code}</dt>
                      <dd>
                        <StatisticFigure cell={d.cell} />
                      </dd>
                    </div>
                  ))}
                </dl>
              </div>
            ))}
          </div>
        </section>
      ) : null}

      <section aria-labelledby="rules-title" className="card rules">
        <h2 id="rules-title">Règles de confidentialité appliquées</h2>
        <ul className="small">
          <li>{THRESHOLD_REASONS.count(k)}</li>
          <li>{THRESHOLD_REASONS.statistic(view.settings.statisticThreshold)}</li>
          <li>
            Un chiffre qui se déduirait d&apos;autres chiffres visibles par soustraction (par exemple un département
            moins un de ses GHT) est masqué lui aussi.
          </li>
          <li>
            Participation (avancement, verdict) : toujours visible. Détail (scores, statut des exigences) : seulement la
            version soumise, et seulement si la direction l&apos;a partagé. Les brouillons ne quittent jamais
            l&apos;établissement.
          </li>
        </ul>
        <p className="small muted">
          Les parts sont calculées sur n, indiqué à côté de chaque chiffre : {formatShare(1, 2)} se lit « 1 sur 2 ».
        </p>
      </section>
    </div>
  );
}
