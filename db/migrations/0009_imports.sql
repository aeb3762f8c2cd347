CREATE TYPE "public"."import_action" AS ENUM('create', 'merge', 'skip', 'reject');--> statement-breakpoint
CREATE TYPE "public"."import_status" AS ENUM('mapping', 'parsing', 'ready', 'committing', 'done', 'failed');--> statement-breakpoint
CREATE TABLE "import_rows" (
	"import_id" uuid NOT NULL,
	"row" integer NOT NULL,
	"action" "import_action" NOT NULL,
	"contact" jsonb,
	"new_contact_id" uuid,
	"match_contact_id" uuid,
	"match_reason" text,
	"match_row" integer,
	"changes" jsonb,
	"reason" text,
	CONSTRAINT "import_rows_import_id_row_pk" PRIMARY KEY("import_id","row")
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"source" text NOT NULL,
	"file_name" text NOT NULL,
	"file_size" integer NOT NULL,
	"content" text,
	"mapping" jsonb,
	"status" "import_status" NOT NULL,
	"lease_until" timestamp with time zone,
	"total_rows" integer,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"counts" jsonb,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"new_roles" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"committed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "import_rows" ADD CONSTRAINT "import_rows_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_rows" ADD CONSTRAINT "import_rows_match_contact_id_contacts_id_fk" FOREIGN KEY ("match_contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_rows_action_idx" ON "import_rows" USING btree ("import_id","action","row");--> statement-breakpoint
CREATE INDEX "import_rows_match_idx" ON "import_rows" USING btree ("match_contact_id") WHERE "import_rows"."match_contact_id" is not null;--> statement-breakpoint
CREATE INDEX "imports_user_created_idx" ON "imports" USING btree ("user_id","created_at" DESC NULLS LAST);