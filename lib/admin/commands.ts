import "server-only";

// The platform admin's commands: plain async functions (db, actor, [target id,] input, requestId),
// each asserting platform.manage, running one transaction and writing one audit event.
export {
  createEstablishment,
  finessPrefixFor,
  setEstablishmentDisabled,
  updateEstablishment,
} from "./establishment-commands";
export { createGht, updateGht } from "./ght-commands";
export { addMembership, removeMembership } from "./membership-commands";
export { createRegion, updateRegion } from "./region-commands";
export { resetSecondFactor, updateUser } from "./user-commands";
