CREATE TABLE "award_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"deadline" date NOT NULL,
	"movement_plan_id" uuid,
	"public_comment_from" date,
	"public_comment_until" date,
	"status" text DEFAULT 'open' NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text,
	"actor_id" uuid,
	"actor_name" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"kind" text DEFAULT 'evidence' NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" bigint NOT NULL,
	"note" text,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"proposing_org_id" uuid NOT NULL,
	"person_id" uuid,
	"org_id" uuid,
	"award_code" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"return_reason" text,
	"achievement_report" text,
	"eligibility" jsonb,
	"initiative_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"council_result" jsonb,
	"decision_id" uuid,
	"forwarded_to_round_id" uuid,
	"forwarded_proposal_id" uuid,
	"forwarded_from_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registration_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registration_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text,
	"actor_id" uuid,
	"actor_name" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registration_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registration_id" uuid NOT NULL,
	"person_id" uuid,
	"org_id" uuid,
	"award_code" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"return_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_phases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text,
	"from_year" integer NOT NULL,
	"to_year" integer NOT NULL,
	"review_type" text,
	"review_year" integer
);
--> statement-breakpoint
CREATE TABLE "plan_references" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"number" text,
	"issued_on" date,
	"issuer" text,
	"title" text,
	"referenced_plan_id" uuid
);
--> statement-breakpoint
CREATE TABLE "plan_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"sent_by" uuid,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"mail_id" text
);
--> statement-breakpoint
CREATE TABLE "plan_responsibilities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"org_id" uuid,
	"department" text NOT NULL,
	"content" text NOT NULL,
	"due_on" date,
	"recurrence" text
);
--> statement-breakpoint
CREATE TABLE "plan_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"content" text NOT NULL,
	"indicator_code" text,
	"target_value" numeric,
	"unit" text,
	"due_on" date
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"parent_plan_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"number" integer,
	"symbol" text,
	"place" text,
	"issued_on" date,
	"title" text DEFAULT '' NOT NULL,
	"year_from" integer,
	"year_to" integer,
	"issuer_name" text,
	"parent_issuer_name" text,
	"purposes" text,
	"requirements" text,
	"participants" text,
	"content_areas" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"criteria_collective" text,
	"criteria_individual" text,
	"criteria_other" text,
	"award_forms" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"budget_sources" text,
	"recipients" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"signer_title" text,
	"signer_name" text,
	"import_info" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"issued_at" timestamp with time zone,
	"issued_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipients" jsonb NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"html_body" text,
	"kind" text NOT NULL,
	"ref_id" text,
	"org_id" uuid,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"message_id" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"sent_on" date NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"sent_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"period_kind" text NOT NULL,
	"period_year" integer NOT NULL,
	"due_on" date NOT NULL,
	"template" jsonb NOT NULL,
	"note" text,
	"plan_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"figures" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"narrative" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"assignee_org_id" uuid,
	"assignee_department" text,
	"content" text NOT NULL,
	"due_on" date,
	"recurrence" text,
	"status" text DEFAULT 'open' NOT NULL,
	"done_at" timestamp with time zone,
	"source_responsibility_id" uuid,
	"plan_id" uuid,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exemplars" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"person_id" uuid,
	"subject_org_id" uuid,
	"award_id" uuid,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"story" text NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "digital_skill_completions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"completed_on" date NOT NULL,
	"certificate_number" text,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_definitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" "citext" NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"description" text,
	"direction" text DEFAULT 'higher' NOT NULL,
	"rollup" text DEFAULT 'average' NOT NULL,
	"weight_indicator_id" uuid,
	"year_aggregation" text DEFAULT 'last' NOT NULL,
	"periodicity" text DEFAULT 'quarter' NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"dti_weight" double precision,
	"dti_min" double precision,
	"dti_max" double precision,
	"active" boolean DEFAULT true NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"target" double precision NOT NULL,
	"due_on" date,
	"source" text DEFAULT 'direct' NOT NULL,
	"plan_id" uuid,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"period" text NOT NULL,
	"period_end" date NOT NULL,
	"value" double precision NOT NULL,
	"note" text,
	"import_batch_id" uuid,
	"entered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"set_id" uuid NOT NULL,
	"parent_id" uuid,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"max_points" double precision NOT NULL,
	"weight" double precision DEFAULT 1 NOT NULL,
	"evidence_required" boolean DEFAULT false NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "criteria_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emulation_group_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"pledge_signed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emulation_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"pledge" text,
	"criteria_set_id" uuid,
	"leader_count" integer DEFAULT 1 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "score_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sheet_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"self_points" double precision,
	"self_note" text,
	"evidence_file_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"appraised_points" double precision,
	"appraiser_note" text
);
--> statement-breakpoint
CREATE TABLE "score_sheets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"self_total" double precision,
	"appraised_total" double precision,
	"final_total" double precision,
	"submitted_at" timestamp with time zone,
	"appraised_at" timestamp with time zone,
	"finalized_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ballot_participation" (
	"item_id" uuid NOT NULL,
	"member_user_id" uuid NOT NULL,
	CONSTRAINT "ballot_participation_item_id_member_user_id_pk" PRIMARY KEY("item_id","member_user_id")
);
--> statement-breakpoint
CREATE TABLE "ballots" (
	"item_id" uuid NOT NULL,
	"choice" text NOT NULL,
	"sort_key" uuid DEFAULT gen_random_uuid() NOT NULL,
	CONSTRAINT "ballots_item_id_sort_key_pk" PRIMARY KEY("item_id","sort_key")
);
--> statement-breakpoint
CREATE TABLE "council_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"person_id" uuid,
	"full_name" text NOT NULL,
	"position" text,
	"role" text NOT NULL,
	"removed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"title" text NOT NULL,
	"meeting_date" date NOT NULL,
	"venue" text,
	"start_time" text DEFAULT '08:00' NOT NULL,
	"end_time" text DEFAULT '11:00' NOT NULL,
	"present_member_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"members_total" integer NOT NULL,
	"minutes_number" text,
	"minutes_file_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "councils" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"established_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"ballot_status" text DEFAULT 'draft' NOT NULL,
	"agree" integer,
	"disagree" integer,
	"outcome" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decision_awardees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"proposal_id" uuid,
	"person_id" uuid,
	"org_id" uuid,
	"subject" text NOT NULL,
	"award_code" text NOT NULL,
	"name" text NOT NULL,
	"position_title" text,
	"unit_name" text,
	"unit_org_id" uuid,
	"coefficient" text,
	"base_salary" bigint,
	"amount" bigint DEFAULT 0 NOT NULL,
	"initiative_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"research_project_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"round_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"achievement_year" integer NOT NULL,
	"award_kind" text DEFAULT 'annual' NOT NULL,
	"decision_date" date NOT NULL,
	"subject" text NOT NULL,
	"achievement_text" text NOT NULL,
	"legal_bases" jsonb NOT NULL,
	"recipients" jsonb NOT NULL,
	"place" text NOT NULL,
	"issuer_parent_name" text,
	"authority_title" text NOT NULL,
	"signer_name" text NOT NULL,
	"signer_title" text NOT NULL,
	"signature_mode" text,
	"on_behalf_of" text,
	"corrects_decision_id" uuid,
	"year" integer,
	"sequence" integer,
	"document_number" text,
	"total_amount" bigint DEFAULT 0 NOT NULL,
	"issued_at" timestamp with time zone,
	"issued_by" uuid,
	"docx_file_id" uuid,
	"pdf_file_id" uuid,
	"certificates_file_id" uuid,
	"document_seal" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"amount" bigint NOT NULL,
	"entry_date" date NOT NULL,
	"description" text NOT NULL,
	"decision_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "award_rounds_org_idx" ON "award_rounds" USING btree ("org_id","year");--> statement-breakpoint
CREATE INDEX "proposal_events_proposal_idx" ON "proposal_events" USING btree ("proposal_id","at");--> statement-breakpoint
CREATE INDEX "proposal_files_proposal_idx" ON "proposal_files" USING btree ("proposal_id");--> statement-breakpoint
CREATE INDEX "proposals_round_idx" ON "proposals" USING btree ("round_id","status");--> statement-breakpoint
CREATE INDEX "proposals_proposing_org_idx" ON "proposals" USING btree ("proposing_org_id");--> statement-breakpoint
CREATE INDEX "proposals_person_idx" ON "proposals" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "proposals_org_idx" ON "proposals" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "proposals_round_person_award_uq" ON "proposals" USING btree ("round_id","person_id","award_code") WHERE "proposals"."person_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "proposals_round_org_award_uq" ON "proposals" USING btree ("round_id","org_id","award_code") WHERE "proposals"."org_id" is not null;--> statement-breakpoint
CREATE INDEX "registration_events_registration_idx" ON "registration_events" USING btree ("registration_id","at");--> statement-breakpoint
CREATE INDEX "registration_items_registration_idx" ON "registration_items" USING btree ("registration_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registration_items_person_uq" ON "registration_items" USING btree ("registration_id","person_id","award_code") WHERE "registration_items"."person_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "registration_items_org_uq" ON "registration_items" USING btree ("registration_id","org_id","award_code") WHERE "registration_items"."org_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_org_year_uq" ON "registrations" USING btree ("org_id","year");--> statement-breakpoint
CREATE INDEX "plan_phases_plan_idx" ON "plan_phases" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "plan_references_plan_idx" ON "plan_references" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "plan_references_ref_idx" ON "plan_references" USING btree ("referenced_plan_id");--> statement-breakpoint
CREATE INDEX "plan_reminders_plan_idx" ON "plan_reminders" USING btree ("plan_id","org_id");--> statement-breakpoint
CREATE INDEX "plan_responsibilities_plan_idx" ON "plan_responsibilities" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "plan_responsibilities_org_idx" ON "plan_responsibilities" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "plan_targets_plan_idx" ON "plan_targets" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "plans_org_idx" ON "plans" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "plans_parent_idx" ON "plans" USING btree ("parent_plan_id");--> statement-breakpoint
CREATE INDEX "plans_status_idx" ON "plans" USING btree ("status");--> statement-breakpoint
CREATE INDEX "mail_outbox_due_idx" ON "mail_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "mail_outbox_created_idx" ON "mail_outbox" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "report_reminders_auto_uq" ON "report_reminders" USING btree ("request_id","org_id","sent_on") WHERE "report_reminders"."kind" = 'auto';--> statement-breakpoint
CREATE INDEX "report_reminders_request_idx" ON "report_reminders" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "report_requests_org_idx" ON "report_requests" USING btree ("org_id","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "report_submissions_uq" ON "report_submissions" USING btree ("request_id","org_id");--> statement-breakpoint
CREATE INDEX "report_submissions_org_idx" ON "report_submissions" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "tasks_org_idx" ON "tasks" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "tasks_assignee_idx" ON "tasks" USING btree ("assignee_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_source_uq" ON "tasks" USING btree ("source_responsibility_id","assignee_org_id") WHERE "tasks"."source_responsibility_id" is not null;--> statement-breakpoint
CREATE INDEX "exemplars_org_year_idx" ON "exemplars" USING btree ("org_id","year");--> statement-breakpoint
CREATE INDEX "exemplars_published_idx" ON "exemplars" USING btree ("year") WHERE "exemplars"."published";--> statement-breakpoint
CREATE UNIQUE INDEX "digital_skill_completions_person_uq" ON "digital_skill_completions" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "digital_skill_completions_org_idx" ON "digital_skill_completions" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "digital_skill_completions_cert_uq" ON "digital_skill_completions" USING btree ("certificate_number") WHERE "digital_skill_completions"."certificate_number" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_definitions_code_uq" ON "indicator_definitions" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_targets_uq" ON "indicator_targets" USING btree ("indicator_id","org_id","year");--> statement-breakpoint
CREATE INDEX "indicator_targets_org_idx" ON "indicator_targets" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_values_uq" ON "indicator_values" USING btree ("indicator_id","org_id","year","period");--> statement-breakpoint
CREATE INDEX "indicator_values_org_idx" ON "indicator_values" USING btree ("org_id","year");--> statement-breakpoint
CREATE INDEX "criteria_set_idx" ON "criteria" USING btree ("set_id");--> statement-breakpoint
CREATE UNIQUE INDEX "criteria_set_code_uq" ON "criteria" USING btree ("set_id","code");--> statement-breakpoint
CREATE INDEX "criteria_sets_owner_idx" ON "criteria_sets" USING btree ("owner_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "emulation_group_members_uq" ON "emulation_group_members" USING btree ("group_id","org_id");--> statement-breakpoint
CREATE INDEX "emulation_group_members_org_idx" ON "emulation_group_members" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "emulation_groups_owner_idx" ON "emulation_groups" USING btree ("owner_org_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "score_entries_uq" ON "score_entries" USING btree ("sheet_id","criterion_id");--> statement-breakpoint
CREATE UNIQUE INDEX "score_sheets_uq" ON "score_sheets" USING btree ("group_id","org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "council_members_active_uq" ON "council_members" USING btree ("council_id","user_id") WHERE "council_members"."removed_at" is null;--> statement-breakpoint
CREATE INDEX "council_members_user_idx" ON "council_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "council_sessions_council_idx" ON "council_sessions" USING btree ("council_id","meeting_date");--> statement-breakpoint
CREATE UNIQUE INDEX "councils_org_uq" ON "councils" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "session_items_proposal_uq" ON "session_items" USING btree ("session_id","proposal_id");--> statement-breakpoint
CREATE INDEX "session_items_proposal_idx" ON "session_items" USING btree ("proposal_id");--> statement-breakpoint
CREATE INDEX "decision_awardees_decision_idx" ON "decision_awardees" USING btree ("decision_id","position");--> statement-breakpoint
CREATE INDEX "decision_awardees_proposal_idx" ON "decision_awardees" USING btree ("proposal_id");--> statement-breakpoint
CREATE INDEX "decisions_org_idx" ON "decisions" USING btree ("org_id","decision_date");--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_number_uq" ON "decisions" USING btree ("org_id","year","sequence") WHERE "decisions"."sequence" is not null;--> statement-breakpoint
CREATE INDEX "decisions_round_idx" ON "decisions" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "fund_entries_org_year_idx" ON "fund_entries" USING btree ("org_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_entries_decision_uq" ON "fund_entries" USING btree ("decision_id") WHERE "fund_entries"."decision_id" is not null;