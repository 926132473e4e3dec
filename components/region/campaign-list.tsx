import Link from "next/link";

type Campaign = {
  id: string;
  name: string;
  year: number;
  referentialVersion: { title: string; version: string };
  _count: { establishments: number };
};

/** The campaigns a delegate or coordinator can compare, each linking to its view. */
export function CampaignList({ campaigns, basePath }: Readonly<{ campaigns: Campaign[]; basePath: string }>) {
  if (campaigns.length === 0) return <p className="muted">Aucune campagne ne concerne encore ces établissements.</p>;
  return (
    <div className="grid">
      {campaigns.map((c) => (
        <Link key={c.id} href={`${basePath}/campaigns/${c.id}`} className="card card-link">
          <span className="card-title">{c.name}</span>
          <p className="muted small" style={{ margin: 0 }}>
            {c.referentialVersion.title} {c.referentialVersion.version} · {c._count.establishments} établissement
            {c._count.establishments > 1 ? "s" : ""} · comparaison, carte des exigences
          </p>
        </Link>
      ))}
    </div>
  );
}
