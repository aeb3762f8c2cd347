// The job journal's shapes, shared by queries, use cases and components.

export type RoleOption = {
  id: string;
  company: string;
  title: string;
  startedOn: string;
  endedOn: string | null;
};

export function roleLabel(role: Pick<RoleOption, "company" | "title">): string {
  return `${role.title} at ${role.company}`;
}

// The role a win on `day` belongs to by default: the one that covers the day
// (the latest started, if several overlap), else the current role.
export function defaultRoleFor(roles: readonly RoleOption[], day: string): RoleOption | undefined {
  const covering = roles
    .filter((role) => role.startedOn <= day && (role.endedOn === null || role.endedOn >= day))
    .sort((a, b) => b.startedOn.localeCompare(a.startedOn));
  return covering[0] ?? roles.find((role) => role.endedOn === null);
}
