import { AdminSectionLinks } from "@/components/admin/admin-section-links";
import { getPlatformCounts } from "@/lib/admin/queries";
import { requireActor } from "@/lib/auth/current";
import { db } from "@/lib/core/db";

// Rendered for an admin membership only; the counts still go through the platform.manage check.
export async function AdminHome() {
  const actor = await requireActor(); // cached per request: the page already loaded it
  const counts = await getPlatformCounts(db, actor);
  return (
    <section className="stack" aria-labelledby="admin-home">
      <h2 id="admin-home" style={{ margin: 0 }}>
        Administration de la plateforme
      </h2>
      <div className="grid">
        <div className="card">
          <div className="stat">{counts.establishments}</div>
          <div className="stat-label">établissements actifs</div>
        </div>
        <div className="card">
          <div className="stat">{counts.ghts}</div>
          <div className="stat-label">GHT</div>
        </div>
        <div className="card">
          <div className="stat">{counts.users}</div>
          <div className="stat-label">comptes actifs</div>
        </div>
      </div>
      <AdminSectionLinks />
    </section>
  );
}
