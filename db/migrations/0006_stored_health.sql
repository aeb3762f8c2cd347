DROP INDEX "interactions_user_value_idx";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "health_refreshed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "health_score" smallint;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "health_band" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "health_as_of" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "contacts_user_health_idx" ON "contacts" USING btree ("user_id","health_score",lower("name"),"id") WHERE "contacts"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "interactions_user_value_idx" ON "interactions" USING btree ("user_id","occurred_at","value_direction") WHERE "interactions"."value_direction" is not null;