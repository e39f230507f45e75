-- Search configurations: accents ignored (unaccent) and words stemmed, one per language of the repository.
CREATE TEXT SEARCH CONFIGURATION intercambio_es (COPY = pg_catalog.spanish);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION intercambio_es ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;
--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION intercambio_pt (COPY = pg_catalog.portuguese);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION intercambio_pt ALTER MAPPING FOR hword, hword_part, word WITH unaccent, portuguese_stem;
--> statement-breakpoint
-- array_to_string is only STABLE; for text[] joining is immutable, as generated columns need.
CREATE FUNCTION immutable_join(text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$ SELECT array_to_string($1, ' ') $$;
--> statement-breakpoint
CREATE TABLE "place" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"geonames_id" integer,
	"name" text NOT NULL,
	"country" text NOT NULL,
	"population" integer,
	"latitude" double precision,
	"longitude" double precision,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "place_geonames_id_unique" UNIQUE("geonames_id")
);
--> statement-breakpoint
CREATE TABLE "practice" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"language" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"context" text DEFAULT '' NOT NULL,
	"objectives" text DEFAULT '' NOT NULL,
	"actions" text DEFAULT '' NOT NULL,
	"participation" text DEFAULT '' NOT NULL,
	"actors" text DEFAULT '' NOT NULL,
	"resources" text DEFAULT '' NOT NULL,
	"results" text DEFAULT '' NOT NULL,
	"indicators" text DEFAULT '' NOT NULL,
	"lessons" text DEFAULT '' NOT NULL,
	"difficulties" text DEFAULT '' NOT NULL,
	"transfer" text DEFAULT '' NOT NULL,
	"articulation" text NOT NULL,
	"start_year" integer,
	"end_year" integer,
	"ongoing" boolean DEFAULT false NOT NULL,
	"axes" text[] DEFAULT '{}'::text[] NOT NULL,
	"countries" text[] DEFAULT '{}'::text[] NOT NULL,
	"sdgs" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"size_band" text,
	"population" integer,
	"place_names" text DEFAULT '' NOT NULL,
	"sources" text[] DEFAULT '{}'::text[] NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"contact_name" text DEFAULT '' NOT NULL,
	"contact_email" text DEFAULT '' NOT NULL,
	"contact_public" boolean DEFAULT false NOT NULL,
	"licence" text DEFAULT 'CC-BY-4.0' NOT NULL,
	"origin" text NOT NULL,
	"event_id" uuid,
	"demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (
				setweight(to_tsvector((case language when 'pt' then 'intercambio_pt'::regconfig else 'intercambio_es'::regconfig end), coalesce(title, '')), 'A') ||
				setweight(to_tsvector((case language when 'pt' then 'intercambio_pt'::regconfig else 'intercambio_es'::regconfig end), coalesce(summary, '') || ' ' || coalesce(place_names, '') || ' ' || immutable_join(tags)), 'B') ||
				setweight(to_tsvector((case language when 'pt' then 'intercambio_pt'::regconfig else 'intercambio_es'::regconfig end), coalesce(context, '') || ' ' || coalesce(actions, '') || ' ' || coalesce(results, '') || ' ' || coalesce(lessons, '')), 'C') ||
				setweight(to_tsvector((case language when 'pt' then 'intercambio_pt'::regconfig else 'intercambio_es'::regconfig end), coalesce(objectives, '') || ' ' || coalesce(participation, '') || ' ' || coalesce(actors, '') || ' ' || coalesce(resources, '') || ' ' || coalesce(indicators, '') || ' ' || coalesce(difficulties, '') || ' ' || coalesce(transfer, '')), 'D')) STORED,
	"fuzzy_text" text GENERATED ALWAYS AS (immutable_unaccent(lower(coalesce(title, '') || ' ' || coalesce(place_names, '') || ' ' || immutable_join(tags)))) STORED,
	CONSTRAINT "practice_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "practice_place" (
	"practice_id" uuid NOT NULL,
	"place_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "practice_place_practice_id_place_id_pk" PRIMARY KEY("practice_id","place_id")
);
--> statement-breakpoint
CREATE TABLE "practice_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"changed_by_email" text,
	"note" text DEFAULT '' NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_word" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "size_band" (
	"code" text PRIMARY KEY NOT NULL,
	"position" integer NOT NULL,
	"min_population" integer NOT NULL,
	"max_population" integer,
	"label" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "practice" ADD CONSTRAINT "practice_size_band_size_band_code_fk" FOREIGN KEY ("size_band") REFERENCES "public"."size_band"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice" ADD CONSTRAINT "practice_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_place" ADD CONSTRAINT "practice_place_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_place" ADD CONSTRAINT "practice_place_place_id_place_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."place"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_version" ADD CONSTRAINT "practice_version_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "place_country_idx" ON "place" USING btree ("country");--> statement-breakpoint
CREATE INDEX "practice_search_idx" ON "practice" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "practice_fuzzy_idx" ON "practice" USING gin ("fuzzy_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "practice_axes_idx" ON "practice" USING gin ("axes");--> statement-breakpoint
CREATE INDEX "practice_countries_idx" ON "practice" USING gin ("countries");--> statement-breakpoint
CREATE INDEX "practice_sdgs_idx" ON "practice" USING gin ("sdgs");--> statement-breakpoint
CREATE INDEX "practice_status_published_idx" ON "practice" USING btree ("status","published_at");--> statement-breakpoint
CREATE INDEX "practice_event_idx" ON "practice" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "practice_place_place_idx" ON "practice_place" USING btree ("place_id");--> statement-breakpoint
CREATE INDEX "practice_version_idx" ON "practice_version" USING btree ("practice_id","version");--> statement-breakpoint
CREATE INDEX "search_word_trgm_idx" ON "search_word" USING gin ("word" gin_trgm_ops);
--> statement-breakpoint
-- Size bands close to IBGE's municipal classes and UCLG's intermediary cities.
INSERT INTO "size_band" ("code", "position", "min_population", "max_population", "label") VALUES
('under-20k', 1, 0, 20000, '{"es":"Menos de 20 000 habitantes","pt":"Menos de 20 mil habitantes","en":"Under 20,000 inhabitants"}'),
('20k-50k', 2, 20000, 50000, '{"es":"De 20 000 a 50 000 habitantes","pt":"De 20 mil a 50 mil habitantes","en":"20,000 to 50,000 inhabitants"}'),
('50k-200k', 3, 50000, 200000, '{"es":"De 50 000 a 200 000 habitantes","pt":"De 50 mil a 200 mil habitantes","en":"50,000 to 200,000 inhabitants"}'),
('200k-1m', 4, 200000, 1000000, '{"es":"De 200 000 a 1 millón de habitantes","pt":"De 200 mil a 1 milhão de habitantes","en":"200,000 to 1 million inhabitants"}'),
('1m-5m', 5, 1000000, 5000000, '{"es":"De 1 a 5 millones de habitantes","pt":"De 1 a 5 milhões de habitantes","en":"1 to 5 million inhabitants"}'),
('over-5m', 6, 5000000, NULL, '{"es":"Más de 5 millones de habitantes","pt":"Mais de 5 milhões de habitantes","en":"Over 5 million inhabitants"}');
