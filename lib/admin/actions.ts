import "server-only";

// The platform admin's commands: plain async functions (db, actor, [target id,] input, requestId),
// each asserting platform.manage, running one transaction and writing one audit event.
export { createEstablishment, finessPrefixFor, setEstablishmentDisabled, updateEstablishment } from "./establishment-actions";
export { createGht, updateGht } from "./ght-actions";
export { addMembership, removeMembership } from "./membership-actions";
export { createRegion, updateRegion } from "./region-actions";
export { createUser, updateUser } from "./user-actions";
