"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";

import { setStoneStatus } from "@/app/(app)/career/goals/actions";
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

// A step's status, saved as soon as it is chosen. Done is dated today where
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

  function choose(value: string) {
    if (!isStoneStatus(value) || value === chosen) return;
    const previous = chosen;
    setChosen(value);
    startTransition(async () => {
      const result = await setStoneStatus({ id: stoneId, status: value });
      if (!result.ok) {
        setChosen(previous);
        toast.error(result.formError ?? "The status was not saved.");
        return;
      }
      toast.success(`${SAVED[value]}: “${title}”`);
      router.refresh();
    });
  }

  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm font-medium">
        Status<span className="sr-only"> of “{title}”</span>
      </label>
      <SelectNative
        id={id}
        value={chosen}
        aria-busy={isPending || undefined}
        wrapperClassName="w-40"
        onChange={(event) => choose(event.target.value)}
      >
        {STONE_STATUSES.map((value) => (
          <option key={value} value={value}>
            {STONE_STATUS_LABELS[value]}
          </option>
        ))}
      </SelectNative>
    </div>
  );
}
