ALTER TABLE "interaction_contacts" ADD COLUMN "value_direction" "value_direction";--> statement-breakpoint
UPDATE "interaction_contacts" "ic" SET "value_direction" = "i"."value_direction"
FROM "interactions" "i"
WHERE "i"."id" = "ic"."interaction_id" AND "i"."value_direction" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "interaction_contacts_user_value_idx" ON "interaction_contacts" USING btree ("user_id","occurred_at","contact_id","value_direction") WHERE "interaction_contacts"."value_direction" is not null;