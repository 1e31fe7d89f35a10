-- CreateEnum
CREATE TYPE "ProjectStatus" AS ENUM ('PLANNED', 'ACTIVE', 'ON_HOLD', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ColumnKind" AS ENUM ('TODO', 'DOING', 'BLOCKED', 'DONE');

-- CreateEnum
CREATE TYPE "TaskPriority" AS ENUM ('NONE', 'LOW', 'MEDIUM', 'HIGH', 'URGENT');

-- CreateEnum
CREATE TYPE "DateAnchor" AS ENUM ('CLOSE', 'KICKOFF');

-- CreateTable
CREATE TABLE "project_role" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "default_user_id" UUID,
    "position" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "project_role_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "holiday" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "holiday_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "project_template" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "current_version_id" UUID,
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "project_template_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "project_template_version" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "template_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "description" TEXT,
    "default_duration_days" INTEGER NOT NULL DEFAULT 30,
    "lead_time_days" INTEGER NOT NULL DEFAULT 5,
    "lead_time_business_days" BOOLEAN NOT NULL DEFAULT true,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "project_template_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "template_milestone" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "version_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "anchor" "DateAnchor" NOT NULL DEFAULT 'KICKOFF',
    "offset_days" INTEGER NOT NULL,
    "business_days" BOOLEAN NOT NULL DEFAULT true,
    "position" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "template_milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "template_task" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "version_id" UUID NOT NULL,
    "milestone_id" UUID,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "anchor" "DateAnchor" NOT NULL DEFAULT 'KICKOFF',
    "offset_days" INTEGER NOT NULL,
    "duration_days" INTEGER NOT NULL DEFAULT 0,
    "business_days" BOOLEAN NOT NULL DEFAULT true,
    "role_id" UUID,
    "assign_deal_owner" BOOLEAN NOT NULL DEFAULT false,
    "estimate_minutes" INTEGER,
    "priority" "TaskPriority" NOT NULL DEFAULT 'NONE',
    "checklist" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "position" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "template_task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "template_dependency" (
    "org_id" UUID NOT NULL,
    "version_id" UUID NOT NULL,
    "blocker_id" UUID NOT NULL,
    "blocked_id" UUID NOT NULL,

    CONSTRAINT "template_dependency_pkey" PRIMARY KEY ("blocker_id","blocked_id")
);

-- CreateTable
CREATE TABLE "template_rule" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "template_id" UUID NOT NULL,
    "pipeline_id" UUID,
    "deal_type" "DealType",
    "product_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "min_amount_minor" BIGINT,
    "max_amount_minor" BIGINT,
    "priority" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "template_rule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "project" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "company_id" UUID,
    "status" "ProjectStatus" NOT NULL DEFAULT 'PLANNED',
    "owner_id" UUID,
    "kickoff_on" DATE NOT NULL,
    "target_go_live_on" DATE,
    "baseline_go_live_on" DATE,
    "completed_at" TIMESTAMPTZ(3),
    "source_deal_id" UUID,
    "template_id" UUID,
    "template_version_id" UUID,
    "brief" TEXT,
    "handoff" JSONB,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "project_member" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "role_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "project_member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "board_column" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ColumnKind" NOT NULL,
    "position" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "board_column_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "milestone" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "due_on" DATE NOT NULL,
    "baseline_due_on" DATE NOT NULL,
    "completed_at" TIMESTAMPTZ(3),
    "position" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "task" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "column_id" UUID NOT NULL,
    "milestone_id" UUID,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "position" DOUBLE PRECISION NOT NULL,
    "assignee_id" UUID,
    "role_id" UUID,
    "start_on" DATE,
    "due_on" DATE,
    "baseline_due_on" DATE,
    "started_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),
    "completed_on" DATE,
    "estimate_minutes" INTEGER,
    "priority" "TaskPriority" NOT NULL DEFAULT 'NONE',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "task_dependency" (
    "org_id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "blocker_id" UUID NOT NULL,
    "blocked_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "task_dependency_pkey" PRIMARY KEY ("blocker_id","blocked_id")
);

-- CreateTable
CREATE TABLE "task_comment" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "task_id" UUID NOT NULL,
    "author_id" UUID,
    "body" TEXT NOT NULL,
    "mention_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "edited_at" TIMESTAMPTZ(3),

    CONSTRAINT "task_comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "checklist_item" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "task_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "done_at" TIMESTAMPTZ(3),
    "position" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "checklist_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT,
    "href" TEXT,
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "project_role_org_id_name_key" ON "project_role"("org_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "holiday_org_id_day_key" ON "holiday"("org_id", "day");

-- CreateIndex
CREATE UNIQUE INDEX "project_template_current_version_id_key" ON "project_template"("current_version_id");

-- CreateIndex
CREATE UNIQUE INDEX "project_template_org_id_name_key" ON "project_template"("org_id", "name");

-- CreateIndex
CREATE INDEX "project_template_version_org_id_template_id_idx" ON "project_template_version"("org_id", "template_id");

-- CreateIndex
CREATE UNIQUE INDEX "project_template_version_template_id_version_key" ON "project_template_version"("template_id", "version");

-- CreateIndex
CREATE INDEX "template_milestone_org_id_version_id_position_idx" ON "template_milestone"("org_id", "version_id", "position");

-- CreateIndex
CREATE INDEX "template_task_org_id_version_id_position_idx" ON "template_task"("org_id", "version_id", "position");

-- CreateIndex
CREATE INDEX "template_dependency_org_id_version_id_idx" ON "template_dependency"("org_id", "version_id");

-- CreateIndex
CREATE INDEX "template_rule_org_id_priority_idx" ON "template_rule"("org_id", "priority" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "project_source_deal_id_key" ON "project"("source_deal_id");

-- CreateIndex
CREATE INDEX "project_org_id_status_idx" ON "project"("org_id", "status");

-- CreateIndex
CREATE INDEX "project_org_id_owner_id_idx" ON "project"("org_id", "owner_id");

-- CreateIndex
CREATE INDEX "project_org_id_company_id_idx" ON "project"("org_id", "company_id");

-- CreateIndex
CREATE INDEX "project_org_id_created_at_id_idx" ON "project"("org_id", "created_at" DESC, "id");

-- CreateIndex
CREATE INDEX "project_member_org_id_user_id_idx" ON "project_member"("org_id", "user_id");

-- CreateIndex
CREATE INDEX "project_member_org_id_project_id_idx" ON "project_member"("org_id", "project_id");

-- CreateIndex
CREATE UNIQUE INDEX "project_member_project_id_user_id_role_id_key" ON "project_member"("project_id", "user_id", "role_id");

-- CreateIndex
CREATE INDEX "board_column_org_id_project_id_position_idx" ON "board_column"("org_id", "project_id", "position");

-- CreateIndex
CREATE INDEX "milestone_org_id_project_id_due_on_idx" ON "milestone"("org_id", "project_id", "due_on");

-- CreateIndex
CREATE INDEX "task_org_id_project_id_column_id_position_idx" ON "task"("org_id", "project_id", "column_id", "position");

-- CreateIndex
CREATE INDEX "task_org_id_assignee_id_completed_at_due_on_idx" ON "task"("org_id", "assignee_id", "completed_at", "due_on");

-- CreateIndex
CREATE INDEX "task_org_id_project_id_milestone_id_idx" ON "task"("org_id", "project_id", "milestone_id");

-- CreateIndex
CREATE INDEX "task_org_id_project_id_due_on_idx" ON "task"("org_id", "project_id", "due_on");

-- CreateIndex
CREATE INDEX "task_dependency_org_id_project_id_idx" ON "task_dependency"("org_id", "project_id");

-- CreateIndex
CREATE INDEX "task_dependency_blocked_id_idx" ON "task_dependency"("blocked_id");

-- CreateIndex
CREATE INDEX "task_comment_org_id_task_id_created_at_idx" ON "task_comment"("org_id", "task_id", "created_at");

-- CreateIndex
CREATE INDEX "checklist_item_org_id_task_id_position_idx" ON "checklist_item"("org_id", "task_id", "position");

-- CreateIndex
CREATE INDEX "notification_org_id_user_id_created_at_idx" ON "notification"("org_id", "user_id", "created_at" DESC);

-- AddForeignKey
ALTER TABLE "project_role" ADD CONSTRAINT "project_role_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_role" ADD CONSTRAINT "project_role_default_user_id_fkey" FOREIGN KEY ("default_user_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "holiday" ADD CONSTRAINT "holiday_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_template" ADD CONSTRAINT "project_template_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_template" ADD CONSTRAINT "project_template_current_version_id_fkey" FOREIGN KEY ("current_version_id") REFERENCES "project_template_version"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_template_version" ADD CONSTRAINT "project_template_version_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_template_version" ADD CONSTRAINT "project_template_version_template_id_fkey" FOREIGN KEY ("template_id") REFERENCES "project_template"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_template_version" ADD CONSTRAINT "project_template_version_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "template_milestone" ADD CONSTRAINT "template_milestone_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "template_milestone" ADD CONSTRAINT "template_milestone_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "project_template_version"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "template_task" ADD CONSTRAINT "template_task_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "template_task" ADD CONSTRAINT "template_task_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "project_template_version"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "template_task" ADD CONSTRAINT "template_task_milestone_id_fkey" FOREIGN KEY ("milestone_id") REFERENCES "template_milestone"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "template_task" ADD CONSTRAINT "template_task_role_id_fkey" FOREIGN KEY ("role_id") REFERENCES "project_role"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "template_dependency" ADD CONSTRAINT "template_dependency_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "template_dependency" ADD CONSTRAINT "template_dependency_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "project_template_version"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "template_dependency" ADD CONSTRAINT "template_dependency_blocker_id_fkey" FOREIGN KEY ("blocker_id") REFERENCES "template_task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "template_dependency" ADD CONSTRAINT "template_dependency_blocked_id_fkey" FOREIGN KEY ("blocked_id") REFERENCES "template_task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "template_rule" ADD CONSTRAINT "template_rule_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "template_rule" ADD CONSTRAINT "template_rule_template_id_fkey" FOREIGN KEY ("template_id") REFERENCES "project_template"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "template_rule" ADD CONSTRAINT "template_rule_pipeline_id_fkey" FOREIGN KEY ("pipeline_id") REFERENCES "pipeline"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project" ADD CONSTRAINT "project_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project" ADD CONSTRAINT "project_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project" ADD CONSTRAINT "project_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project" ADD CONSTRAINT "project_source_deal_id_fkey" FOREIGN KEY ("source_deal_id") REFERENCES "deal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project" ADD CONSTRAINT "project_template_id_fkey" FOREIGN KEY ("template_id") REFERENCES "project_template"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project" ADD CONSTRAINT "project_template_version_id_fkey" FOREIGN KEY ("template_version_id") REFERENCES "project_template_version"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_member" ADD CONSTRAINT "project_member_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_member" ADD CONSTRAINT "project_member_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_member" ADD CONSTRAINT "project_member_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_member" ADD CONSTRAINT "project_member_role_id_fkey" FOREIGN KEY ("role_id") REFERENCES "project_role"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "board_column" ADD CONSTRAINT "board_column_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "board_column" ADD CONSTRAINT "board_column_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestone" ADD CONSTRAINT "milestone_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestone" ADD CONSTRAINT "milestone_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task" ADD CONSTRAINT "task_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task" ADD CONSTRAINT "task_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task" ADD CONSTRAINT "task_column_id_fkey" FOREIGN KEY ("column_id") REFERENCES "board_column"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task" ADD CONSTRAINT "task_milestone_id_fkey" FOREIGN KEY ("milestone_id") REFERENCES "milestone"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task" ADD CONSTRAINT "task_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task" ADD CONSTRAINT "task_role_id_fkey" FOREIGN KEY ("role_id") REFERENCES "project_role"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_dependency" ADD CONSTRAINT "task_dependency_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_dependency" ADD CONSTRAINT "task_dependency_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_dependency" ADD CONSTRAINT "task_dependency_blocker_id_fkey" FOREIGN KEY ("blocker_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_dependency" ADD CONSTRAINT "task_dependency_blocked_id_fkey" FOREIGN KEY ("blocked_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_comment" ADD CONSTRAINT "task_comment_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_comment" ADD CONSTRAINT "task_comment_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_comment" ADD CONSTRAINT "task_comment_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "checklist_item" ADD CONSTRAINT "checklist_item_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "checklist_item" ADD CONSTRAINT "checklist_item_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (kept by `prisma migrate diff`, see tests/integration/prisma-migrations.test.ts)

-- At most one default template per organization.
CREATE UNIQUE INDEX "project_template_one_default_per_org" ON "project_template" ("org_id") WHERE "is_default" AND "archived_at" IS NULL;

-- My work: a person's open tasks by due date.
CREATE INDEX "task_open_by_assignee_idx" ON "task" ("org_id", "assignee_id", "due_on") WHERE "completed_at" IS NULL;

-- Projects list: live projects, newest first.
CREATE INDEX "project_live_idx" ON "project" ("org_id", "status", "created_at" DESC, "id") WHERE "deleted_at" IS NULL;

ALTER TABLE "task_dependency" ADD CONSTRAINT "task_dependency_not_self" CHECK ("blocker_id" <> "blocked_id");
ALTER TABLE "template_dependency" ADD CONSTRAINT "template_dependency_not_self" CHECK ("blocker_id" <> "blocked_id");
ALTER TABLE "task" ADD CONSTRAINT "task_dates_ordered" CHECK ("start_on" IS NULL OR "due_on" IS NULL OR "start_on" <= "due_on");
