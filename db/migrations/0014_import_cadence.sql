ALTER TABLE "contacts" ADD COLUMN "reminders_enabled" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "first_due_share" integer;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "contact_tier" "contact_tier";--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "cadence_days" integer;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "reminders_enabled" boolean;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_first_due_share_check" CHECK ("contacts"."first_due_share" is null or "contacts"."first_due_share" between 1 and 1000000000);--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_cadence_check" CHECK ("imports"."cadence_days" is null or "imports"."cadence_days" between 1 and 3650);