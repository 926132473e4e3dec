import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/core/db";
import { getRegionOrThrow } from "@/lib/region/queries";

export async function ArsHome({ actor, regionId }: Readonly<{ actor: Actor; regionId: string }>) {
  const region = await getRegionOrThrow(db, actor, regionId);
  return (
    <section className="stack" aria-labelledby={`ars-${region.id}`}>
      <h2 id={`ars-${region.id}`} style={{ margin: 0 }}>
        ARS — {region.name}
      </h2>
      <div className="grid">
        <div className="card">
          <h3>Vérifier un dossier</h3>
          <p className="muted">
            Saisissez le code de vérification imprimé en pied de page du dossier, ou déposez le PDF reçu : Socle indique
            s&apos;il est authentique et inchangé.
          </p>
          <Link className="btn" href="/verifier">
            Vérifier un dossier
          </Link>
        </div>
        <div className="card">
          <h3>Dossiers soumis</h3>
          <p className="muted">
            Les dossiers soumis par les établissements de la région {region.name}, à télécharger et à vérifier.
          </p>
          <Link className="btn btn-secondary" href={`/ars/${region.id}`}>
            Voir les dossiers soumis
          </Link>
        </div>
      </div>
    </section>
  );
}
