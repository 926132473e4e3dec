import { confidenceMarks, type TConfidence, type TMark } from "@/lib/referentials/schemas";
import { CONFIDENCE, MARK_SUBJECTS } from "./labels";

/** One H / M / L mark, with its meaning spelled out for screen readers and on hover. */
export function ConfidenceBadge({ confidence, subject }: Readonly<{ confidence: TMark; subject?: string }>) {
  const mark = CONFIDENCE[confidence];
  return (
    <span className={`badge ${mark.badge}`} title={`${subject ? `${subject} : ` : ""}${mark.text}`}>
      {subject ? `${subject} ${mark.label}` : mark.label}
      <span className="visually-hidden"> : {mark.text}</span>
    </span>
  );
}

/**
 * The three marks of a requirement, H included: the wording, the code and the target. A file with
 * one legacy mark shows it three times, which is what it meant.
 */
export function ConfidenceMarks({ confidence }: Readonly<{ confidence: TConfidence }>) {
  const marks = confidenceMarks({ confidence });
  return (
    <span className="row" style={{ gap: 4, display: "inline-flex", flexWrap: "wrap" }} data-testid="confidence-marks">
      {MARK_SUBJECTS.map(({ key, label }) => (
        <ConfidenceBadge key={key} confidence={marks[key]} subject={label} />
      ))}
    </span>
  );
}
