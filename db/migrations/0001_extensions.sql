-- Type-ahead search over names, companies, notes and emails (pg_trgm), with
-- the user id in the same GIN index (btree_gin). Both ship with PostgreSQL's
-- contrib and with PGlite; db/client.ts loads them on every PGlite open.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gin;
