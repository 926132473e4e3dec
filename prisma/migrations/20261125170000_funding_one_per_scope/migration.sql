-- One funding parameter per campaign, scope (region or establishment) and domain, enforced by the
-- database and not only by the command's check, so that two simultaneous saves cannot both land.
-- An expression index (NULL means "the whole region" / "the whole programme"), hence hand-written:
-- the Prisma schema cannot express it.
CREATE UNIQUE INDEX "FundingParameter_one_per_scope_key"
  ON "FundingParameter" ("campaignId", COALESCE("regionId", ''), COALESCE("establishmentId", ''), COALESCE("domainCode", ''));
