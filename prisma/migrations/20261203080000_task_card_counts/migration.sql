-- A task's checklist progress and comment count, kept on the task by triggers (ADR 0017), so a
-- board reads its cards' badges with the tasks instead of probing two tables once per task.

-- AlterTable
ALTER TABLE "task" ADD COLUMN "checklist_total" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "checklist_done" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "comment_count" INTEGER NOT NULL DEFAULT 0;

-- Deltas, as the other rollups (ADR 0013, 0015): a new row adds itself to its task, the old
-- version of an updated or deleted row takes itself away, so two people ticking items of one task
-- at once both count. A statement that changes neither a row's task nor whether it is done (a
-- rename, a reorder, an edited comment) nets to zero and writes nothing. Tasks are locked in id
-- order (no deadlock between two statements); a task deleted by the same statement (a cascade)
-- has nothing left to update.
CREATE FUNCTION "task_checklist_counts"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  added checklist_item[] := '{}';
  removed checklist_item[] := '{}';
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN SELECT coalesce(array_agg(n), '{}') INTO added FROM new_rows n; END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN SELECT coalesce(array_agg(o), '{}') INTO removed FROM old_rows o; END IF;
  WITH changed AS (
    SELECT a.task_id, 1 AS total, (a.done_at IS NOT NULL)::int AS done FROM unnest(added) a
    UNION ALL SELECT r.task_id, -1, -((r.done_at IS NOT NULL)::int) FROM unnest(removed) r
  ), d AS (
    SELECT task_id, sum(total)::int AS total, sum(done)::int AS done FROM changed GROUP BY task_id HAVING sum(total) <> 0 OR sum(done) <> 0
  ), locked AS MATERIALIZED (
    SELECT t.id FROM task t WHERE t.id IN (SELECT task_id FROM d) ORDER BY t.id FOR UPDATE
  )
  UPDATE task t SET checklist_total = t.checklist_total + d.total, checklist_done = t.checklist_done + d.done
  FROM d JOIN locked ON locked.id = d.task_id WHERE t.id = d.task_id;
  RETURN NULL;
END
$$;

CREATE TRIGGER "task_checklist_counts_insert" AFTER INSERT ON "checklist_item"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_checklist_counts"();
CREATE TRIGGER "task_checklist_counts_update" AFTER UPDATE ON "checklist_item"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_checklist_counts"();
CREATE TRIGGER "task_checklist_counts_delete" AFTER DELETE ON "checklist_item"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_checklist_counts"();

CREATE FUNCTION "task_comment_counts"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  added task_comment[] := '{}';
  removed task_comment[] := '{}';
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN SELECT coalesce(array_agg(n), '{}') INTO added FROM new_rows n; END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN SELECT coalesce(array_agg(o), '{}') INTO removed FROM old_rows o; END IF;
  WITH changed AS (
    SELECT a.task_id, 1 AS n FROM unnest(added) a UNION ALL SELECT r.task_id, -1 FROM unnest(removed) r
  ), d AS (
    SELECT task_id, sum(n)::int AS n FROM changed GROUP BY task_id HAVING sum(n) <> 0
  ), locked AS MATERIALIZED (
    SELECT t.id FROM task t WHERE t.id IN (SELECT task_id FROM d) ORDER BY t.id FOR UPDATE
  )
  UPDATE task t SET comment_count = t.comment_count + d.n
  FROM d JOIN locked ON locked.id = d.task_id WHERE t.id = d.task_id;
  RETURN NULL;
END
$$;

CREATE TRIGGER "task_comment_counts_insert" AFTER INSERT ON "task_comment"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_comment_counts"();
CREATE TRIGGER "task_comment_counts_update" AFTER UPDATE ON "task_comment"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_comment_counts"();
CREATE TRIGGER "task_comment_counts_delete" AFTER DELETE ON "task_comment"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_comment_counts"();

-- The counts of the checklist items and comments that exist now.
UPDATE "task" t SET checklist_total = c.total, checklist_done = c.done
FROM (SELECT task_id, count(*)::int AS total, count(done_at)::int AS done FROM "checklist_item" GROUP BY task_id) c
WHERE c.task_id = t.id;
UPDATE "task" t SET comment_count = c.n
FROM (SELECT task_id, count(*)::int AS n FROM "task_comment" GROUP BY task_id) c
WHERE c.task_id = t.id;
