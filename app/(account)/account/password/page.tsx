import Link from "next/link";
import type { Metadata } from "next";
import { connection } from "next/server";
import { AccountNotices } from "@/components/auth/account-notices";
import { PasswordChangeForm } from "@/components/account/password-change-form";
import { accountNotices } from "@/lib/auth/account-notices";
import { requireActor } from "@/lib/auth/current";
import { db } from "@/lib/core/db";
import { AuthPage } from "@/components/layout/auth-page";

export const metadata: Metadata = { title: "Mot de passe" };

// Outside the app shell on purpose: after an admin reset, this is the only page the account reaches
// until it has chosen a password of its own (requireActor sends every other page here).
export default async function PasswordPage() {
  await connection();
  const actor = await requireActor({ passwordChange: true });
  const notices = await accountNotices(db, actor.id);
  return (
    <AuthPage
      aside={
        <>
          <h1>Votre mot de passe</h1>
          <p>
            Choisissez une phrase longue plutôt qu&apos;un mot compliqué. Changer de mot de passe ferme toutes vos
            sessions ouvertes, sur tous vos appareils.
          </p>
        </>
      }
    >
      <h2>{actor.mustChangePassword ? "Choisissez un nouveau mot de passe" : "Changer de mot de passe"}</h2>
      {actor.mustChangePassword ? (
        <p className="muted">
          Un administrateur a réinitialisé votre mot de passe : choisissez-en un que vous seul connaissez avant de
          continuer.
        </p>
      ) : (
        <p className="muted">Connecté en tant que {actor.email}.</p>
      )}
      <AccountNotices notices={notices} />
      <PasswordChangeForm email={actor.email} />
      {actor.mustChangePassword ? null : (
        <p className="small muted" style={{ marginTop: "2rem" }}>
          <Link href="/">Retour à l&apos;accueil</Link>
        </p>
      )}
    </AuthPage>
  );
}
