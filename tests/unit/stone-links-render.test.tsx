import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { ContactGoals } from "@/components/career/contact-goals";
import { StoneLinks } from "@/components/career/stone-links";
import { EMPTY_STONE_LINKS, type StoneLinkSet } from "@/lib/domain/career";

// The remove buttons and dialogs ask for the router, which only Next mounts.
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => undefined }) }));

// A step's links and a contact's goals as the server sends them: what they
// show, where they lead, and the names of their buttons.

const LINKS: StoneLinkSet = {
  skills: [{ id: "k-1", name: "Kubernetes" }],
  people: [
    { contactId: "c-1", name: "Ada Quinn", part: "could_introduce", note: "to people at Watershed" },
    { contactId: "c-2", name: "Bo Sato", part: "has_done_it", note: null },
  ],
  wins: [{ id: "w-1", title: "Launched the data platform", occurredOn: "2026-10-01" }],
  events: [{ id: "e-1", name: "Climate tech meetup", occurredOn: "2026-09-12" }],
};

function render(links: StoneLinkSet, stoneTitle = "Get to know climate tech") {
  const html = renderToStaticMarkup(<StoneLinks goalId="g-1" stoneId="s-1" stoneTitle={stoneTitle} links={links} />);
  return new Markup(html);
}

// Enough of the markup to read attributes and text without a DOM.
class Markup {
  constructor(readonly html: string) {}
  attributes(name: string): string[] {
    return [...this.html.matchAll(new RegExp(`${name}="([^"]*)"`, "g"))].map((match) => decode(match[1] ?? ""));
  }
  text(): string {
    return decode(this.html.replace(/<[^>]+>/g, " ")).replace(/\s+/g, " ");
  }
}

function decode(text: string): string {
  return text.replaceAll("&quot;", '"').replaceAll("&#x27;", "'").replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
}

describe("StoneLinks", () => {
  it("shows each kind of link with where it leads and a remove button named after it and the step", () => {
    const page = render(LINKS);
    const text = page.text();
    expect(text).toContain("Kubernetes");
    expect(text).toContain("Ada Quinn · Could introduce me to people at Watershed");
    expect(text).toContain("Bo Sato · Has done it");
    expect(text).toContain("Launched the data platform · 1 Oct 2026");
    expect(text).toContain("Climate tech meetup · 12 Sep 2026");
    expect(page.attributes("href")).toEqual([
      "/contacts/c-1",
      "/contacts/c-2",
      "/journal?from=2026-10-01&to=2026-10-01&q=Launched+the+data+platform",
      "/events/e-1",
    ]);
    const labels = page.attributes("aria-label");
    for (const name of ["Kubernetes", "Ada Quinn", "Bo Sato", "Launched the data platform", "Climate tech meetup"]) {
      expect(labels).toContain(`Remove ${name} from “Get to know climate tech”`);
    }
    expect(labels).toContain("Change why Ada Quinn matters for “Get to know climate tech”");
    expect(labels).toEqual(
      expect.arrayContaining([
        "Skills for “Get to know climate tech”",
        "People who matter for “Get to know climate tech”",
        "Evidence for “Get to know climate tech”",
        "Events for “Get to know climate tech”",
      ]),
    );
  });

  it("shows only the four add buttons for a step with no links", () => {
    const page = render(EMPTY_STONE_LINKS);
    expect(page.text().trim()).toBe("Link to “Get to know climate tech” Add person Add skill Add evidence Add event");
    expect(page.attributes("href")).toEqual([]);
  });

  it("keeps a step's title as text", () => {
    const page = render(LINKS, `<b>"Lead" & 'grow'</b>`);
    expect(page.html).not.toContain("<b>");
    expect(page.attributes("aria-label")).toContain(`Remove Ada Quinn from “<b>"Lead" & 'grow'</b>”`);
  });
});

describe("ContactGoals", () => {
  it("renders nothing when the contact matters for no goal", () => {
    expect(renderToStaticMarkup(<ContactGoals goals={[]} />)).toBe("");
  });

  it("lists each goal with its steps, why they matter, and a link to the goal", () => {
    const html = renderToStaticMarkup(
      <ContactGoals
        goals={[
          {
            id: "g-1",
            title: "Lead a platform group",
            isNorthStar: true,
            stones: [
              { id: "s-1", title: "Ship the data platform", status: "done", part: "can_help", note: "with the design" },
              { id: "s-2", title: "Get to know climate tech", status: "planned", part: "could_introduce", note: null },
            ],
          },
        ]}
      />,
    );
    const page = new Markup(html);
    expect(page.text()).toContain("Goals they matter for");
    expect(page.text()).toContain("Lead a platform group North star");
    expect(page.text()).toContain("Ship the data platform (done) · Can help with the design");
    expect(page.text()).toContain("Get to know climate tech · Could introduce me");
    expect(page.attributes("href")).toEqual(["/career/goals/g-1"]);
  });
});
