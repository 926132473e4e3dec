import { formatEuros } from "@/lib/funding/format";
import type { FundingAdminView } from "@/lib/funding/queries";
import { AddParameterButton, ParameterRowControls } from "./parameter-dialogs";
import { DataTable } from "@/components/ui/data-table";

type Props = Readonly<{ view: FundingAdminView; regionId?: string }>;

const dateFr = new Intl.DateTimeFormat("fr-FR", { dateStyle: "medium" });

/** The funding assumptions per campaign, with the form to add, edit and delete them. */
export function FundingAdmin({ view, regionId }: Props) {
  const options = { campaigns: view.campaigns, regions: view.regions, establishments: view.establishments };
  const withParameters = view.campaigns.filter((c) => view.parameters.some((p) => p.campaignId === c.id));
  return (
    <div className="stack">
      <div className="row">
        <p className="small muted" style={{ margin: 0, maxWidth: "70ch" }}>
          Un paramètre est une hypothèse, jamais une promesse : chaque montant est accompagné de sa source. Une
          enveloppe régionale se partage sur la population que nomme l&apos;hypothèse (un nombre d&apos;établissements
          éligibles ou une activité totale), plafonnée par le plafond qu&apos;elle indique ; un montant
          d&apos;établissement la remplace. Les établissements voient un ordre de grandeur arrondi.
        </p>
        <span className="spacer" />
        <AddParameterButton options={options} regionId={regionId} />
      </div>
      {withParameters.length === 0 ? (
        <div className="card empty" data-testid="funding-empty">
          <strong>Aucun paramètre de financement.</strong>
          Tant qu&apos;aucun montant n&apos;est saisi, les établissements ne voient aucun chiffre de financement.
        </div>
      ) : null}
      {withParameters.map((c) => (
        <section key={c.id} className="stack" aria-labelledby={`funding-${c.id}`} style={{ gap: "0.5rem" }}>
          <h2 id={`funding-${c.id}`} style={{ margin: 0 }}>
            {c.name}
          </h2>
          <DataTable
            head={
              <>
                <th scope="col">Périmètre</th>
                <th scope="col">Domaine</th>
                <th scope="col" className="num">
                  Montant
                </th>
                <th scope="col">Hypothèse</th>
                <th scope="col">Saisi par</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </>
            }
          >
            {view.parameters
              .filter((p) => p.campaignId === c.id)
              .map((p) => (
                <tr key={p.id}>
                  <td>
                    {p.scopeName}
                    <div className="small muted">{p.establishmentId ? "Établissement" : "Enveloppe régionale"}</div>
                  </td>
                  <td className="small">{p.domainCode ?? <span className="muted">Tout le programme</span>}</td>
                  <td className="num">
                    {p.amountMaxEuros != null && p.amountMaxEuros > p.amountEuros
                      ? `${formatEuros(p.amountEuros)} à ${formatEuros(p.amountMaxEuros)}`
                      : formatEuros(p.amountEuros)}
                    <div className="small muted">
                      {p.populationActivity != null
                        ? `au prorata d'une activité totale de ${p.populationActivity.toLocaleString("fr-FR")}`
                        : p.eligibleCount != null
                          ? `entre ${p.eligibleCount.toLocaleString("fr-FR")} établissements éligibles`
                          : p.establishmentId
                            ? ""
                            : "population non indiquée : aucun montant affiché"}
                      {p.ceilingEuros != null ? ` · plafond ${formatEuros(p.ceilingEuros)}` : ""}
                    </div>
                  </td>
                  <td className="small" style={{ maxWidth: "48ch" }}>
                    {p.isExample ? (
                      <>
                        <span className="badge badge-orange">Exemple</span>{" "}
                      </>
                    ) : null}
                    {p.assumption}
                  </td>
                  <td className="small">
                    {p.setByName}
                    <div className="muted">{dateFr.format(new Date(p.setAt))}</div>
                  </td>
                  <td>
                    <ParameterRowControls options={options} parameter={p} />
                  </td>
                </tr>
              ))}
          </DataTable>
        </section>
      ))}
    </div>
  );
}
