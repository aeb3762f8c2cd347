import Link from "next/link";
import { MapPinIcon, PencilIcon } from "lucide-react";

import { RoleDeleteButton } from "@/components/journal/role-delete-button";
import { buttonVariants } from "@/components/ui/button";
import { roleLabel } from "@/lib/domain/journal";
import { type RoleRow, roleSpan } from "@/lib/domain/roles";

type RoleListProps = {
  roles: RoleRow[];
  // The link that opens a role's form, e.g. "/journal/roles?edit=…".
  editHref: (roleId: string) => string;
  // The role whose form is open, shown as such.
  editingId?: string;
};

function winCount(count: number): string {
  if (count === 0) return "No wins yet";
  return count === 1 ? "1 win" : `${count.toLocaleString("en")} wins`;
}

export function RoleList({ roles, editHref, editingId }: RoleListProps) {
  return (
    <ul aria-label="Your roles" className="divide-y rounded-xl border">
      {roles.map((role) => (
        <li
          key={role.id}
          aria-current={role.id === editingId ? "true" : undefined}
          className="flex flex-col gap-3 p-4 aria-[current=true]:bg-accent sm:flex-row sm:items-center"
        >
          <div className="min-w-0 flex-1">
            <p className="flex flex-wrap items-center gap-2 font-medium break-words">
              {roleLabel(role)}
              {role.endedOn === null ? (
                <span className="inline-flex items-center rounded-full bg-primary px-2 py-0.5 text-xs font-medium text-primary-foreground">
                  Current
                </span>
              ) : null}
            </p>
            <p className="text-sm text-muted-foreground">
              {roleSpan(role)} · {winCount(role.winCount)}
            </p>
            {role.location ? (
              <p className="flex items-center gap-1 text-sm text-muted-foreground">
                <MapPinIcon aria-hidden="true" className="size-3.5 shrink-0" />
                <span className="break-words">{role.location}</span>
              </p>
            ) : null}
          </div>
          <div role="group" aria-label={roleLabel(role)} className="flex flex-wrap gap-2">
            <Link href={editHref(role.id)} className={buttonVariants({ variant: "outline", size: "sm" })}>
              <PencilIcon aria-hidden="true" />
              Edit<span className="sr-only"> {roleLabel(role)}</span>
            </Link>
            <RoleDeleteButton role={role} />
          </div>
        </li>
      ))}
    </ul>
  );
}
