import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getUserSettings } from "@/db/queries/users";
import { users } from "@/db/schema";
import { defineAuthedAction } from "@/lib/actions/define-action";
import { saveSettings } from "@/lib/settings/save-settings";
import { type SettingsInput, settingsInputSchema } from "@/lib/validations/settings";
import { createUser } from "../factories";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

// The production action is this composition with the session's user id.
function settingsActionAs(userId: string | null) {
  return defineAuthedAction({ getUserId: async () => userId, getDb: async () => t.db })(
    settingsInputSchema,
    saveSettings,
  );
}

const valid: SettingsInput = {
  name: "Ada Lovelace",
  timeZone: "Europe/London",
  digestWeekday: 5,
  digestHour: 7,
  digestEnabled: false,
  journalPromptEnabled: false,
  defaultCadenceDays: 45,
};

describe("settings action", () => {
  it("saves valid input for the signed-in user", async () => {
    const user = await createUser(t.db);
    const result = await settingsActionAs(user.id)(valid);
    expect(result).toMatchObject({ ok: true });
    expect(await getUserSettings(t.db, { userId: user.id })).toEqual({
      name: "Ada Lovelace",
      email: user.email,
      timeZone: "Europe/London",
      digestWeekday: 5,
      digestHour: 7,
      digestEnabled: false,
      journalPromptEnabled: false,
      defaultCadenceDays: 45,
    });
  });

  it("refuses bad input with field errors and writes nothing", async () => {
    const user = await createUser(t.db, { timeZone: "Asia/Tokyo" });
    const before = await getUserSettings(t.db, { userId: user.id });
    const result = await settingsActionAs(user.id)({
      ...valid,
      timeZone: "Mars/Olympus_Mons",
      digestHour: 24,
      defaultCadenceDays: 0,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["defaultCadenceDays", "digestHour", "timeZone"]);
    expect(result.fieldErrors?.timeZone?.[0]).toMatch(/time zone/i);
    expect(await getUserSettings(t.db, { userId: user.id })).toEqual(before);
  });

  it("asks for a session when there is none, and writes nothing", async () => {
    const user = await createUser(t.db);
    const before = await getUserSettings(t.db, { userId: user.id });
    const result = await settingsActionAs(null)(valid);
    expect(result).toEqual({ ok: false, formError: expect.stringMatching(/sign in/i) });
    expect(await getUserSettings(t.db, { userId: user.id })).toEqual(before);
  });

  it("changes only the session user's row, whatever the input says", async () => {
    const me = await createUser(t.db);
    const other = await createUser(t.db, { name: "Other", timeZone: "America/New_York" });
    const otherBefore = await getUserSettings(t.db, { userId: other.id });
    const smuggled = { ...valid, userId: other.id, id: other.id, email: other.email };
    const result = await settingsActionAs(me.id)(smuggled);
    expect(result.ok).toBe(true);
    expect(await getUserSettings(t.db, { userId: other.id })).toEqual(otherBefore);
    const [mine] = await t.db.select({ email: users.email }).from(users).where(eq(users.id, me.id));
    expect(mine?.email).toBe(me.email);
  });
});

describe("settings queries", () => {
  it("answer 'not found' for an id that is not the user's", async () => {
    await createUser(t.db);
    const stranger = "00000000-0000-4000-8000-000000000000";
    expect(await getUserSettings(t.db, { userId: stranger })).toBeUndefined();
    const result = await settingsActionAs(stranger)(valid);
    expect(result).toEqual({ ok: false, formError: expect.stringMatching(/not found/i) });
  });
});
