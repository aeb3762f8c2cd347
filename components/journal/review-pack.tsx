import type * as React from "react";
import { NotebookPenIcon } from "lucide-react";
import Link from "next/link";
import { CARD_LIST, ReviewStoryItem, ReviewWinItem } from "@/components/journal/review-win";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { type ReviewPack, type ReviewPackPerson, type ReviewPackWin, reviewSummary } from "@/lib/journal/review-pack";

// The printable review pack, laid out as its Markdown file is. Printed, it is
// black on white, and a heading stays with what follows it.

function PackSection({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="grid gap-4">
      <h2 id={id} className="border-b pb-2 text-xl font-semibold break-after-avoid">
        {title}
      </h2>
      {children}
    </section>
  );
}

function None({ children }: { children: React.ReactNode }) {
  return <p className="text-sm text-muted-foreground">{children}</p>;
}

// The skill index and the people name their wins in one line of text: as
// lists of links they would add thousands of elements to a year's pack.
function WinTitles({ wins }: { wins: ReviewPackWin[] }) {
  return <p className="text-sm break-words">{wins.map((win) => `${win.title} (${win.day})`).join("; ")}</p>;
}

function PeopleList({ people, verb }: { people: ReviewPackPerson[]; verb: string }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2 print:grid-cols-1">
      {people.map((person) => (
        <li key={person.contactId} className="grid gap-1 break-inside-avoid">
          <p className="break-words">
            <span className="font-medium">{person.name}</span> {verb}
          </p>
          <WinTitles wins={person.wins} />
        </li>
      ))}
    </ul>
  );
}

export function ReviewPackView({ pack }: { pack: ReviewPack }) {
  return (
    <article
      aria-labelledby="review-pack-title"
      className="grid gap-10 print:gap-6 print:bg-white print:text-black print:**:border-neutral-300 print:**:text-black [&_dd]:break-words [&_dd]:whitespace-pre-line [&_dt]:font-medium"
    >
      <header className="grid gap-1">
        <h1 id="review-pack-title" className="text-2xl font-semibold tracking-tight break-words sm:text-3xl">
          {pack.title}
        </h1>
        {pack.wins.length > 0 ? <p className="text-muted-foreground">{reviewSummary(pack)}</p> : null}
      </header>
      {pack.wins.length === 0 ? (
        <EmptyState
          icon={<NotebookPenIcon />}
          title="No wins in this range"
          description="Choose a longer range, or record what went well in your journal: it all lands here at review time."
          action={
            <Link href="/journal" className={buttonVariants({ variant: "outline" })}>
              Open the journal
            </Link>
          }
        />
      ) : (
        <>
          <PackSection id="review-by-kind" title="Wins by kind">
            {pack.sections.map((section) => (
              <section key={section.kind} aria-labelledby={`review-kind-${section.kind}`} className="grid gap-3">
                <h3 id={`review-kind-${section.kind}`} className="text-lg font-semibold break-after-avoid">
                  {section.label} <span className="font-normal text-muted-foreground">({section.wins.length})</span>
                </h3>
                <ul className={CARD_LIST}>
                  {section.wins.map((win) => (
                    <ReviewWinItem key={win.id} win={win} />
                  ))}
                </ul>
              </section>
            ))}
          </PackSection>
          <PackSection id="review-by-skill" title="Wins by skill">
            {pack.bySkill.length === 0 ? (
              <None>No skills tagged on these wins.</None>
            ) : (
              <ul className="grid gap-4 sm:grid-cols-2 print:grid-cols-1">
                {pack.bySkill.map(({ skill, wins }) => (
                  <li key={skill.toLowerCase()} className="grid gap-1 break-inside-avoid">
                    <h3 className="font-medium break-words">
                      {skill} <span className="font-normal text-muted-foreground">({wins.length})</span>
                    </h3>
                    <WinTitles wins={wins} />
                  </li>
                ))}
              </ul>
            )}
          </PackSection>
          <PackSection id="review-feedback" title="People to ask for feedback">
            {pack.feedback.length === 0 ? (
              <None>No one is marked as able to vouch for these wins.</None>
            ) : (
              <PeopleList people={pack.feedback} verb="can vouch for:" />
            )}
          </PackSection>
          <PackSection id="review-thanks" title="People to thank">
            {pack.thanks.length === 0 ? (
              <None>No one is marked as having helped with these wins.</None>
            ) : (
              <PeopleList people={pack.thanks} verb="helped with:" />
            )}
          </PackSection>
          <PackSection id="review-bullets" title="Resume bullets">
            <ul className="grid list-disc gap-1 pl-5 *:break-words *:break-inside-avoid">
              {pack.bullets.map(({ win, text }) => (
                <li key={win.id}>
                  {text}
                </li>
              ))}
            </ul>
          </PackSection>
          <PackSection id="review-stories" title="STAR stories">
            {pack.stories.length === 0 ? (
              <None>No win in this range has a situation or task written down.</None>
            ) : (
              <ul className={CARD_LIST}>
                {pack.stories.map((story) => (
                  <ReviewStoryItem key={story.win.id} story={story} />
                ))}
              </ul>
            )}
          </PackSection>
        </>
      )}
    </article>
  );
}
