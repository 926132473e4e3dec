"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Modal } from "@/components/ui/modal";
import { RowEditDelete } from "@/components/ui/row-edit-delete";
import { sendJson } from "@/lib/core/client-fetch";
import type { FundingParameterView } from "@/lib/funding/commands";
import type { FundingParameterFormValues } from "@/lib/funding/schemas";
import { type FundingFormOptions, FundingParameterForm } from "./funding-parameter-form";

/** The parameter fields a row hands to its edit form: the view without who set it and when. */
export type EditableParameter = Omit<FundingParameterView, "setById" | "setAt">;

/** "Ajouter un paramètre": the form in a dialog, with the region preselected on a region's page. */
export function AddParameterButton({
  options,
  regionId,
}: Readonly<{ options: FundingFormOptions; regionId?: string }>) {
  const [open, setOpen] = useState(false);
  const defaults: FundingParameterFormValues = {
    campaignId: options.campaigns[0]?.id ?? "",
    scope: "region",
    regionId: regionId ?? (options.regions.length === 1 ? options.regions[0]!.id : null),
    establishmentId: null,
    domainCode: null,
    amountEuros: Number.NaN,
    amountMaxEuros: null,
    eligibleCount: null,
    populationActivity: null,
    ceilingEuros: null,
    assumption: "",
    isExample: false,
  };
  return (
    <>
      <button type="button" className="btn" onClick={() => setOpen(true)} disabled={options.campaigns.length === 0}>
        Ajouter un paramètre
      </button>
      <Modal open={open} title="Nouveau paramètre de financement" onClose={() => setOpen(false)}>
        <FundingParameterForm options={options} defaults={defaults} onDone={() => setOpen(false)} />
      </Modal>
    </>
  );
}

/** "Modifier" and "Supprimer" on one parameter. */
export function ParameterRowControls({
  options,
  parameter,
}: Readonly<{ options: FundingFormOptions; parameter: EditableParameter }>) {
  const router = useRouter();

  async function remove() {
    const result = await sendJson(`/api/funding/parameters/${parameter.id}`, {}, "DELETE");
    if (!result.ok) return result.message;
    router.refresh();
    return null;
  }

  const { id, campaignId, regionId, establishmentId, domainCode, amountEuros, assumption, isExample } = parameter;
  const { amountMaxEuros, eligibleCount, populationActivity, ceilingEuros } = parameter;
  const common = {
    campaignId,
    domainCode,
    amountEuros,
    amountMaxEuros,
    eligibleCount,
    populationActivity,
    ceilingEuros,
    assumption,
    isExample,
  };
  const defaults: FundingParameterFormValues = establishmentId
    ? { ...common, scope: "establishment", establishmentId, regionId: null }
    : { ...common, scope: "region", regionId, establishmentId: null };
  return (
    <RowEditDelete
      confirm="Supprimer ce paramètre ? Le montant correspondant ne sera plus affiché aux établissements."
      remove={remove}
      dialogTitle="Modifier le paramètre de financement"
    >
      {(close) => <FundingParameterForm options={options} defaults={defaults} parameterId={id} onDone={close} />}
    </RowEditDelete>
  );
}
