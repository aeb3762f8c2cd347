import { createContactAction } from "@/app/(app)/contacts/actions";
import { quickAddPeopleAction } from "@/app/(app)/events/actions";
import { recordWin } from "@/app/(app)/journal/actions";
import { logTouch } from "@/app/(app)/touches/actions";
import type { ActionResult } from "@/lib/actions/result";
import type { CaptureKind } from "@/lib/validations/idempotency";

// The server action behind each kind of capture: a queued entry replays
// through the very action its form calls, with the same validation.
export const CAPTURE_SENDERS = {
  touch: logTouch,
  "quick-add": quickAddPeopleAction,
  contact: createContactAction,
  win: recordWin,
} satisfies Record<CaptureKind, (input: never) => Promise<ActionResult<unknown>>>;

export type CaptureInput<K extends CaptureKind> = Parameters<(typeof CAPTURE_SENDERS)[K]>[0];
export type CaptureResult<K extends CaptureKind> = Awaited<ReturnType<(typeof CAPTURE_SENDERS)[K]>>;

export function sendWithKey<K extends CaptureKind>(kind: K, input: CaptureInput<K>, key: string): Promise<CaptureResult<K>> {
  const send = CAPTURE_SENDERS[kind] as (input: CaptureInput<K>) => Promise<CaptureResult<K>>;
  return send({ ...input, idempotencyKey: key });
}

// What the server answers that saved nothing and needs the person: a new
// contact that looks like people already in Kith.
export function refusalOf(kind: CaptureKind, result: ActionResult<unknown>): string | null {
  if (!result.ok) return result.formError ?? "Kith could not save this.";
  const data = result.data as { status?: string; duplicates?: { name: string }[] };
  if (kind === "contact" && data.status === "duplicates") {
    const names = (data.duplicates ?? []).map((duplicate) => duplicate.name).join(", ");
    return `Kith already has people who may be the same: ${names}. Edit it to create it anyway, or discard it.`;
  }
  return null;
}
