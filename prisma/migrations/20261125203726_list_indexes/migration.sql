-- Lists of deals filtered by owner (and status): the capped count of "rows X-Y of N" and the
-- filter itself read this partial index only (an index-only scan) instead of the whole table.
CREATE INDEX "deal_list_owner_idx" ON "deal" ("org_id", "owner_id", "status") WHERE "deleted_at" IS NULL;
