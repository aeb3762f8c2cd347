"use client";

import { useRouter } from "next/navigation";
import { BanIcon } from "lucide-react";
import { toast } from "sonner";
import { revokeApiTokenAction } from "@/app/(app)/settings/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

export function ApiTokenRevokeButton({ token }: { token: { id: string; name: string } }) {
  const router = useRouter();

  async function revoke(): Promise<boolean> {
    const result = await revokeApiTokenAction(token.id);
    if (!result.ok) {
      toast.error(result.formError ?? "The token was not revoked.");
      return false;
    }
    toast.success(`“${token.name}” revoked`);
    router.refresh();
    return true;
  }

  return (
    <ConfirmDialog
      trigger={
        <Button type="button" variant="outline" size="sm" className="text-destructive">
          <BanIcon aria-hidden="true" />
          Revoke<span className="sr-only"> {token.name}</span>
        </Button>
      }
      title={`Revoke “${token.name}”?`}
      description="Whatever uses it is refused from its next request on. This can't be undone: to let it in again, create a new token."
      confirmLabel="Revoke token"
      pendingLabel="Revoking…"
      onConfirm={revoke}
    />
  );
}
