"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { SelectNative } from "@/components/ui/select-native";
import { type RoleOption, roleLabel } from "@/lib/domain/journal";
import { REVIEW_RANGE_LABELS, REVIEW_RANGES, type ReviewRangeKind } from "@/lib/domain/review-pack";

type ReviewRangeFormProps = {
  kind: ReviewRangeKind;
  roleId: string | undefined;
  from: string;
  to: string;
  roles: RoleOption[];
};

// A GET form: the range is in the URL, so a pack can be bookmarked, and the
// Markdown download asks for the same one. The role and the days show only
// for the ranges that use them.
export function ReviewRangeForm({ kind: initialKind, roleId, from, to, roles }: ReviewRangeFormProps) {
  const [kind, setKind] = useState(initialKind);
  const ranges = REVIEW_RANGES.filter((range) => range !== "role" || roles.length > 0);

  return (
    <form
      method="get"
      action="/journal/review"
      aria-label="Review range"
      className="flex flex-wrap items-end gap-4 rounded-xl border bg-card p-4"
    >
      <div className="grid min-w-44 gap-2">
        <Label htmlFor="review-range">Range</Label>
        <SelectNative
          id="review-range"
          name="range"
          value={kind}
          onChange={(event) => setKind(event.target.value as ReviewRangeKind)}
        >
          {ranges.map((range) => (
            <option key={range} value={range}>
              {REVIEW_RANGE_LABELS[range]}
            </option>
          ))}
        </SelectNative>
      </div>
      {kind === "role" ? (
        <div className="grid min-w-56 flex-1 gap-2">
          <Label htmlFor="review-role">Role</Label>
          <SelectNative id="review-role" name="role" defaultValue={roleId ?? roles[0]?.id}>
            {roles.map((role) => (
              <option key={role.id} value={role.id}>
                {roleLabel(role)}
              </option>
            ))}
          </SelectNative>
        </div>
      ) : null}
      {kind === "custom" ? (
        <>
          <div className="grid gap-2">
            <Label htmlFor="review-from">From</Label>
            <Input id="review-from" name="from" type="date" required defaultValue={from} />
          </div>
          <div className="grid gap-2">
            <Label htmlFor="review-to">To</Label>
            <Input id="review-to" name="to" type="date" required defaultValue={to} />
          </div>
        </>
      ) : null}
      <Button type="submit" variant="outline">
        Show pack
      </Button>
    </form>
  );
}
