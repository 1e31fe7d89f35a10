-- The pipeline board's column totals kept by triggers (ADR 0015): live deals per stage, owner,
-- deal type and currency, with their amount and probability-weighted amount.

-- CreateTable
CREATE TABLE "deal_stage_totals" (
    "org_id" UUID NOT NULL,
    "pipeline_id" UUID NOT NULL,
    "stage_id" UUID NOT NULL,
    "owner_id" UUID NOT NULL,
    "deal_type" "DealType" NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "deals" INTEGER NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "weighted_minor" BIGINT NOT NULL,

    CONSTRAINT "deal_stage_totals_pkey" PRIMARY KEY ("org_id","pipeline_id","stage_id","owner_id","deal_type","currency")
);

-- AddForeignKey
ALTER TABLE "deal_stage_totals" ADD CONSTRAINT "deal_stage_totals_stage_id_fkey" FOREIGN KEY ("stage_id") REFERENCES "pipeline_stage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Sums of deltas, as the task rollups (ADR 0013): a live deal (not in the trash) adds itself to
-- its key, the old version of an updated or deleted deal takes itself away, so concurrent
-- writers add up. A statement that changes none of the key or the amounts (a reorder within a
-- column, a new title, a close date) nets to zero and writes nothing. The weighted amount is
-- each deal's own rounded share, (amount x probability + 50) / 100, as the board computed it.
-- Keys are written in order (no deadlock between two statements) and only for stages that still
-- exist (deleting an organization removes its stages and deals in one statement).
CREATE FUNCTION "deal_stage_totals_rollup"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  added deal[] := '{}';
  removed deal[] := '{}';
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN SELECT coalesce(array_agg(n), '{}') INTO added FROM new_rows n WHERE n.deleted_at IS NULL; END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN SELECT coalesce(array_agg(o), '{}') INTO removed FROM old_rows o WHERE o.deleted_at IS NULL; END IF;
  IF cardinality(added) = 0 AND cardinality(removed) = 0 THEN RETURN NULL; END IF;

  INSERT INTO deal_stage_totals AS t (org_id, pipeline_id, stage_id, owner_id, deal_type, currency, deals, amount_minor, weighted_minor)
  WITH changed AS (SELECT 1 AS sign, a.* FROM unnest(added) a UNION ALL SELECT -1, r.* FROM unnest(removed) r)
  SELECT c.org_id, c.pipeline_id, c.stage_id, c.owner_id, c.deal_type, c.currency,
    sum(c.sign)::int, sum(c.sign * c.amount_minor)::bigint, sum(c.sign * ((c.amount_minor * c.probability + 50) / 100))::bigint
  FROM changed c
  WHERE EXISTS (SELECT 1 FROM pipeline_stage s WHERE s.id = c.stage_id)
  GROUP BY 1, 2, 3, 4, 5, 6
  HAVING sum(c.sign) <> 0 OR sum(c.sign * c.amount_minor) <> 0 OR sum(c.sign * ((c.amount_minor * c.probability + 50) / 100)) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (org_id, pipeline_id, stage_id, owner_id, deal_type, currency)
    DO UPDATE SET deals = t.deals + excluded.deals, amount_minor = t.amount_minor + excluded.amount_minor, weighted_minor = t.weighted_minor + excluded.weighted_minor;
  RETURN NULL;
END
$$;

CREATE TRIGGER "deal_stage_totals_insert" AFTER INSERT ON "deal"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "deal_stage_totals_rollup"();
CREATE TRIGGER "deal_stage_totals_update" AFTER UPDATE ON "deal"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "deal_stage_totals_rollup"();
CREATE TRIGGER "deal_stage_totals_delete" AFTER DELETE ON "deal"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "deal_stage_totals_rollup"();

-- The totals of the deals that exist now.
INSERT INTO "deal_stage_totals" (org_id, pipeline_id, stage_id, owner_id, deal_type, currency, deals, amount_minor, weighted_minor)
SELECT d.org_id, d.pipeline_id, d.stage_id, d.owner_id, d.deal_type, d.currency,
  count(*)::int, coalesce(sum(d.amount_minor), 0)::bigint, coalesce(sum((d.amount_minor * d.probability + 50) / 100), 0)::bigint
FROM "deal" d WHERE d.deleted_at IS NULL
GROUP BY 1, 2, 3, 4, 5, 6;
