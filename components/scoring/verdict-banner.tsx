import Link from "next/link";
import type { ReactNode } from "react";
import type { DomainVerdict, ProvisionalItem, RequirementResult, Verdict, VerdictStatus } from "@/lib/scoring/types";

type Props = Readonly<{
  verdict: Verdict;
  /** `/establishments/…/assessments/…`: missing requirements link to their question. */
  base: string;
  /** Filled by the funding feature ("financement en jeu"); nothing is rendered when absent. */
  fundingSlot?: ReactNode;
}>;

const TONE: Record<VerdictStatus, { alert: string; badge: string; icon: string; word: string }> = {
  eligible: { alert: "alert-success", badge: "badge-green", icon: "✓ ", word: "Éligible" },
  reserved: { alert: "alert-warning", badge: "badge-orange", icon: "? ", word: "Sous réserve" },
  not_eligible: { alert: "alert-warning", badge: "badge-red", icon: "! ", word: "Pas encore éligible" },
};

const questionHref = (base: string, r: { domain: string; code: string }) =>
  `${base}/sections/${encodeURIComponent(r.domain)}#${encodeURIComponent(r.code)}`;

function MissingList({ items, base }: Readonly<{ items: RequirementResult[]; base: string }>) {
  return (
    <ul>
      {items.map((r) => (
        <li key={r.code}>
          <Link href={questionHref(base, r)}>
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
  );
}

/** The provisional items the verdict turns on, each with why it is provisional. */
function ProvisionalList({ items }: Readonly<{ items: ProvisionalItem[] }>) {
  return (
    <div style={{ marginTop: "0.75rem" }} data-testid="verdict-provisional">
      <p style={{ margin: 0, fontWeight: 600 }}>Éléments provisoires qui changeraient le verdict :</p>
      <ul className="small">
        {items.map((p) => (
          <li key={p.code}>
            <strong>{p.code}</strong> — {p.label}{" "}
            <span className="muted">
              (
              {p.what
                .map((w) =>
                  w === "target"
                    ? `cible provisoire${p.target ? ` ${p.target}` : ""}`
                    : "caractère bloquant provisoire",
                )
                .join(", ")}
              )
            </span>
            {p.reason ? <div className="muted">{p.reason}</div> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function DomainVerdicts({ domains, base }: Readonly<{ domains: DomainVerdict[]; base: string }>) {
  return (
    <div style={{ marginTop: "0.75rem" }} data-testid="domain-verdicts">
      <p style={{ margin: 0, fontWeight: 600 }}>Verdict par domaine d&apos;usage (financement versé par domaine) :</p>
      <ul style={{ listStyle: "none", padding: 0 }}>
        {domains.map((d) => (
          <li key={d.code} className="card" style={{ marginTop: "0.5rem" }} data-testid={`domain-verdict-${d.code}`}>
            <span className={`badge ${TONE[d.status].badge}`}>{TONE[d.status].word}</span> <strong>{d.code}</strong> —{" "}
            {d.title}
            <div className="small">{d.headline}</div>
            {d.blockingMissing.length ? <MissingList items={d.blockingMissing} base={base} /> : null}
            {d.reasons.length ? (
              <ul className="small">
                {d.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The verdict first, in a large banner: green when met, orange otherwise, with what is missing or provisional. */
export function VerdictBanner({ verdict, base, fundingSlot }: Props) {
  const tone = TONE[verdict.status];
  return (
    <section
      className={`alert ${tone.alert}`}
      aria-labelledby="verdict-title"
      data-testid="verdict"
      data-status={verdict.status}
      style={{ padding: "1.25rem 1.5rem", borderLeftWidth: 8 }}
    >
      <h2 id="verdict-title" style={{ fontSize: "1.6rem", margin: 0 }}>
        <span aria-hidden="true">{tone.icon}</span>
        {verdict.headline}
      </h2>
      {verdict.domains.length > 0 ? <DomainVerdicts domains={verdict.domains} base={base} /> : null}
      {verdict.domains.length === 0 && verdict.blockingMissing.length > 0 ? (
        <div style={{ marginTop: "0.75rem" }}>
          <p style={{ margin: 0, fontWeight: 600 }}>À remplir pour devenir éligible :</p>
          <MissingList items={verdict.blockingMissing} base={base} />
        </div>
      ) : null}
      {verdict.domains.length === 0 && verdict.provisional.length > 0 ? (
        <ProvisionalList items={verdict.provisional} />
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
