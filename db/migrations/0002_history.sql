CREATE TABLE "awards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid,
	"org_id" uuid,
	"award_code" text NOT NULL,
	"year" integer NOT NULL,
	"decision_id" uuid,
	"decision_number" text,
	"decided_on" date,
	"issuer" text,
	"source" text DEFAULT 'import' NOT NULL,
	"unit_org_id" uuid,
	"achievement" text,
	"amount" bigint,
	"kind" text DEFAULT 'annual' NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "base_salaries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"effective_from" date NOT NULL,
	"amount" bigint NOT NULL,
	"legal_basis" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disciplines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"form" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"decision" text,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sha256" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"original_name" text NOT NULL,
	"content" "bytea" NOT NULL,
	"owner_org_id" uuid,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_authors" (
	"initiative_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"share" numeric(5, 2) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"scope" text NOT NULL,
	"recognised_on" date NOT NULL,
	"recognition_decision" text,
	"summary" text,
	"used_by_award_code" text,
	"used_for_year" integer,
	"used_by_person_id" uuid,
	"used_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid,
	"org_id" uuid,
	"year" integer NOT NULL,
	"rating" text NOT NULL,
	"regime" text,
	"rated_by_org_id" uuid,
	"note" text,
	"entered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "research_project_members" (
	"project_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text DEFAULT 'member' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "research_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"scope" text NOT NULL,
	"accepted_on" date NOT NULL,
	"acceptance_decision" text,
	"used_by_award_code" text,
	"used_for_year" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rule_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer NOT NULL,
	"effective_from" date NOT NULL,
	"based_on_version" integer,
	"note" text,
	"data" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "awards_person_idx" ON "awards" USING btree ("person_id","year");--> statement-breakpoint
CREATE INDEX "awards_org_idx" ON "awards" USING btree ("org_id","year");--> statement-breakpoint
CREATE INDEX "awards_code_year_idx" ON "awards" USING btree ("award_code","year");--> statement-breakpoint
CREATE INDEX "awards_decision_idx" ON "awards" USING btree ("decision_id");--> statement-breakpoint
CREATE UNIQUE INDEX "base_salaries_from_uq" ON "base_salaries" USING btree ("effective_from");--> statement-breakpoint
CREATE INDEX "disciplines_person_idx" ON "disciplines" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "files_sha_idx" ON "files" USING btree ("sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "initiative_authors_uq" ON "initiative_authors" USING btree ("initiative_id","person_id");--> statement-breakpoint
CREATE INDEX "initiative_authors_person_idx" ON "initiative_authors" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "initiatives_org_idx" ON "initiatives" USING btree ("org_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "ratings_person_year_uq" ON "ratings" USING btree ("person_id","year") WHERE "ratings"."person_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "ratings_org_year_uq" ON "ratings" USING btree ("org_id","year") WHERE "ratings"."org_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "research_project_members_uq" ON "research_project_members" USING btree ("project_id","person_id");--> statement-breakpoint
CREATE INDEX "research_project_members_person_idx" ON "research_project_members" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "research_projects_org_idx" ON "research_projects" USING btree ("org_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "rule_sets_version_uq" ON "rule_sets" USING btree ("version");