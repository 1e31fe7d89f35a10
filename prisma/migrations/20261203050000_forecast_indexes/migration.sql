-- Sales forecast and won-to-live figures (ADR 0012). The first two are partial or on an
-- expression, which prisma/schema.prisma cannot express, so they live here only.

-- Won deals of a range, read from the index alone (won this period, win rate, won to live).
CREATE INDEX IF NOT EXISTS "deal_won_idx" ON "deal" ("org_id", "closed_at")
  INCLUDE ("id", "owner_id", "pipeline_id", "currency", "amount_minor")
  WHERE "status" = 'WON' AND "deleted_at" IS NULL;

-- Pipeline movement, "advanced": the stage moves into each stage, without reading every audit row.
CREATE INDEX IF NOT EXISTS "activity_log_stage_moves_idx" ON "activity_log" ("org_id", ((changes -> 'stageId' ->> 'to')::uuid), "created_at")
  WHERE "action" = 'deal.stage_changed' AND "entity_type" = 'deal';

-- The products of many deals at once (won to live by product), from the index alone.
CREATE INDEX IF NOT EXISTS "deal_line_item_deal_product_idx" ON "deal_line_item" ("org_id", "deal_id", "product_id");
