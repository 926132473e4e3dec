import "server-only";
import type { Db } from "@/lib/core/db";
import { type ComparisonSettings, parseSettings, SETTINGS_KEY } from "./settings";

export async function loadSettings(db: Db): Promise<ComparisonSettings> {
  const row = await db.setting.findUnique({ where: { key: SETTINGS_KEY } });
  return parseSettings(row?.value);
}
