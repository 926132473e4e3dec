type FormAlertProps = Readonly<{ message?: string | null; kind?: "error" | "success"; errors?: string[] }>;

/** The error summary at the top of a form, announced to screen readers. */
export function FormAlert({ message, kind = "error", errors }: FormAlertProps) {
  if (!message) return null;
  return (
    <div className={`alert alert-${kind}`} role={kind === "error" ? "alert" : "status"} data-testid={`form-${kind}`}>
      <p style={{ margin: 0, fontWeight: 600 }}>{message}</p>
      {errors && errors.length > 0 ? (
        <ul>
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
