ALTER TABLE "outbox" ADD COLUMN "requested_by" text;--> statement-breakpoint
CREATE INDEX "outbox_requested_recipient_idx" ON "outbox" USING btree (lower("recipient"),"created_at") WHERE "outbox"."requested_by" is not null;--> statement-breakpoint
CREATE INDEX "outbox_requested_by_idx" ON "outbox" USING btree ("requested_by","created_at") WHERE "outbox"."requested_by" is not null;