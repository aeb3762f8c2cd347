import type { CSSProperties } from "react";
import {
  Body,
  Button,
  Column,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Row,
  Section,
  Text,
} from "@react-email/components";
import type { DigestContact, DigestContent, DigestSuccess } from "@/lib/digest/content";
import { sampleDigestContent } from "@/lib/digest/sample";
import { SUCCESS_KIND_LABELS } from "@/lib/domain/enums";
import { BAND_LABELS } from "@/lib/health/model";
import { JOURNAL_HEADING, JournalSection, journalText } from "./digest-journal";
import {
  bandColors,
  card,
  colors,
  day,
  eyebrow,
  link,
  plural,
  primaryButton,
  secondaryButton,
  sectionHeading,
  small,
  text,
} from "./digest-parts";

// The weekly digest. Every visible string that mixes words and values is built
// as one string, so the HTML holds it in one text node (React would otherwise
// put `<!-- -->` between the parts) and the plain-text version reads the same.

const PREVIEW_MAX_LENGTH = 150; // what <Preview> keeps; it cuts by UTF-16 unit, which can split a character

function overdueLabel(days: number): string {
  return days <= 0 ? "Due today" : `${plural(days, "day")} overdue`;
}

function lastTouchLabel(lastTouch: DigestContact["lastTouch"]): string {
  if (!lastTouch) return "No touch yet";
  const summary = lastTouch.summary?.trim();
  return summary ? `Last: ${summary} on ${day(lastTouch.day)}` : `Last touch on ${day(lastTouch.day)}`;
}

function mattersForLabel(mattersFor: NonNullable<DigestContact["mattersFor"]>): string {
  const more = mattersFor.more > 0 ? `, and ${mattersFor.more} more` : "";
  return `Matters for: ${mattersFor.goalTitle} — ${mattersFor.why}${more}`;
}

function listOf(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

function streakLabel(streak: DigestContent["streak"]): string {
  if (streak.weeks === 0) {
    return "No value-adding streak yet. An introduction, a piece of advice or a congratulation this week starts one.";
  }
  const run = `${plural(streak.weeks, "week")} in a row adding value`;
  return streak.includesThisWeek
    ? `${run}, this week included. Keep it going.`
    : `${run}. Add value to someone this week to make it ${streak.weeks + 1}.`;
}

// New successes first, each group in the order given.
export function orderSuccesses(successes: readonly DigestSuccess[]): DigestSuccess[] {
  return [...successes.filter((s) => s.isNew), ...successes.filter((s) => !s.isNew)];
}

function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = "";
  for (const { segment } of new Intl.Segmenter("en", { granularity: "grapheme" }).segment(text)) {
    if (out.length + segment.length > max - 1) break;
    out += segment;
  }
  return `${out}…`;
}

// The line inboxes show after the subject, so it names people rather than
// repeating the subject's counts.
export function digestPreviewText(content: DigestContent): string {
  const parts: string[] = [];
  if (content.reconnect.length > 0) parts.push(`Reconnect with ${listOf(content.reconnect.map((c) => c.name))}.`);
  const congratulate = [...new Set(orderSuccesses(content.congratulate).map((s) => s.contactName))];
  if (congratulate.length > 0) parts.push(`Congratulate ${listOf(congratulate)}.`);
  if (parts.length === 0) {
    parts.push("Nobody is overdue and no success is waiting for a congratulation.");
    if (content.journal) parts.push(JOURNAL_HEADING);
  }
  if (content.streak.weeks > 0) parts.push(`Streak: ${plural(content.streak.weeks, "week")}.`);
  return truncateText(parts.join(" ").replace(/\s+/g, " "), PREVIEW_MAX_LENGTH);
}

function intro(hasReconnect: boolean, hasSuccesses: boolean): string {
  if (hasReconnect && hasSuccesses) {
    return "here is who to get back in touch with this week, and whose good news deserves a word from you.";
  }
  if (hasReconnect) return "here is who to get back in touch with this week.";
  if (hasSuccesses) return "here is whose good news deserves a word from you this week.";
  return "you are all caught up: nobody is overdue for a touch and no success is waiting for a congratulation.";
}

function weekLabel(period: string): string {
  const match = /^(\d{4})-W(\d{2})$/.exec(period);
  return match ? `Week ${Number(match[2])}, ${match[1]}` : period;
}

const container: CSSProperties = {
  maxWidth: 560,
  margin: "32px auto",
  backgroundColor: colors.card,
  borderRadius: 12,
  padding: "32px 28px",
};

function ReconnectCard({ contact }: { contact: DigestContact }) {
  const name = contact.company ? `${contact.name} · ${contact.company}` : contact.name;
  return (
    <Section style={card}>
      <Text style={{ ...text, fontSize: 16, fontWeight: 600, color: colors.heading, margin: "0 0 6px" }}>{name}</Text>
      <Text style={{ ...small, margin: "0 0 6px" }}>
        <span style={{ ...bandColors[contact.band], borderRadius: 4, padding: "2px 6px", fontWeight: 600 }}>
          {`${BAND_LABELS[contact.band]}, ${contact.score}/100`}
        </span>
        {` · ${overdueLabel(contact.overdueDays)}`}
      </Text>
      <Text style={small}>{contact.explanation}</Text>
      {contact.mattersFor && <Text style={text}>{mattersForLabel(contact.mattersFor)}</Text>}
      <Text style={text}>{lastTouchLabel(contact.lastTouch)}</Text>
      <Row style={{ margin: "8px 0 8px" }}>
        <Column style={{ width: "1%", whiteSpace: "nowrap", paddingRight: 16 }}>
          <Button href={contact.logTouchUrl} style={primaryButton} aria-label={`Log a touch with ${contact.name}`}>
            Log a touch
          </Button>
        </Column>
        <Column>
          <Link
            href={contact.snoozeUrl}
            style={{ ...link, fontSize: 14 }}
            aria-label={`Snooze ${contact.name} for 2 weeks`}
          >
            Snooze 2 weeks
          </Link>
        </Column>
      </Row>
    </Section>
  );
}

function SuccessCard({ success }: { success: DigestSuccess }) {
  return (
    <Section style={card}>
      <Text style={{ ...eyebrow, color: success.isNew ? "#166534" : colors.muted }}>
        {success.isNew ? "New" : "Still waiting"}
      </Text>
      <Text style={{ ...text, fontSize: 16, fontWeight: 600, color: colors.heading, margin: "0 0 6px" }}>
        {success.contactName}
      </Text>
      <Text style={text}>{`${SUCCESS_KIND_LABELS[success.kind]}: ${success.title}`}</Text>
      <Text style={small}>{day(success.occurredOn)}</Text>
      <Section style={{ margin: "8px 0 8px" }}>
        <Button
          href={success.congratulateUrl}
          style={secondaryButton}
          aria-label={`Congratulate ${success.contactName}`}
        >
          Congratulate
        </Button>
      </Section>
    </Section>
  );
}

function Stat({ value, label }: { value: number; label: string }) {
  // Spans, not blocks, so the plain text reads "4 touches"; clients that
  // honour display:block show the number above its label.
  return (
    <Column style={{ width: "33%", verticalAlign: "top" }}>
      <Text style={{ ...small, margin: 0 }}>
        <span style={{ display: "block", fontSize: 24, lineHeight: "30px", fontWeight: 700, color: colors.heading }}>
          {String(value)}
        </span>{" "}
        <span style={{ display: "block" }}>{label}</span>
      </Text>
    </Column>
  );
}

export default function DigestEmail(props: DigestContent) {
  const { reconnect, reconnectTotal, streak, lastWeek } = props;
  const successes = orderSuccesses(props.congratulate);
  const moreOverdue = reconnectTotal - reconnect.length;
  const overdueListUrl = `${props.appUrl.replace(/\/+$/, "")}/contacts?overdue=1&sort=next_due`;
  const greeting = props.userName?.trim() ? `Hi ${props.userName.trim()},` : "Hi,";

  return (
    <Html lang="en">
      <Head />
      <Preview>{digestPreviewText(props)}</Preview>
      <Body style={{ backgroundColor: colors.page, fontFamily: "Helvetica, Arial, sans-serif", margin: 0 }}>
        <Container style={container}>
          <Text style={{ ...eyebrow, color: colors.faint }}>{weekLabel(props.period)}</Text>
          <Heading as="h1" style={{ fontSize: 22, lineHeight: "28px", color: colors.heading, margin: "0 0 12px" }}>
            Your weekly Kith digest
          </Heading>
          <Text style={text}>{`${greeting} ${intro(reconnect.length > 0, successes.length > 0)}`}</Text>

          {reconnect.length > 0 && (
            <Section style={{ marginTop: 24 }}>
              <Heading as="h2" style={sectionHeading}>
                Reconnect
              </Heading>
              <Text style={small}>The relationships most overdue for a touch, by their health.</Text>
              {reconnect.map((contact) => (
                <ReconnectCard key={contact.id} contact={contact} />
              ))}
              {moreOverdue > 0 && (
                <Text style={{ ...text, borderTop: `1px solid ${colors.border}`, paddingTop: 12 }}>
                  {`and ${moreOverdue} more overdue: `}
                  <Link href={overdueListUrl} style={link}>
                    see them all in Kith
                  </Link>
                </Text>
              )}
            </Section>
          )}

          {successes.length > 0 && (
            <Section style={{ marginTop: 24 }}>
              <Heading as="h2" style={sectionHeading}>
                Congratulate
              </Heading>
              <Text style={small}>
                Good news since your last digest, and earlier news still waiting for a word from you.
              </Text>
              {successes.map((success) => (
                <SuccessCard key={success.id} success={success} />
              ))}
            </Section>
          )}

          {props.journal && <JournalSection journal={props.journal} />}

          <Section style={{ marginTop: 24 }}>
            <Heading as="h2" style={sectionHeading}>
              Your streak
            </Heading>
            <Text style={text}>{streakLabel(streak)}</Text>
            <Text style={{ ...small, margin: "12px 0 4px" }}>Last week</Text>
            <Row>
              <Stat value={lastWeek.touches} label={lastWeek.touches === 1 ? "touch" : "touches"} />
              <Stat
                value={lastWeek.given}
                label={lastWeek.given === 1 ? "time you added value" : "times you added value"}
              />
              <Stat
                value={lastWeek.received}
                label={lastWeek.received === 1 ? "time you received value" : "times you received value"}
              />
            </Row>
          </Section>

          <Hr style={{ borderColor: colors.border, margin: "28px 0 16px" }} />
          <Text style={{ fontSize: 12, lineHeight: "18px", color: colors.faint, margin: "0 0 8px" }}>
            Why you get this: your weekly Kith digest, sent on your chosen day.
          </Text>
          <Text style={{ fontSize: 12, lineHeight: "18px", color: colors.faint, margin: 0 }}>
            <Link href={props.appUrl} style={{ ...link, color: colors.muted }}>
              Open Kith
            </Link>
            {" · "}
            <Link href={props.settingsUrl} style={{ ...link, color: colors.muted }}>
              Digest settings
            </Link>
            {" · "}
            <Link href={props.unsubscribeUrl} style={{ ...link, color: colors.muted }}>
              Unsubscribe
            </Link>
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

// The plain-text part, written out rather than converted from the HTML: the
// same words from the same helpers, a fifth of the cost (the scheduler
// renders thousands), and laid out for reading as text.
export function digestText(props: DigestContent): string {
  const { reconnect, reconnectTotal, streak, lastWeek } = props;
  const successes = orderSuccesses(props.congratulate);
  const moreOverdue = reconnectTotal - reconnect.length;
  const overdueListUrl = `${props.appUrl.replace(/\/+$/, "")}/contacts?overdue=1&sort=next_due`;
  const greeting = props.userName?.trim() ? `Hi ${props.userName.trim()},` : "Hi,";
  const heading = (title: string) => `\n${title.toUpperCase()}`;
  const blocks: string[] = [
    weekLabel(props.period),
    heading("Your weekly Kith digest"),
    `${greeting} ${intro(reconnect.length > 0, successes.length > 0)}`,
  ];
  if (reconnect.length > 0) {
    blocks.push(heading("Reconnect"), "The relationships most overdue for a touch, by their health.");
    for (const contact of reconnect) {
      blocks.push(
        contact.company ? `${contact.name} · ${contact.company}` : contact.name,
        `${BAND_LABELS[contact.band]}, ${contact.score}/100 · ${overdueLabel(contact.overdueDays)}`,
        contact.explanation,
        ...(contact.mattersFor ? [mattersForLabel(contact.mattersFor)] : []),
        lastTouchLabel(contact.lastTouch),
        `Log a touch ${contact.logTouchUrl}\nSnooze 2 weeks ${contact.snoozeUrl}`,
      );
    }
    if (moreOverdue > 0) blocks.push(`and ${moreOverdue} more overdue: see them all in Kith ${overdueListUrl}`);
  }
  if (successes.length > 0) {
    blocks.push(
      heading("Congratulate"),
      "Good news since your last digest, and earlier news still waiting for a word from you.",
    );
    for (const success of successes) {
      blocks.push(
        success.isNew ? "New" : "Still waiting",
        success.contactName,
        `${SUCCESS_KIND_LABELS[success.kind]}: ${success.title}`,
        day(success.occurredOn),
        `Congratulate ${success.congratulateUrl}`,
      );
    }
  }
  if (props.journal) blocks.push(...journalText(props.journal, heading));
  blocks.push(
    heading("Your streak"),
    streakLabel(streak),
    "Last week",
    `${lastWeek.touches} ${lastWeek.touches === 1 ? "touch" : "touches"}`,
    `${lastWeek.given} ${lastWeek.given === 1 ? "time you added value" : "times you added value"}`,
    `${lastWeek.received} ${lastWeek.received === 1 ? "time you received value" : "times you received value"}`,
    "-".repeat(40),
    "Why you get this: your weekly Kith digest, sent on your chosen day.",
    `Open Kith ${props.appUrl} · Digest settings ${props.settingsUrl} · Unsubscribe ${props.unsubscribeUrl}`,
  );
  return `${blocks.join("\n\n")}\n`;
}

// What the React Email preview server shows.
DigestEmail.PreviewProps = sampleDigestContent();
