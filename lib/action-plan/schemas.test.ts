import { describe, expect, it } from "vitest";
import { ZActionInput, ZActionUpdate } from "./schemas";

const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join(".") || "_", i.message]));

describe("[ACTION-PLAN] schemas", () => {
  it("creates with status « à faire » by default and trims the title", () => {
    expect(ZActionInput.parse({ title: "  Nommer un RSSI  " })).toEqual({ title: "Nommer un RSSI", status: "todo" });
  });

  it("refuses bad values in French", () => {
    const r = ZActionInput.safeParse({
      title: "ab",
      estimatedCost: 1.5,
      dueOn: "2026-02-30",
      status: "late",
      other: 1,
    });
    expect(messages(r)).toMatchObject({
      title: "L'intitulé compte au moins 3 caractères.",
      estimatedCost: "Le coût estimé est un nombre entier d'euros.",
      dueOn: "Échéance invalide : format attendu AAAA-MM-JJ.",
      status: expect.stringContaining("Choisissez un statut"),
      _: "Champ non prévu : other.",
    });
  });

  it("updates only the fields sent (no default status), allows clearing with null, needs a change", () => {
    expect(ZActionUpdate.parse({ notes: "Fait.", expectedVersion: 3 })).toEqual({ notes: "Fait.", expectedVersion: 3 });
    expect(ZActionUpdate.parse({ ownerId: null, dueOn: null, expectedVersion: 1 })).toEqual({
      ownerId: null,
      dueOn: null,
      expectedVersion: 1,
    });
    expect(messages(ZActionUpdate.safeParse({ expectedVersion: 1 }))._).toBe("Aucune modification n'a été envoyée.");
    expect(ZActionUpdate.safeParse({ status: "done" }).success).toBe(false);
  });
});
