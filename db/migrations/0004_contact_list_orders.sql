DROP INDEX "contacts_user_name_idx";--> statement-breakpoint
DROP INDEX "contacts_user_next_due_idx";--> statement-breakpoint
DROP INDEX "contacts_user_last_touched_idx";--> statement-breakpoint
CREATE INDEX "contacts_user_name_idx" ON "contacts" USING btree ("user_id",lower("name"),"id");--> statement-breakpoint
CREATE INDEX "contacts_user_next_due_idx" ON "contacts" USING btree ("user_id","next_due_at","id");--> statement-breakpoint
CREATE INDEX "contacts_user_last_touched_idx" ON "contacts" USING btree ("user_id","last_touched_at" DESC NULLS LAST,"id");