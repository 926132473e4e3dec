import Link from "next/link";

export default function NotFound() {
  return (
    <div className="card empty" style={{ maxWidth: 640, margin: "2rem auto" }}>
      <strong>Page introuvable</strong>
      <p>Cette page n&apos;existe pas ou ne vous est pas accessible.</p>
      <Link className="btn" href="/">
        Retour à l&apos;accueil
      </Link>
    </div>
  );
}
