"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useTransition } from "react";
import { ArrowDownIcon, ArrowUpIcon } from "lucide-react";
import { toast } from "sonner";

import { moveStone } from "@/app/(app)/career/goals/actions";
import { Button } from "@/components/ui/button";

type Direction = "up" | "down";

type StoneMoveButtonsProps = {
  stoneId: string;
  title: string;
  // 0-based place in the path, and how many steps the path has.
  position: number;
  count: number;
};

export function StoneMoveButtons({ stoneId, title, position, count }: StoneMoveButtonsProps) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const upRef = useRef<HTMLButtonElement>(null);
  const downRef = useRef<HTMLButtonElement>(null);
  const refocus = useRef<Direction | null>(null);
  const canMove = { up: position > 0, down: position < count - 1 };

  // The card moves in the list, which takes focus from its button: give it
  // back once the card is in its new place, or to the other button when this
  // one reached the end of the path.
  useEffect(() => {
    const direction = refocus.current;
    if (direction === null) return;
    refocus.current = null;
    const isAtEnd = direction === "up" ? position === 0 : position === count - 1;
    const goesUp = (direction === "up") !== isAtEnd;
    (goesUp ? upRef : downRef).current?.focus();
  }, [position, count]);

  function move(direction: Direction) {
    if (isPending || !canMove[direction]) return;
    const to = direction === "up" ? position - 1 : position + 1;
    startTransition(async () => {
      const result = await moveStone({ id: stoneId, to });
      if (!result.ok) {
        toast.error(result.formError ?? "The step was not moved.");
        return;
      }
      refocus.current = direction;
      toast.success(`“${title}” is now step ${to + 1}`);
      router.refresh();
    });
  }

  return (
    <div role="group" aria-label={`Place of “${title}”`} className="flex gap-1">
      {(["up", "down"] as const).map((direction) => (
        <Button
          key={direction}
          ref={direction === "up" ? upRef : downRef}
          type="button"
          variant="outline"
          size="icon"
          aria-label={`Move “${title}” ${direction}`}
          disabled={!canMove[direction]}
          aria-disabled={isPending || undefined}
          onClick={() => move(direction)}
        >
          {direction === "up" ? <ArrowUpIcon aria-hidden="true" /> : <ArrowDownIcon aria-hidden="true" />}
        </Button>
      ))}
    </div>
  );
}
