"use client";

import { AlarmClockOffIcon } from "lucide-react";
import { useTransition } from "react";
import { toast } from "sonner";
import { snoozeContactAction } from "@/app/(app)/contacts/actions";
import { Button } from "@/components/ui/button";
import { formatDay } from "@/lib/domain/dates";

type SnoozeButtonProps = {
  contact: { id: string; name: string };
  /** The day (YYYY-MM-DD, in the user's time zone) the snooze lasts through. */
  until: string;
  label: string;
};

export function SnoozeButton({ contact, until, label }: SnoozeButtonProps) {
  const [isPending, startTransition] = useTransition();
  return (
    <Button
      type="button"
      variant="outline"
      size="sm"
      disabled={isPending}
      aria-label={`${label}: ${contact.name}`}
      onClick={() =>
        startTransition(async () => {
          const result = await snoozeContactAction({ id: contact.id, until });
          if (result.ok) toast.success(`${contact.name} snoozed until ${formatDay(until)}`);
          else toast.error(result.formError ?? "The snooze was not saved.");
        })
      }
    >
      <AlarmClockOffIcon aria-hidden="true" />
      {label}
    </Button>
  );
}
