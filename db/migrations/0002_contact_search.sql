ALTER TABLE "contacts" ADD COLUMN "next_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower(coalesce(name, '') || ' ' || coalesce(company, '') || ' ' || coalesce(role, '') || ' ' || coalesce(notes, ''))) STORED;--> statement-breakpoint
CREATE INDEX "contact_emails_search_idx" ON "contact_emails" USING gin ("user_id",lower("email") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contacts_user_next_due_idx" ON "contacts" USING btree ("user_id","next_due_at");--> statement-breakpoint
CREATE INDEX "contacts_search_idx" ON "contacts" USING gin ("user_id","search_text" gin_trgm_ops);