import type { Metadata } from "next";
import Link from "next/link";
import { adminItemCrumbs } from "@/components/admin/sections";
import { PageHeader } from "@/components/ui/page-header";
import { GhtForm } from "@/components/admin/ght-form";
import { ActiveBadge } from "@/components/admin/status-badge";
import { requireAdmin } from "@/lib/admin/page-guard";
import { getAdminGht, getAdminOptions } from "@/lib/admin/queries";
import { db } from "@/lib/core/db";
import { orNotFound } from "@/lib/core/or-not-found";

export const metadata: Metadata = { title: "GHT · Administration" };

export default async function EditGhtPage({ params }: Readonly<{ params: Promise<{ ghtId: string }> }>) {
  const { ghtId } = await params;
  const actor = await requireAdmin();
  const [ght, { regions, establishments }] = await Promise.all([
    orNotFound(getAdminGht(db, actor, ghtId)),
    getAdminOptions(db, actor),
  ]);
  const defaults = { name: ght.name, regionId: ght.regionId, supportEstablishmentId: ght.supportEstablishmentId };
  return (
    <div className="stack">
      <PageHeader crumbs={adminItemCrumbs("/admin/ghts", ght.name)} title={ght.name} />
      <div className="card">
        <h2>Identité</h2>
        <GhtForm ghtId={ght.id} defaults={defaults} regions={regions} establishments={establishments} />
      </div>
      <div className="card">
        <h2>Membres</h2>
        <p className="muted">
          Le rattachement d&apos;un établissement à un GHT se modifie sur la fiche de l&apos;établissement.
        </p>
        {ght.members.length === 0 ? (
          <p className="muted" style={{ margin: 0 }}>
            Ce GHT n&apos;a pas encore de membre.
          </p>
        ) : (
          <ul>
            {ght.members.map((m) => (
              <li key={m.id}>
                <Link href={`/admin/establishments/${m.id}`}>{m.name}</Link> <code className="small">{m.finess}</code>
                {m.id === ght.supportEstablishmentId ? (
                  <span className="badge" style={{ marginLeft: 8 }}>
                    Support
                  </span>
                ) : null}
                {m.disabled ? (
                  <span style={{ marginLeft: 8 }}>
                    <ActiveBadge disabled />
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
