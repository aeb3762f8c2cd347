// A contact's timeline as its page shows it (types only).
import type { Channel, SuccessKind, ValueDirection, ValueKind } from "@/lib/domain/enums";

export type TimelineTouch = {
  type: "touch";
  id: string;
  at: Date;
  channel: Channel;
  summary: string | null;
  valueKind: ValueKind | null;
  valueDirection: ValueDirection | null;
  // Everyone involved, this contact included (an edit needs them all).
  contacts: { id: string; name: string }[];
};

export type TimelineSuccess = {
  type: "success";
  id: string;
  at: Date;
  kind: SuccessKind;
  title: string;
  occurredOn: string;
  url: string | null;
  isCongratulated: boolean;
  // The contact whose timeline this is, for "Congratulate".
  contact: { id: string; name: string };
};

export type TimelineItem = TimelineTouch | TimelineSuccess;

export type ContactTimeline = { items: TimelineItem[]; page: number; hasNewer: boolean; hasOlder: boolean };
