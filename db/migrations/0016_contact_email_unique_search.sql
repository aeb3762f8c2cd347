ALTER TABLE "contacts" ADD COLUMN "email_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Before the unique index, the emails a user holds twice: the oldest contact
-- (then its primary row) keeps each; another contact's copy is removed from
-- its emails and listed in its extra fields, which the export carries, so
-- nothing is lost. A contact holding one email twice keeps one row.
WITH "ranked" AS (
	SELECT "e"."id", "e"."contact_id", "e"."email",
		first_value("e"."contact_id") OVER "w" AS "keeper",
		row_number() OVER "w" AS "n"
	FROM "contact_emails" "e" JOIN "contacts" "c" ON "c"."id" = "e"."contact_id"
	WINDOW "w" AS (PARTITION BY "e"."user_id", lower("e"."email") ORDER BY "c"."created_at", "c"."id", "e"."is_primary" DESC, "e"."id")
), "removed" AS (
	DELETE FROM "contact_emails" "d" USING "ranked" "r"
	WHERE "d"."id" = "r"."id" AND "r"."n" > 1
	RETURNING "d"."contact_id", "d"."email", "r"."keeper"
), "moved" AS (
	SELECT "contact_id", jsonb_agg(DISTINCT "email") AS "emails"
	FROM "removed" WHERE "contact_id" <> "keeper" GROUP BY "contact_id"
)
UPDATE "contacts" "c" SET "extra" = "c"."extra" || jsonb_build_object('Emails also on another contact',
	CASE jsonb_typeof("c"."extra" -> 'Emails also on another contact')
		WHEN 'array' THEN "c"."extra" -> 'Emails also on another contact'
		WHEN 'string' THEN jsonb_build_array("c"."extra" -> 'Emails also on another contact')
		ELSE '[]'::jsonb
	END || "m"."emails")
FROM "moved" "m" WHERE "c"."id" = "m"."contact_id";--> statement-breakpoint
DROP INDEX "contact_emails_user_email_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "contact_emails_user_email_key" ON "contact_emails" USING btree ("user_id",lower("email"));--> statement-breakpoint
CREATE FUNCTION "contact_email_text"("contact" uuid) RETURNS text LANGUAGE sql STABLE AS $$
	SELECT coalesce(string_agg(lower("email"), ' ' ORDER BY "is_primary" DESC, lower("email")), '')
	FROM "contact_emails" WHERE "contact_id" = "contact"
$$;--> statement-breakpoint
-- contacts.email_text follows contact_emails whoever writes them (forms,
-- quick add, import, restore, the API, the seed): once per statement, for
-- the contacts it touched, so a 10,000-row import rewrites each contact once.
CREATE FUNCTION "contact_emails_to_email_text"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		UPDATE "contacts" "c" SET "email_text" = "contact_email_text"("c"."id")
		WHERE "c"."id" IN (SELECT "contact_id" FROM "new_rows");
	ELSIF TG_OP = 'DELETE' THEN
		UPDATE "contacts" "c" SET "email_text" = "contact_email_text"("c"."id")
		WHERE "c"."id" IN (SELECT "contact_id" FROM "old_rows");
	ELSE
		UPDATE "contacts" "c" SET "email_text" = "contact_email_text"("c"."id")
		WHERE "c"."id" IN (SELECT "contact_id" FROM "new_rows" UNION SELECT "contact_id" FROM "old_rows");
	END IF;
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "contact_emails_inserted" AFTER INSERT ON "contact_emails"
	REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "contact_emails_to_email_text"();--> statement-breakpoint
CREATE TRIGGER "contact_emails_deleted" AFTER DELETE ON "contact_emails"
	REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "contact_emails_to_email_text"();--> statement-breakpoint
CREATE TRIGGER "contact_emails_updated" AFTER UPDATE ON "contact_emails"
	REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "contact_emails_to_email_text"();--> statement-breakpoint
UPDATE "contacts" "c" SET "email_text" = "contact_email_text"("c"."id")
WHERE EXISTS (SELECT 1 FROM "contact_emails" "e" WHERE "e"."contact_id" = "c"."id");--> statement-breakpoint
DROP INDEX "contact_emails_search_idx";--> statement-breakpoint
ALTER TABLE "contacts" DROP COLUMN "search_text";--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower(coalesce(name, '') || ' ' || coalesce(company, '') || ' ' || coalesce(role, '') || ' ' || coalesce(notes, '') || ' ' || email_text)) STORED;--> statement-breakpoint
-- The planner reads how common a searched text is off this column's
-- histogram: 1,000 entries tell a text that one contact in sixty holds (a
-- surname; walk the list's order and stop at a page) from a rare one (use
-- contacts_search_idx); the default 100 saw neither and always guessed rare.
ALTER TABLE "contacts" ALTER COLUMN "search_text" SET STATISTICS 1000;--> statement-breakpoint
CREATE INDEX "contacts_search_idx" ON "contacts" USING gin ("user_id","search_text" gin_trgm_ops);
