// The dossier part of `npm run bench`, in a process of its own (see dossier.ts): one line a figure.
import { benchDossier } from "./dossier";

benchDossier()
  .then((lines) => {
    for (const line of lines) console.log(line);
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
