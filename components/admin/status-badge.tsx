/** "Actif" / "Désactivé", for establishments and accounts. */
export function ActiveBadge({ disabled }: Readonly<{ disabled: boolean }>) {
  return disabled ? (
    <span className="badge badge-grey">Désactivé</span>
  ) : (
    <span className="badge badge-green">Actif</span>
  );
}
