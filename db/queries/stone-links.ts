import type { Db } from "@/db/client";
import type { StoneLinkSet } from "@/lib/domain/career";

// Every stepping stone's links in one goal, keyed by stone id (stones with
// no links are absent).
export async function listStoneLinks(
  _db: Db,
  _params: { userId: string; goalId: string },
): Promise<Map<string, StoneLinkSet>> {
  return new Map();
}
