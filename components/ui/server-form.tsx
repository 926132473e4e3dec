import type { FormEventHandler, ReactNode } from "react";
import { FormAlert } from "./form-alert";

type Props = Readonly<{
  /** The form's accessible name ("Nouvelle action", "Modifier le GHT"…). */
  label: string;
  onSubmit: FormEventHandler<HTMLFormElement>;
  /** What the server refused (useServerSubmit's alert): the summary above the controls. */
  alert: { message: string; errors: string[] } | null;
  /** The submit button's text, and its text while the request runs. */
  submitLabel: string;
  busyLabel?: string;
  submitting: boolean;
  /** A dialog's form: "Annuler" closes it. */
  onCancel?: () => void;
  /** Spread over the whole card instead of the reading width (dialogs, forms with a grid of controls). */
  wide?: boolean;
  children: ReactNode;
}>;

/**
 * A form sent to a JSON command: the server's summary first, the controls, then the submit button
 * (disabled while the request runs). noValidate: the zod schema's French messages, not the browser's.
 */
export function ServerForm(props: Props) {
  const { label, onSubmit, alert, submitLabel, busyLabel = "Enregistrement…", submitting, onCancel, wide } = props;
  return (
    <form
      className="form"
      style={wide ? { maxWidth: "none" } : undefined}
      onSubmit={onSubmit}
      noValidate
      aria-label={label}
    >
      <FormAlert message={alert?.message} errors={alert?.errors} />
      {props.children}
      <div className="form-actions">
        <button className="btn" type="submit" disabled={submitting}>
          {submitting ? busyLabel : submitLabel}
        </button>
        {onCancel ? (
          <button className="btn btn-secondary" type="button" onClick={onCancel} disabled={submitting}>
            Annuler
          </button>
        ) : null}
      </div>
    </form>
  );
}
