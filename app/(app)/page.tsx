import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { AdminHome } from "@/components/home/admin-home";
import { ArsHome } from "@/components/home/ars-home";
import { EstablishmentHome } from "@/components/home/establishment-home";
import { GhtHome } from "@/components/home/ght-home";
import { RegionHome } from "@/components/home/region-home";
import { AccountNotices } from "@/components/auth/account-notices";
import { accountNotices } from "@/lib/auth/account-notices";
import { requireActor } from "@/lib/auth/current";
import { membershipGrants, ROLE_SCOPE } from "@/lib/auth/permissions";
import { db } from "@/lib/core/db";

export const metadata: Metadata = { title: "Accueil" };

// One home, one block per membership: a user who is both director and RSSI sees both.
export default async function HomePage() {
  const actor = await requireActor();
  const firstName = actor.name.split(" ")[0];
  // What an admin changed on this account since the previous sign-in (roles, a password reset).
  const notices = await accountNotices(db, actor.id);
  return (
    <div className="stack" style={{ gap: "2rem" }}>
      <PageHeader title={<>Bonjour {firstName}</>} />
      <AccountNotices notices={notices} />
      {actor.memberships.length === 0 ? (
        <div className="card empty">
          <strong>Aucun rôle ne vous est attribué.</strong>
          Contactez l&apos;administrateur de la plateforme pour être rattaché à votre établissement.
        </div>
      ) : null}
      {actor.memberships.map((m, index) => {
        const key = `${m.role}-${index}`;
        // The block follows the membership's scope; in a region, the ARS reviews dossiers.
        switch (ROLE_SCOPE[m.role]) {
          case "establishmentId":
            return <EstablishmentHome key={key} actor={actor} membership={m} />;
          case "ghtId":
            return <GhtHome key={key} actor={actor} ghtId={m.ghtId!} />;
          case "regionId":
            return membershipGrants(m, "region.dossiers") ? (
              <ArsHome key={key} actor={actor} regionId={m.regionId!} />
            ) : (
              <RegionHome key={key} actor={actor} regionId={m.regionId!} />
            );
          case null:
            return <AdminHome key={key} />;
        }
      })}
    </div>
  );
}
