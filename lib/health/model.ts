// The relationship health model (docs/health-model.md explains every choice).
// One pure function per step, so the SQL twin in db/queries/health.ts can be
// checked against it term by term.

export const DAY_MS = 86_400_000;
/** How many cadence windows, counting back from now, consistency looks at. */
export const CONSISTENCY_WINDOWS = 4;
/** Value exchanged in the last year counts; older favours have faded. */
export const VALUE_LOOKBACK_DAYS = 365;
/** Value given (resp. received) earns full marks at this many touches a year. */
export const VALUE_GIVEN_TARGET = 2;
export const VALUE_RECEIVED_TARGET = 2;
/**
 * Past this many halvings recency is exactly 0. 0.5^64 is already nothing to
 * a score rounded to whole points, and PostgreSQL raises "value out of range:
 * underflow" for a power (or product) that underflows instead of returning 0.
 */
export const RECENCY_MAX_HALVINGS = 64;

export const WEIGHTS = { recency: 0.5, consistency: 0.3, value: 0.2, given: 0.6, received: 0.4 } as const;

export const HEALTH_BANDS = ["thriving", "steady", "fading", "dormant"] as const;
export type HealthBand = (typeof HEALTH_BANDS)[number];

/** Lowest score of each band; below the last one a relationship is dormant. */
export const BAND_FLOORS = { thriving: 75, steady: 50, fading: 25 } as const;

export const BAND_LABELS: Record<HealthBand, string> = {
  thriving: "Thriving",
  steady: "Steady",
  fading: "Fading",
  dormant: "Dormant",
};

export type HealthTouch = { occurredAt: Date; valueDirection: "given" | "received" | null };

export type HealthInput = {
  cadenceDays: number;
  createdAt: Date;
  touches: readonly HealthTouch[];
  now: Date;
};

/** What the score is made of; the SQL query returns exactly these. */
export type HealthFacts = {
  cadenceDays: number;
  /** Days (fractional) since the last touch, or since the contact was added. */
  daysSince: number;
  touched: boolean;
  touchedWindows: number;
  eligibleWindows: number;
  given: number;
  received: number;
};

export type HealthParts = { recency: number; consistency: number; value: number };

export type Health = HealthFacts & HealthParts & { score: number; band: HealthBand };

// Full marks within the cadence, then halving with every further cadence:
// twice as late as aimed for is worth half, three times a quarter.
export function recencyPart(daysSince: number, cadenceDays: number): number {
  if (daysSince <= cadenceDays) return 1;
  const halvings = (daysSince - cadenceDays) / cadenceDays;
  if (halvings > RECENCY_MAX_HALVINGS) return 0;
  return 0.5 ** halvings;
}

export function consistencyPart(touchedWindows: number, eligibleWindows: number): number {
  return touchedWindows / Math.max(1, eligibleWindows);
}

export function valuePart(given: number, received: number): number {
  return (
    WEIGHTS.given * Math.min(1, given / VALUE_GIVEN_TARGET) +
    WEIGHTS.received * Math.min(1, received / VALUE_RECEIVED_TARGET)
  );
}

export function bandOf(score: number): HealthBand {
  if (score >= BAND_FLOORS.thriving) return "thriving";
  if (score >= BAND_FLOORS.steady) return "steady";
  if (score >= BAND_FLOORS.fading) return "fading";
  return "dormant";
}

// Window i (0 = the current one) holds touches at least i and less than i+1
// cadences old; a touch dated in the future counts as now. The relationship
// began at the earlier of its first touch and when it was added: the window
// it began in and the later ones are eligible, older ones are not held
// against it. (The start's window counted as floor + 1, not ceil, so a start
// exactly on a window edge still makes its window eligible: touched windows
// never outnumber eligible ones.)
export function healthFacts(input: HealthInput): HealthFacts {
  const { cadenceDays, createdAt, touches, now } = input;
  const nowMs = now.getTime();
  const windowMs = cadenceDays * DAY_MS;
  const yearAgoMs = nowMs - VALUE_LOOKBACK_DAYS * DAY_MS;
  let lastMs = -Infinity;
  let startMs = createdAt.getTime();
  let given = 0;
  let received = 0;
  const windows = new Set<number>();
  for (const touch of touches) {
    const at = touch.occurredAt.getTime();
    lastMs = Math.max(lastMs, at);
    startMs = Math.min(startMs, at);
    const window = Math.floor(Math.max(0, nowMs - at) / windowMs);
    if (window < CONSISTENCY_WINDOWS) windows.add(window);
    if (at > yearAgoMs) {
      if (touch.valueDirection === "given") given += 1;
      if (touch.valueDirection === "received") received += 1;
    }
  }
  const touched = touches.length > 0;
  const sinceMs = Math.max(0, nowMs - (touched ? lastMs : createdAt.getTime()));
  const startWindow = Math.floor(Math.max(0, nowMs - startMs) / windowMs);
  return {
    cadenceDays,
    daysSince: sinceMs / DAY_MS,
    touched,
    touchedWindows: windows.size,
    eligibleWindows: Math.min(CONSISTENCY_WINDOWS, startWindow + 1),
    given,
    received,
  };
}

export function scoreFacts(facts: HealthFacts): Health {
  const parts: HealthParts = {
    recency: recencyPart(facts.daysSince, facts.cadenceDays),
    consistency: consistencyPart(facts.touchedWindows, facts.eligibleWindows),
    value: valuePart(facts.given, facts.received),
  };
  // floor(x + 0.5), as the SQL writes it (Math.round differs just below ½).
  const score = Math.floor(
    100 * (WEIGHTS.recency * parts.recency + WEIGHTS.consistency * parts.consistency + WEIGHTS.value * parts.value) +
      0.5,
  );
  return { ...facts, ...parts, score, band: bandOf(score) };
}

export function contactHealth(input: HealthInput): Health {
  return scoreFacts(healthFacts(input));
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

function times(count: number): string {
  if (count === 1) return "once";
  if (count === 2) return "twice";
  return `${count} times`;
}

// "41 days since the last touch; you aimed for every 30 · 2 of the last 4
// windows of 30 days had a touch · you gave value 3 times this year, received once"
export function explainHealth(facts: HealthFacts): string {
  // Touches are days stored at noon UTC: rounding counts calendar days.
  const days = Math.round(facts.daysSince);
  const since = facts.touched
    ? days === 0
      ? "Touched today"
      : `${plural(days, "day")} since the last touch`
    : days === 0
      ? "Added today, no touch yet"
      : `No touch in the ${plural(days, "day")} since you added them`;
  const every = facts.cadenceDays === 1 ? "day" : plural(facts.cadenceDays, "day");
  const recency = `${since}; you aimed for every ${every}`;
  const consistency =
    facts.eligibleWindows === 1
      ? facts.touchedWindows === 1
        ? `touched in the current ${plural(facts.cadenceDays, "day")}`
        : `no touch yet in the current ${plural(facts.cadenceDays, "day")}`
      : `${facts.touchedWindows} of the last ${facts.eligibleWindows} windows of ${plural(facts.cadenceDays, "day")} had a touch`;
  const value =
    facts.given === 0 && facts.received === 0
      ? "no value exchanged this year"
      : facts.received === 0
        ? `you gave value ${times(facts.given)} this year`
        : facts.given === 0
          ? `you received value ${times(facts.received)} this year, gave none`
          : `you gave value ${times(facts.given)} this year, received ${times(facts.received)}`;
  return [recency, consistency, value].join(" · ");
}
