// Shared by the upload form (checked before sending) and POST /api/admin/referentials (enforced).
// A plain module, not the client component: a route handler cannot read constants from "use client".

/** Largest referential file accepted through the admin upload: 512 KB of YAML. */
export const MAX_REFERENTIAL_BYTES = 512 * 1024;

/** At most this many located errors are sent back for a refused file. */
export const MAX_REPORTED_ERRORS = 200;

export type TUploadResponse = {
  status: "created" | "unchanged";
  versionId: string;
  referentialId: string;
  version: string;
};

export type TUploadError = { file: string; path: string; message: string; line?: number };
