// The lengths and counts the schemas in lib/validations enforce, apart from
// them: a client form shows these (maxLength, counters) without loading zod.

export const MAX_SUMMARY_LENGTH = 2000;

export const CADENCE_MAX_DAYS = 3650;
export const MAX_ROWS_PER_KIND = 20;
export const CIRCLE_NAME_MAX = 60;
export const MAX_URL_LENGTH = 2000;

export const MAX_WIN_TITLE_LENGTH = 200;
export const MAX_WIN_TEXT_LENGTH = 4000;
export const MAX_METRIC_UNIT_LENGTH = 60;
export const MAX_SKILL_NAME_LENGTH = 60;
export const MAX_WIN_SKILLS = 20;
export const MAX_WIN_PEOPLE = 50;

export const MAX_LEARNING_TITLE_LENGTH = 200;
export const MAX_LEARNING_NOTES_LENGTH = 4000;
export const MAX_STONE_NOTE_LENGTH = 200;

// A real Positions.csv is a few kilobytes (LinkedIn keeps a profile's
// Experience section, and each description under 2,000 characters). The text
// travels as a server action's argument, and Next refuses a body over 1 MB
// before any of our code runs: JSON escaping of quotes and newlines and
// UTF-8 can double the text on the way, so half of that is what fits.
export const MAX_POSITIONS_TEXT_LENGTH = 500_000;

export const POSITIONS_TOO_LARGE_MESSAGE = `This file is larger than ${MAX_POSITIONS_TEXT_LENGTH / 1000} KB, far more than a LinkedIn Positions.csv (a few KB). Choose Positions.csv from your LinkedIn export.`;
