ALTER TABLE "digest_deliveries" ADD COLUMN "batch_key" text;--> statement-breakpoint
ALTER TABLE "digest_deliveries" ADD COLUMN "next_attempt_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "digest_deliveries_batch_idx" ON "digest_deliveries" USING btree ("batch_key");