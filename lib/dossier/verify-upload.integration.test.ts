import { createHash } from "node:crypto";
import { runInNewContext } from "node:vm";
import v8 from "node:v8";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGate } from "@/lib/core/concurrency";
import { PEER_HEADER } from "@/lib/core/peer-address";
import { createTestDb, type TestDb } from "@/test/db";
import { BUSY_MESSAGE, handleVerifyRequest } from "./verify-request";
import { hashMultipartFile } from "./verify-upload";

// The public verifier reads uploads as a stream (never the whole file in memory, let alone twice)
// and hashes only a few at once: past the cap, a French 503 says to retry.

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const BOUNDARY = "socle-boundary-0123456789";
const CHUNK = 64 * 1024;
const MiB = 1024 * 1024;
const encoder = new TextEncoder();
const opening = encoder.encode(
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="dossier.pdf"\r\n` +
    `Content-Type: application/pdf\r\n\r\n%PDF-1.7\n`,
);
const closing = encoder.encode(`\r\n--${BOUNDARY}--\r\n`);

type Upload = {
  request: Request;
  /** Bytes of the file the server has pulled so far. */
  readonly pulled: number;
  /** Resolves when the server reads the body for the first time. */
  firstRead: Promise<void>;
};

/**
 * A multipart body of `chunks` fresh 64 KiB chunks, produced only when the server reads it
 * (highWaterMark 0: nothing is pulled ahead, so "pulled" means "read by the server"); the test keeps
 * none. `until` holds the first read; `onPull` sees every read.
 */
function streamedUpload(peer: string, chunks: number, opts: { until?: Promise<void>; onPull?: () => void } = {}) {
  let sent = -1;
  let pulled = 0;
  let firstRead!: () => void;
  const upload: Upload = {
    request: null as never,
    get pulled() {
      return pulled;
    },
    firstRead: new Promise<void>((resolve) => (firstRead = resolve)),
  };
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (sent === -1) {
          firstRead();
          await opts.until;
          controller.enqueue(opening);
        } else if (sent < chunks) {
          controller.enqueue(new Uint8Array(CHUNK).fill(0x41));
          pulled += CHUNK;
        } else if (sent === chunks) controller.enqueue(closing);
        else controller.close();
        sent += 1;
        opts.onPull?.();
      },
    },
    { highWaterMark: 0 },
  );
  upload.request = new Request("http://socle.test/api/verifier", {
    method: "POST",
    body,
    // @ts-expect-error Node's fetch needs it for a stream body
    duplex: "half",
    headers: { [PEER_HEADER]: peer, "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
  });
  return upload;
}

async function until(condition: () => boolean, what: string) {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
}

describe("[VERIFIER] uploads are hashed as a stream, a few at once", () => {
  it("checks a 19 Mo file (200, no match)", async () => {
    const answer = await handleVerifyRequest(t.db, streamedUpload("10.1.0.1", 19 * 16).request);
    expect(answer).toEqual({ status: 200, body: { result: { authentic: false, reason: "no_match" } } });
  });

  it("hashes each chunk as it arrives: what was read and not yet hashed stays under 1 Mo", async () => {
    // Counted, not sampled from the process: the bytes the server pulled minus the bytes the digest
    // received. Reading the whole body before hashing it (the old way) makes the gap the whole file.
    let hashed = 0;
    let widest = 0;
    const upload = streamedUpload("10.1.0.3", 19 * 16, { onPull: () => (widest = Math.max(widest, gap())) });
    const gap = () => upload.pulled - hashed;
    const digest = await hashMultipartFile(upload.request, {
      createDigest: () => {
        const hash = createHash("sha256");
        return {
          update: (chunk: Buffer) => ((hashed += chunk.byteLength), hash.update(chunk)),
          digest: (encoding: "hex") => hash.digest(encoding),
        } as never;
      },
    });
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(hashed).toBe(19 * MiB + "%PDF-1.7\n".length);
    expect(widest).toBeLessThan(MiB);
  });

  it("holds a small, fixed share of a large file's size in memory, not the file", async () => {
    // Process-wide buffers move by a few Mo with the database's own traffic (PostgreSQL's driver,
    // CI load): against a 128 Mo file that is noise, while keeping the file, once, is 128 Mo.
    v8.setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    gc();
    const before = process.memoryUsage().arrayBuffers;
    let peak = before;
    let reads = 0;
    const upload = streamedUpload("10.1.0.4", 128 * 16, {
      onPull: () => {
        if (++reads % 64 !== 0) return; // every 4 Mo, after a full collection: what is still held
        gc();
        peak = Math.max(peak, process.memoryUsage().arrayBuffers);
      },
    });
    await hashMultipartFile(upload.request, { maxBytes: 256 * MiB });
    expect(upload.pulled).toBe(128 * MiB);
    expect((peak - before) / MiB).toBeLessThan(128 / 8);
  });

  it("refuses a file past 20 Mo as it streams (413), even without a declared length", async () => {
    const answer = await handleVerifyRequest(t.db, streamedUpload("10.1.0.2", 21 * 16).request);
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ error: { message: expect.stringMatching(/20 Mo/) } });
  });

  it("answers 503 in French past the cap of uploads being read, then accepts again", async () => {
    const gate = createGate(2);
    let open!: () => void;
    const held = new Promise<void>((resolve) => (open = resolve));
    const first = [0, 1].map((i) => streamedUpload(`10.2.0.${i}`, 4, { until: held }));
    const answers = first.map((u) => handleVerifyRequest(t.db, u.request, { uploadGate: gate }));
    // Both are inside the gate and their bodies are being read (each waits for its bytes). The
    // quota check before the gate runs on parallel connections on PostgreSQL: the order in which
    // requests reach the gate is not the order they were sent, so the test waits for the gate itself.
    await Promise.all(first.map((u) => u.firstRead));
    await until(() => gate.active === 2, "two uploads in the gate");

    const third = await handleVerifyRequest(t.db, streamedUpload("10.2.0.9", 4).request, { uploadGate: gate });
    expect(third).toEqual({ status: 503, body: { error: { code: "BUSY", message: BUSY_MESSAGE } } });
    expect(BUSY_MESSAGE).toMatch(/réessayez/);

    open();
    for (const answer of await Promise.all(answers)) expect(answer.status).toBe(200);
    expect(gate.active).toBe(0);
    const again = await handleVerifyRequest(t.db, streamedUpload("10.2.0.9", 4).request, { uploadGate: gate });
    expect(again.status).toBe(200);
  });

  it("the process's own gate takes VERIFIER_MAX_CONCURRENT uploads at once", async () => {
    // The default gate is the one the route uses; it is shared by every caller in the process.
    const { env } = await import("@/lib/core/env");
    await handleVerifyRequest(t.db, streamedUpload("10.3.0.1", 1).request);
    const gate = (globalThis as { socleVerifyGate?: ReturnType<typeof createGate> }).socleVerifyGate!;
    const releases = Array.from({ length: env.verifierMaxConcurrent }, () => gate.tryEnter());
    expect(releases.every(Boolean)).toBe(true);
    expect(gate.tryEnter()).toBeNull();
    for (const release of releases) release!();
  });
});
