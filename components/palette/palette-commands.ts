import {
  BriefcaseIcon,
  CalendarPlusIcon,
  FileTextIcon,
  FlagIcon,
  GraduationCapIcon,
  type LucideIcon,
  PlusIcon,
  TrophyIcon,
  UploadIcon,
  UserPlusIcon,
  WrenchIcon,
} from "lucide-react";
import { defaultFilter } from "cmdk";

import { navItems } from "@/components/shell/nav-links";

export type PaletteCommand = {
  id: string;
  label: string;
  Icon: LucideIcon;
  /** Other words a person might type for it. */
  keywords?: string[];
} & ({ href: string } | { dialog: "log-touch" | "record-win"; shortcut: string });

export const PALETTE_ACTIONS: PaletteCommand[] = [
  { id: "log-touch", label: "Log touch", Icon: PlusIcon, dialog: "log-touch", shortcut: "L", keywords: ["interaction", "call", "met"] },
  { id: "record-win", label: "Record a win", Icon: TrophyIcon, dialog: "record-win", shortcut: "J", keywords: ["journal", "success"] },
  { id: "new-contact", label: "New contact", Icon: UserPlusIcon, href: "/contacts/new", keywords: ["add", "person"] },
  { id: "new-event", label: "New event", Icon: CalendarPlusIcon, href: "/events/new", keywords: ["add", "meetup"] },
  { id: "new-goal", label: "New goal", Icon: FlagIcon, href: "/career/goals/new", keywords: ["add", "career"] },
  { id: "import", label: "Import contacts", Icon: UploadIcon, href: "/import", keywords: ["linkedin", "csv", "vcard"] },
];

// The main navigation, then the pages it reaches only through another page.
export const PALETTE_PAGES: PaletteCommand[] = [
  ...navItems.map(({ href, label, Icon }) => ({ id: href, label, Icon, href, keywords: [href.slice(1)] })),
  { id: "/career/skills", label: "Skills", Icon: WrenchIcon, href: "/career/skills", keywords: ["career"] },
  { id: "/career/learning", label: "Learning", Icon: GraduationCapIcon, href: "/career/learning", keywords: ["career"] },
  { id: "/journal/review", label: "Review pack", Icon: FileTextIcon, href: "/journal/review", keywords: ["journal"] },
  { id: "/journal/roles", label: "My roles", Icon: BriefcaseIcon, href: "/journal/roles", keywords: ["journal", "jobs"] },
];

export type RankedCommand = { command: PaletteCommand; score: number };

// cmdk's own fuzzy score (0 to 1), best first; the contacts beside these come
// from the server, so the palette filters everything itself.
export function rankCommands(commands: PaletteCommand[], query: string): RankedCommand[] {
  const q = query.trim();
  if (q === "") return commands.map((command) => ({ command, score: 1 }));
  return commands
    .map((command) => ({ command, score: defaultFilter(command.label, q, command.keywords) }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score);
}

// Words that may follow the verb before the name: "log a touch with Ada".
const LOG_TOUCH_FILLERS: Record<string, string[]> = { log: ["a", "touch", "with"], touch: ["with"] };

/**
 * The name in "log Ada", "log touch Ada", "log a touch with Ada" or "touch
 * Ada", whose contacts the palette offers to log a touch with; null for any
 * other query, and for the verb alone ("log touch" is the plain action).
 */
export function logTouchName(query: string): string | null {
  const [verb = "", ...rest] = query.trim().split(/\s+/);
  const fillers = LOG_TOUCH_FILLERS[verb.toLowerCase()];
  if (!fillers) return null;
  let words = rest;
  for (const filler of fillers) {
    if (words[0]?.toLowerCase() === filler) words = words.slice(1);
  }
  return words.length > 0 ? words.join(" ") : null;
}
