import Link from "next/link";
import { ADMIN_SECTIONS } from "./sections";

/** The admin's areas as cards, on the admin home block and on the admin overview. */
export function AdminSectionLinks() {
  return (
    <div className="grid">
      {ADMIN_SECTIONS.map((s) => (
        <Link key={s.href} href={s.href} className="card card-link">
          <span className="card-title">{s.label}</span>
          <p className="muted small" style={{ margin: "0.25rem 0 0" }}>
            {s.text}
          </p>
        </Link>
      ))}
    </div>
  );
}
