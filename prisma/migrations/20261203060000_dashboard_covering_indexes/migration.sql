-- Dashboards (ADR 0012): every figure reads its organization's rows through an index, never a
-- scan of a table shared by all organizations. Partial indexes, which prisma/schema.prisma
-- cannot express, so they live here only.

-- Project health: the open projects with what the rules need, from the index alone.
CREATE INDEX IF NOT EXISTS "project_open_idx" ON "project" ("org_id")
  INCLUDE ("id", "name", "status", "target_go_live_on", "baseline_go_live_on", "owner_id", "template_id")
  WHERE "deleted_at" IS NULL AND "status" IN ('PLANNED', 'ACTIVE', 'ON_HOLD');

-- Won to live: the projects built from deals, joined to the won deals from the index alone.
CREATE INDEX IF NOT EXISTS "project_from_deal_idx" ON "project" ("org_id", "source_deal_id")
  INCLUDE ("id", "name", "template_id", "kickoff_on", "status", "completed_at")
  WHERE "deleted_at" IS NULL AND "source_deal_id" IS NOT NULL;

-- Project health: the open milestones that are overdue, a range of the index.
CREATE INDEX IF NOT EXISTS "milestone_open_due_idx" ON "milestone" ("org_id", "due_on")
  INCLUDE ("project_id")
  WHERE "completed_at" IS NULL;

-- The organization's live projects as the delivery figures join them (project scope, template,
-- owner, open or not): a narrow index read alone, much smaller than the table.
CREATE INDEX IF NOT EXISTS "project_scope_idx" ON "project" ("org_id")
  INCLUDE ("id", "status", "template_id", "owner_id")
  WHERE "deleted_at" IS NULL;

-- On-time delivery: the completions rollup of a range of months, from the index alone (rows
-- whose completions were all undone stay in the table with zeros and are left out).
CREATE INDEX IF NOT EXISTS "task_completion_month_range_idx" ON "task_completion_month" ("org_id", "month")
  INCLUDE ("project_id", "assignee_key", "completed", "on_time")
  WHERE "completed" > 0;
