-- Delivery dashboard: project health and open work for thousands of projects (ADR 0013).

-- CreateTable
CREATE TABLE "project_open_work" (
    "org_id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "assignee_key" UUID NOT NULL,
    "open_tasks" INTEGER NOT NULL,
    "open_minutes" BIGINT NOT NULL,

    CONSTRAINT "project_open_work_pkey" PRIMARY KEY ("org_id","project_id","assignee_key")
);

-- AddForeignKey
ALTER TABLE "project_open_work" ADD CONSTRAINT "project_open_work_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The open tasks of a project by due date: its open tasks due after the target, read from the
-- index alone (only the few past the target are visited).
CREATE INDEX IF NOT EXISTS "task_open_project_due_idx" ON "task" ("org_id", "project_id", "due_on") WHERE "completed_at" IS NULL;

-- The organization's open tasks by due date (overdue now, workload of the next weeks): a range
-- of the index instead of every open task.
CREATE INDEX IF NOT EXISTS "task_open_due_idx" ON "task" ("org_id", "due_on")
  INCLUDE ("project_id", "assignee_id", "estimate_minutes")
  WHERE "completed_at" IS NULL;

-- Open work is kept as sums of deltas, so concurrent writers never overwrite each other's
-- counts: a task that is open adds one task and its estimate to its project and assignee, and
-- the old version of an updated or deleted task takes them away. A statement that changes
-- none of that (a move within a column, a new title) writes nothing. Keys are written in order
-- (no deadlock between two statements) and only for projects that still exist (a project
-- deleted with its tasks takes its rows with it).
CREATE FUNCTION "project_open_work_add"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO project_open_work AS w (org_id, project_id, assignee_key, open_tasks, open_minutes)
  SELECT d.org_id, d.project_id, d.assignee_key, sum(d.tasks)::int, sum(d.minutes)
  FROM (
    SELECT n.org_id, n.project_id, coalesce(n.assignee_id, '00000000-0000-0000-0000-000000000000'::uuid) AS assignee_key,
      1 AS tasks, coalesce(n.estimate_minutes, 0)::bigint AS minutes
    FROM new_rows n WHERE n.completed_at IS NULL
  ) d
  WHERE EXISTS (SELECT 1 FROM project p WHERE p.id = d.project_id)
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT (org_id, project_id, assignee_key)
    DO UPDATE SET open_tasks = w.open_tasks + excluded.open_tasks, open_minutes = w.open_minutes + excluded.open_minutes;
  RETURN NULL;
END
$$;

CREATE FUNCTION "project_open_work_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO project_open_work AS w (org_id, project_id, assignee_key, open_tasks, open_minutes)
  SELECT d.org_id, d.project_id, d.assignee_key, sum(d.tasks)::int, sum(d.minutes)
  FROM (
    SELECT n.org_id, n.project_id, coalesce(n.assignee_id, '00000000-0000-0000-0000-000000000000'::uuid) AS assignee_key,
      1 AS tasks, coalesce(n.estimate_minutes, 0)::bigint AS minutes
    FROM new_rows n WHERE n.completed_at IS NULL
    UNION ALL
    SELECT o.org_id, o.project_id, coalesce(o.assignee_id, '00000000-0000-0000-0000-000000000000'::uuid),
      -1, -coalesce(o.estimate_minutes, 0)::bigint
    FROM old_rows o WHERE o.completed_at IS NULL
  ) d
  WHERE EXISTS (SELECT 1 FROM project p WHERE p.id = d.project_id)
  GROUP BY 1, 2, 3
  HAVING sum(d.tasks) <> 0 OR sum(d.minutes) <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT (org_id, project_id, assignee_key)
    DO UPDATE SET open_tasks = w.open_tasks + excluded.open_tasks, open_minutes = w.open_minutes + excluded.open_minutes;
  RETURN NULL;
END
$$;

CREATE FUNCTION "project_open_work_remove"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO project_open_work AS w (org_id, project_id, assignee_key, open_tasks, open_minutes)
  SELECT d.org_id, d.project_id, d.assignee_key, sum(d.tasks)::int, sum(d.minutes)
  FROM (
    SELECT o.org_id, o.project_id, coalesce(o.assignee_id, '00000000-0000-0000-0000-000000000000'::uuid) AS assignee_key,
      -1 AS tasks, -coalesce(o.estimate_minutes, 0)::bigint AS minutes
    FROM old_rows o WHERE o.completed_at IS NULL
  ) d
  WHERE EXISTS (SELECT 1 FROM project p WHERE p.id = d.project_id)
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT (org_id, project_id, assignee_key)
    DO UPDATE SET open_tasks = w.open_tasks + excluded.open_tasks, open_minutes = w.open_minutes + excluded.open_minutes;
  RETURN NULL;
END
$$;

CREATE TRIGGER "task_open_work_insert" AFTER INSERT ON "task"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "project_open_work_add"();
CREATE TRIGGER "task_open_work_update" AFTER UPDATE ON "task"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "project_open_work_change"();
CREATE TRIGGER "task_open_work_delete" AFTER DELETE ON "task"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "project_open_work_remove"();

-- The open work of the tasks that exist now.
INSERT INTO "project_open_work" (org_id, project_id, assignee_key, open_tasks, open_minutes)
SELECT t.org_id, t.project_id, coalesce(t.assignee_id, '00000000-0000-0000-0000-000000000000'::uuid), count(*)::int, coalesce(sum(t.estimate_minutes), 0)
FROM "task" t WHERE t.completed_at IS NULL
GROUP BY 1, 2, 3;
