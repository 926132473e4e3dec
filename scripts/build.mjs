// `npm run build`: the production build an operator deploys (deploy/, README "Production"): Prisma
// client, `next build` (standalone output), public/ and the static assets copied next to server.js.
// Skipped when the sources have not changed since the last build, as in `npm start`.
import { ensureBuild, ensureDependencies, ensurePrismaClient } from "./start.mjs";

ensureDependencies();
ensurePrismaClient();
ensureBuild({ ...process.env, NODE_ENV: "production" });
