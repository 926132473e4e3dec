// Client-safe entry point of the scoring module (pure functions and types). The server queries
// live in ./queries and are imported from there directly.
export { scoreAssessment } from "./score";
export * from "./types"; // every scoring type, and REQUIREMENT_STATUSES
export { STATUS_LABELS } from "./labels";
export { diffAssessments } from "./diff";
export type { AssessmentDiff, RequirementChange } from "./diff";
export { reachedCoveredRequirements } from "./coverage";
