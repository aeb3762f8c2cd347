import type * as React from "react";
import { personParts } from "@/lib/journal/review-markdown";
import { type ReviewPackWin, type ReviewStory, webLink } from "@/lib/journal/review-pack";

// One win and one STAR story of the printable review pack. The user's words
// keep their line breaks. A year's pack holds a thousand of them, so their
// look comes from the list around them (CARD_LIST) and the pack (dt, dd)
// rather than from classes repeated on each.

// A list of cards, none split across two pages when printed.
export const CARD_LIST =
  "grid gap-3 *:grid *:scroll-mt-20 *:gap-1 *:rounded-lg *:border *:bg-card *:p-4 *:break-inside-avoid print:*:rounded-none print:*:border-0 print:*:border-b print:*:bg-transparent print:*:px-0";

const DETAILS = "mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[7rem_minmax(0,1fr)]";

function Detail({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

function WinDate({ win }: { win: ReviewPackWin }) {
  return (
    <p className="text-sm text-muted-foreground">
      <time dateTime={win.occurredOn}>{win.day}</time>
      {win.roleLabel ? ` · ${win.roleLabel}` : null}
    </p>
  );
}

const text = (value: string | null) => (value && value.trim() !== "" ? value.trim() : null);

export function ReviewWinItem({ win }: { win: ReviewPackWin }) {
  const what = text(win.what);
  const result = text(win.result);
  const href = webLink(win.url);
  return (
    <li id={`win-${win.id}`}>
      <h4 className="font-semibold break-words">{win.title}</h4>
      <WinDate win={win} />
      {what || result || win.metric || win.skills.length > 0 || win.people.length > 0 || href ? (
        <dl className={DETAILS}>
          {what ? <Detail term="What I did">{what}</Detail> : null}
          {result ? <Detail term="Impact">{result}</Detail> : null}
          {win.metric ? <Detail term="Metric">{win.metric}</Detail> : null}
          {win.skills.length > 0 ? <Detail term="Skills">{win.skills.join(", ")}</Detail> : null}
          {win.people.length > 0 ? (
            <Detail term="People">
              {personParts(win)}
            </Detail>
          ) : null}
          {href ? (
            <Detail term="Link">
              <a href={href} rel="noreferrer" className="break-all text-primary underline underline-offset-4">
                {href}
              </a>
            </Detail>
          ) : null}
        </dl>
      ) : null}
    </li>
  );
}

export function ReviewStoryItem({ story }: { story: ReviewStory }) {
  const parts: [string, string | null][] = [
    ["Situation", story.situation],
    ["Task", story.task],
    ["Action", story.action],
    ["Result", story.result],
  ];
  return (
    <li>
      <h3 className="font-semibold break-words">{story.win.title}</h3>
      <WinDate win={story.win} />
      <dl className={DETAILS}>
        {parts.map(([term, value]) =>
          value === null ? null : (
            <Detail key={term} term={term}>
              {value}
            </Detail>
          ),
        )}
      </dl>
    </li>
  );
}
