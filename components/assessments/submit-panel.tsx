"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { controlA11y, Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { ATTESTATION_STATEMENT, type TSubmitAssessment, ZSubmitAssessment } from "@/lib/assessments/schemas";
import { sendJson } from "@/lib/core/client-fetch";

type Props = Readonly<{
  assessmentId: string;
  version: number;
  defaultName: string;
  defaultTitle: string;
  today: string;
  missing: number;
}>;

/** The director's attestation and submission. The server re-checks the whole questionnaire. */
export function SubmitPanel({ assessmentId, version, defaultName, defaultTitle, today, missing }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<TSubmitAssessment>({
    resolver: zodResolver(ZSubmitAssessment),
    defaultValues: {
      name: defaultName,
      title: defaultTitle,
      date: today,
      accurate: undefined as unknown as true,
      expectedVersion: version,
    },
  });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: TSubmitAssessment) {
    setError(null);
    const result = await sendJson(`/api/assessments/${assessmentId}/submit`, values);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    router.refresh();
  }

  if (missing > 0) {
    return (
      <p className="alert alert-warning" style={{ margin: 0 }}>
        Encore {missing} réponse{missing > 1 ? "s" : ""} à donner ou à confirmer avant de pouvoir attester et soumettre.
      </p>
    );
  }
  return (
    <form className="form" onSubmit={form.handleSubmit(onSubmit)} noValidate aria-label="Attestation et soumission">
      <FormAlert message={error} />
      <div className="form-grid">
        <Field id="att-name" label="Nom du signataire" error={errors.name?.message}>
          <input className="input" {...controlA11y("att-name", errors.name?.message)} {...form.register("name")} />
        </Field>
        <Field id="att-title" label="Fonction" error={errors.title?.message}>
          <input className="input" {...controlA11y("att-title", errors.title?.message)} {...form.register("title")} />
        </Field>
        <Field id="att-date" label="Date" error={errors.date?.message}>
          <input
            className="input"
            type="date"
            {...controlA11y("att-date", errors.date?.message)}
            {...form.register("date")}
          />
        </Field>
      </div>
      <label className="checkbox" htmlFor="att-accurate">
        <input
          id="att-accurate"
          type="checkbox"
          aria-invalid={errors.accurate ? true : undefined}
          {...form.register("accurate")}
        />
        <span>{ATTESTATION_STATEMENT}</span>
      </label>
      {errors.accurate ? <p className="field-error">{errors.accurate.message}</p> : null}
      <p className="small muted" style={{ margin: 0 }}>
        Une fois soumise, l&apos;évaluation passe en lecture seule. Vous pourrez la rouvrir en nouvelle révision ; la
        version soumise restera conservée.
      </p>
      <div className="form-actions">
        <button className="btn" type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Soumission…" : "Attester et soumettre"}
        </button>
      </div>
    </form>
  );
}
