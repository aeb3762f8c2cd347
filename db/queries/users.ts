import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import type { UserSettings } from "@/lib/domain/settings";
import type { Settings } from "@/lib/validations/settings";

const settingsColumns = {
  name: users.name,
  email: users.email,
  timeZone: users.timeZone,
  digestWeekday: users.digestWeekday,
  digestHour: users.digestHour,
  digestEnabled: users.digestEnabled,
  journalPromptEnabled: users.journalPromptEnabled,
  defaultCadenceDays: users.defaultCadenceDays,
};

export async function getUserSettings(db: Db, params: { userId: string }): Promise<UserSettings | undefined> {
  const [row] = await db.select(settingsColumns).from(users).where(eq(users.id, params.userId));
  return row;
}

export async function updateUserSettings(
  db: Db,
  params: { userId: string; settings: Settings },
): Promise<UserSettings | undefined> {
  const { name, ...rest } = params.settings;
  const [row] = await db
    .update(users)
    .set({ ...rest, name: name === "" ? null : name, updatedAt: new Date() })
    .where(eq(users.id, params.userId))
    .returning(settingsColumns);
  return row;
}

// The weekly email off, as its one-click unsubscribe asks.
export async function disableDigest(db: Db, params: { userId: string }): Promise<void> {
  await db.update(users).set({ digestEnabled: false, updatedAt: new Date() }).where(eq(users.id, params.userId));
}
