"use client";

import { HeartHandshakeIcon } from "lucide-react";

import type { LogTouchRequest } from "@/components/touches/log-touch-dialog";
import { useLogTouch } from "@/components/touches/log-touch-provider";
import { Button } from "@/components/ui/button";

type Helper = { id: string; name: string; latestWin: { title: string } };

// A thanks given to the person, for the latest win they helped with: logging
// it is what marks them thanked on the Journal card.
function thanksRequest(helper: Helper): LogTouchRequest {
  return {
    contacts: [{ id: helper.id, name: helper.name }],
    channel: "message",
    valueKind: "thanks",
    valueDirection: "given",
    summary: `Thanks for your help with ${helper.latestWin.title}`,
  };
}

export function ThankHelperButton({ helper }: { helper: Helper }) {
  const logTouch = useLogTouch();
  return (
    <Button
      type="button"
      variant="outline"
      size="sm"
      aria-label={`Thank ${helper.name} for ${helper.latestWin.title}`}
      onClick={() => logTouch.open(thanksRequest(helper))}
    >
      <HeartHandshakeIcon aria-hidden="true" />
      Thank
    </Button>
  );
}
