import { Button, Heading, Link, Section, Text } from "@react-email/components";
import type { DigestJournal } from "@/lib/digest/content";
import { day, link, plural, primaryButton, sectionHeading, small, text } from "./digest-parts";

// The weekly digest's "What went well this week?": a signed link to the
// new-win form, and the wins recorded for last week. Like the rest of the
// digest, each visible string is built whole, so the HTML and the plain text
// (journalText) read the same.

export const JOURNAL_HEADING = "What went well this week?";
const INVITATION = "Note a win while it is fresh: what you did, the result, and who helped.";

function recordedLabel(journal: DigestJournal): string {
  return `Last week you recorded ${plural(journal.lastWeekWinsTotal, "win")}:`;
}

function winLabel(win: DigestJournal["lastWeekWins"][number]): string {
  return `${win.title} · ${day(win.occurredOn)}`;
}

function moreWins(journal: DigestJournal): number {
  return journal.lastWeekWinsTotal - journal.lastWeekWins.length;
}

export function JournalSection({ journal }: { journal: DigestJournal }) {
  const more = moreWins(journal);
  return (
    <Section style={{ marginTop: 24 }}>
      <Heading as="h2" style={sectionHeading}>
        {JOURNAL_HEADING}
      </Heading>
      <Text style={small}>{INVITATION}</Text>
      <Section style={{ margin: "8px 0 8px" }}>
        <Button href={journal.recordWinUrl} style={primaryButton}>
          Record a win
        </Button>
      </Section>
      {journal.lastWeekWins.length > 0 && (
        <>
          <Text style={{ ...small, margin: "12px 0 4px" }}>{recordedLabel(journal)}</Text>
          {journal.lastWeekWins.map((win) => (
            <Text key={win.id} style={text}>
              {winLabel(win)}
            </Text>
          ))}
          {more > 0 && (
            <Text style={text}>
              {`and ${more} more: `}
              <Link href={journal.journalUrl} style={link}>
                see them in your journal
              </Link>
            </Text>
          )}
        </>
      )}
    </Section>
  );
}

// The section's plain-text blocks, in the order the HTML shows them.
export function journalText(journal: DigestJournal, heading: (title: string) => string): string[] {
  const blocks = [heading(JOURNAL_HEADING), INVITATION, `Record a win ${journal.recordWinUrl}`];
  if (journal.lastWeekWins.length > 0) {
    blocks.push(recordedLabel(journal), ...journal.lastWeekWins.map(winLabel));
    const more = moreWins(journal);
    if (more > 0) blocks.push(`and ${more} more: see them in your journal ${journal.journalUrl}`);
  }
  return blocks;
}
