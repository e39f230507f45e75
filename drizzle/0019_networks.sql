CREATE TABLE "network_unit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"position" integer NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_unit_slug" UNIQUE("network_id","slug")
);
--> statement-breakpoint
CREATE TABLE "slug_redirect" (
	"kind" text NOT NULL,
	"slug" text NOT NULL,
	"target_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "slug_redirect_kind_slug_pk" PRIMARY KEY("kind","slug")
);
--> statement-breakpoint
ALTER TABLE "role_assignment" DROP CONSTRAINT "role_assignment_unique";--> statement-breakpoint
ALTER TABLE "role_assignment" ADD COLUMN "network_id" uuid;--> statement-breakpoint
ALTER TABLE "event" ADD COLUMN "unit_id" uuid;--> statement-breakpoint
ALTER TABLE "event" ADD COLUMN "concluded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "event" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "network" ADD COLUMN "short_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "network" ADD COLUMN "description" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "network" ADD COLUMN "website_url" text;--> statement-breakpoint
ALTER TABLE "network" ADD COLUMN "logo" "bytea";--> statement-breakpoint
ALTER TABLE "network" ADD COLUMN "logo_type" text;--> statement-breakpoint
ALTER TABLE "network" ADD COLUMN "is_demo" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "network" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "network_unit" ADD CONSTRAINT "network_unit_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "network_unit_network_idx" ON "network_unit" USING btree ("network_id","position");--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_unit_id_network_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."network_unit"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignment" ADD CONSTRAINT "role_assignment_unique" UNIQUE NULLS NOT DISTINCT("user_id","role","network_id","event_id");--> statement-breakpoint
-- Existing data: each distinct unit text of a network's exchanges becomes a unit of that network.
INSERT INTO "network_unit" ("network_id", "slug", "position", "name")
SELECT "network_id", 'unit-' || row_number() OVER w, row_number() OVER w, "unit"
FROM (SELECT "network_id", "unit", min("created_at") AS "first" FROM "event" GROUP BY "network_id", "unit") AS u
WINDOW w AS (PARTITION BY "network_id" ORDER BY "first");--> statement-breakpoint
UPDATE "network_unit" SET "slug" = 'utpeyam' WHERE "name"->>'es' = 'Unidad Temática de Planificación Estratégica y Áreas Metropolitanas';--> statement-breakpoint
UPDATE "event" SET "unit_id" = u."id" FROM "network_unit" u WHERE u."network_id" = "event"."network_id" AND u."name" = "event"."unit";--> statement-breakpoint
UPDATE "network" SET "is_demo" = true WHERE "id" IN (SELECT "network_id" FROM "event" WHERE "is_demo");--> statement-breakpoint
UPDATE "event" SET "published_at" = "updated_at" WHERE "status" = 'published';--> statement-breakpoint
-- An installation-wide organiser was the administrator.
UPDATE "role_assignment" SET "role" = 'administrator' WHERE "role" = 'organiser' AND "event_id" IS NULL;--> statement-breakpoint
DELETE FROM "role_assignment" WHERE "event_id" IS NOT NULL AND "event_id" NOT IN (SELECT "id" FROM "event");--> statement-breakpoint
ALTER TABLE "role_assignment" ADD CONSTRAINT "role_assignment_network_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE cascade;--> statement-breakpoint
ALTER TABLE "role_assignment" ADD CONSTRAINT "role_assignment_event_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE cascade;--> statement-breakpoint
ALTER TABLE "role_assignment" ADD CONSTRAINT "role_assignment_scope" CHECK (
	("role" = 'administrator' AND "network_id" IS NULL AND "event_id" IS NULL)
	OR ("role" = 'organiser' AND (("network_id" IS NULL) <> ("event_id" IS NULL)))
	OR ("role" IN ('reviewer', 'moderator') AND "network_id" IS NULL AND "event_id" IS NOT NULL)
);
