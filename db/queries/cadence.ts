import { sql } from "drizzle-orm";
import { contacts, users } from "@/db/schema";

// A contact's cadence in days: its own, else its tier's, else the user's
// default. Needs contacts and users in the query.
export const effectiveCadenceDays = sql<number>`coalesce(
  ${contacts.cadenceDays},
  case ${contacts.tier} when 'inner' then 14 when 'distant' then 90 end,
  ${users.defaultCadenceDays}
)`;
