CREATE TABLE "eligibility_run_results" (
	"run_id" uuid NOT NULL,
	"person_id" uuid,
	"org_id" uuid,
	"award_code" text NOT NULL,
	"status" text NOT NULL,
	"within_cap" integer,
	"rule_version" integer NOT NULL,
	"summary" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eligibility_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"as_of" date NOT NULL,
	"rule_set_id" text NOT NULL,
	"rule_set_version" integer NOT NULL,
	"subjects" text NOT NULL,
	"codes" jsonb,
	"nominees" integer NOT NULL,
	"counts" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "eligibility_run_results_run_idx" ON "eligibility_run_results" USING btree ("run_id","award_code","status");--> statement-breakpoint
CREATE INDEX "eligibility_run_results_person_idx" ON "eligibility_run_results" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "eligibility_runs_org_idx" ON "eligibility_runs" USING btree ("org_id","year");