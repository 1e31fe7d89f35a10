-- Rollups of the tasks kept by triggers (ADR 0013): a project's open work per person (project
-- health) and completions per month, project and person (on-time delivery).

-- CreateTable
CREATE TABLE "project_open_work" (
    "org_id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "assignee_key" UUID NOT NULL,
    "open_tasks" INTEGER NOT NULL,
    "open_minutes" BIGINT NOT NULL,

    CONSTRAINT "project_open_work_pkey" PRIMARY KEY ("org_id","project_id","assignee_key")
);

-- CreateTable
CREATE TABLE "task_completion_month" (
    "org_id" UUID NOT NULL,
    "month" DATE NOT NULL,
    "project_id" UUID NOT NULL,
    "assignee_key" UUID NOT NULL,
    "completed" INTEGER NOT NULL,
    "on_time" INTEGER NOT NULL,

    CONSTRAINT "task_completion_month_pkey" PRIMARY KEY ("org_id","month","project_id","assignee_key")
);

-- AddForeignKey
ALTER TABLE "project_open_work" ADD CONSTRAINT "project_open_work_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_completion_month" ADD CONSTRAINT "task_completion_month_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The open tasks of a project by due date: its open tasks due after the target, read from the
-- index alone (only the few past the target are visited).
CREATE INDEX IF NOT EXISTS "task_open_project_due_idx" ON "task" ("org_id", "project_id", "due_on") WHERE "completed_at" IS NULL;

-- The organization's open tasks by due date (overdue now, workload of the next weeks): a range
-- of the index instead of every open task.
CREATE INDEX IF NOT EXISTS "task_open_due_idx" ON "task" ("org_id", "due_on")
  INCLUDE ("project_id", "assignee_id", "estimate_minutes")
  WHERE "completed_at" IS NULL;

-- The rollups are sums of deltas, so concurrent writers never overwrite each other's counts: a
-- task adds itself (one open task and its estimate, or one completion in its month, on time or
-- not) and the old version of an updated or deleted task takes itself away. A statement that
-- changes none of that (a move within a column, a new title, new dates of open tasks) nets to
-- zero and writes nothing. Keys are written in order (no deadlock between two statements) and
-- only for projects that still exist (a project deleted with its tasks takes its rows with it).
-- Unassigned work counts as one person, the nil uuid (a key cannot be null). One function serves
-- the three triggers: the inserted rows count +1, the deleted ones -1, an update both. A
-- statement that touched no task (the cascades of deleting board columns fire one per column)
-- returns at once.
CREATE FUNCTION "task_rollups"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  added task[] := '{}';
  removed task[] := '{}';
BEGIN
  -- the transition tables this trigger has (a statement is planned only when it runs)
  IF TG_OP IN ('INSERT', 'UPDATE') THEN SELECT coalesce(array_agg(n), '{}') INTO added FROM new_rows n; END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN SELECT coalesce(array_agg(o), '{}') INTO removed FROM old_rows o; END IF;
  IF cardinality(added) = 0 AND cardinality(removed) = 0 THEN RETURN NULL; END IF;

  INSERT INTO project_open_work AS w (org_id, project_id, assignee_key, open_tasks, open_minutes)
  WITH changed AS (SELECT 1 AS sign, a.* FROM unnest(added) a UNION ALL SELECT -1, r.* FROM unnest(removed) r)
  SELECT c.org_id, c.project_id, coalesce(c.assignee_id, '00000000-0000-0000-0000-000000000000'::uuid), sum(c.sign)::int, sum(c.sign * coalesce(c.estimate_minutes, 0)::bigint)
  FROM changed c
  WHERE c.completed_at IS NULL AND EXISTS (SELECT 1 FROM project p WHERE p.id = c.project_id)
  GROUP BY 1, 2, 3
  HAVING sum(c.sign) <> 0 OR sum(c.sign * coalesce(c.estimate_minutes, 0)::bigint) <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT (org_id, project_id, assignee_key)
    DO UPDATE SET open_tasks = w.open_tasks + excluded.open_tasks, open_minutes = w.open_minutes + excluded.open_minutes;

  INSERT INTO task_completion_month AS m (org_id, month, project_id, assignee_key, completed, on_time)
  WITH changed AS (SELECT 1 AS sign, a.* FROM unnest(added) a UNION ALL SELECT -1, r.* FROM unnest(removed) r)
  SELECT c.org_id, date_trunc('month', c.completed_on::timestamp)::date, c.project_id, coalesce(c.assignee_id, '00000000-0000-0000-0000-000000000000'::uuid),
    sum(c.sign)::int, sum(CASE WHEN c.completed_on <= c.baseline_due_on THEN c.sign ELSE 0 END)::int
  FROM changed c
  WHERE c.completed_at IS NOT NULL AND c.completed_on IS NOT NULL AND c.baseline_due_on IS NOT NULL
    AND EXISTS (SELECT 1 FROM project p WHERE p.id = c.project_id)
  GROUP BY 1, 2, 3, 4
  HAVING sum(c.sign) <> 0 OR sum(CASE WHEN c.completed_on <= c.baseline_due_on THEN c.sign ELSE 0 END) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (org_id, month, project_id, assignee_key)
    DO UPDATE SET completed = m.completed + excluded.completed, on_time = m.on_time + excluded.on_time;
  RETURN NULL;
END
$$;

CREATE TRIGGER "task_rollups_insert" AFTER INSERT ON "task"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_rollups"();
CREATE TRIGGER "task_rollups_update" AFTER UPDATE ON "task"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_rollups"();
CREATE TRIGGER "task_rollups_delete" AFTER DELETE ON "task"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_rollups"();

-- The rollups of the tasks that exist now.
INSERT INTO "project_open_work" (org_id, project_id, assignee_key, open_tasks, open_minutes)
SELECT t.org_id, t.project_id, coalesce(t.assignee_id, '00000000-0000-0000-0000-000000000000'::uuid), count(*)::int, coalesce(sum(t.estimate_minutes), 0)
FROM "task" t WHERE t.completed_at IS NULL
GROUP BY 1, 2, 3;

INSERT INTO "task_completion_month" (org_id, month, project_id, assignee_key, completed, on_time)
SELECT t.org_id, date_trunc('month', t.completed_on::timestamp)::date, t.project_id, coalesce(t.assignee_id, '00000000-0000-0000-0000-000000000000'::uuid),
  count(*)::int, count(*) FILTER (WHERE t.completed_on <= t.baseline_due_on)::int
FROM "task" t WHERE t.completed_at IS NOT NULL AND t.completed_on IS NOT NULL AND t.baseline_due_on IS NOT NULL
GROUP BY 1, 2, 3, 4;
