-- AlterTable
ALTER TABLE "FundingParameter" ADD COLUMN     "amountMaxEuros" INTEGER,
ADD COLUMN     "ceilingEuros" INTEGER,
ADD COLUMN     "eligibleCount" INTEGER,
ADD COLUMN     "populationActivity" INTEGER;


-- A range reads low → high; a population and a ceiling are positive.
ALTER TABLE "FundingParameter" ADD CONSTRAINT "FundingParameter_range_check"
  CHECK ("amountMaxEuros" IS NULL OR "amountMaxEuros" >= "amountEuros");
ALTER TABLE "FundingParameter" ADD CONSTRAINT "FundingParameter_population_check"
  CHECK (("eligibleCount" IS NULL OR "eligibleCount" > 0) AND ("populationActivity" IS NULL OR "populationActivity" > 0)
    AND ("ceilingEuros" IS NULL OR "ceilingEuros" >= 0));
