import fc from "fast-check";
import { marked, type Token, type Tokens } from "marked";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ReviewPackView } from "@/components/journal/review-pack";
import { WIN_KINDS, WIN_PERSON_PARTS } from "@/lib/domain/enums";
import type { ReviewWin } from "@/lib/domain/review-pack";
import {
  escapeMarkdown,
  type MarkdownBlock,
  type MarkdownLine,
  renderMarkdown,
  reviewPackBlocks,
} from "@/lib/journal/review-markdown";
import { buildReviewPack, oneLine, webLink } from "@/lib/journal/review-pack";

// Whatever a win holds, the review pack keeps its shape: the Markdown file has
// exactly the headings, paragraphs and list items the layout intended, with
// the user's text as text (no link, image, HTML or emphasis of its own), and
// the printable page shows the text without adding markup.

// Generating hostile packs is slow on a busy machine: a few hundred runs, time to spare.
const RUNS = 100;
const TIMEOUT = 60_000;

const HOSTILE = [
  "#", "## ", "- ", "* ", "+ ", "1. ", "2) ", "> ", "---", "===", "***", "___", "`", "```", "~~~", "~~x~~",
  "<script>alert(1)</script>", "</li></ul><h1>x</h1>", "<img src=x onerror=alert(1)>", "<!--", "-->", "<div>",
  "](javascript:alert(1))", "[x](javascript:alert(1))", "![i](https://e.example/i.png)", "[x]: https://e.example",
  "[^1]", "<https://e.example>", "https://e.example/a", "www.e.example", "a@b.example", "mailto:a@b.example",
  "&lt;", "&#60;", "&amp;", "\\", "\\\n", "_", "*", "|", "| a | b |\n|---|---|", ":", "@", "!", "{", "}",
  "\n", "\r\n", "\r", "\u2028", "\u0085", "\t", "    ", "  \n", "\u0000", "\u200b", "\u202e", "é", "李", "🎉",
];

const hostileText = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: "binary", maxLength: 8 }), fc.string({ maxLength: 12 })), {
    maxLength: 8,
  })
  .map((parts) => parts.join(""));

const maybe = <T,>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const url = fc.oneof(
  hostileText,
  hostileText.map((text) => `https://e.example/${text}`),
  fc.constantFrom("javascript:alert(1)", "data:text/html,<b>x</b>", "https://e.example/a?b=`c`&d=<e>", "http://e.example/)"),
);

const CONTACT_IDS = ["c-1", "c-2", "c-3"];

const winArb = (index: number) =>
  fc.record({
    kind: fc.constantFrom(...WIN_KINDS),
    occurredOn: fc.constantFrom("2026-01-05", "2026-02-28", "2026-06-30"),
    title: hostileText,
    what: maybe(hostileText),
    result: maybe(hostileText),
    metricValue: maybe(fc.double({ min: -1e15, max: 1e15 })),
    metricUnit: maybe(hostileText),
    url: maybe(url),
    situation: maybe(hostileText),
    task: maybe(hostileText),
    roleLabel: maybe(hostileText),
    people: fc.array(
      fc.record({ contactId: fc.constantFrom(...CONTACT_IDS), name: hostileText, part: fc.constantFrom(...WIN_PERSON_PARTS) }),
      { maxLength: 4 },
    ),
    skills: fc.array(hostileText, { maxLength: 3 }),
  }).map((win): ReviewWin => ({ ...win, id: `00000000-0000-4000-8000-${String(index).padStart(12, "0")}` }));

const winsArb = fc.integer({ min: 0, max: 5 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => winArb(i))));
const packArb = fc.tuple(winsArb, hostileText).map(([wins, label]) => buildReviewPack(wins, { label }));

// --- What the layout intended ------------------------------------------------

const intendedText = (line: MarkdownLine) =>
  line.map((part) => ("text" in part ? part.text.replace(/[\s\p{Cc}]+/gu, " ") : "strong" in part ? part.strong : part.link)).join("");
const intendedStrong = (line: MarkdownLine) => line.filter((part) => "strong" in part).length;
const intendedLinks = (line: MarkdownLine) => line.flatMap((part) => ("link" in part ? [part.link] : []));

// --- What marked read -------------------------------------------------------

type Inline = { text: string; kinds: string[]; links: string[]; strong: number };

function readInline(tokens: Token[] = []): Inline {
  const read: Inline = { text: "", kinds: [], links: [], strong: 0 };
  for (const token of tokens) {
    read.kinds.push(token.type);
    if (token.type === "strong" || token.type === "link") {
      const inner = readInline((token as Tokens.Strong).tokens);
      read.text += token.type === "link" ? (token as Tokens.Link).href : inner.text;
      read.kinds.push(...inner.kinds);
      if (token.type === "strong") read.strong += 1;
      else read.links.push((token as Tokens.Link).href);
    } else {
      read.text += (token as Tokens.Text).text;
    }
  }
  return read;
}

function expectLine(read: Inline, line: MarkdownLine, where: string) {
  expect(read.text, where).toBe(intendedText(line));
  expect(read.kinds.filter((kind) => !["text", "escape", "strong", "link"].includes(kind)), where).toEqual([]);
  expect(read.strong, where).toBe(intendedStrong(line));
  expect(read.links, where).toEqual(intendedLinks(line));
}

function expectItems(list: Token | undefined, lines: MarkdownLine[], where: string) {
  expect(list?.type, where).toBe("list");
  const { items, ordered } = list as Tokens.List;
  expect(ordered, where).toBe(false);
  expect(items.length, where).toBe(lines.length);
  return items;
}

function expectStructure(markdown: string, blocks: MarkdownBlock[]) {
  const tokens = marked.lexer(markdown).filter((token) => token.type !== "space");
  expect(tokens.map((token) => token.type)).toEqual(blocks.map((block) => block.type));
  blocks.forEach((block, index) => {
    const token = tokens[index];
    const where = `block ${index}: ${JSON.stringify(token?.raw)}`;
    if (block.type === "heading") {
      expect((token as Tokens.Heading).depth, where).toBe(block.depth);
      expectLine(readInline((token as Tokens.Heading).tokens), block.line, where);
    } else if (block.type === "paragraph") {
      expectLine(readInline((token as Tokens.Paragraph).tokens), block.line, where);
    } else {
      const items = expectItems(token, block.items.map((item) => item.line), where);
      block.items.forEach((item, i) => {
        const [first, nested, ...rest] = items[i]?.tokens ?? [];
        expect(first?.type, where).toBe("text");
        expectLine(readInline((first as Tokens.Text).tokens), item.line, where);
        expect(rest, where).toEqual([]);
        if (item.children.length === 0) return expect(nested, where).toBeUndefined();
        const children = expectItems(nested, item.children, where);
        item.children.forEach((child, c) => {
          const [only, ...others] = children[c]?.tokens ?? [];
          expectLine(readInline((only as Tokens.Text).tokens), child, where);
          expect(others, where).toEqual([]);
        });
      });
    }
  });
}

const tagsIn = (html: string) => [...html.matchAll(/<\/?([a-zA-Z][\w:-]*)/g)].map((match) => (match[1] ?? "").toLowerCase());
const hrefsIn = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1] ?? "");

describe("the review pack's Markdown", () => {
  it("keeps its structure, and shows the user's text as text, whatever a win holds", () => {
    fc.assert(
      fc.property(packArb, (pack) => {
        const blocks = reviewPackBlocks(pack);
        const markdown = renderMarkdown(blocks);
        expectStructure(markdown, blocks);
        const intended = blocks.flatMap((block) =>
          block.type === "list" ? block.items.flatMap((item) => [item.line, ...item.children]) : [block.line],
        );
        const links = new Set(intended.flatMap(intendedLinks));
        const html = marked.parse(markdown, { async: false });
        expect(new Set(tagsIn(html))).toEqual(
          new Set(["h1", "p", ...(pack.wins.length > 0 ? ["h2", "ul", "li"] : []), ...tagsIn(html).filter((tag) => ["h3", "strong", "a"].includes(tag))]),
        );
        // The link tokens are the intended ones (above); marked only percent-encodes their hrefs.
        const linkCount = intended.reduce((sum, line) => sum + intendedLinks(line).length, 0);
        expect(hrefsIn(html).length).toBe(linkCount);
        expect(hrefsIn(html).every((href) => /^https?:\/\//.test(href))).toBe(true);
        // Every < that is not an intended autolink is escaped (an odd run of backslashes before it).
        const rest = [...links].reduce((text, link) => text.replaceAll(`<${link}>`, ""), markdown);
        for (const match of rest.matchAll(/(\\*)</g)) expect((match[1] ?? "").length % 2, markdown).toBe(1);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it("escapes one piece of text to show exactly that text on one line", () => {
    fc.assert(
      fc.property(hostileText.filter((text) => oneLine(text) !== ""), (text) => {
        const markdown = `- ${escapeMarkdown(oneLine(text))}\n`;
        expect(markdown.slice(0, -1)).not.toMatch(/[\n\r]/);
        expectStructure(markdown, [{ type: "list", items: [{ line: [{ text: oneLine(text) }], children: [] }] }]);
      }),
      { numRuns: RUNS * 5 },
    );
  }, TIMEOUT);
});

// React escapes text itself; this holds the page to it (no raw HTML, links
// only to a win's web address, and the empty state's to the journal).
const PAGE_TAGS = new Set(["article", "header", "h1", "h2", "h3", "h4", "p", "section", "ul", "li", "span", "a", "dl", "dt", "dd", "time", "div", "svg", "path", "rect", "circle", "line"]);

const decode = (html: string) =>
  html
    .replace(/<[^>]*>/g, "")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&#x27;", "'")
    .replaceAll("&amp;", "&");

describe("the printable review pack", () => {
  it("adds no markup of the user's and links only where intended, whatever a win holds", () => {
    fc.assert(
      fc.property(packArb, (pack) => {
        const html = renderToStaticMarkup(<ReviewPackView pack={pack} />);
        for (const tag of tagsIn(html)) expect(PAGE_TAGS.has(tag), `<${tag}> in ${html}`).toBe(true);
        const webLinks = new Set(pack.wins.flatMap((win) => webLink(win.url) ?? []));
        for (const href of hrefsIn(html).map(decode)) expect(webLinks.has(href) || href === "/journal", href).toBe(true);
        expect(html.match(/<li id="win-/g)?.length ?? 0).toBe(pack.wins.length);
        const text = decode(html);
        expect(text).toContain(pack.title);
        for (const win of pack.wins) expect(text).toContain(win.title);
        for (const bullet of pack.bullets) expect(text).toContain(bullet.text);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});
