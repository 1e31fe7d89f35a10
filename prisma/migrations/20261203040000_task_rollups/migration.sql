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
-- Unassigned work counts as one person, the nil uuid (a key cannot be null). A statement that
-- touched no task (the cascades of deleting board columns fire one per column) returns at once.
CREATE FUNCTION "task_rollups_add"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM new_rows) THEN RETURN NULL; END IF;
  INSERT INTO project_open_work AS w (org_id, project_id, assignee_key, open_tasks, open_minutes)
  SELECT d.org_id, d.project_id, d.assignee_key, sum(d.tasks)::int, sum(d.minutes)
  FROM (
    SELECT n.org_id, n.project_id, coalesce(n.assignee_id, '00000000-0000-0000-0000-000000000000'::uuid) AS assignee_key,
      1 AS tasks, coalesce(n.estimate_minutes, 0)::bigint AS minutes
    FROM new_rows n WHERE n.completed_at IS NULL
  ) d
  WHERE EXISTS (SELECT 1 FROM project p WHERE p.id = d.project_id)
  GROUP BY 1, 2, 3
  HAVING sum(d.tasks) <> 0 OR sum(d.minutes) <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT (org_id, project_id, assignee_key)
    DO UPDATE SET open_tasks = w.open_tasks + excluded.open_tasks, open_minutes = w.open_minutes + excluded.open_minutes;

  INSERT INTO task_completion_month AS c (org_id, month, project_id, assignee_key, completed, on_time)
  SELECT d.org_id, d.month, d.project_id, d.assignee_key, sum(d.completed)::int, sum(d.on_time)::int
  FROM (
    SELECT n.org_id, date_trunc('month', n.completed_on::timestamp)::date AS month, n.project_id,
      coalesce(n.assignee_id, '00000000-0000-0000-0000-000000000000'::uuid) AS assignee_key,
      1 AS completed, CASE WHEN n.completed_on <= n.baseline_due_on THEN 1 ELSE 0 END AS on_time
    FROM new_rows n
    WHERE n.completed_at IS NOT NULL AND n.completed_on IS NOT NULL AND n.baseline_due_on IS NOT NULL
  ) d
  WHERE EXISTS (SELECT 1 FROM project p WHERE p.id = d.project_id)
  GROUP BY 1, 2, 3, 4
  HAVING sum(d.completed) <> 0 OR sum(d.on_time) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (org_id, month, project_id, assignee_key)
    DO UPDATE SET completed = c.completed + excluded.completed, on_time = c.on_time + excluded.on_time;
  RETURN NULL;
END
$$;

CREATE FUNCTION "task_rollups_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM new_rows) THEN RETURN NULL; END IF;
  INSERT INTO project_open_work AS w (org_id, project_id, assignee_key, open_tasks, open_minutes)
  SELECT d.org_id, d.project_id, d.assignee_key, sum(d.tasks)::int, sum(d.minutes)
  FROM (
    SELECT n.org_id, n.project_id, coalesce(n.assignee_id, '00000000-0000-0000-0000-000000000000'::uuid) AS assignee_key,
      1 AS tasks, coalesce(n.estimate_minutes, 0)::bigint AS minutes
    FROM new_rows n WHERE n.completed_at IS NULL
    UNION ALL
    SELECT o.org_id, o.project_id, coalesce(o.assignee_id, '00000000-0000-0000-0000-000000000000'::uuid) AS assignee_key,
      -1 AS tasks, -coalesce(o.estimate_minutes, 0)::bigint AS minutes
    FROM old_rows o WHERE o.completed_at IS NULL
  ) d
  WHERE EXISTS (SELECT 1 FROM project p WHERE p.id = d.project_id)
  GROUP BY 1, 2, 3
  HAVING sum(d.tasks) <> 0 OR sum(d.minutes) <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT (org_id, project_id, assignee_key)
    DO UPDATE SET open_tasks = w.open_tasks + excluded.open_tasks, open_minutes = w.open_minutes + excluded.open_minutes;

  INSERT INTO task_completion_month AS c (org_id, month, project_id, assignee_key, completed, on_time)
  SELECT d.org_id, d.month, d.project_id, d.assignee_key, sum(d.completed)::int, sum(d.on_time)::int
  FROM (
    SELECT n.org_id, date_trunc('month', n.completed_on::timestamp)::date AS month, n.project_id,
      coalesce(n.assignee_id, '00000000-0000-0000-0000-000000000000'::uuid) AS assignee_key,
      1 AS completed, CASE WHEN n.completed_on <= n.baseline_due_on THEN 1 ELSE 0 END AS on_time
    FROM new_rows n
    WHERE n.completed_at IS NOT NULL AND n.completed_on IS NOT NULL AND n.baseline_due_on IS NOT NULL
    UNION ALL
    SELECT o.org_id, date_trunc('month', o.completed_on::timestamp)::date AS month, o.project_id,
      coalesce(o.assignee_id, '00000000-0000-0000-0000-000000000000'::uuid) AS assignee_key,
      -1 AS completed, CASE WHEN o.completed_on <= o.baseline_due_on THEN -1 ELSE 0 END AS on_time
    FROM old_rows o
    WHERE o.completed_at IS NOT NULL AND o.completed_on IS NOT NULL AND o.baseline_due_on IS NOT NULL
  ) d
  WHERE EXISTS (SELECT 1 FROM project p WHERE p.id = d.project_id)
  GROUP BY 1, 2, 3, 4
  HAVING sum(d.completed) <> 0 OR sum(d.on_time) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (org_id, month, project_id, assignee_key)
    DO UPDATE SET completed = c.completed + excluded.completed, on_time = c.on_time + excluded.on_time;
  RETURN NULL;
END
$$;

CREATE FUNCTION "task_rollups_remove"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM old_rows) THEN RETURN NULL; END IF;
  INSERT INTO project_open_work AS w (org_id, project_id, assignee_key, open_tasks, open_minutes)
  SELECT d.org_id, d.project_id, d.assignee_key, sum(d.tasks)::int, sum(d.minutes)
  FROM (
    SELECT o.org_id, o.project_id, coalesce(o.assignee_id, '00000000-0000-0000-0000-000000000000'::uuid) AS assignee_key,
      -1 AS tasks, -coalesce(o.estimate_minutes, 0)::bigint AS minutes
    FROM old_rows o WHERE o.completed_at IS NULL
  ) d
  WHERE EXISTS (SELECT 1 FROM project p WHERE p.id = d.project_id)
  GROUP BY 1, 2, 3
  HAVING sum(d.tasks) <> 0 OR sum(d.minutes) <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT (org_id, project_id, assignee_key)
    DO UPDATE SET open_tasks = w.open_tasks + excluded.open_tasks, open_minutes = w.open_minutes + excluded.open_minutes;

  INSERT INTO task_completion_month AS c (org_id, month, project_id, assignee_key, completed, on_time)
  SELECT d.org_id, d.month, d.project_id, d.assignee_key, sum(d.completed)::int, sum(d.on_time)::int
  FROM (
    SELECT o.org_id, date_trunc('month', o.completed_on::timestamp)::date AS month, o.project_id,
      coalesce(o.assignee_id, '00000000-0000-0000-0000-000000000000'::uuid) AS assignee_key,
      -1 AS completed, CASE WHEN o.completed_on <= o.baseline_due_on THEN -1 ELSE 0 END AS on_time
    FROM old_rows o
    WHERE o.completed_at IS NOT NULL AND o.completed_on IS NOT NULL AND o.baseline_due_on IS NOT NULL
  ) d
  WHERE EXISTS (SELECT 1 FROM project p WHERE p.id = d.project_id)
  GROUP BY 1, 2, 3, 4
  HAVING sum(d.completed) <> 0 OR sum(d.on_time) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (org_id, month, project_id, assignee_key)
    DO UPDATE SET completed = c.completed + excluded.completed, on_time = c.on_time + excluded.on_time;
  RETURN NULL;
END
$$;

CREATE TRIGGER "task_rollups_insert" AFTER INSERT ON "task"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_rollups_add"();
CREATE TRIGGER "task_rollups_update" AFTER UPDATE ON "task"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_rollups_change"();
CREATE TRIGGER "task_rollups_delete" AFTER DELETE ON "task"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_rollups_remove"();

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
