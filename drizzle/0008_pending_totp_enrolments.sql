CREATE TABLE "pending_totp_enrolments" (
	"session_token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"secret" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "pending_totp_enrolments_expires" ON "pending_totp_enrolments" USING btree ("expires_at");