// Shapes of circles as the pages and forms show them (types only: the UI
// and the queries both name them from here, so neither depends on the other).

export type CircleRow = { id: string; name: string };

export type CircleWithCount = CircleRow & { memberCount: number };
