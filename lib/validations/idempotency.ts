import { z } from "zod";

// The key a device's offline queue sends with a capture (chosen once per
// entry, sent with every replay of it: lib/actions/idempotent.ts). Absent
// for a capture sent at once.
export const idempotencyKeyField = {
  idempotencyKey: z.uuid({ error: "The sync key is not valid." }).nullish(),
};
