import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getImport, listImports } from "@/db/queries/imports";
import { imports } from "@/db/schema";
import { receiveShare, receiveSharedLink, SHARE_NOTICES, shareRefusal } from "@/lib/capture/share";
import { FILE_SIZE_LIMIT_BYTES } from "@/lib/import/decode";
import { createUser } from "../factories";
import { streamedUpload } from "../helpers/streamed-upload";
import { createTestDb, type TestDb } from "../helpers/test-db";

// /share, the Web Share Target: what a phone's share sheet sends to Kith.

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

const URL_BASE = "http://localhost:3000/share";
const VCARD = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë Ōtsuka\r\nEMAIL:zoe@example.jp\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Łukasz Żółć\r\nEND:VCARD\r\n";

function sharePost(fields: Record<string, string | File>, headers: Record<string, string> = { "sec-fetch-site": "none" }) {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.append(key, value);
  return new Request(URL_BASE, { method: "POST", body, headers });
}

async function share(request: Request, userId: string | null, limits?: { perHour: number; maxBodyBytes: number }) {
  const later: (() => Promise<void>)[] = [];
  const response = await receiveShare(request, { userId, db: async () => t.db, later: (work) => later.push(work), limits });
  return { response, location: response.headers.get("location") ?? "", later };
}

function query(location: string): Record<string, string> {
  return Object.fromEntries(new URL(location, "http://localhost").searchParams);
}

async function importsOf(userId: string) {
  return t.db.select({ id: imports.id }).from(imports).where(eq(imports.userId, userId));
}

describe("who may share", () => {
  it("refuses a POST from another site, and takes the share sheet's own and Kith's pages'", () => {
    const refused: Record<string, string>[] = [
      { origin: "https://evil.example", host: "localhost:3000" },
      { "sec-fetch-site": "cross-site", origin: "https://evil.example", host: "localhost:3000" },
      { "sec-fetch-site": "same-site", origin: "https://other.localhost:3000", host: "localhost:3000" },
      { origin: "null", host: "localhost:3000" },
    ];
    for (const headers of refused) {
      expect(shareRefusal(new Request(URL_BASE, { method: "POST", headers }))?.status, JSON.stringify(headers)).toBe(403);
    }
    const allowed: Record<string, string>[] = [
      // The share sheet: a navigation the browser starts itself, whatever Origin it sends.
      { "sec-fetch-site": "none" },
      { "sec-fetch-site": "none", origin: "null" },
      { "sec-fetch-site": "same-origin", origin: "http://localhost:3000", host: "localhost:3000" },
      { origin: "http://localhost:3000", host: "localhost:3000" },
    ];
    for (const headers of allowed) {
      expect(shareRefusal(new Request(URL_BASE, { method: "POST", headers })), JSON.stringify(headers)).toBeNull();
    }
  });

  it("sends a signed-out POST to sign in, on to a new contact, without reading the body or storing anything", async () => {
    const { request, stream } = streamedUpload(URL_BASE, { chunks: 50, chunkBytes: 1024 });
    const { response, location } = await share(request, null);
    expect(response.status).toBe(303);
    expect(location).toBe("/sign-in?callbackUrl=%2Fcontacts%2Fnew");
    expect(stream.pulled).toBeLessThanOrEqual(1);
    const user = await createUser(t.db);
    await share(sharePost({ file: new File([VCARD], "contacts.vcf", { type: "text/vcard" }) }), null);
    expect(await importsOf(user.id)).toEqual([]);
  });

  it("sends a signed-out GET to sign in with the pre-filled form as where to go next", () => {
    const response = receiveSharedLink(new Request(`${URL_BASE}?url=${encodeURIComponent("https://www.linkedin.com/in/ada-quinn")}`), {
      userId: null,
    });
    expect(response.status).toBe(303);
    const callback = query(response.headers.get("location") ?? "").callbackUrl ?? "";
    expect(callback).toBe("/contacts/new?name=Ada+Quinn&linkedin=https%3A%2F%2Fwww.linkedin.com%2Fin%2Fada-quinn");
  });
});

describe("a shared link or text opens a pre-filled new contact", () => {
  it("reads a LinkedIn profile URL, POSTed or in a GET", async () => {
    const user = await createUser(t.db);
    const posted = await share(
      sharePost({ title: "Ada Quinn - Engineer - Acme | LinkedIn", text: "", url: "https://uk.linkedin.com/in/Ada-Quinn?trk=share" }),
      user.id,
    );
    expect(posted.response.status).toBe(303);
    expect(posted.location.startsWith("/contacts/new?")).toBe(true);
    expect(query(posted.location)).toEqual({ name: "Ada Quinn", linkedin: "https://www.linkedin.com/in/ada-quinn" });

    const got = receiveSharedLink(new Request(`${URL_BASE}?title=&text=&url=https%3A%2F%2Fwww.linkedin.com%2Fin%2Fada-quinn`), {
      userId: user.id,
    });
    expect(got.status).toBe(303);
    expect(query(got.headers.get("location") ?? "")).toEqual({ name: "Ada Quinn", linkedin: "https://www.linkedin.com/in/ada-quinn" });
    expect(await importsOf(user.id)).toEqual([]);
  });

  it("reads a contact in shared text, and keeps any other text as a note", async () => {
    const user = await createUser(t.db);
    const contact = await share(sharePost({ text: "Łukasz Żółć <Lukasz@Example.pl>\nMet at the Kraków meetup" }), user.id);
    expect(query(contact.location)).toEqual({ name: "Łukasz Żółć", email: "lukasz@example.pl", note: "Met at the Kraków meetup" });

    const other = await share(sharePost({ title: "Notes", text: "Someone to follow up with", url: "https://example.com/talk" }), user.id);
    expect(query(other.location)).toEqual({ note: "Someone to follow up with", website: "https://example.com/talk" });

    const nothing = await share(sharePost({}), user.id);
    expect(nothing.location).toBe("/contacts/new");
    const notAForm = await share(new Request(URL_BASE, { method: "POST", body: "{}", headers: { "content-type": "application/json" } }), user.id);
    expect(notAForm.location).toBe("/contacts/new");
  });

  it("caps what a huge shared text puts in the URL", async () => {
    const user = await createUser(t.db);
    const { location } = await share(sharePost({ text: "word ".repeat(50_000) }), user.id);
    expect(query(location).note?.length).toBeLessThanOrEqual(2000);
  });
});

describe("a shared vCard file goes to the import preview", () => {
  it("creates an import of the signed-in user's only, read afterwards, and opens its preview", async () => {
    const user = await createUser(t.db);
    const other = await createUser(t.db);
    const { response, location, later } = await share(
      sharePost({ title: "Contacts", file: new File([VCARD], "Zoë and Łukasz.vcf", { type: "text/x-vcard" }) }),
      user.id,
    );
    expect(response.status).toBe(303);
    const id = /^\/import\/([0-9a-f-]{36})$/.exec(location)?.[1] ?? "";
    expect(id).not.toBe("");
    expect(later).toHaveLength(1);
    await later[0]?.();
    expect(await getImport(t.db, { userId: user.id, importId: id })).toMatchObject({
      source: "vcard",
      fileName: "Zoë and Łukasz.vcf",
      status: "ready",
      counts: { create: 2 },
    });
    expect(await getImport(t.db, { userId: other.id, importId: id })).toBeUndefined();
    expect(await listImports(t.db, { userId: other.id, limit: 10 })).toEqual([]);
  });

  it("takes a vCard by its type when the share sheet names it oddly, and ignores files that are not vCards", async () => {
    const user = await createUser(t.db);
    const typed = await share(sharePost({ file: new File([VCARD], "shared", { type: "text/vcard; charset=utf-8" }) }), user.id);
    expect(typed.location).toMatch(/^\/import\//);
    const picture = await share(
      sharePost({ text: "ada@example.com", file: new File([new Uint8Array([0x89, 0x50])], "photo.png", { type: "image/png" }) }),
      user.id,
    );
    expect(query(picture.location)).toEqual({ name: "Ada", email: "ada@example.com" });
    expect(await importsOf(user.id)).toHaveLength(1);
  });

  it("refuses an empty file, one over the upload limit and one over the hourly budget, saying why on /import", async () => {
    const user = await createUser(t.db);
    const empty = await share(sharePost({ file: new File([], "empty.vcf") }), user.id);
    expect(empty.location).toBe("/import?share=empty");

    const big = await share(sharePost({ file: new File([new Uint8Array(FILE_SIZE_LIMIT_BYTES + 1)], "big.vcf") }), user.id);
    expect(big.location).toBe("/import?share=too-large");
    const { request, stream } = streamedUpload(URL_BASE, { chunks: 10, chunkBytes: 1024 });
    const streamed = await share(request, user.id, { perHour: 20, maxBodyBytes: 4096 });
    expect(streamed.location).toBe("/import?share=too-large");
    expect(stream.cancelled).toBe(true);

    const limits = { perHour: 1, maxBodyBytes: 1024 * 1024 };
    const first = await share(sharePost({ file: new File([VCARD], "a.vcf") }), user.id, limits);
    expect(first.location).toMatch(/^\/import\//);
    const second = await share(sharePost({ file: new File([VCARD], "b.vcf") }), user.id, limits);
    expect(second.location).toBe("/import?share=too-many");
    expect(await importsOf(user.id)).toHaveLength(1);
    expect(SHARE_NOTICES["too-many"]).toMatch(/imports in the last hour/);
  });
});
