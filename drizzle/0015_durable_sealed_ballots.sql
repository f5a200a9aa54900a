CREATE TABLE "council_sealed_ballots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"sealed" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "council_agenda_items" ADD COLUMN "voting_members" integer;--> statement-breakpoint
ALTER TABLE "council_agenda_items" ADD COLUMN "voting_deadline" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "council_agenda_items" ADD COLUMN "quorum_ballots" integer;--> statement-breakpoint
ALTER TABLE "council_agenda_items" ADD COLUMN "tally_kind" text;--> statement-breakpoint
ALTER TABLE "council_vote_marks" ADD COLUMN "kind" text DEFAULT 'ballot' NOT NULL;--> statement-breakpoint
CREATE INDEX "council_sealed_ballots_item" ON "council_sealed_ballots" USING btree ("agenda_item_id");