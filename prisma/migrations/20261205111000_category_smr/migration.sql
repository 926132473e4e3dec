-- "SSR" (soins de suite et de réadaptation) is "SMR" (soins médicaux et de réadaptation) since the
-- 2022 reform. A rename keeps every row that used it (prisma migrate diff would drop and recreate).
ALTER TYPE "EstablishmentCategory" RENAME VALUE 'SSR' TO 'SMR';
