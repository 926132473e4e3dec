import { describeVerifyResult, type VerifyResult } from "@/lib/dossier/verify-shared";

/** The answer of the public check, announced to screen readers. */
export function VerifyResultView({ result, by }: Readonly<{ result: VerifyResult; by: "code" | "file" }>) {
  const message = describeVerifyResult(result, by);
  return (
    <div
      className={`alert alert-${message.tone}`}
      role="status"
      data-testid="verify-result"
      data-authentic={result.authentic ? "true" : "false"}
    >
      <p style={{ margin: 0, fontWeight: 700 }}>{message.title}</p>
      <ul>
        {message.lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
