-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN     "siteCoverage" JSONB NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "Site" (
    "id" TEXT NOT NULL,
    "establishmentId" TEXT NOT NULL,
    "finess" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "annualActivity" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Site_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Site_finess_key" ON "Site"("finess");

-- CreateIndex
CREATE INDEX "Site_establishmentId_idx" ON "Site"("establishmentId");

-- AddForeignKey
ALTER TABLE "Site" ADD CONSTRAINT "Site_establishmentId_fkey" FOREIGN KEY ("establishmentId") REFERENCES "Establishment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

