import type { Db } from "@/db/client";
import {
  getExportAccount,
  listExportCircles,
  listExportContacts,
  listExportEvents,
  listExportSuccesses,
  listExportTouches,
  pagesOf,
} from "@/db/queries/export";
import { listExportGoals, listExportLearning, listExportSkillProgress } from "@/db/queries/export-career";
import { listExportRoles, listExportSkills, listExportWins } from "@/db/queries/export-journal";
import { todayIn } from "@/lib/domain/dates";
import { writeContactsCsv, writeContactsVCard } from "./contacts-files";
import {
  toExportCircle,
  toExportContact,
  toExportEvent,
  toExportGoal,
  toExportLearningItem,
  toExportRole,
  toExportSettings,
  toExportSkill,
  toExportSkillProgress,
  toExportSuccess,
  toExportTouch,
  toExportWin,
  writeKithExport,
} from "./kith-json";
import { type ExportContact } from "@/lib/validations/kith-export";

export const EXPORT_FORMATS = ["kith.json", "contacts.csv", "contacts.vcf"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

export type ExportFile = {
  filename: string;
  contentType: string;
  /** The file's text in pieces, read from the database as it is consumed. */
  chunks: AsyncIterable<string>;
};

async function* mapPages<T, R>(pages: AsyncIterable<T[]>, map: (row: T) => R): AsyncGenerator<R[]> {
  for await (const page of pages) yield page.map(map);
}

function contactPages(db: Db, userId: string, pageSize?: number): AsyncIterable<ExportContact[]> {
  return mapPages(pagesOf(listExportContacts, db, { userId, pageSize }), toExportContact);
}

// One of the user's export files; undefined when the user does not exist.
// Nothing but the account row is read until the chunks are.
export async function exportFile(
  db: Db,
  params: { userId: string; format: ExportFormat; now: Date; pageSize?: number },
): Promise<ExportFile | undefined> {
  const { userId, format, now, pageSize } = params;
  const account = await getExportAccount(db, { userId });
  if (!account) return undefined;
  const today = todayIn(account.timeZone, now);
  switch (format) {
    case "kith.json":
      return {
        filename: `kith-export-${today}.json`,
        contentType: "application/json; charset=utf-8",
        chunks: (async function* () {
          const [circles, events, roles, skills] = await Promise.all([
            listExportCircles(db, { userId }),
            listExportEvents(db, { userId }),
            listExportRoles(db, { userId }),
            listExportSkills(db, { userId }),
          ]);
          yield* writeKithExport({
            exportedAt: now,
            account: { email: account.email, createdAt: account.createdAt.toISOString() },
            settings: toExportSettings(account),
            circles: circles.map(toExportCircle),
            events: events.map(toExportEvent),
            contactPages: contactPages(db, userId, pageSize),
            touchPages: mapPages(pagesOf(listExportTouches, db, { userId, pageSize }), toExportTouch),
            successPages: mapPages(pagesOf(listExportSuccesses, db, { userId, pageSize }), toExportSuccess),
            roles: roles.map(toExportRole),
            skills: skills.map(toExportSkill),
            winPages: mapPages(pagesOf(listExportWins, db, { userId, pageSize }), toExportWin),
            goalPages: mapPages(pagesOf(listExportGoals, db, { userId, pageSize }), toExportGoal),
            skillProgressPages: mapPages(pagesOf(listExportSkillProgress, db, { userId, pageSize }), toExportSkillProgress),
            learningPages: mapPages(pagesOf(listExportLearning, db, { userId, pageSize }), toExportLearningItem),
          });
        })(),
      };
    case "contacts.csv":
      return {
        filename: `kith-contacts-${today}.csv`,
        contentType: "text/csv; charset=utf-8",
        chunks: writeContactsCsv(contactPages(db, userId, pageSize)),
      };
    case "contacts.vcf":
      return {
        filename: `kith-contacts-${today}.vcf`,
        contentType: "text/vcard; charset=utf-8",
        chunks: writeContactsVCard(contactPages(db, userId, pageSize)),
      };
  }
}

// A pull stream: the next page is read only when the client has taken the
// last one, and a client that goes away stops the reading.
export function toByteStream(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (error) {
        // The download ends unfinished (the browser shows it failed) rather than looking complete.
        console.error("export failed", error);
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

const SIGNED_OUT = "Sign in to download your data.";

// The route's answer: 401 (JSON) signed out, 404 for an unknown file,
// else the file as an attachment. The user id is the session's.
export async function exportDownload(
  getDb: () => Promise<Db>,
  params: { userId: string | null; format: string; now: Date; pageSize?: number },
): Promise<Response> {
  const { userId, format, now, pageSize } = params;
  if (!userId) return Response.json({ error: SIGNED_OUT }, { status: 401 });
  if (!isExportFormat(format)) return Response.json({ error: "There is no such export." }, { status: 404 });
  const file = await exportFile(await getDb(), { userId, format, now, pageSize });
  if (!file) return Response.json({ error: SIGNED_OUT }, { status: 401 });
  return exportResponse(file);
}

export function exportResponse(file: ExportFile): Response {
  return new Response(toByteStream(file.chunks), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
