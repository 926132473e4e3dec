"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { sendJson } from "@/lib/core/client-fetch";
import { DOMAIN_LABELS, FLAG_FIELDS, FLAG_LABELS, HOSTING_LABELS, type TApplication } from "@/lib/inventory/schemas";
import { ApplicationForm } from "./application-form";
import { Modal } from "@/components/ui/modal";
import { DataTable } from "@/components/ui/data-table";

type Props = Readonly<{ establishmentId: string; applications: TApplication[]; canEdit: boolean }>;

type Dialog =
  { kind: "add" } | { kind: "edit"; application: TApplication } | { kind: "delete"; application: TApplication } | null;

/** ✓ or —, with the words for screen readers (the symbols themselves are hidden from them). */
function YesNo({ value }: Readonly<{ value: boolean }>) {
  return (
    <>
      <span aria-hidden="true" style={{ color: value ? "var(--green)" : "var(--muted)", fontWeight: 700 }}>
        {value ? "✓" : "—"}
      </span>
      <span className="visually-hidden">{value ? "Oui" : "Non"}</span>
    </>
  );
}

/** The applications table, with add / edit / delete in dialogs for those who may edit. */
export function InventoryTable({ establishmentId, applications, canEdit }: Props) {
  const router = useRouter();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const close = () => {
    setDialog(null);
    setDeleteError(null);
  };

  function saved(message: string) {
    close();
    setStatus(message);
    router.refresh();
  }

  async function confirmDelete(application: TApplication) {
    setDeleting(true);
    setDeleteError(null);
    const result = await sendJson(`/api/establishments/${establishmentId}/inventory/${application.id}`, {}, "DELETE");
    setDeleting(false);
    if (!result.ok) {
      setDeleteError(result.message);
      return;
    }
    saved(`« ${application.name} » a été supprimée de l'inventaire.`);
  }

  return (
    <section aria-labelledby="applications-title" className="stack">
      <div className="row">
        <h2 id="applications-title" style={{ margin: 0 }}>
          Applications <span className="muted small">({applications.length})</span>
        </h2>
        <span className="spacer" />
        {canEdit ? (
          <button
            className="btn"
            type="button"
            onClick={() => {
              setStatus(null);
              setDialog({ kind: "add" });
            }}
          >
            Ajouter une application
          </button>
        ) : null}
      </div>
      <div role="status" aria-live="polite">
        {status ? (
          <div className="alert alert-success">
            <p style={{ margin: 0 }}>{status}</p>
          </div>
        ) : null}
      </div>

      {applications.length === 0 ? (
        <div className="card empty">
          <strong>L&apos;inventaire est vide</strong>
          <p style={{ maxWidth: "70ch", margin: "0.5rem auto" }}>
            L&apos;inventaire recense les applications de l&apos;établissement, les domaines fonctionnels qu&apos;elles
            couvrent, leur raccordement aux référentiels uniques d&apos;identités et de mouvements, et leur mode
            d&apos;authentification. Il sert à calculer les indicateurs « part des applications » du questionnaire :
            chaque application compte une fois, quel que soit le nombre de domaines qu&apos;elle couvre.
          </p>
          <p style={{ margin: 0 }}>
            {canEdit
              ? "Ajoutez les applications une à une, ou téléchargez le modèle CSV, remplissez-le dans un tableur et importez-le."
              : "La direction ou la DSI de l'établissement le renseigne."}
          </p>
        </div>
      ) : (
        // Focusable, so that a keyboard user can scroll the table sideways on a narrow screen.
        <DataTable
          caption="Inventaire des applications de l'établissement"
          scrollLabel="Inventaire des applications"
          head={
            <>
              <th scope="col">Application</th>
              <th scope="col">Éditeur</th>
              <th scope="col">Domaines</th>
              <th scope="col">Hébergement</th>
              {FLAG_FIELDS.map((flag) => (
                <th scope="col" key={flag} style={{ whiteSpace: "normal", minWidth: "6rem" }}>
                  <abbr title={FLAG_LABELS[flag].label} style={{ textDecoration: "none" }}>
                    {FLAG_LABELS[flag].short}
                  </abbr>
                </th>
              ))}
              {canEdit ? (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              ) : null}
            </>
          }
        >
          {applications.map((app) => (
            <tr key={app.id}>
              <th
                scope="row"
                style={{
                  background: "none",
                  fontWeight: 600,
                  whiteSpace: "normal",
                  borderBottom: "1px solid var(--line)",
                }}
              >
                {app.name}
                {app.version ? (
                  <span className="muted small" style={{ display: "block", fontWeight: 400 }}>
                    Version {app.version}
                  </span>
                ) : null}
              </th>
              <td>{app.vendor ?? <span className="muted">—</span>}</td>
              <td>
                <ul className="row" style={{ listStyle: "none", margin: 0, padding: 0, gap: "0.25rem" }}>
                  {app.domains.map((d) => (
                    <li key={d} className="badge">
                      {DOMAIN_LABELS[d]}
                    </li>
                  ))}
                </ul>
              </td>
              <td>{HOSTING_LABELS[app.hosting]}</td>
              {FLAG_FIELDS.map((flag) => (
                <td key={flag} style={{ textAlign: "center" }}>
                  <YesNo value={app[flag]} />
                </td>
              ))}
              {canEdit ? (
                <td>
                  <div className="row" style={{ flexWrap: "nowrap", gap: "0.5rem" }}>
                    <button
                      className="btn btn-secondary btn-small"
                      type="button"
                      aria-label={`Modifier ${app.name}`}
                      onClick={() => {
                        setStatus(null);
                        setDialog({ kind: "edit", application: app });
                      }}
                    >
                      Modifier
                    </button>
                    <button
                      className="btn btn-danger btn-small"
                      type="button"
                      aria-label={`Supprimer ${app.name}`}
                      onClick={() => {
                        setStatus(null);
                        setDialog({ kind: "delete", application: app });
                      }}
                    >
                      Supprimer
                    </button>
                  </div>
                </td>
              ) : null}
            </tr>
          ))}
        </DataTable>
      )}

      {canEdit ? (
        <>
          <Modal
            open={dialog?.kind === "add" || dialog?.kind === "edit"}
            title={dialog?.kind === "edit" ? `Modifier « ${dialog.application.name} »` : "Ajouter une application"}
            onClose={close}
          >
            {dialog?.kind === "add" || dialog?.kind === "edit" ? (
              <ApplicationForm
                establishmentId={establishmentId}
                application={dialog.kind === "edit" ? dialog.application : undefined}
                onCancel={close}
                onSaved={(app) =>
                  saved(
                    dialog.kind === "edit"
                      ? `« ${app.name} » a été mise à jour.`
                      : `« ${app.name} » a été ajoutée à l'inventaire.`,
                  )
                }
              />
            ) : null}
          </Modal>
          <Modal open={dialog?.kind === "delete"} title="Supprimer une application" onClose={close}>
            {dialog?.kind === "delete" ? (
              <div className="stack">
                <FormAlert message={deleteError} />
                <p style={{ margin: 0 }}>
                  Supprimer « {dialog.application.name} » de l&apos;inventaire ? Les indicateurs seront recalculés sans
                  elle. Une évaluation déjà soumise garde sa copie de l&apos;inventaire.
                </p>
                <div className="form-actions">
                  <button
                    className="btn btn-danger"
                    type="button"
                    disabled={deleting}
                    onClick={() => confirmDelete(dialog.application)}
                  >
                    {deleting ? "Suppression…" : "Supprimer"}
                  </button>
                  <button className="btn btn-secondary" type="button" disabled={deleting} onClick={close} autoFocus>
                    Annuler
                  </button>
                </div>
              </div>
            ) : null}
          </Modal>
        </>
      ) : null}
    </section>
  );
}
