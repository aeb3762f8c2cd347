import { z } from "zod";
import { MAX_POSITIONS_TEXT_LENGTH, POSITIONS_TOO_LARGE_MESSAGE } from "@/lib/domain/limits";

// Far more jobs than a working life holds; each becomes a row of My roles.
export const MAX_POSITIONS_ROWS = 2_000;

export const POSITIONS_TOO_MANY_ROWS_MESSAGE = `This file has more than ${MAX_POSITIONS_ROWS.toLocaleString("en-GB")} positions; Kith imports up to ${MAX_POSITIONS_ROWS.toLocaleString("en-GB")} at a time. Choose Positions.csv from your LinkedIn export.`;

export const positionsImportSchema = z.object({
  text: z.string({ error: "Choose a Positions.csv file." }).max(MAX_POSITIONS_TEXT_LENGTH, POSITIONS_TOO_LARGE_MESSAGE),
});

export type PositionsImportInput = z.input<typeof positionsImportSchema>;
export type PositionsImport = z.output<typeof positionsImportSchema>;
