// The shapes the record-a-win form loads: a win as the form edits it, and the
// options its type-aheads offer (types only: queries fill them, the UI shows them).
import type { WinKind, WinPersonPart } from "@/lib/domain/enums";

export type WinPersonChoice = { contactId: string; name: string; part: WinPersonPart };

export type WinForEdit = {
  id: string;
  occurredOn: string;
  roleId: string | null;
  kind: WinKind;
  title: string;
  what: string | null;
  result: string | null;
  metricValue: number | null;
  metricUnit: string | null;
  url: string | null;
  situation: string | null;
  task: string | null;
  skills: string[];
  people: WinPersonChoice[];
};

export type SkillOption = { id: string; name: string; uses: number };
