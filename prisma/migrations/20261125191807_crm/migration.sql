-- CreateEnum
CREATE TYPE "StageKind" AS ENUM ('OPEN', 'WON', 'LOST');

-- CreateEnum
CREATE TYPE "DealStatus" AS ENUM ('OPEN', 'WON', 'LOST');

-- CreateEnum
CREATE TYPE "ForecastCategory" AS ENUM ('PIPELINE', 'BEST_CASE', 'COMMIT', 'CLOSED', 'OMITTED');

-- CreateEnum
CREATE TYPE "DealType" AS ENUM ('NEW_BUSINESS', 'EXPANSION', 'RENEWAL');

-- CreateEnum
CREATE TYPE "DealContactRole" AS ENUM ('DECISION_MAKER', 'CHAMPION', 'BILLING', 'TECHNICAL', 'USER');

-- CreateEnum
CREATE TYPE "CompanySize" AS ENUM ('S1_10', 'S11_50', 'S51_200', 'S201_1000', 'S1001_PLUS');

-- CreateEnum
CREATE TYPE "ActivityKind" AS ENUM ('NOTE', 'CALL', 'EMAIL', 'MEETING', 'TASK');

-- CreateTable
CREATE TABLE "company" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "domain" TEXT,
    "industry" TEXT,
    "size_band" "CompanySize",
    "address" TEXT,
    "country" CHAR(2),
    "owner_id" UUID,
    "notes" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "company_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contact" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "first_name" TEXT NOT NULL,
    "last_name" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "job_title" TEXT,
    "company_id" UUID,
    "owner_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pipeline" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "position" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pipeline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pipeline_stage" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "pipeline_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "position" DOUBLE PRECISION NOT NULL,
    "probability" INTEGER NOT NULL,
    "kind" "StageKind" NOT NULL,
    "forecast_category" "ForecastCategory" NOT NULL,

    CONSTRAINT "pipeline_stage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lost_reason" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "label" TEXT NOT NULL,
    "position" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "archived_at" TIMESTAMPTZ(3),

    CONSTRAINT "lost_reason_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "product" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "sku" TEXT,
    "unit_price_minor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "product_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deal" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "amount_minor" BIGINT NOT NULL DEFAULT 0,
    "currency" CHAR(3) NOT NULL,
    "pipeline_id" UUID NOT NULL,
    "stage_id" UUID NOT NULL,
    "status" "DealStatus" NOT NULL DEFAULT 'OPEN',
    "probability" INTEGER NOT NULL,
    "probability_overridden" BOOLEAN NOT NULL DEFAULT false,
    "expected_close_on" DATE,
    "closed_at" TIMESTAMPTZ(3),
    "owner_id" UUID NOT NULL,
    "company_id" UUID,
    "deal_type" "DealType" NOT NULL DEFAULT 'NEW_BUSINESS',
    "commitments" TEXT,
    "lost_reason_id" UUID,
    "lost_note" TEXT,
    "position" DOUBLE PRECISION NOT NULL,
    "stage_entered_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "deal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deal_line_item" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "deal_id" UUID NOT NULL,
    "product_id" UUID,
    "name" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unit_price_minor" BIGINT NOT NULL,
    "discount_bp" INTEGER NOT NULL DEFAULT 0,
    "position" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deal_line_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deal_contact" (
    "org_id" UUID NOT NULL,
    "deal_id" UUID NOT NULL,
    "contact_id" UUID NOT NULL,
    "role" "DealContactRole" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deal_contact_pkey" PRIMARY KEY ("deal_id","contact_id")
);

-- CreateTable
CREATE TABLE "activity" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "kind" "ActivityKind" NOT NULL,
    "subject" TEXT,
    "body" TEXT,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "due_on" DATE,
    "assignee_id" UUID,
    "done_at" TIMESTAMPTZ(3),
    "deal_id" UUID,
    "contact_id" UUID,
    "company_id" UUID,
    "author_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "activity_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "company_org_id_name_id_idx" ON "company"("org_id", "name", "id");

-- CreateIndex
CREATE INDEX "company_org_id_owner_id_idx" ON "company"("org_id", "owner_id");

-- CreateIndex
CREATE INDEX "company_org_id_created_at_id_idx" ON "company"("org_id", "created_at" DESC, "id");

-- CreateIndex
CREATE INDEX "contact_org_id_last_name_first_name_id_idx" ON "contact"("org_id", "last_name", "first_name", "id");

-- CreateIndex
CREATE INDEX "contact_org_id_company_id_idx" ON "contact"("org_id", "company_id");

-- CreateIndex
CREATE INDEX "contact_org_id_owner_id_idx" ON "contact"("org_id", "owner_id");

-- CreateIndex
CREATE INDEX "contact_org_id_created_at_id_idx" ON "contact"("org_id", "created_at" DESC, "id");

-- CreateIndex
CREATE UNIQUE INDEX "pipeline_org_id_name_key" ON "pipeline"("org_id", "name");

-- CreateIndex
CREATE INDEX "pipeline_stage_org_id_pipeline_id_position_idx" ON "pipeline_stage"("org_id", "pipeline_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "lost_reason_org_id_label_key" ON "lost_reason"("org_id", "label");

-- CreateIndex
CREATE INDEX "product_org_id_name_idx" ON "product"("org_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "product_org_id_sku_key" ON "product"("org_id", "sku");

-- CreateIndex
CREATE INDEX "deal_org_id_owner_id_idx" ON "deal"("org_id", "owner_id");

-- CreateIndex
CREATE INDEX "deal_org_id_company_id_idx" ON "deal"("org_id", "company_id");

-- CreateIndex
CREATE INDEX "deal_org_id_status_expected_close_on_idx" ON "deal"("org_id", "status", "expected_close_on");

-- CreateIndex
CREATE INDEX "deal_line_item_org_id_deal_id_position_idx" ON "deal_line_item"("org_id", "deal_id", "position");

-- CreateIndex
CREATE INDEX "deal_line_item_org_id_product_id_idx" ON "deal_line_item"("org_id", "product_id");

-- CreateIndex
CREATE INDEX "deal_contact_org_id_contact_id_idx" ON "deal_contact"("org_id", "contact_id");

-- CreateIndex
CREATE INDEX "activity_org_id_deal_id_occurred_at_idx" ON "activity"("org_id", "deal_id", "occurred_at" DESC);

-- CreateIndex
CREATE INDEX "activity_org_id_contact_id_occurred_at_idx" ON "activity"("org_id", "contact_id", "occurred_at" DESC);

-- CreateIndex
CREATE INDEX "activity_org_id_company_id_occurred_at_idx" ON "activity"("org_id", "company_id", "occurred_at" DESC);

-- CreateIndex
CREATE INDEX "activity_org_id_assignee_id_done_at_due_on_idx" ON "activity"("org_id", "assignee_id", "done_at", "due_on");

-- AddForeignKey
ALTER TABLE "company" ADD CONSTRAINT "company_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "company" ADD CONSTRAINT "company_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contact" ADD CONSTRAINT "contact_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contact" ADD CONSTRAINT "contact_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contact" ADD CONSTRAINT "contact_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pipeline" ADD CONSTRAINT "pipeline_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pipeline_stage" ADD CONSTRAINT "pipeline_stage_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pipeline_stage" ADD CONSTRAINT "pipeline_stage_pipeline_id_fkey" FOREIGN KEY ("pipeline_id") REFERENCES "pipeline"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lost_reason" ADD CONSTRAINT "lost_reason_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "product" ADD CONSTRAINT "product_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deal" ADD CONSTRAINT "deal_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deal" ADD CONSTRAINT "deal_pipeline_id_fkey" FOREIGN KEY ("pipeline_id") REFERENCES "pipeline"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deal" ADD CONSTRAINT "deal_stage_id_fkey" FOREIGN KEY ("stage_id") REFERENCES "pipeline_stage"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deal" ADD CONSTRAINT "deal_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deal" ADD CONSTRAINT "deal_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deal" ADD CONSTRAINT "deal_lost_reason_id_fkey" FOREIGN KEY ("lost_reason_id") REFERENCES "lost_reason"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deal_line_item" ADD CONSTRAINT "deal_line_item_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deal_line_item" ADD CONSTRAINT "deal_line_item_deal_id_fkey" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deal_line_item" ADD CONSTRAINT "deal_line_item_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "product"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deal_contact" ADD CONSTRAINT "deal_contact_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deal_contact" ADD CONSTRAINT "deal_contact_deal_id_fkey" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deal_contact" ADD CONSTRAINT "deal_contact_contact_id_fkey" FOREIGN KEY ("contact_id") REFERENCES "contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activity" ADD CONSTRAINT "activity_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activity" ADD CONSTRAINT "activity_deal_id_fkey" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activity" ADD CONSTRAINT "activity_contact_id_fkey" FOREIGN KEY ("contact_id") REFERENCES "contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activity" ADD CONSTRAINT "activity_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activity" ADD CONSTRAINT "activity_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activity" ADD CONSTRAINT "activity_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: what Prisma's schema language cannot say (partial, expression and trigram indexes).
-- Kept by `prisma migrate diff` (Prisma preserves manually created partial/expression indexes).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- One default pipeline per organization.
CREATE UNIQUE INDEX "pipeline_one_default_per_org" ON "pipeline" ("org_id") WHERE "is_default";

-- Unique among live rows only, case-insensitive: a deleted company frees its domain.
CREATE UNIQUE INDEX "company_org_id_domain_key" ON "company" ("org_id", lower("domain")) WHERE "deleted_at" IS NULL AND "domain" IS NOT NULL;
CREATE UNIQUE INDEX "contact_org_id_email_key" ON "contact" ("org_id", lower("email")) WHERE "deleted_at" IS NULL AND "email" IS NOT NULL;

-- The pipeline board: a column is one stage's live deals in position order (keyset pages).
CREATE INDEX "deal_board_idx" ON "deal" ("org_id", "stage_id", "position", "id") WHERE "deleted_at" IS NULL;
-- Column totals over every live deal of a pipeline, read from the index alone.
CREATE INDEX "deal_totals_idx" ON "deal" ("org_id", "pipeline_id", "stage_id") INCLUDE ("amount_minor", "probability", "currency", "owner_id", "deal_type", "expected_close_on") WHERE "deleted_at" IS NULL;
-- The deal list's default order.
CREATE INDEX "deal_list_created_idx" ON "deal" ("org_id", "created_at" DESC, "id") WHERE "deleted_at" IS NULL;

-- Typo-tolerant global search (pg_trgm).
CREATE INDEX "company_search_idx" ON "company" USING gin ("name" gin_trgm_ops, "domain" gin_trgm_ops) WHERE "deleted_at" IS NULL;
CREATE INDEX "contact_search_idx" ON "contact" USING gin ((("first_name" || ' ' || "last_name")) gin_trgm_ops, "email" gin_trgm_ops) WHERE "deleted_at" IS NULL;
CREATE INDEX "deal_search_idx" ON "deal" USING gin ("title" gin_trgm_ops) WHERE "deleted_at" IS NULL;
