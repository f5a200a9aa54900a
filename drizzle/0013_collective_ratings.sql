CREATE TABLE "collective_ratings" (
	"org_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"rating" text NOT NULL,
	"active_emulation" boolean DEFAULT true NOT NULL,
	"internal_unity" boolean DEFAULT true NOT NULL,
	"pending_discipline" boolean DEFAULT false NOT NULL,
	"recorded_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "collective_ratings_unit_year" ON "collective_ratings" USING btree ("org_unit_id","year");