"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState, useTransition } from "react";
import { toast } from "sonner";

import { setStoneStatus } from "@/app/(app)/career/goals/actions";
import { Button } from "@/components/ui/button";
import { SelectNative } from "@/components/ui/select-native";
import { STONE_STATUS_LABELS, STONE_STATUSES, type StoneStatus } from "@/lib/domain/enums";

const SAVED: Record<StoneStatus, string> = {
  planned: "Back to planned",
  in_progress: "In progress",
  done: "Marked done",
  dropped: "Dropped",
};

function isStoneStatus(value: string): value is StoneStatus {
  return (STONE_STATUSES as readonly string[]).includes(value);
}

// A step's status: chosen, then saved with its button, so moving through
// the options with the arrow keys records nothing. Done is dated today where
// the user lives (the server's answer).
export function StoneStatusSelect({ stoneId, title, status }: { stoneId: string; title: string; status: StoneStatus }) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [chosen, setChosen] = useState(status);
  // A refreshed page brings the stored status: show it.
  const [shown, setShown] = useState(status);
  if (shown !== status) {
    setShown(status);
    setChosen(status);
  }
  const id = `stone-status-${stoneId}`;

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = chosen;
    if (value === status) return;
    startTransition(async () => {
      const result = await setStoneStatus({ id: stoneId, status: value });
      if (!result.ok) {
        setChosen(status);
        toast.error(result.formError ?? "The status was not saved.");
        return;
      }
      toast.success(`${SAVED[value]}: “${title}”`);
      router.refresh();
    });
  }

  return (
    <form className="flex items-center gap-2" onSubmit={save}>
      <label htmlFor={id} className="text-sm font-medium">
        Status<span className="sr-only"> of “{title}”</span>
      </label>
      <SelectNative
        id={id}
        value={chosen}
        wrapperClassName="w-40"
        onChange={(event) => {
          if (isStoneStatus(event.target.value)) setChosen(event.target.value);
        }}
      >
        {STONE_STATUSES.map((value) => (
          <option key={value} value={value}>
            {STONE_STATUS_LABELS[value]}
          </option>
        ))}
      </SelectNative>
      <Button type="submit" variant="outline" size="sm" disabled={chosen === status || isPending}>
        {isPending ? "Saving…" : "Save"}
        <span className="sr-only"> status of “{title}”</span>
      </Button>
    </form>
  );
}
