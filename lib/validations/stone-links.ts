import { z } from "zod";
import { STONE_PERSON_PARTS } from "@/lib/domain/enums";
import { MAX_STONE_NOTE_LENGTH } from "@/lib/domain/limits";
import { skillNameSchema } from "@/lib/validations/journal";

// What links a stepping stone to the skills, people, wins and events that
// make it real. Ids are checked against the user's rows by the queries.

export const MAX_STONE_PEOPLE_AT_ONCE = 20;
export const MAX_LINK_SEARCH_LENGTH = 100;

const stoneId = z.uuid({ error: "That step was not found." });

const note = z
  .string({ error: "Enter the note as text." })
  .trim()
  .max(MAX_STONE_NOTE_LENGTH, `Keep the note under ${MAX_STONE_NOTE_LENGTH} characters.`)
  .nullish()
  .transform((text) => text || null);

const part = z.enum(STONE_PERSON_PARTS, { error: "Choose why they matter." });

export const stonePeopleInputSchema = z.object({
  stoneId,
  contactIds: z
    .array(z.uuid({ error: "Choose people from your contacts." }), { error: "Choose people from your contacts." })
    .min(1, "Choose someone from your contacts.")
    .max(MAX_STONE_PEOPLE_AT_ONCE, `Link at most ${MAX_STONE_PEOPLE_AT_ONCE} people at once.`)
    .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))]),
  part,
  note,
});

export type StonePeopleInput = z.input<typeof stonePeopleInputSchema>;
export type StonePeopleValues = z.output<typeof stonePeopleInputSchema>;

export const stonePersonUpdateSchema = z.object({
  stoneId,
  contactId: z.uuid({ error: "That person was not found." }),
  part,
  note,
});

export type StonePersonUpdateInput = z.input<typeof stonePersonUpdateSchema>;
export type StonePersonUpdate = z.output<typeof stonePersonUpdateSchema>;

export const stonePersonRefSchema = z.object({ stoneId, contactId: z.uuid({ error: "That person was not found." }) });
export type StonePersonRefInput = z.input<typeof stonePersonRefSchema>;
export type StonePersonRef = z.output<typeof stonePersonRefSchema>;

export const stoneSkillInputSchema = z.object({ stoneId, name: skillNameSchema });
export type StoneSkillInput = z.input<typeof stoneSkillInputSchema>;
export type StoneSkillValues = z.output<typeof stoneSkillInputSchema>;

export const stoneSkillRefSchema = z.object({ stoneId, skillId: z.uuid({ error: "That skill was not found." }) });
export type StoneSkillRefInput = z.input<typeof stoneSkillRefSchema>;
export type StoneSkillRef = z.output<typeof stoneSkillRefSchema>;

export const stoneWinRefSchema = z.object({ stoneId, winId: z.uuid({ error: "Choose a win from your journal." }) });
export type StoneWinRefInput = z.input<typeof stoneWinRefSchema>;
export type StoneWinRef = z.output<typeof stoneWinRefSchema>;

export const stoneEventRefSchema = z.object({ stoneId, eventId: z.uuid({ error: "Choose one of your events." }) });
export type StoneEventRefInput = z.input<typeof stoneEventRefSchema>;
export type StoneEventRef = z.output<typeof stoneEventRefSchema>;

// The type-aheads of the evidence and event pickers: empty is the latest.
export const linkSearchSchema = z.object({
  q: z
    .string({ error: "Type to search." })
    .trim()
    .max(MAX_LINK_SEARCH_LENGTH, `Type fewer than ${MAX_LINK_SEARCH_LENGTH} characters.`),
});

export type LinkSearch = z.output<typeof linkSearchSchema>;
