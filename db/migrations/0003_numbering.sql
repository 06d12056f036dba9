CREATE TABLE "document_sequences" (
	"issuer_org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_sequences_issuer_org_id_kind_year_pk" PRIMARY KEY("issuer_org_id","kind","year")
);
