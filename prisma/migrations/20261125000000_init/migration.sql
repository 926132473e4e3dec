-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "EstablishmentCategory" AS ENUM ('CHU', 'CH', 'EPSM', 'SSR', 'OTHER');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('director', 'contributor', 'ght_coordinator', 'regional_delegate', 'ars_reviewer', 'admin');

-- CreateEnum
CREATE TYPE "ContributorFunction" AS ENUM ('DSI', 'RSSI', 'DPO', 'IDENTITOVIGILANCE', 'OTHER');

-- CreateEnum
CREATE TYPE "AssessmentStatus" AS ENUM ('draft', 'submitted', 'superseded');

-- CreateEnum
CREATE TYPE "AnswerKind" AS ENUM ('value', 'unknown', 'not_applicable');

-- CreateEnum
CREATE TYPE "Hosting" AS ENUM ('on_site', 'outsourced', 'saas');

-- CreateEnum
CREATE TYPE "ActionStatus" AS ENUM ('todo', 'in_progress', 'done', 'abandoned');

-- CreateTable
CREATE TABLE "Region" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Departement" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,

    CONSTRAINT "Departement_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Ght" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "supportEstablishmentId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Ght_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Establishment" (
    "id" TEXT NOT NULL,
    "finess" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" "EstablishmentCategory" NOT NULL,
    "departementCode" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "ghtId" TEXT,
    "annualActivity" INTEGER,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Establishment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT,
    "passwordHash" TEXT NOT NULL,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "function" "ContributorFunction",
    "establishmentId" TEXT,
    "ghtId" TEXT,
    "regionId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitHit" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RateLimitHit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "establishmentId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "requestId" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Referential" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "programme" TEXT NOT NULL,

    CONSTRAINT "Referential_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferentialVersion" (
    "id" TEXT NOT NULL,
    "referentialId" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "publishedOn" TIMESTAMP(3),
    "content" JSONB NOT NULL,
    "contentHash" TEXT NOT NULL,
    "loadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "loadedById" TEXT,

    CONSTRAINT "ReferentialVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "referentialVersionId" TEXT NOT NULL,
    "opensOn" TIMESTAMP(3) NOT NULL,
    "closesOn" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignEstablishment" (
    "campaignId" TEXT NOT NULL,
    "establishmentId" TEXT NOT NULL,

    CONSTRAINT "CampaignEstablishment_pkey" PRIMARY KEY ("campaignId","establishmentId")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" TEXT NOT NULL,
    "establishmentId" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "status" "AssessmentStatus" NOT NULL DEFAULT 'draft',
    "options" JSONB NOT NULL DEFAULT '{}',
    "sharedWithRegion" BOOLEAN NOT NULL DEFAULT false,
    "submittedAt" TIMESTAMP(3),
    "submittedById" TEXT,
    "attestation" JSONB,
    "inventorySnapshot" JSONB,
    "carriedFromId" TEXT,
    "previousRevisionId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SectionAssignment" (
    "assessmentId" TEXT NOT NULL,
    "domainCode" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "assignedById" TEXT NOT NULL,
    "assignedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SectionAssignment_pkey" PRIMARY KEY ("assessmentId","domainCode","userId")
);

-- CreateTable
CREATE TABLE "Answer" (
    "id" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "requirementCode" TEXT NOT NULL,
    "kind" "AnswerKind" NOT NULL DEFAULT 'value',
    "value" JSONB,
    "justification" TEXT,
    "comment" TEXT,
    "needsConfirmation" BOOLEAN NOT NULL DEFAULT false,
    "carriedFrom" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "answeredById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Answer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evidence" (
    "id" TEXT NOT NULL,
    "establishmentId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceLink" (
    "id" TEXT NOT NULL,
    "evidenceId" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "requirementCode" TEXT NOT NULL,
    "linkedById" TEXT NOT NULL,
    "linkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMP(3),
    "removedById" TEXT,

    CONSTRAINT "EvidenceLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Application" (
    "id" TEXT NOT NULL,
    "establishmentId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "vendor" TEXT,
    "version" TEXT,
    "domains" TEXT[],
    "hosting" "Hosting" NOT NULL DEFAULT 'on_site',
    "qhnCommitted" BOOLEAN NOT NULL DEFAULT false,
    "holdsHealthData" BOOLEAN NOT NULL DEFAULT false,
    "identityRepoConnected" BOOLEAN NOT NULL DEFAULT false,
    "movementRepoConnected" BOOLEAN NOT NULL DEFAULT false,
    "personalAuth" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Action" (
    "id" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "requirementCode" TEXT,
    "title" TEXT NOT NULL,
    "ownerId" TEXT,
    "dueOn" TIMESTAMP(3),
    "status" "ActionStatus" NOT NULL DEFAULT 'todo',
    "estimatedCost" INTEGER,
    "notes" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Action_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FundingParameter" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "regionId" TEXT,
    "establishmentId" TEXT,
    "domainCode" TEXT,
    "amountEuros" INTEGER NOT NULL,
    "assumption" TEXT NOT NULL,
    "isExample" BOOLEAN NOT NULL DEFAULT false,
    "setById" TEXT NOT NULL,
    "setAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FundingParameter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Dossier" (
    "id" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "verificationCode" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "pageCount" INTEGER NOT NULL,
    "storageKey" TEXT NOT NULL,
    "generatedById" TEXT NOT NULL,
    "generatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Dossier_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Region_code_key" ON "Region"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Region_name_key" ON "Region"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Ght_name_key" ON "Ght"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Ght_supportEstablishmentId_key" ON "Ght"("supportEstablishmentId");

-- CreateIndex
CREATE UNIQUE INDEX "Establishment_finess_key" ON "Establishment"("finess");

-- CreateIndex
CREATE INDEX "Establishment_regionId_idx" ON "Establishment"("regionId");

-- CreateIndex
CREATE INDEX "Establishment_ghtId_idx" ON "Establishment"("ghtId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Membership_establishmentId_idx" ON "Membership"("establishmentId");

-- CreateIndex
CREATE INDEX "Membership_ghtId_idx" ON "Membership"("ghtId");

-- CreateIndex
CREATE INDEX "Membership_regionId_idx" ON "Membership"("regionId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_role_establishmentId_ghtId_regionId_key" ON "Membership"("userId", "role", "establishmentId", "ghtId", "regionId") NULLS NOT DISTINCT;

-- CreateIndex
CREATE INDEX "RateLimitHit_key_at_idx" ON "RateLimitHit"("key", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_entity_entityId_idx" ON "AuditEvent"("entity", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_establishmentId_at_idx" ON "AuditEvent"("establishmentId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "ReferentialVersion_referentialId_version_key" ON "ReferentialVersion"("referentialId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_previousRevisionId_key" ON "Assessment"("previousRevisionId");

-- CreateIndex
CREATE INDEX "Assessment_campaignId_idx" ON "Assessment"("campaignId");

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_establishmentId_campaignId_revision_key" ON "Assessment"("establishmentId", "campaignId", "revision");

-- CreateIndex
CREATE INDEX "SectionAssignment_userId_idx" ON "SectionAssignment"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Answer_assessmentId_requirementCode_key" ON "Answer"("assessmentId", "requirementCode");

-- CreateIndex
CREATE UNIQUE INDEX "Evidence_storageKey_key" ON "Evidence"("storageKey");

-- CreateIndex
CREATE INDEX "Evidence_establishmentId_idx" ON "Evidence"("establishmentId");

-- CreateIndex
CREATE INDEX "EvidenceLink_assessmentId_requirementCode_idx" ON "EvidenceLink"("assessmentId", "requirementCode");

-- CreateIndex
CREATE UNIQUE INDEX "Application_establishmentId_name_key" ON "Application"("establishmentId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Dossier_verificationCode_key" ON "Dossier"("verificationCode");

-- CreateIndex
CREATE UNIQUE INDEX "Dossier_sha256_key" ON "Dossier"("sha256");

-- AddForeignKey
ALTER TABLE "Departement" ADD CONSTRAINT "Departement_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ght" ADD CONSTRAINT "Ght_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ght" ADD CONSTRAINT "Ght_supportEstablishmentId_fkey" FOREIGN KEY ("supportEstablishmentId") REFERENCES "Establishment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Establishment" ADD CONSTRAINT "Establishment_departementCode_fkey" FOREIGN KEY ("departementCode") REFERENCES "Departement"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Establishment" ADD CONSTRAINT "Establishment_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Establishment" ADD CONSTRAINT "Establishment_ghtId_fkey" FOREIGN KEY ("ghtId") REFERENCES "Ght"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_establishmentId_fkey" FOREIGN KEY ("establishmentId") REFERENCES "Establishment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_ghtId_fkey" FOREIGN KEY ("ghtId") REFERENCES "Ght"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferentialVersion" ADD CONSTRAINT "ReferentialVersion_referentialId_fkey" FOREIGN KEY ("referentialId") REFERENCES "Referential"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_referentialVersionId_fkey" FOREIGN KEY ("referentialVersionId") REFERENCES "ReferentialVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignEstablishment" ADD CONSTRAINT "CampaignEstablishment_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignEstablishment" ADD CONSTRAINT "CampaignEstablishment_establishmentId_fkey" FOREIGN KEY ("establishmentId") REFERENCES "Establishment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_establishmentId_fkey" FOREIGN KEY ("establishmentId") REFERENCES "Establishment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_previousRevisionId_fkey" FOREIGN KEY ("previousRevisionId") REFERENCES "Assessment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SectionAssignment" ADD CONSTRAINT "SectionAssignment_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_establishmentId_fkey" FOREIGN KEY ("establishmentId") REFERENCES "Establishment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceLink" ADD CONSTRAINT "EvidenceLink_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceLink" ADD CONSTRAINT "EvidenceLink_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_establishmentId_fkey" FOREIGN KEY ("establishmentId") REFERENCES "Establishment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundingParameter" ADD CONSTRAINT "FundingParameter_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundingParameter" ADD CONSTRAINT "FundingParameter_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundingParameter" ADD CONSTRAINT "FundingParameter_establishmentId_fkey" FOREIGN KEY ("establishmentId") REFERENCES "Establishment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dossier" ADD CONSTRAINT "Dossier_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- ─── Hand-written: rules the database itself enforces ───────────────────────

-- A membership names exactly the scope its role needs.
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_scope_matches_role" CHECK (
  CASE "role"
    WHEN 'director' THEN "establishmentId" IS NOT NULL AND "ghtId" IS NULL AND "regionId" IS NULL
    WHEN 'contributor' THEN "establishmentId" IS NOT NULL AND "ghtId" IS NULL AND "regionId" IS NULL
    WHEN 'ght_coordinator' THEN "ghtId" IS NOT NULL AND "establishmentId" IS NULL AND "regionId" IS NULL
    WHEN 'regional_delegate' THEN "regionId" IS NOT NULL AND "establishmentId" IS NULL AND "ghtId" IS NULL
    WHEN 'ars_reviewer' THEN "regionId" IS NOT NULL AND "establishmentId" IS NULL AND "ghtId" IS NULL
    WHEN 'admin' THEN "establishmentId" IS NULL AND "ghtId" IS NULL AND "regionId" IS NULL
  END
);
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_function_only_for_contributors" CHECK (
  "function" IS NULL OR "role" = 'contributor'
);

-- An answer's version only grows (optimistic concurrency relies on it).
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_version_positive" CHECK ("version" >= 1);

-- The audit trail is append-only, whatever the client.
CREATE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only: % refused', TG_OP USING ERRCODE = 'P0001';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_event_no_update_delete
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();

CREATE TRIGGER audit_event_no_truncate
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
