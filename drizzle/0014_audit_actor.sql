ALTER TABLE "audit_log" ADD COLUMN "actor_kind" text DEFAULT 'user' NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "actor_ref" text;--> statement-breakpoint
-- Rows written before actors were typed: no user means the work of a job or a visitor.
UPDATE "audit_log" SET "actor_kind" = 'system' WHERE "actor_user_id" IS NULL;
