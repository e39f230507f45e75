CREATE TABLE "practice_search" (
	"practice_id" uuid PRIMARY KEY NOT NULL,
	"language" text NOT NULL,
	"axes" text[] NOT NULL,
	"countries" text[] NOT NULL,
	"size_band" text,
	"articulation" text NOT NULL,
	"sdgs" integer[] NOT NULL,
	"start_year" integer,
	"event_id" uuid,
	"published_at" timestamp with time zone,
	"title" text NOT NULL,
	"search_vector" "tsvector" NOT NULL,
	"rank_vector" "tsvector" NOT NULL
);
--> statement-breakpoint
DROP INDEX "practice_search_idx";--> statement-breakpoint
DROP INDEX "practice_fuzzy_idx";--> statement-breakpoint
ALTER TABLE "practice_search" ADD CONSTRAINT "practice_search_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- An identity function with a high cost: the planner then always matches words through the
-- GIN index below and never reads the out-of-line vectors row by row (a bitmap scan needs no
-- recheck for plain word queries).
CREATE FUNCTION practice_words(v tsvector) RETURNS tsvector LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 50 AS $$
BEGIN
	RETURN v;
END
$$;--> statement-breakpoint
CREATE INDEX "practice_search_vector_idx" ON "practice_search" USING gin (practice_words("search_vector"));--> statement-breakpoint
CREATE INDEX "practice_search_axes_idx" ON "practice_search" USING gin ("axes");--> statement-breakpoint
CREATE INDEX "practice_search_countries_idx" ON "practice_search" USING gin ("countries");--> statement-breakpoint
CREATE INDEX "practice_search_sdgs_idx" ON "practice_search" USING gin ("sdgs");--> statement-breakpoint
CREATE INDEX "practice_search_published_idx" ON "practice_search" USING btree ("published_at");--> statement-breakpoint
ALTER TABLE "practice" DROP COLUMN "search_vector";--> statement-breakpoint
ALTER TABLE "practice" DROP COLUMN "fuzzy_text";;--> statement-breakpoint
-- Keep the rows narrow: small arrays and the title sort key inline and uncompressed, the full
-- vector out of line and uncompressed when the row is long, the ranking vector inline.
ALTER TABLE "practice_search"
	ALTER COLUMN "axes" SET STORAGE PLAIN,
	ALTER COLUMN "countries" SET STORAGE PLAIN,
	ALTER COLUMN "sdgs" SET STORAGE PLAIN,
	ALTER COLUMN "title" SET STORAGE PLAIN,
	ALTER COLUMN "search_vector" SET STORAGE EXTERNAL,
	ALTER COLUMN "rank_vector" SET STORAGE MAIN;--> statement-breakpoint
-- One row per published practice, rebuilt whenever its practice row changes.
CREATE FUNCTION practice_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	cfg regconfig;
	head tsvector;
BEGIN
	IF TG_OP <> 'INSERT' THEN
		DELETE FROM practice_search WHERE practice_id = OLD.id;
	END IF;
	IF TG_OP <> 'DELETE' AND NEW.status = 'published' THEN
		cfg := CASE NEW.language WHEN 'pt' THEN 'intercambio_pt'::regconfig ELSE 'intercambio_es'::regconfig END;
		head := setweight(to_tsvector(cfg, coalesce(NEW.title, '') || ' ' || immutable_join(NEW.tags)), 'A') ||
			setweight(to_tsvector(cfg, coalesce(NEW.summary, '') || ' ' || coalesce(NEW.place_names, '')), 'B');
		INSERT INTO practice_search (practice_id, language, axes, countries, size_band, articulation, sdgs, start_year, event_id, published_at, title, rank_vector, search_vector)
		VALUES (NEW.id, NEW.language, NEW.axes, NEW.countries, NEW.size_band, NEW.articulation, NEW.sdgs, NEW.start_year, NEW.event_id, NEW.published_at, left(NEW.title, 300), head,
			head ||
			setweight(to_tsvector(cfg, coalesce(NEW.context, '') || ' ' || coalesce(NEW.actions, '') || ' ' || coalesce(NEW.results, '') || ' ' || coalesce(NEW.lessons, '')), 'C') ||
			setweight(to_tsvector(cfg, coalesce(NEW.objectives, '') || ' ' || coalesce(NEW.participation, '') || ' ' || coalesce(NEW.actors, '') || ' ' || coalesce(NEW.resources, '') || ' ' || coalesce(NEW.indicators, '') || ' ' || coalesce(NEW.difficulties, '') || ' ' || coalesce(NEW.transfer, '')), 'D'));
	END IF;
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER practice_search_sync AFTER INSERT OR UPDATE OR DELETE ON "practice"
	FOR EACH ROW EXECUTE FUNCTION practice_search_sync();--> statement-breakpoint
-- Rows published before this migration.
UPDATE "practice" SET status = status WHERE status = 'published';