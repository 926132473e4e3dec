-- CreateEnum
CREATE TYPE "RegionSharing" AS ENUM ('participation', 'detail');

-- CreateEnum
CREATE TYPE "ResultStatus" AS ENUM ('met', 'partial', 'not_met', 'unknown', 'not_applicable');

-- AlterTable: the old yes/no flag becomes the two-level model. Participation is always visible;
-- an assessment that was shared keeps its results visible as "detail" (only its submitted
-- revisions are shown from now on: draft answers never leave the establishment).
ALTER TABLE "Assessment" ADD COLUMN "sharing" "RegionSharing" NOT NULL DEFAULT 'participation';
UPDATE "Assessment" SET "sharing" = 'detail' WHERE "sharedWithRegion";
ALTER TABLE "Assessment" DROP COLUMN "sharedWithRegion";

-- CreateTable
CREATE TABLE "SubmittedResult" (
    "assessmentId" TEXT NOT NULL,
    "overallScore" INTEGER,
    "eligible" BOOLEAN NOT NULL,
    "coverageObjectiveMet" BOOLEAN,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SubmittedResult_pkey" PRIMARY KEY ("assessmentId")
);

-- CreateTable
CREATE TABLE "SubmittedDomainScore" (
    "assessmentId" TEXT NOT NULL,
    "domainCode" TEXT NOT NULL,
    "score" INTEGER,

    CONSTRAINT "SubmittedDomainScore_pkey" PRIMARY KEY ("assessmentId","domainCode")
);

-- CreateTable
CREATE TABLE "SubmittedRequirement" (
    "assessmentId" TEXT NOT NULL,
    "requirementCode" TEXT NOT NULL,
    "domainCode" TEXT NOT NULL,
    "status" "ResultStatus" NOT NULL,
    "withEvidence" BOOLEAN NOT NULL,

    CONSTRAINT "SubmittedRequirement_pkey" PRIMARY KEY ("assessmentId","requirementCode")
);

-- CreateIndex
CREATE INDEX "SubmittedRequirement_requirementCode_status_idx" ON "SubmittedRequirement"("requirementCode", "status");

-- AddForeignKey
ALTER TABLE "SubmittedResult" ADD CONSTRAINT "SubmittedResult_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmittedDomainScore" ADD CONSTRAINT "SubmittedDomainScore_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "SubmittedResult"("assessmentId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmittedRequirement" ADD CONSTRAINT "SubmittedRequirement_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "SubmittedResult"("assessmentId") ON DELETE CASCADE ON UPDATE CASCADE;

