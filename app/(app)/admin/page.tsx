import type { Metadata } from "next";
import { HOME_CRUMB, PageHeader } from "@/components/ui/page-header";
import { AdminSectionLinks } from "@/components/admin/admin-section-links";
import { requireAdmin } from "@/lib/admin/page-guard";
import { getPlatformCounts } from "@/lib/admin/queries";
import { db } from "@/lib/core/db";

export const metadata: Metadata = { title: "Administration" };

export default async function AdminPage() {
  const actor = await requireAdmin();
  const counts = await getPlatformCounts(db, actor);
  const stats = [
    {
      value: counts.establishments,
      label: "établissements actifs",
      extra: counts.disabledEstablishments ? `${counts.disabledEstablishments} désactivés` : null,
    },
    { value: counts.ghts, label: "GHT", extra: null },
    { value: counts.regions, label: "régions", extra: null },
    {
      value: counts.users,
      label: "comptes actifs",
      extra: counts.disabledUsers ? `${counts.disabledUsers} désactivés` : null,
    },
  ];
  return (
    <div className="stack">
      <PageHeader crumbs={[HOME_CRUMB, { label: "Administration" }]} title="Administration de la plateforme">
        <p>Régions, GHT, établissements, comptes et rattachements. Chaque modification est tracée.</p>
      </PageHeader>
      <div className="grid">
        {stats.map((s) => (
          <div key={s.label} className="card">
            <div className="stat">{s.value}</div>
            <div className="stat-label">{s.label}</div>
            {s.extra ? (
              <p className="muted small" style={{ margin: 0 }}>
                {s.extra}
              </p>
            ) : null}
          </div>
        ))}
      </div>
      <AdminSectionLinks />
    </div>
  );
}
