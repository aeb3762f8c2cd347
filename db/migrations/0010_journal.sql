CREATE TYPE "public"."win_kind" AS ENUM('delivered', 'led', 'improved', 'learned', 'helped_others', 'recognised', 'volunteered', 'other');--> statement-breakpoint
CREATE TYPE "public"."win_person_part" AS ENUM('helped_me', 'worked_with', 'can_vouch', 'i_helped');--> statement-breakpoint
ALTER TYPE "public"."value_kind" ADD VALUE 'thanks' BEFORE 'volunteered_together';--> statement-breakpoint
CREATE TABLE "job_roles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"company" text NOT NULL,
	"title" text NOT NULL,
	"location" text,
	"description" text,
	"started_on" date NOT NULL,
	"ended_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_roles_dates_check" CHECK ("job_roles"."ended_on" is null or "job_roles"."ended_on" >= "job_roles"."started_on")
);
--> statement-breakpoint
CREATE TABLE "skills" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "win_people" (
	"user_id" uuid NOT NULL,
	"win_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"part" "win_person_part" NOT NULL,
	"occurred_on" date NOT NULL,
	CONSTRAINT "win_people_win_id_contact_id_part_pk" PRIMARY KEY("win_id","contact_id","part")
);
--> statement-breakpoint
CREATE TABLE "win_skills" (
	"user_id" uuid NOT NULL,
	"win_id" uuid NOT NULL,
	"skill_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	CONSTRAINT "win_skills_win_id_skill_id_pk" PRIMARY KEY("win_id","skill_id")
);
--> statement-breakpoint
CREATE TABLE "wins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"role_id" uuid,
	"occurred_on" date NOT NULL,
	"kind" "win_kind" NOT NULL,
	"title" text NOT NULL,
	"what" text,
	"result" text,
	"metric_value" double precision,
	"metric_unit" text,
	"url" text,
	"situation" text,
	"task" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_text" text GENERATED ALWAYS AS (lower(coalesce(title, '') || ' ' || coalesce(what, '') || ' ' || coalesce(result, '') || ' ' || coalesce(metric_unit, '') || ' ' || coalesce(situation, '') || ' ' || coalesce(task, ''))) STORED,
	CONSTRAINT "wins_metric_check" CHECK ("wins"."metric_unit" is null or "wins"."metric_value" is not null)
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "journal_prompt_enabled" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "job_roles" ADD CONSTRAINT "job_roles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skills" ADD CONSTRAINT "skills_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "win_people" ADD CONSTRAINT "win_people_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "win_people" ADD CONSTRAINT "win_people_win_id_wins_id_fk" FOREIGN KEY ("win_id") REFERENCES "public"."wins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "win_people" ADD CONSTRAINT "win_people_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "win_skills" ADD CONSTRAINT "win_skills_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "win_skills" ADD CONSTRAINT "win_skills_win_id_wins_id_fk" FOREIGN KEY ("win_id") REFERENCES "public"."wins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "win_skills" ADD CONSTRAINT "win_skills_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wins" ADD CONSTRAINT "wins_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wins" ADD CONSTRAINT "wins_role_id_job_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."job_roles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "job_roles_user_started_idx" ON "job_roles" USING btree ("user_id","started_on");--> statement-breakpoint
CREATE UNIQUE INDEX "skills_user_name_key" ON "skills" USING btree ("user_id",lower("name"));--> statement-breakpoint
CREATE INDEX "win_people_contact_occurred_idx" ON "win_people" USING btree ("contact_id","occurred_on");--> statement-breakpoint
CREATE INDEX "win_people_user_part_occurred_idx" ON "win_people" USING btree ("user_id","part","occurred_on");--> statement-breakpoint
CREATE INDEX "win_skills_skill_occurred_idx" ON "win_skills" USING btree ("skill_id","occurred_on" DESC NULLS LAST,"win_id");--> statement-breakpoint
CREATE INDEX "wins_user_occurred_idx" ON "wins" USING btree ("user_id","occurred_on" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "wins_role_idx" ON "wins" USING btree ("role_id");--> statement-breakpoint
CREATE INDEX "wins_search_idx" ON "wins" USING gin ("user_id","search_text" gin_trgm_ops);