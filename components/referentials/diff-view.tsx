import { stringify } from "yaml";
import type { TFieldChange, TItemChange, TReferentialDiff } from "@/lib/referentials/diff";
import type { TDomain, TRequirement } from "@/lib/referentials/schemas";
import { fieldLabel } from "./labels";
import { DataTable } from "@/components/ui/data-table";

// What changed between two versions of a referential: requirements added, removed and changed
// (each changed field with its value before and after), then domains and other fields.

/** A field's value as an author reads it: text as is, yes/no in French, structures as YAML. */
function Value({ value }: Readonly<{ value: unknown }>) {
  if (value === undefined || value === null) return <span className="muted">(absent)</span>;
  if (typeof value === "boolean") return <>{value ? "Oui" : "Non"}</>;
  if (typeof value === "string" || typeof value === "number") return <>{String(value)}</>;
  return (
    <pre className="small" style={{ margin: 0, whiteSpace: "pre-wrap", fontFamily: "ui-monospace, monospace" }}>
      {stringify(value).trimEnd()}
    </pre>
  );
}

function FieldChanges({ fields, caption }: Readonly<{ fields: TFieldChange[]; caption: string }>) {
  return (
    <DataTable
      caption={caption}
      head={
        <>
          <th scope="col">Champ</th>
          <th scope="col">Avant</th>
          <th scope="col">Après</th>
        </>
      }
    >
      {fields.map((f) => (
        <tr key={f.field}>
          <th scope="row" style={{ background: "none", whiteSpace: "normal" }}>
            {fieldLabel(f.field)}
          </th>
          <td style={{ background: "var(--red-light)" }}>
            <Value value={f.before} />
          </td>
          <td style={{ background: "var(--green-light)" }}>
            <Value value={f.after} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

function ItemList({ items, what }: Readonly<{ items: (TRequirement | TDomain)[]; what: string }>) {
  return (
    <ul style={{ margin: 0, paddingLeft: "1.25rem" }}>
      {items.map((item) => (
        <li key={item.code}>
          <strong>{item.code}</strong> — {"label" in item ? item.label : item.title}
          {"domain" in item ? (
            <span className="muted small">
              {" "}
              ({what} {item.domain})
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function Changed({ items, captionPrefix }: Readonly<{ items: TItemChange[]; captionPrefix: string }>) {
  return (
    <div className="stack" style={{ gap: "0.75rem" }}>
      {items.map((item) => (
        <div key={item.code}>
          <h4 style={{ margin: "0 0 0.35rem" }}>{item.code}</h4>
          <FieldChanges fields={item.fields} caption={`${captionPrefix} ${item.code}`} />
        </div>
      ))}
    </div>
  );
}

const count = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

export function DiffView({ diff, previousVersion }: Readonly<{ diff: TReferentialDiff; previousVersion: string }>) {
  const { domains } = diff;
  const nothing =
    diff.added.length +
      diff.removed.length +
      diff.changed.length +
      domains.added.length +
      domains.removed.length +
      domains.changed.length +
      diff.metadata.length ===
    0;
  if (nothing) {
    return (
      <p className="muted" style={{ margin: 0 }}>
        Aucune différence de contenu avec la version {previousVersion} (hors numéro et date de version).
      </p>
    );
  }
  return (
    <div className="stack">
      <p style={{ margin: 0 }} data-testid="diff-summary">
        Par rapport à la version {previousVersion} :{" "}
        {count(diff.added.length, "exigence ajoutée", "exigences ajoutées")},{" "}
        {count(diff.removed.length, "exigence supprimée", "exigences supprimées")},{" "}
        {count(diff.changed.length, "exigence modifiée", "exigences modifiées")}.
      </p>
      {diff.added.length > 0 ? (
        <section>
          <h3>Exigences ajoutées</h3>
          <ItemList items={diff.added} what="domaine" />
        </section>
      ) : null}
      {diff.removed.length > 0 ? (
        <section>
          <h3>Exigences supprimées</h3>
          <p className="muted small">
            Les réponses déjà données sur la version précédente restent attachées à celle-ci.
          </p>
          <ItemList items={diff.removed} what="domaine" />
        </section>
      ) : null}
      {diff.changed.length > 0 ? (
        <section>
          <h3>Exigences modifiées</h3>
          <Changed items={diff.changed} captionPrefix="Modifications de l'exigence" />
        </section>
      ) : null}
      {domains.added.length + domains.removed.length + domains.changed.length > 0 ? (
        <section className="stack" style={{ gap: "0.5rem" }}>
          <h3 style={{ margin: 0 }}>Domaines</h3>
          {domains.added.length > 0 ? (
            <div>
              <p className="small" style={{ margin: 0, fontWeight: 600 }}>
                Ajoutés
              </p>
              <ItemList items={domains.added} what="domaine" />
            </div>
          ) : null}
          {domains.removed.length > 0 ? (
            <div>
              <p className="small" style={{ margin: 0, fontWeight: 600 }}>
                Supprimés
              </p>
              <ItemList items={domains.removed} what="domaine" />
            </div>
          ) : null}
          {domains.changed.length > 0 ? (
            <Changed items={domains.changed} captionPrefix="Modifications du domaine" />
          ) : null}
        </section>
      ) : null}
      {diff.metadata.length > 0 ? (
        <section>
          <h3>Autres champs du référentiel</h3>
          <FieldChanges fields={diff.metadata} caption="Autres champs modifiés" />
        </section>
      ) : null}
    </div>
  );
}
