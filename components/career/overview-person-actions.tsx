"use client";

import { BellRingIcon, PlusIcon } from "lucide-react";
import { useTransition } from "react";
import { toast } from "sonner";

import { addToReconnectAction } from "@/app/(app)/career/actions";
import { useLogTouch } from "@/components/touches/log-touch-provider";
import { Button } from "@/components/ui/button";

type Person = { id: string; name: string };

// A touch with this person, or a nudge to reach out soon: "Add to Reconnect"
// makes them due now, on the dashboard's Reconnect now and the overdue list,
// until a touch is logged. The person's name is shown beside the buttons and
// read out in them, so each button says whom it is for. An archived contact
// is on no list, so it is only offered a touch.
export function OverviewPersonActions({ person, canReconnect }: { person: Person; canReconnect: boolean }) {
  const logTouch = useLogTouch();
  const [isPending, startTransition] = useTransition();
  return (
    <div className="flex flex-wrap gap-2">
      <Button
        type="button"
        variant="secondary"
        size="sm"
        aria-label={`Log touch with ${person.name}`}
        onClick={() => logTouch.open({ contacts: [{ id: person.id, name: person.name }] })}
      >
        <PlusIcon aria-hidden="true" />
        Log touch
      </Button>
      {canReconnect ? (
        <Button
          type="button"
          variant="outline"
          size="sm"
          disabled={isPending}
          aria-label={`Add ${person.name} to Reconnect`}
          onClick={() =>
            startTransition(async () => {
              const result = await addToReconnectAction({ id: person.id });
              if (result.ok) toast.success(`${person.name} is on your Reconnect list until you log a touch.`);
              else toast.error(result.formError ?? `${person.name} was not added to Reconnect.`);
            })
          }
        >
          <BellRingIcon aria-hidden="true" />
          Add to Reconnect
        </Button>
      ) : null}
    </div>
  );
}
