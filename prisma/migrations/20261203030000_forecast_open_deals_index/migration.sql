-- The sales forecast reads every open deal (the months of the range, the overdue and the undated
-- ones): from this index alone, without the table (ADR 0012). Partial and covering, so it lives
-- here only, not in schema.prisma.
CREATE INDEX "deal_open_forecast_idx" ON "deal" ("org_id", "expected_close_on")
  INCLUDE ("currency", "amount_minor", "probability", "stage_id", "owner_id", "pipeline_id")
  WHERE "status" = 'OPEN' AND "deleted_at" IS NULL;
