CREATE TYPE "public"."goal_status" AS ENUM('active', 'achieved', 'let_go');--> statement-breakpoint
CREATE TYPE "public"."learning_kind" AS ENUM('course', 'book', 'talk', 'mentoring', 'certification', 'other');--> statement-breakpoint
CREATE TYPE "public"."learning_status" AS ENUM('planned', 'in_progress', 'done');--> statement-breakpoint
CREATE TYPE "public"."stone_change" AS ENUM('created', 'moved', 'redated', 'status');--> statement-breakpoint
CREATE TYPE "public"."stone_kind" AS ENUM('role', 'skill', 'project', 'certification', 'relationship', 'volunteering', 'other');--> statement-breakpoint
CREATE TYPE "public"."stone_person_part" AS ENUM('can_help', 'has_done_it', 'could_introduce');--> statement-breakpoint
CREATE TYPE "public"."stone_status" AS ENUM('planned', 'in_progress', 'done', 'dropped');--> statement-breakpoint
CREATE TABLE "goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"title" text NOT NULL,
	"why" text,
	"horizon_on" date,
	"status" "goal_status" DEFAULT 'active' NOT NULL,
	"is_north_star" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" "learning_kind" NOT NULL,
	"status" "learning_status" DEFAULT 'planned' NOT NULL,
	"started_on" date,
	"finished_on" date,
	"hours" double precision,
	"mentor_id" uuid,
	"url" text,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learning_items_hours_check" CHECK ("learning_items"."hours" is null or "learning_items"."hours" between 0 and 10000),
	CONSTRAINT "learning_items_dates_check" CHECK ("learning_items"."finished_on" is null or "learning_items"."started_on" is null or "learning_items"."finished_on" >= "learning_items"."started_on")
);
--> statement-breakpoint
CREATE TABLE "learning_skills" (
	"user_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"skill_id" uuid NOT NULL,
	CONSTRAINT "learning_skills_item_id_skill_id_pk" PRIMARY KEY("item_id","skill_id")
);
--> statement-breakpoint
CREATE TABLE "skill_levels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"skill_id" uuid NOT NULL,
	"level" smallint NOT NULL,
	"assessed_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "skill_levels_skill_day_key" UNIQUE("skill_id","assessed_on"),
	CONSTRAINT "skill_levels_level_check" CHECK ("skill_levels"."level" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "skill_teachers" (
	"user_id" uuid NOT NULL,
	"skill_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	CONSTRAINT "skill_teachers_skill_id_contact_id_pk" PRIMARY KEY("skill_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "stepping_stone_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"stone_id" uuid NOT NULL,
	"change" "stone_change" NOT NULL,
	"from_value" text,
	"to_value" text,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stepping_stones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" "stone_kind" NOT NULL,
	"title" text NOT NULL,
	"notes" text,
	"target_on" date,
	"status" "stone_status" DEFAULT 'planned' NOT NULL,
	"completed_on" date,
	"role_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stepping_stones_goal_position_key" UNIQUE("goal_id","position"),
	CONSTRAINT "stepping_stones_position_check" CHECK ("stepping_stones"."position" >= 0),
	CONSTRAINT "stepping_stones_completed_check" CHECK ("stepping_stones"."completed_on" is null or "stepping_stones"."status" = 'done')
);
--> statement-breakpoint
CREATE TABLE "stone_events" (
	"user_id" uuid NOT NULL,
	"stone_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	CONSTRAINT "stone_events_stone_id_event_id_pk" PRIMARY KEY("stone_id","event_id")
);
--> statement-breakpoint
CREATE TABLE "stone_people" (
	"user_id" uuid NOT NULL,
	"stone_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"part" "stone_person_part" NOT NULL,
	"note" text,
	CONSTRAINT "stone_people_stone_id_contact_id_pk" PRIMARY KEY("stone_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "stone_skills" (
	"user_id" uuid NOT NULL,
	"stone_id" uuid NOT NULL,
	"skill_id" uuid NOT NULL,
	CONSTRAINT "stone_skills_stone_id_skill_id_pk" PRIMARY KEY("stone_id","skill_id")
);
--> statement-breakpoint
CREATE TABLE "stone_wins" (
	"user_id" uuid NOT NULL,
	"stone_id" uuid NOT NULL,
	"win_id" uuid NOT NULL,
	CONSTRAINT "stone_wins_stone_id_win_id_pk" PRIMARY KEY("stone_id","win_id")
);
--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "reconnect_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_items" ADD CONSTRAINT "learning_items_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_items" ADD CONSTRAINT "learning_items_mentor_id_contacts_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_skills" ADD CONSTRAINT "learning_skills_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_skills" ADD CONSTRAINT "learning_skills_item_id_learning_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."learning_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_skills" ADD CONSTRAINT "learning_skills_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_levels" ADD CONSTRAINT "skill_levels_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_levels" ADD CONSTRAINT "skill_levels_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_teachers" ADD CONSTRAINT "skill_teachers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_teachers" ADD CONSTRAINT "skill_teachers_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_teachers" ADD CONSTRAINT "skill_teachers_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stepping_stone_changes" ADD CONSTRAINT "stepping_stone_changes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stepping_stone_changes" ADD CONSTRAINT "stepping_stone_changes_stone_id_stepping_stones_id_fk" FOREIGN KEY ("stone_id") REFERENCES "public"."stepping_stones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stepping_stones" ADD CONSTRAINT "stepping_stones_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stepping_stones" ADD CONSTRAINT "stepping_stones_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stepping_stones" ADD CONSTRAINT "stepping_stones_role_id_job_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."job_roles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stone_events" ADD CONSTRAINT "stone_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stone_events" ADD CONSTRAINT "stone_events_stone_id_stepping_stones_id_fk" FOREIGN KEY ("stone_id") REFERENCES "public"."stepping_stones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stone_events" ADD CONSTRAINT "stone_events_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stone_people" ADD CONSTRAINT "stone_people_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stone_people" ADD CONSTRAINT "stone_people_stone_id_stepping_stones_id_fk" FOREIGN KEY ("stone_id") REFERENCES "public"."stepping_stones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stone_people" ADD CONSTRAINT "stone_people_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stone_skills" ADD CONSTRAINT "stone_skills_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stone_skills" ADD CONSTRAINT "stone_skills_stone_id_stepping_stones_id_fk" FOREIGN KEY ("stone_id") REFERENCES "public"."stepping_stones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stone_skills" ADD CONSTRAINT "stone_skills_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stone_wins" ADD CONSTRAINT "stone_wins_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stone_wins" ADD CONSTRAINT "stone_wins_stone_id_stepping_stones_id_fk" FOREIGN KEY ("stone_id") REFERENCES "public"."stepping_stones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stone_wins" ADD CONSTRAINT "stone_wins_win_id_wins_id_fk" FOREIGN KEY ("win_id") REFERENCES "public"."wins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "goals_user_status_idx" ON "goals" USING btree ("user_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "goals_user_north_star_key" ON "goals" USING btree ("user_id") WHERE "goals"."is_north_star";--> statement-breakpoint
CREATE INDEX "learning_items_user_started_idx" ON "learning_items" USING btree ("user_id","started_on" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "learning_items_user_finished_idx" ON "learning_items" USING btree ("user_id","finished_on");--> statement-breakpoint
CREATE INDEX "learning_items_mentor_idx" ON "learning_items" USING btree ("mentor_id");--> statement-breakpoint
CREATE INDEX "learning_skills_skill_idx" ON "learning_skills" USING btree ("skill_id");--> statement-breakpoint
CREATE INDEX "skill_levels_user_assessed_idx" ON "skill_levels" USING btree ("user_id","assessed_on");--> statement-breakpoint
CREATE INDEX "skill_teachers_contact_idx" ON "skill_teachers" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "stepping_stone_changes_stone_idx" ON "stepping_stone_changes" USING btree ("stone_id","changed_at");--> statement-breakpoint
CREATE INDEX "stepping_stones_user_idx" ON "stepping_stones" USING btree ("user_id","status");--> statement-breakpoint
CREATE INDEX "stepping_stones_role_idx" ON "stepping_stones" USING btree ("role_id");--> statement-breakpoint
CREATE INDEX "stone_events_event_idx" ON "stone_events" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "stone_people_contact_idx" ON "stone_people" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "stone_skills_skill_idx" ON "stone_skills" USING btree ("skill_id");--> statement-breakpoint
CREATE INDEX "stone_wins_win_idx" ON "stone_wins" USING btree ("win_id");