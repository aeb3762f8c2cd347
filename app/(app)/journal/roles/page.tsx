import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BriefcaseIcon, ChevronLeftIcon, ChevronRightIcon } from "lucide-react";
import { z } from "zod";

import { PositionsImportForm } from "@/components/journal/positions-import-form";
import { RoleForm } from "@/components/journal/role-form";
import { RoleList } from "@/components/journal/role-list";
import { PageHeader } from "@/components/shell/page-header";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db/client";
import { countRoles, getRole, listRoleRows } from "@/db/queries/roles";
import { currentUserId } from "@/lib/auth";
import { roleLabel } from "@/lib/domain/journal";
import { pageNumber } from "@/lib/validations/paging";

export const metadata: Metadata = { title: "My roles" };

const PAGE_SIZE = 50;

// ?edit= names the role whose form is open; anything else opens none.
function editParam(value: string | string[] | undefined): string | undefined {
  const parsed = z.uuid().safeParse(Array.isArray(value) ? value[0] : value);
  return parsed.success ? parsed.data : undefined;
}

function listHref(page: number, editId?: string) {
  const params = new URLSearchParams();
  if (page > 1) params.set("page", String(page));
  if (editId) params.set("edit", editId);
  const query = params.toString();
  return query ? `/journal/roles?${query}` : "/journal/roles";
}

export default async function RolesPage({
  searchParams,
}: {
  searchParams: Promise<{ page?: string | string[]; edit?: string | string[] }>;
}) {
  const userId = await currentUserId();
  if (!userId) notFound();
  const { page: pageParam, edit } = await searchParams;
  const page = pageNumber(pageParam);
  const editId = editParam(edit);
  const db = await getDb();
  const [roles, total, editing] = await Promise.all([
    listRoleRows(db, { userId, limit: PAGE_SIZE, page }),
    countRoles(db, { userId }),
    editId ? getRole(db, { userId, roleId: editId }) : undefined,
  ]);

  return (
    <>
      <PageHeader
        title="My roles"
        description={
          total === 0
            ? "Your own job history: every win in your journal belongs to a role."
            : `${total.toLocaleString("en")} ${total === 1 ? "role" : "roles"} in your job history; a win belongs to the role you held that day.`
        }
      />
      {editing ? (
        <Card asChild className="mb-6">
          <section aria-labelledby="edit-role">
            <CardHeader>
              <CardTitle asChild>
                <h2 id="edit-role">Edit {roleLabel(editing)}</h2>
              </CardTitle>
            </CardHeader>
            <CardContent>
              {/* Keyed by the role, so opening another role's form starts from its values. */}
              <RoleForm key={editing.id} role={editing} listHref={listHref(page)} />
            </CardContent>
          </section>
        </Card>
      ) : null}
      {total === 0 ? (
        <EmptyState
          icon={<BriefcaseIcon />}
          title="No roles yet"
          description="Add the job you have now and the ones before it, or import them all from LinkedIn below. Wins you record then belong to the role you held that day."
          action={
            <a href="#role-add-title" className={buttonVariants({ variant: "outline" })}>
              Add your current role
            </a>
          }
        />
      ) : roles.items.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          Nothing on this page.{" "}
          <Link href={listHref(1)} className="font-medium text-primary underline-offset-4 hover:underline">
            Back to the first page
          </Link>
        </p>
      ) : (
        <RoleList roles={roles.items} editHref={(roleId) => listHref(page, roleId)} editingId={editing?.id} />
      )}
      {page > 1 || roles.hasMore ? (
        <nav aria-label="Pages" className="mt-4 flex items-center justify-between gap-2">
          {page > 1 ? (
            <Link href={listHref(page - 1)} className={buttonVariants({ variant: "outline", size: "sm" })}>
              <ChevronLeftIcon aria-hidden="true" />
              Previous
            </Link>
          ) : (
            <span />
          )}
          {roles.hasMore ? (
            <Link href={listHref(page + 1)} className={buttonVariants({ variant: "outline", size: "sm" })}>
              Next
              <ChevronRightIcon aria-hidden="true" />
            </Link>
          ) : null}
        </nav>
      ) : null}
      <div className="mt-8 grid gap-6 lg:grid-cols-2 lg:items-start">
        <Card asChild>
          <section aria-labelledby="add-role">
            <CardHeader>
              <CardTitle asChild>
                <h2 id="add-role">Add a role</h2>
              </CardTitle>
              <CardDescription>A job you hold or held: leave the end empty for the one you have now.</CardDescription>
            </CardHeader>
            <CardContent>
              <RoleForm listHref={listHref(page)} />
            </CardContent>
          </section>
        </Card>
        <Card asChild>
          <section aria-labelledby="import-positions">
            <CardHeader>
              <CardTitle asChild>
                <h2 id="import-positions">Import from LinkedIn (Positions.csv)</h2>
              </CardTitle>
              <CardDescription>
                On LinkedIn, open Settings → Data privacy → Get a copy of your data, choose Positions (or the full
                archive), and request the archive. LinkedIn emails you a link to a ZIP file; unzip it and choose
                Positions.csv here. Each row becomes a role; one with no end date is your current role.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <PositionsImportForm />
            </CardContent>
          </section>
        </Card>
      </div>
    </>
  );
}
