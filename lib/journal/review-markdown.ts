import { WIN_PERSON_PART_PHRASES } from "@/lib/domain/enums";
import { oneLine, type ReviewPack, reviewSummary, type ReviewPackPerson, type ReviewPackWin, webLink } from "./review-pack";

// The review pack as a Markdown file. The pack is first laid out as blocks
// (headings, paragraphs, lists of one-line items), then written out with
// every piece of the user's text escaped, so that no win — whatever it holds —
// adds a heading, a list item, a link or HTML, or removes one.

export type MarkdownInline = { text: string } | { strong: string } | { link: string };
export type MarkdownLine = MarkdownInline[];
export type MarkdownItem = { line: MarkdownLine; children: MarkdownLine[] };
export type MarkdownBlock =
  | { type: "heading"; depth: 1 | 2 | 3; line: MarkdownLine }
  | { type: "paragraph"; line: MarkdownLine }
  | { type: "list"; items: MarkdownItem[] };

// What to change in a piece of text, in one pass:
// - runs of whitespace and control characters (line breaks above all) → one space;
// - characters with a meaning anywhere in a line (emphasis, code, links and
//   images, HTML and autolinks, headings' closing #s, tables, strikethrough)
//   and the start of what GitHub-flavoured Markdown links bare (https://,
//   www., a@b.c), and an entity's & (&lt; would show as <) → backslash-escaped.
const INLINE = /[\s\x00-\x1f\x7f-\x9f]+|[\\`*_[\]<>#|~@]|&(?=#?[a-z0-9]+;)|:(?=\/\/)|(?<=www)\./gi;
const BLANK = /[\s\x00-\x1f\x7f-\x9f]/;
// At the start of a line these begin a list, a nested list or a heading
// underline: "- x", "+ x", "1. x", "2) x", "===".
const LINE_START = /^(?:[-+=]|\d+[.)])/;

// Plain text as Markdown that shows exactly that text, on one line (spaces
// at either end are kept: a piece may follow another on the line).
export function escapeMarkdown(text: string): string {
  const escaped = text.replace(INLINE, (match) => (match.length > 1 || BLANK.test(match) ? " " : `\\${match}`));
  return escaped.replace(LINE_START, (match) => `${match.slice(0, -1)}\\${match.slice(-1)}`);
}

function renderLine(line: MarkdownLine): string {
  return line
    .map((part) => {
      if ("text" in part) return escapeMarkdown(part.text);
      if ("strong" in part) return `**${escapeMarkdown(part.strong)}**`;
      // An autolink: webLink gives a parsed http(s) URL, in which spaces, < and > are percent-encoded.
      return `<${part.link}>`;
    })
    .join("");
}

export function renderMarkdown(blocks: readonly MarkdownBlock[]): string {
  return `${blocks
    .map((block) => {
      if (block.type === "heading") return `${"#".repeat(block.depth)} ${renderLine(block.line)}`;
      if (block.type === "paragraph") return renderLine(block.line);
      return block.items
        .map((item) => [`- ${renderLine(item.line)}`, ...item.children.map((child) => `  - ${renderLine(child)}`)].join("\n"))
        .join("\n");
    })
    .join("\n\n")}\n`;
}

export function winDateLine(win: ReviewPackWin): string {
  return win.roleLabel ? `${win.day} · ${win.roleLabel}` : win.day;
}

export function personParts(win: ReviewPackWin): string {
  return win.people
    .map((person) => `${person.name} (${WIN_PERSON_PART_PHRASES[person.part]})`)
    .join(", ");
}

const heading = (depth: 1 | 2 | 3, text: string): MarkdownBlock => ({ type: "heading", depth, line: [{ text }] });
const paragraph = (text: string): MarkdownBlock => ({ type: "paragraph", line: [{ text }] });
const labelled = (label: string, value: string): MarkdownLine => [{ strong: `${label}:` }, { text: ` ${value}` }];

function winItem(win: ReviewPackWin): MarkdownItem {
  const children: MarkdownLine[] = [];
  const what = oneLine(win.what);
  const result = oneLine(win.result);
  if (what) children.push(labelled("What I did", what));
  if (result) children.push(labelled("Impact", result));
  if (win.metric) children.push(labelled("Metric", win.metric));
  if (win.skills.length > 0) children.push(labelled("Skills", win.skills.join(", ")));
  if (win.people.length > 0) children.push(labelled("People", personParts(win)));
  const href = webLink(win.url);
  if (href) children.push([{ strong: "Link:" }, { text: " " }, { link: href }]);
  return { line: [{ strong: win.title }, { text: ` — ${winDateLine(win)}` }], children };
}

const titles = (wins: readonly ReviewPackWin[]) => wins.map((win) => win.title).join("; ");

function peopleList(people: readonly ReviewPackPerson[], verb: string, none: string): MarkdownBlock {
  if (people.length === 0) return paragraph(none);
  return {
    type: "list",
    items: people.map((person) => ({ line: [{ strong: person.name }, { text: ` ${verb} ${titles(person.wins)}` }], children: [] })),
  };
}

// The pack's layout, the same one the printable page follows.
export function reviewPackBlocks(pack: ReviewPack): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [heading(1, pack.title)];
  if (pack.wins.length === 0) return [...blocks, paragraph("No wins recorded in this range.")];
  blocks.push(paragraph(reviewSummary(pack)), heading(2, "Wins by kind"));
  for (const section of pack.sections) {
    blocks.push(heading(3, section.label), { type: "list", items: section.wins.map(winItem) });
  }
  blocks.push(heading(2, "Wins by skill"));
  if (pack.bySkill.length === 0) blocks.push(paragraph("No skills tagged on these wins."));
  for (const { skill, wins } of pack.bySkill) {
    blocks.push(heading(3, skill), {
      type: "list",
      items: wins.map((win) => ({ line: [{ text: `${win.title} — ${win.day}` }], children: [] })),
    });
  }
  blocks.push(
    heading(2, "People to ask for feedback"),
    peopleList(pack.feedback, "can vouch for:", "No one is marked as able to vouch for these wins."),
    heading(2, "People to thank"),
    peopleList(pack.thanks, "helped with:", "No one is marked as having helped with these wins."),
    heading(2, "Resume bullets"),
    { type: "list", items: pack.bullets.map((bullet) => ({ line: [{ text: bullet.text }], children: [] })) },
    heading(2, "STAR stories"),
  );
  if (pack.stories.length === 0) blocks.push(paragraph("No win in this range has a situation or task written down."));
  for (const story of pack.stories) {
    const parts: [string, string | null][] = [
      ["Situation", story.situation],
      ["Task", story.task],
      ["Action", story.action],
      ["Result", story.result],
    ];
    blocks.push(heading(3, `${story.win.title} — ${story.win.day}`), {
      type: "list",
      items: parts
        .filter((part): part is [string, string] => part[1] !== null)
        .map(([label, text]) => ({ line: labelled(label, oneLine(text)), children: [] })),
    });
  }
  return blocks;
}

export function reviewPackMarkdown(pack: ReviewPack): string {
  return renderMarkdown(reviewPackBlocks(pack));
}
