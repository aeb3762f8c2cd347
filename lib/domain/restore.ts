// What a restore reports back (types only).

export type RestoreCounts = {
  circles: number;
  events: number;
  contacts: number;
  touches: number;
  successes: number;
  roles: number;
  skills: number;
  wins: number;
  goals: number;
  steppingStones: number;
  learningItems: number;
};
