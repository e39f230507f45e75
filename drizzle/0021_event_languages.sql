ALTER TABLE "event" ADD COLUMN "languages" text[] DEFAULT ARRAY['es','pt']::text[] NOT NULL;--> statement-breakpoint
UPDATE "event" SET "languages" = ARRAY['es','pt','en']::text[] WHERE "is_demo";
