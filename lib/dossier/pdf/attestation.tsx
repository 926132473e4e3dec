import { Text, View } from "./primitives";
import { formatDate, formatDateTime, frTypo, label } from "../format";
import { VerificationBlock } from "./cover";
import type { PageProps } from "./frame";
import { COLORS, s } from "./theme";

/** The attestation page's content. */
export function AttestationPage({ payload, seal }: PageProps) {
  const a = payload.attestation;
  return (
    <>
      <Text style={s.h1}>4. Attestation de la direction</Text>
      {a && !payload.isDraft ? (
        <View style={[s.box, { padding: 14 }]}>
          <Text style={[s.small, s.muted, { marginBottom: 6 }]}>
            {label("Déclaration de la direction de l'établissement")}
          </Text>
          <Text style={{ fontSize: 10, lineHeight: 1.25, marginBottom: 10 }}>{frTypo(`« ${a.statement} »`)}</Text>
          <Text>
            {frTypo(`Attesté par ${a.name}`)}
            {a.title ? frTypo(`, ${a.title}`) : ""}
            {frTypo(`, ${payload.establishment.name}, le ${formatDate(a.date)}.`)}
          </Text>
          <Text style={[s.muted, { marginTop: 3 }]}>
            {frTypo(`Évaluation soumise sur Socle le ${formatDateTime(payload.submittedAt)}.`)}
          </Text>
        </View>
      ) : (
        <View style={[s.box, { borderColor: COLORS.red, backgroundColor: COLORS.redLight }]}>
          <Text style={[s.bold, { color: COLORS.red }]}>
            {frTypo("Non attesté : l'évaluation n'a pas encore été attestée ni soumise par la direction.")}
          </Text>
        </View>
      )}

      <View style={[s.box, { borderLeftWidth: 4, borderLeftColor: COLORS.blue, padding: 12 }]}>
        <Text style={s.h3}>{frTypo("Une attestation, pas une signature électronique qualifiée")}</Text>
        <Text style={s.p}>
          {frTypo(
            "Ce document est une attestation sur l'honneur de la direction de l'établissement, recueillie par Socle au moment de la soumission. Ce n'est pas une signature électronique qualifiée au sens du règlement (UE) n° 910/2014 (eIDAS), ni un cachet électronique : il ne remplace pas les pièces signées que l'ARS pourrait demander.",
          )}
        </Text>
        <Text>
          {frTypo(
            "Son authenticité et son intégrité se vérifient auprès de Socle : à l'émission, Socle enregistre l'empreinte SHA-256 du fichier avec son code de vérification. Toute modification du fichier, même d'un seul octet, change l'empreinte : la vérification par dépôt du fichier échoue alors.",
          )}
        </Text>
      </View>

      <VerificationBlock seal={seal} compact />
    </>
  );
}
