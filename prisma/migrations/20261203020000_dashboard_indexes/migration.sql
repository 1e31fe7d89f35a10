-- Indexes for the manager dashboards (ADR 0012). The partial, covering ones cannot be said in
-- schema.prisma (like task_open_by_assignee_idx before them), so they live here only.

-- On-time delivery: the completions of a date range, read from the index alone.
CREATE INDEX "task_completed_on_time_idx" ON "task" ("org_id", "completed_on")
  INCLUDE ("baseline_due_on", "project_id", "assignee_id")
  WHERE "completed_at" IS NOT NULL AND "baseline_due_on" IS NOT NULL;

-- Win rates, sales cycle, lost reasons, won this period: the deals closed in a range.
CREATE INDEX "deal_closed_idx" ON "deal" ("org_id", "closed_at")
  INCLUDE ("status", "owner_id", "pipeline_id", "deal_type", "lost_reason_id", "amount_minor", "currency", "created_at", "stage_id")
  WHERE "deleted_at" IS NULL AND "closed_at" IS NOT NULL;

-- Slipped deals and pipeline movement: one kind of audit entry in a range.
CREATE INDEX "activity_log_org_id_action_created_at_idx" ON "activity_log" ("org_id", "action", "created_at");

-- Won to live: a project's first work (a task started, or done without being started) is one
-- index probe per project. Queries must say exactly least(started_at, completed_at).
CREATE INDEX "task_first_work_idx" ON "task" ("org_id", "project_id", (least("started_at", "completed_at")));
