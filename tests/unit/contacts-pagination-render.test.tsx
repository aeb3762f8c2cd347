import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Pagination } from "@/components/contacts/pagination";

// The Contacts page's pager as the server renders it: links a keyboard
// reaches in reading order, rel=prev/next for assistive tech and browsers,
// and the current page marked with aria-current.

const render = (props: Parameters<typeof Pagination>[0]) => renderToStaticMarkup(<Pagination {...props} />);
const links = (html: string) =>
  [...html.matchAll(/<a ([^>]*)>(.*?)<\/a>/g)].map(([, attributes = "", inner = ""]) => ({
    href: /href="([^"]*)"/.exec(attributes)?.[1]?.replaceAll("&amp;", "&"),
    rel: /rel="([^"]*)"/.exec(attributes)?.[1],
    text: inner.replace(/<[^>]+>/g, ""),
  }));

describe("the contacts pager", () => {
  it("links the first, previous and next pages, and marks the current one", () => {
    const html = render({ page: 4, firstHref: "/contacts?sort=health", prevHref: "/contacts?before=b&page=3", nextHref: "/contacts?after=a&page=5" });
    expect(html).toContain('<nav aria-label="Pages"');
    expect(links(html)).toEqual([
      { href: "/contacts?sort=health", rel: undefined, text: "First page" },
      { href: "/contacts?before=b&page=3", rel: "prev", text: "Previous" },
      { href: "/contacts?after=a&page=5", rel: "next", text: "Next" },
    ]);
    expect(html).toMatch(/<span aria-current="page"[^>]*><span class="sr-only">Page <\/span>4<\/span>/);
  });

  it("offers only the ways that exist, and nothing for a single page", () => {
    const first = render({ page: 1, firstHref: null, prevHref: null, nextHref: "/contacts?after=a&page=2" });
    expect(links(first).map((link) => link.text)).toEqual(["Next"]);
    const last = render({ page: 7, firstHref: "/contacts", prevHref: "/contacts?before=b&page=6", nextHref: null });
    expect(links(last).map((link) => link.rel)).toEqual([undefined, "prev"]);
    expect(render({ page: 1, firstHref: null, prevHref: null, nextHref: null })).toBe("");
  });
});
