import type { TConfidence } from "@/lib/referentials/schemas";
import { CONFIDENCE } from "./labels";

/** The H / M / L mark, with its meaning spelled out for screen readers and on hover. */
export function ConfidenceBadge({ confidence }: Readonly<{ confidence: TConfidence }>) {
  const mark = CONFIDENCE[confidence];
  return (
    <span className={`badge ${mark.badge}`} title={mark.text}>
      {mark.label}
      <span className="visually-hidden"> : {mark.text}</span>
    </span>
  );
}
