import type { DigestContent } from "./content";

// A digest as the scheduler would build it, for the in-app preview, the React
// Email preview server and tests. The links have the paths of
// lib/digest/links.ts but carry placeholder tokens that verify nowhere.
export function sampleDigestContent(appUrl = "http://localhost:3000"): DigestContent {
  const base = appUrl.replace(/\/+$/, "");
  const signed = (path: string, id: string) => `${base}${path}?t=sample-${id}.preview`;
  const contact = (id: string) => ({ logTouchUrl: signed("/digest/log", id), snoozeUrl: signed("/digest/snooze", id) });

  return {
    userName: "Sam Rivera",
    period: "2026-W48",
    reconnect: [
      {
        id: "3f6c2a4e-1b7d-4c1e-9a55-0d2f7e1c9a01",
        name: "Ada Lovelace",
        company: "Analytical Engines Ltd",
        band: "dormant",
        score: 18,
        explanation:
          "97 days since the last touch; you aimed for every 30 days · 0 of the last 4 windows of 30 days had a touch · you received value once this year, gave none",
        overdueDays: 67,
        lastTouch: { day: "2026-08-18", summary: "Coffee after the Women in Tech meetup" },
        mattersFor: { goalTitle: "Lead a platform group", why: "could introduce you to people at Watershed", more: 1 },
        ...contact("3f6c2a4e-1b7d-4c1e-9a55-0d2f7e1c9a01"),
      },
      {
        id: "8a1d5b90-4c3e-4f7a-b2d1-6e9f0a3c5b02",
        name: "Grace Hopper",
        company: "Compiler Collective",
        band: "fading",
        score: 41,
        explanation:
          "41 days since the last touch; you aimed for every 14 days · 1 of the last 4 windows of 14 days had a touch · you gave value twice this year, received once",
        overdueDays: 27,
        lastTouch: { day: "2026-10-13", summary: null },
        ...contact("8a1d5b90-4c3e-4f7a-b2d1-6e9f0a3c5b02"),
      },
      {
        id: "c47e9f12-7a2b-4d8c-8e3f-1b5a6d7c9e03",
        name: "Alan Turing",
        company: null,
        band: "fading",
        score: 33,
        explanation:
          "No touch in the 52 days since you added them; you aimed for every 30 days · 0 of the last 2 windows of 30 days had a touch · no value exchanged this year",
        overdueDays: 22,
        lastTouch: null,
        ...contact("c47e9f12-7a2b-4d8c-8e3f-1b5a6d7c9e03"),
      },
    ],
    reconnectTotal: 5,
    congratulate: [
      {
        id: "5d2e8c71-9b4a-4e6f-a3c2-7f1d0e9b8a04",
        contactId: "e91b3c5d-2f4a-4b7e-9c8d-3a6f5e1d2c05",
        contactName: "Katherine Johnson",
        kind: "promotion",
        title: "Head of Flight Dynamics at Orbital Labs",
        occurredOn: "2026-11-19",
        isNew: true,
        congratulateUrl: signed("/digest/congratulate", "5d2e8c71-9b4a-4e6f-a3c2-7f1d0e9b8a04"),
      },
      {
        id: "a63f0d28-5c1b-4a9e-8d7f-2e4b6c8a0f06",
        contactId: "3f6c2a4e-1b7d-4c1e-9a55-0d2f7e1c9a01",
        contactName: "Ada Lovelace",
        kind: "publication",
        title: "Notes on the Analytical Engine, second edition",
        occurredOn: "2026-11-02",
        isNew: false,
        congratulateUrl: signed("/digest/congratulate", "a63f0d28-5c1b-4a9e-8d7f-2e4b6c8a0f06"),
      },
    ],
    streak: { weeks: 3, includesThisWeek: false },
    lastWeek: { touches: 4, given: 2, received: 1 },
    journal: {
      recordWinUrl: signed("/digest/record-win", "d2a94f61-8e3b-4c7d-a1f5-6b9e0c2d4a08"),
      lastWeekWins: [
        { id: "f3b8c1d2-7e6a-4b5c-9d0e-1a2b3c4d5e09", title: "Cut the release build from 40 to 12 minutes", occurredOn: "2026-11-17" },
        { id: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c10", title: "Ran the incident review for the checkout outage", occurredOn: "2026-11-19" },
      ],
      lastWeekWinsTotal: 2,
      journalUrl: `${base}/journal`,
    },
    appUrl: base,
    settingsUrl: `${base}/settings#digest`,
    unsubscribeUrl: signed("/unsubscribe", "0b7c4e2a-6d1f-4a3b-9e8c-5f2d1a7b3c07"),
  };
}
