CREATE TABLE "practice_comment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"author_email" text,
	"body" text NOT NULL,
	"to_submitter" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "practice" ADD COLUMN "edit_token_hash" text;--> statement-breakpoint
ALTER TABLE "practice" ADD COLUMN "submitter_locale" text DEFAULT 'es' NOT NULL;--> statement-breakpoint
ALTER TABLE "practice" ADD COLUMN "submitted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "practice_comment" ADD CONSTRAINT "practice_comment_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "practice_comment_idx" ON "practice_comment" USING btree ("practice_id","created_at");--> statement-breakpoint
ALTER TABLE "practice" ADD CONSTRAINT "practice_edit_token_hash_unique" UNIQUE("edit_token_hash");