import { PlusIcon, SearchXIcon, UploadIcon, Users } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ContactFilters } from "@/components/contacts/contact-filters";
import { ContactList } from "@/components/contacts/contact-list";
import { Pagination } from "@/components/contacts/pagination";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db/client";
import { listCircles } from "@/db/queries/circles";
import { listGoalChoices } from "@/db/queries/goal-network";
import { ensureFreshHealth } from "@/db/queries/health";
import { getUserSettings } from "@/db/queries/users";
import { currentUserId } from "@/lib/auth";
import { readContactsPage } from "@/lib/contacts/list-page";
import { type ContactListQuery, contactListQuerySchema } from "@/lib/validations/contact";

export const metadata: Metadata = { title: "Contacts" };

const PAGE_SIZE = 25;

// The address of a page, keeping the filters and the order: `after` or
// `before` a cursor, `page` only the number it shows.
function hrefFor(query: ContactListQuery, at: { after?: string; before?: string; page: number }): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.sort !== "name") params.set("sort", query.sort);
  if (query.circle) params.set("circle", query.circle);
  if (query.goal) params.set("goal", query.goal);
  if (query.band) params.set("band", query.band);
  if (query.overdue) params.set("overdue", "1");
  if (query.archived) params.set("archived", "1");
  if (at.after) params.set("after", at.after);
  if (at.before) params.set("before", at.before);
  if (at.page > 1) params.set("page", String(at.page));
  const search = params.toString();
  return search ? `/contacts?${search}` : "/contacts";
}

export default async function ContactsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const userId = await currentUserId();
  if (!userId) notFound();
  const query = contactListQuerySchema.parse(await searchParams);
  const db = await getDb();
  const now = new Date();
  // Every row shows its band, and the health order and band filter read them.
  await ensureFreshHealth(db, { userId, now });
  const [settings, circles, goals, { rows, page, before, after }] = await Promise.all([
    getUserSettings(db, { userId }),
    listCircles(db, { userId }),
    listGoalChoices(db, { userId, selectedId: query.goal }),
    readContactsPage(db, { userId, query, pageSize: PAGE_SIZE, now }),
  ]);
  const isFiltered = Boolean(query.q || query.circle || query.goal || query.band || query.overdue || query.archived);
  const status =
    rows.length === 0
      ? "No contacts to show."
      : `${rows.length} ${rows.length === 1 ? "contact" : "contacts"} on page ${page}${after ? ", more on the next page" : ""}.`;

  return (
    <>
      <PageHeader
        title="Contacts"
        description="Everyone you keep in touch with."
        actions={
          <>
            <Button asChild variant="outline">
              <Link href="/import">
                <UploadIcon aria-hidden="true" />
                Import
              </Link>
            </Button>
            <Button asChild>
              <Link href="/contacts/new">
                <PlusIcon aria-hidden="true" />
                New contact
              </Link>
            </Button>
          </>
        }
      />
      <ContactFilters
        q={query.q}
        sort={query.sort}
        circleId={query.circle}
        goalId={query.goal}
        band={query.band}
        overdue={query.overdue}
        archived={query.archived}
        circles={circles}
        goals={goals}
      />
      <p id="contacts-status" role="status" className="sr-only">
        {status}
      </p>
      {rows.length > 0 ? (
        <>
          <ContactList rows={rows} now={now} timeZone={settings?.timeZone ?? "UTC"} />
          <Pagination
            page={page}
            firstHref={before ? hrefFor(query, { page: 1 }) : null}
            prevHref={before ? hrefFor(query, { before, page: page - 1 }) : null}
            nextHref={after ? hrefFor(query, { after, page: page + 1 }) : null}
          />
        </>
      ) : isFiltered ? (
        <EmptyState
          icon={<SearchXIcon />}
          title="No contacts match"
          description="Try other words, or clear the filters."
          action={
            <Button asChild variant="outline">
              <Link href="/contacts">Clear filters</Link>
            </Button>
          }
        />
      ) : (
        <EmptyState
          icon={<Users />}
          title="No contacts yet"
          description="Add the people you met at an event all at once, import your LinkedIn or address book, or add one person at a time."
          action={
            <>
              <Button asChild>
                <Link href="/events">Start from an event</Link>
              </Button>
              <Button asChild variant="outline">
                <Link href="/import">Import contacts</Link>
              </Button>
              <Button asChild variant="outline">
                <Link href="/contacts/new">Add a contact</Link>
              </Button>
            </>
          }
        />
      )}
    </>
  );
}
