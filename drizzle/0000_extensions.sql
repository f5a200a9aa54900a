-- Diacritic-insensitive search (issue 2, item 7): unaccent + pg_trgm, both "trusted" contrib
-- extensions that the database owner may create on PostgreSQL 15 and that PGlite ships.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- unaccent() is STABLE; an IMMUTABLE wrapper with an explicit dictionary can back an index.
CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
