import { Options } from "@/components/ui/field";
import { BAND_LABELS, PEER_GROUP_LABELS, PEER_GROUPS, type Band, type PeerPosition } from "@/lib/region/peers";

const BAND_ORDER: Band[] = ["below_p20", "p20_p50", "p50_p80", "above_p80"];

/** Four segments, the director's band filled: where the score sits, seen at a glance (the text says it too). */
function BandScale({ band }: Readonly<{ band: Band }>) {
  return (
    <span className="band-scale" aria-hidden="true">
      {BAND_ORDER.map((b) => (
        <span key={b} className={b === band ? "band-on" : undefined} />
      ))}
    </span>
  );
}
const BAND_SHORT: Record<Band, string> = {
  below_p20: "< P20",
  p20_p50: "P20–P50",
  p50_p80: "P50–P80",
  above_p80: "> P80",
};

/** The director's position among peers: a band per score, the group's n, never a rank or a name. */
export function PeerPositionPanel({ position, action }: Readonly<{ position: PeerPosition; action: string }>) {
  return (
    <section className="card" aria-labelledby="peers-title">
      <h2 id="peers-title">Position parmi des établissements comparables</h2>
      <form method="get" action={action} className="row inline-form">
        <label htmlFor="peers-group">Groupe de comparaison</label>
        <select id="peers-group" name="pairs" className="select" defaultValue={position.group}>
          <Options options={PEER_GROUPS.map((g) => ({ value: g, label: PEER_GROUP_LABELS[g] }))} />
        </select>
        <button type="submit" className="btn btn-small btn-secondary">
          Comparer
        </button>
      </form>
      {!position.shown ? (
        <p>
          <span className="suppressed">
            <span aria-hidden="true">▨ </span>
            masqué : {position.n} évaluation{position.n > 1 ? "s" : ""} comparable{position.n > 1 ? "s" : ""} dans ce
            groupe, il en faut au moins {position.k} pour situer un score sans désigner personne.
          </span>
        </p>
      ) : (
        <>
          <p className="small muted">
            Groupe : {PEER_GROUP_LABELS[position.group].toLowerCase()}, n = {position.n} évaluations soumises dont le
            détail est partagé (la vôtre comprise). Seule la tranche est donnée : ni rang, ni nom, ni valeur d&apos;un
            autre établissement.
          </p>
          <table className="table table-compact peer-bands">
            <caption className="visually-hidden">Tranche de chaque score dans le groupe</caption>
            <thead>
              <tr>
                <th scope="col">Score</th>
                <th scope="col">Tranche dans le groupe</th>
              </tr>
            </thead>
            <tbody>
              {position.rows.map((r) => (
                <tr key={r.code}>
                  <th scope="row">{r.code === "*" ? r.title : `${r.code} — ${r.title}`}</th>
                  <td>
                    {r.band ? (
                      <>
                        <BandScale band={r.band} />
                        <strong className="band-short">{BAND_SHORT[r.band]}</strong>{" "}
                        <span className="small band-label">{BAND_LABELS[r.band]}</span>
                      </>
                    ) : (
                      <span className="muted">non situable (pas assez de scores dans ce domaine)</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
