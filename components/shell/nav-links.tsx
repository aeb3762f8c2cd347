"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import {
  CalendarDaysIcon,
  CircleDotIcon,
  LayoutDashboardIcon,
  MountainIcon,
  NotebookPenIcon,
  PartyPopperIcon,
  SettingsIcon,
  UsersIcon,
} from "lucide-react";

import { cn } from "@/lib/utils";

const navItems = [
  { href: "/dashboard", label: "Dashboard", Icon: LayoutDashboardIcon },
  { href: "/contacts", label: "Contacts", Icon: UsersIcon },
  { href: "/events", label: "Events", Icon: CalendarDaysIcon },
  { href: "/successes", label: "Congratulate", Icon: PartyPopperIcon },
  { href: "/journal", label: "Journal", Icon: NotebookPenIcon },
  { href: "/career", label: "Career", Icon: MountainIcon },
  { href: "/circles", label: "Circles", Icon: CircleDotIcon },
  { href: "/settings", label: "Settings", Icon: SettingsIcon },
] as const;

function isCurrent(pathname: string, href: string) {
  return pathname === href || pathname.startsWith(`${href}/`);
}

type NavLinksProps = {
  /** Called when a link navigates, e.g. to close the phone menu. */
  onNavigate?: () => void;
  className?: string;
};

function NavLinks({ onNavigate, className }: NavLinksProps) {
  const pathname = usePathname();

  return (
    <nav aria-label="Main" className={className}>
      <ul className="grid gap-1">
        {navItems.map(({ href, label, Icon }) => {
          const isActive = isCurrent(pathname, href);
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={isActive ? "page" : undefined}
                onNavigate={onNavigate}
                className={cn(
                  "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium text-muted-foreground transition-colors hover:bg-sidebar-accent hover:text-sidebar-accent-foreground",
                  isActive && "bg-sidebar-accent text-sidebar-accent-foreground",
                )}
              >
                <Icon aria-hidden="true" className={cn("size-4", isActive && "text-primary")} />
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

export { NavLinks, navItems };
