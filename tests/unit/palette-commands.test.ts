import { describe, expect, it } from "vitest";
import { logTouchName, PALETTE_ACTIONS, PALETTE_PAGES, rankCommands } from "@/components/palette/palette-commands";

const labels = (query: string) => rankCommands([...PALETTE_ACTIONS, ...PALETTE_PAGES], query).map(({ command }) => command.label);

describe("logTouchName", () => {
  it("reads the name after the verb and its optional words", () => {
    expect(logTouchName("log Ada")).toBe("Ada");
    expect(logTouchName("log touch Ada Lovelace")).toBe("Ada Lovelace");
    expect(logTouchName("  Log a touch with   ada  ")).toBe("ada");
    expect(logTouchName("log with Ada")).toBe("Ada");
    expect(logTouchName("touch Grace")).toBe("Grace");
    expect(logTouchName("touch with Grace")).toBe("Grace");
  });

  it("is null for the verb alone and for anything else", () => {
    for (const query of ["", "log", "log touch", "log a", "log a touch with", "touch", "touch with", "Ada", "Logan", "catalog Ada", "record a win"]) {
      expect(logTouchName(query), query).toBeNull();
    }
  });
});

describe("rankCommands", () => {
  it("lists every command for an empty query", () => {
    expect(labels("  ")).toHaveLength(PALETTE_ACTIONS.length + PALETTE_PAGES.length);
  });

  it("matches labels and keywords, best first", () => {
    expect(labels("log touch")[0]).toBe("Log touch");
    expect(labels("new con")[0]).toBe("New contact");
    // A fuzzy match, as cmdk's own: the letters in order, anywhere.
    expect(labels("sett")[0]).toBe("Settings");
    expect(labels("linkedin")[0]).toBe("Import contacts");
    // Congratulate lives at /successes: its path is a keyword.
    expect(labels("successes")).toContain("Congratulate");
    expect(labels("zzz")).toEqual([]);
    // A label beats a keyword: Record a win has "journal" only as a keyword.
    expect(labels("journal")[0]).toBe("Journal");
    expect(labels("journal")).toContain("Record a win");
  });

  it("offers every page of the main navigation and the import", () => {
    const hrefs = PALETTE_PAGES.concat(PALETTE_ACTIONS).flatMap((command) => ("href" in command ? [command.href] : []));
    for (const href of ["/dashboard", "/contacts", "/events", "/successes", "/journal", "/career", "/circles", "/settings", "/import"]) {
      expect(hrefs).toContain(href);
    }
  });
});
