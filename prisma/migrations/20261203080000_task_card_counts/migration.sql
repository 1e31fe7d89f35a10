-- A task's checklist progress and comment count, kept by triggers (ADR 0017), so a board reads
-- its cards' badges in one index range instead of probing two tables once per task.

-- CreateTable
CREATE TABLE "task_card_counts" (
    "task_id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "checklist_total" INTEGER NOT NULL,
    "checklist_done" INTEGER NOT NULL,
    "comments" INTEGER NOT NULL,

    CONSTRAINT "task_card_counts_pkey" PRIMARY KEY ("task_id")
);

-- CreateIndex
CREATE INDEX "task_card_counts_org_id_project_id_idx" ON "task_card_counts"("org_id", "project_id");

-- AddForeignKey
ALTER TABLE "task_card_counts" ADD CONSTRAINT "task_card_counts_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Deltas, as the other rollups (ADR 0013, 0015): a new row adds itself to its task's counts, the
-- old version of an updated or deleted row takes itself away, so two people ticking items of one
-- task at once both count. A statement that changes neither a row's task nor whether it is done
-- (a rename, a reorder, an edited comment) nets to zero and writes nothing. Keys are written in
-- order (no deadlock between two statements) and only for tasks that still exist (a task deleted
-- with its items and comments takes its counts with it). The task's own row is never written, so
-- a tick neither locks it nor wakes its triggers.
CREATE FUNCTION "task_card_counts_checklist"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  added checklist_item[] := '{}';
  removed checklist_item[] := '{}';
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN SELECT coalesce(array_agg(n), '{}') INTO added FROM new_rows n; END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN SELECT coalesce(array_agg(o), '{}') INTO removed FROM old_rows o; END IF;
  INSERT INTO task_card_counts AS c (task_id, org_id, project_id, checklist_total, checklist_done, comments)
  WITH changed AS (
    SELECT a.task_id, 1 AS total, (a.done_at IS NOT NULL)::int AS done FROM unnest(added) a
    UNION ALL SELECT r.task_id, -1, -((r.done_at IS NOT NULL)::int) FROM unnest(removed) r
  ), d AS (
    SELECT task_id, sum(total)::int AS total, sum(done)::int AS done FROM changed GROUP BY task_id HAVING sum(total) <> 0 OR sum(done) <> 0
  )
  SELECT d.task_id, t.org_id, t.project_id, d.total, d.done, 0 FROM d JOIN task t ON t.id = d.task_id ORDER BY d.task_id
  ON CONFLICT (task_id) DO UPDATE SET checklist_total = c.checklist_total + excluded.checklist_total, checklist_done = c.checklist_done + excluded.checklist_done;
  RETURN NULL;
END
$$;

CREATE TRIGGER "task_card_counts_checklist_insert" AFTER INSERT ON "checklist_item"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_card_counts_checklist"();
CREATE TRIGGER "task_card_counts_checklist_update" AFTER UPDATE ON "checklist_item"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_card_counts_checklist"();
CREATE TRIGGER "task_card_counts_checklist_delete" AFTER DELETE ON "checklist_item"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_card_counts_checklist"();

CREATE FUNCTION "task_card_counts_comments"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  added task_comment[] := '{}';
  removed task_comment[] := '{}';
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN SELECT coalesce(array_agg(n), '{}') INTO added FROM new_rows n; END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN SELECT coalesce(array_agg(o), '{}') INTO removed FROM old_rows o; END IF;
  INSERT INTO task_card_counts AS c (task_id, org_id, project_id, checklist_total, checklist_done, comments)
  WITH changed AS (
    SELECT a.task_id, 1 AS n FROM unnest(added) a UNION ALL SELECT r.task_id, -1 FROM unnest(removed) r
  ), d AS (
    SELECT task_id, sum(n)::int AS n FROM changed GROUP BY task_id HAVING sum(n) <> 0
  )
  SELECT d.task_id, t.org_id, t.project_id, 0, 0, d.n FROM d JOIN task t ON t.id = d.task_id ORDER BY d.task_id
  ON CONFLICT (task_id) DO UPDATE SET comments = c.comments + excluded.comments;
  RETURN NULL;
END
$$;

CREATE TRIGGER "task_card_counts_comments_insert" AFTER INSERT ON "task_comment"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_card_counts_comments"();
CREATE TRIGGER "task_card_counts_comments_update" AFTER UPDATE ON "task_comment"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_card_counts_comments"();
CREATE TRIGGER "task_card_counts_comments_delete" AFTER DELETE ON "task_comment"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_card_counts_comments"();

-- The counts of the checklist items and comments that exist now.
INSERT INTO "task_card_counts" (task_id, org_id, project_id, checklist_total, checklist_done, comments)
SELECT t.id, t.org_id, t.project_id, coalesce(ci.total, 0), coalesce(ci.done, 0), coalesce(c.n, 0)
FROM "task" t
LEFT JOIN (SELECT task_id, count(*)::int AS total, count(done_at)::int AS done FROM "checklist_item" GROUP BY task_id) ci ON ci.task_id = t.id
LEFT JOIN (SELECT task_id, count(*)::int AS n FROM "task_comment" GROUP BY task_id) c ON c.task_id = t.id
WHERE ci.task_id IS NOT NULL OR c.task_id IS NOT NULL;
