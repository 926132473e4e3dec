import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/core/errors";
import { MAX_EVIDENCE_BYTES, TOO_LARGE_MESSAGE } from "./types";
import { readUploadForm } from "./upload-form";

const URL_ = "http://localhost/api/assessments/a1/evidence";

function multipart(fields: Record<string, string | File>): Request {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return new Request(URL_, { method: "POST", body: form });
}

async function refusal(request: Request) {
  const error = await readUploadForm(request).then(
    () => null,
    (e: unknown) => e,
  );
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return { code: error.code, message: error.message };
}

describe("[EVIDENCE] upload form", () => {
  it("reads the file and the requirement code", async () => {
    const { file, requirementCode } = await readUploadForm(
      multipart({ requirementCode: "P2.1", file: new File(["%PDF-1.7"], "a.pdf") }),
    );
    expect(requirementCode).toBe("P2.1");
    expect(file.name).toBe("a.pdf");
    expect(await file.text()).toBe("%PDF-1.7");
  });

  it("refuses a missing file, a bad code and a body that is not multipart", async () => {
    expect(await refusal(multipart({ requirementCode: "P2.1" }))).toMatchObject({
      code: "BAD_INPUT",
      message: "Choisissez un fichier à joindre.",
    });
    expect(await refusal(multipart({ requirementCode: "../x", file: new File(["x"], "a.txt") }))).toMatchObject({
      code: "BAD_INPUT",
    });
    expect(
      await refusal(new Request(URL_, { method: "POST", body: "{}", headers: { "content-type": "application/json" } })),
    ).toMatchObject({ code: "UNSUPPORTED_MEDIA" });
  });

  it("refuses with 413 before reading when the declared length is over 20 Mo", async () => {
    const request = new Request(URL_, {
      method: "POST",
      body: "--x--",
      headers: {
        "content-type": "multipart/form-data; boundary=x",
        "content-length": String(MAX_EVIDENCE_BYTES + 100_000),
      },
    });
    expect(await refusal(request)).toEqual({ code: "PAYLOAD_TOO_LARGE", message: TOO_LARGE_MESSAGE });
    expect(request.bodyUsed).toBe(false);
  });

  it("answers 413 when fewer bytes arrive than announced (a body cut in front of the route)", async () => {
    const cut = '--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.7';
    const request = new Request(URL_, {
      method: "POST",
      body: cut,
      headers: { "content-type": "multipart/form-data; boundary=x", "content-length": "5000" },
    });
    expect(await refusal(request)).toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      message: expect.stringMatching(/qu'une partie du fichier/),
    });
  });

  it("refuses with 413 a body without declared length that grows over 20 Mo", async () => {
    const chunk = new Uint8Array(1024 * 1024).fill(0x61);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 25) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const request = new Request(URL_, {
      method: "POST",
      body,
      headers: { "content-type": "multipart/form-data; boundary=x" },
      duplex: "half",
    } as RequestInit);
    expect(await refusal(request)).toEqual({ code: "PAYLOAD_TOO_LARGE", message: TOO_LARGE_MESSAGE });
    expect(sent).toBeLessThan(25);
  });
});
