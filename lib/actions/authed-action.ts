import "server-only";
import { getDb } from "@/db/client";
import { currentUserId } from "@/lib/auth";
import { defineAuthedAction } from "./define-action";

export const authedAction = defineAuthedAction({ getUserId: currentUserId, getDb });
