ALTER TABLE "axis" ADD COLUMN "conclusions" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "axis" ADD COLUMN "moderator" text DEFAULT '' NOT NULL;