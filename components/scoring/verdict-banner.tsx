import Link from "next/link";
import type { ReactNode } from "react";
import type { Verdict } from "@/lib/scoring/types";

type Props = Readonly<{
  verdict: Verdict;
  /** `/establishments/…/assessments/…`: missing requirements link to their question. */
  base: string;
  /** Filled by the funding feature ("financement en jeu"); nothing is rendered when absent. */
  fundingSlot?: ReactNode;
}>;

/** The verdict first, in a large banner: green when eligible, orange otherwise, with what is missing. */
export function VerdictBanner({ verdict, base, fundingSlot }: Props) {
  return (
    <section
      className={`alert ${verdict.eligible ? "alert-success" : "alert-warning"}`}
      aria-labelledby="verdict-title"
      data-testid="verdict"
      style={{ padding: "1.25rem 1.5rem", borderLeftWidth: 8 }}
    >
      <h2 id="verdict-title" style={{ fontSize: "1.6rem", margin: 0 }}>
        <span aria-hidden="true">{verdict.eligible ? "✓ " : "! "}</span>
        {verdict.headline}
      </h2>
      {verdict.blockingMissing.length > 0 ? (
        <div style={{ marginTop: "0.75rem" }}>
          <p style={{ margin: 0, fontWeight: 600 }}>À remplir pour devenir éligible :</p>
          <ul>
            {verdict.blockingMissing.map((r) => (
              <li key={r.code}>
                <Link href={`${base}/sections/${encodeURIComponent(r.domain)}#${encodeURIComponent(r.code)}`}>
                  <strong>{r.code}</strong> — {r.label}
                </Link>
                {r.status === "unknown" ? (
                  <span className="badge badge-orange" style={{ marginLeft: 8 }}>
                    À instruire
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {verdict.reasons.length > 0 ? (
        <ul className="small" style={{ marginTop: "0.75rem" }}>
          {verdict.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      ) : null}
      {fundingSlot ? <div style={{ marginTop: "0.75rem" }}>{fundingSlot}</div> : null}
    </section>
  );
}
