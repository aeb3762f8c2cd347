// Shapes of successes as the lists and the digest show them (types only).
import type { SuccessKind } from "@/lib/domain/enums";

export type WaitingSuccess = {
  id: string;
  kind: SuccessKind;
  title: string;
  occurredOn: string;
  url: string | null;
  contactId: string;
  contactName: string;
  /** When it was recorded: the weekly digest marks those new since the last one. */
  createdAt: Date;
};
