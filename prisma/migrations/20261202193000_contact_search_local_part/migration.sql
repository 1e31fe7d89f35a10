-- Contact search matches the local part of an email ("anna.mueller" of anna.mueller@x.de), not
-- the domain: the domain is the company's, and a typo of a company name ("nortwind") used to
-- match, and recheck, the address of every contact at that company.
DROP INDEX "contact_search_idx";
CREATE INDEX "contact_search_idx" ON "contact" USING gin ((("first_name" || ' ' || "last_name")) gin_trgm_ops, (split_part("email", '@', 1)) gin_trgm_ops) WHERE "deleted_at" IS NULL;
