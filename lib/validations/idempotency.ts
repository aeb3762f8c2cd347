import { z } from "zod";

// The key a device's offline queue sends with a capture (chosen once per
// entry, sent with every replay of it: lib/actions/idempotent.ts). Absent
// for a capture sent at once.
export const idempotencyKeyField = {
  idempotencyKey: z.uuid({ error: "The sync key is not valid." }).nullish(),
};

// What a device may queue while offline and send with a key.
export const CAPTURE_KINDS = ["touch", "quick-add", "contact", "win"] as const;
export type CaptureKind = (typeof CAPTURE_KINDS)[number];
