import Link from "next/link";
import { db } from "@/lib/core/db";

const SECTIONS = [
  { href: "/admin/establishments", label: "Établissements", text: "Créer, modifier, désactiver ; FINESS, GHT, activité." },
  { href: "/admin/ghts", label: "GHT", text: "Groupements et établissement support." },
  { href: "/admin/regions", label: "Régions", text: "Les 18 régions et leurs départements." },
  { href: "/admin/users", label: "Comptes", text: "Utilisateurs, rôles et rattachements." },
] as const;

export async function AdminHome() {
  const [establishments, ghts, users] = await Promise.all([
    db.establishment.count({ where: { disabled: false } }),
    db.ght.count(),
    db.user.count({ where: { disabled: false } }),
  ]);
  return (
    <section className="stack" aria-labelledby="admin-home">
      <h2 id="admin-home" style={{ margin: 0 }}>Administration de la plateforme</h2>
      <div className="grid">
        <div className="card"><div className="stat">{establishments}</div><div className="stat-label">établissements actifs</div></div>
        <div className="card"><div className="stat">{ghts}</div><div className="stat-label">GHT</div></div>
        <div className="card"><div className="stat">{users}</div><div className="stat-label">comptes actifs</div></div>
      </div>
      <div className="grid">
        {SECTIONS.map((s) => (
          <Link key={s.href} href={s.href} className="card card-link">
            <span className="card-title">{s.label}</span>
            <p className="muted small" style={{ margin: "0.25rem 0 0" }}>{s.text}</p>
          </Link>
        ))}
      </div>
    </section>
  );
}
