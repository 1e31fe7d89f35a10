-- CreateEnum
CREATE TYPE "ImportKind" AS ENUM ('COMPANIES', 'CONTACTS', 'DEALS');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('UPLOADING', 'READY', 'RUNNING', 'COMPLETED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ImportDuplicateMode" AS ENUM ('SKIP', 'UPDATE');

-- CreateTable
CREATE TABLE "import_job" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "created_by_id" UUID,
    "kind" "ImportKind" NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'UPLOADING',
    "file_name" TEXT NOT NULL,
    "headers" TEXT[],
    "mapping" JSONB NOT NULL,
    "duplicate_mode" "ImportDuplicateMode" NOT NULL DEFAULT 'SKIP',
    "create_missing_companies" BOOLEAN NOT NULL DEFAULT false,
    "total_rows" INTEGER NOT NULL DEFAULT 0,
    "processed_rows" INTEGER NOT NULL DEFAULT 0,
    "created_count" INTEGER NOT NULL DEFAULT 0,
    "updated_count" INTEGER NOT NULL DEFAULT 0,
    "skipped_count" INTEGER NOT NULL DEFAULT 0,
    "error_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "import_job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_row" (
    "org_id" UUID NOT NULL,
    "job_id" UUID NOT NULL,
    "row_number" INTEGER NOT NULL,
    "cells" TEXT[],

    CONSTRAINT "import_row_pkey" PRIMARY KEY ("job_id","row_number")
);

-- CreateTable
CREATE TABLE "import_row_error" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "job_id" UUID NOT NULL,
    "row_number" INTEGER NOT NULL,
    "message" TEXT NOT NULL,

    CONSTRAINT "import_row_error_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "import_job_org_id_created_at_idx" ON "import_job"("org_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "import_row_org_id_idx" ON "import_row"("org_id");

-- CreateIndex
CREATE INDEX "import_row_error_org_id_job_id_row_number_idx" ON "import_row_error"("org_id", "job_id", "row_number");

-- AddForeignKey
ALTER TABLE "import_job" ADD CONSTRAINT "import_job_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_job" ADD CONSTRAINT "import_job_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_row" ADD CONSTRAINT "import_row_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_row" ADD CONSTRAINT "import_row_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "import_job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_row_error" ADD CONSTRAINT "import_row_error_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_row_error" ADD CONSTRAINT "import_row_error_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "import_job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: the import and the search find live companies by exact name, case-insensitively.
CREATE INDEX "company_org_id_lower_name_idx" ON "company" ("org_id", lower("name")) WHERE "deleted_at" IS NULL;
-- Search by an email address as typed so far: a prefix match, whatever the database collation.
CREATE INDEX "contact_org_id_email_prefix_idx" ON "contact" ("org_id", lower("email") text_pattern_ops) WHERE "deleted_at" IS NULL AND "email" IS NOT NULL;
