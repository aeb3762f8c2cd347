import { z } from "zod";

// A real Positions.csv is a few kilobytes (LinkedIn keeps a profile's
// Experience section, and each description under 2,000 characters). The text
// travels as a server action's argument, and Next refuses a body over 1 MB
// before any of our code runs: JSON escaping of quotes and newlines and
// UTF-8 can double the text on the way, so half of that is what fits.
export const MAX_POSITIONS_TEXT_LENGTH = 500_000;
// Far more jobs than a working life holds; each becomes a row of My roles.
export const MAX_POSITIONS_ROWS = 2_000;

export const POSITIONS_TOO_LARGE_MESSAGE = `This file is larger than ${MAX_POSITIONS_TEXT_LENGTH / 1000} KB, far more than a LinkedIn Positions.csv (a few KB). Choose Positions.csv from your LinkedIn export.`;

export const POSITIONS_TOO_MANY_ROWS_MESSAGE = `This file has more than ${MAX_POSITIONS_ROWS.toLocaleString("en-GB")} positions; Kith imports up to ${MAX_POSITIONS_ROWS.toLocaleString("en-GB")} at a time. Choose Positions.csv from your LinkedIn export.`;

export const positionsImportSchema = z.object({
  text: z.string({ error: "Choose a Positions.csv file." }).max(MAX_POSITIONS_TEXT_LENGTH, POSITIONS_TOO_LARGE_MESSAGE),
});

export type PositionsImportInput = z.input<typeof positionsImportSchema>;
export type PositionsImport = z.output<typeof positionsImportSchema>;
