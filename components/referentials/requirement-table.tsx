import type { TReferentialFile } from "@/lib/referentials/schemas";
import { ConfidenceMarks } from "./confidence-badge";
import { ProvisionalNotes } from "./provisional-notes";
import { answerSummary, DOMAIN_KIND_LABELS } from "./labels";
import { DataTable } from "@/components/ui/data-table";

/** A version's domains, each with its requirements as a table: what is asked, how, and how sure we are. */
export function RequirementTable({ referential }: Readonly<{ referential: TReferentialFile }>) {
  return (
    <div className="stack">
      {referential.domains.map((domain) => {
        const requirements = referential.requirements.filter((r) => r.domain === domain.code);
        const headingId = `domaine-${domain.code}`;
        return (
          <section key={domain.code} className="stack" aria-labelledby={headingId} style={{ gap: "0.5rem" }}>
            <div>
              <h3 id={headingId} style={{ marginBottom: "0.25rem" }}>
                {domain.code} — {domain.title}
                {domain.kind ? (
                  <span className="badge badge-grey" style={{ marginLeft: 8, verticalAlign: "middle" }}>
                    {DOMAIN_KIND_LABELS[domain.kind]}
                  </span>
                ) : null}
              </h3>
              <p className="muted small" style={{ margin: 0 }}>
                {domain.description}
              </p>
            </div>
            <DataTable
              caption={<>Exigences du domaine {domain.code}</>}
              head={
                <>
                  <th scope="col">Code</th>
                  <th scope="col">Exigence</th>
                  <th scope="col">Réponse attendue</th>
                  <th scope="col">Bloquante</th>
                  <th scope="col">Confiance</th>
                </>
              }
            >
              {requirements.length === 0 ? (
                <tr>
                  <td colSpan={5} className="empty">
                    Aucune exigence dans ce domaine.
                  </td>
                </tr>
              ) : (
                requirements.map((r) => (
                  <tr key={r.code}>
                    <td>
                      <strong>{r.code}</strong>
                    </td>
                    <td>
                      <p style={{ margin: 0, fontWeight: 500 }}>{r.label}</p>
                      <p className="muted small" style={{ margin: "0.25rem 0 0" }}>
                        {r.help}
                      </p>
                      {r.proofs.length > 0 ? (
                        <p className="small" style={{ margin: "0.25rem 0 0" }}>
                          <span className="muted">Pièces : </span>
                          {r.proofs.join(" ; ")}
                        </p>
                      ) : null}
                      {r.targetsByYear ? (
                        <p className="small" style={{ margin: "0.25rem 0 0" }}>
                          <span className="muted">Cibles : </span>
                          {Object.entries(r.targetsByYear)
                            .map(([year, target]) => `${year} : ${target.label}`)
                            .join(" ; ")}
                        </p>
                      ) : null}
                    </td>
                    <td className="small">
                      {answerSummary(r.answer)}
                      {r.naAllowed ? " · « non applicable » admis" : ""}
                    </td>
                    <td>
                      {r.blocking ? <span className="badge">Bloquante</span> : <span className="muted">Non</span>}
                    </td>
                    <td>
                      <ConfidenceMarks confidence={r.confidence} />
                      {r.confidenceNote ? (
                        <p className="muted small" style={{ margin: "0.25rem 0 0" }}>
                          {r.confidenceNote}
                        </p>
                      ) : null}
                      <ProvisionalNotes provisional={r.provisional} />
                    </td>
                  </tr>
                ))
              )}
            </DataTable>
          </section>
        );
      })}
    </div>
  );
}
