-- Extensions and Vietnamese text support used by every later migration.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS citext;
--> statement-breakpoint
-- unaccent() is STABLE; this wrapper with an explicit dictionary is IMMUTABLE so it can be used
-- in generated columns and expression indexes. đ/Đ are folded to d/D by unaccent's rules.
CREATE OR REPLACE FUNCTION public.f_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
--> statement-breakpoint
-- Vietnamese ordering: ORDER BY x COLLATE "vi-VN" puts Dương before Đặng, Đà Nẵng before Ê.
CREATE COLLATION IF NOT EXISTS "vi-VN" (provider = icu, locale = 'vi-VN');
--> statement-breakpoint
-- A Vietnamese sort key that orders the same on every engine (PGlite's ICU has no Vietnamese
-- tailoring; PostgreSQL 15's has). Primary order follows the Vietnamese alphabet
-- a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y, tones and case break ties.
-- Mirrored in TypeScript by viSortKey() in src/domain/text/vietnamese.ts.
CREATE OR REPLACE FUNCTION public.vi_sort_key(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$
    SELECT translate(
             normalize(
               regexp_replace(normalize(lower($1), NFD), '[\u0300\u0301\u0303\u0309\u0323]', '', 'g'),
               NFC),
             'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz',
             'ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_`ab')
           || E'\x01' || lower($1) || E'\x01' || $1
  $$;
