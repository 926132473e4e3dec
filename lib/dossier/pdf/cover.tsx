import { PdfImage, Text, View } from "./primitives";
import {
  formatDate,
  formatDateTime,
  formatInteger,
  formatScore,
  frTypo,
  label,
  STATUS_LABELS,
  STATUS_ORDER,
} from "../format";
import { type PageProps, verifyBase } from "./frame";
import { COLORS, s, STATUS_COLORS, verdictTone } from "./theme";

function Fact({ name, value }: Readonly<{ name: string; value: string }>) {
  return (
    <View style={{ flexDirection: "row", marginBottom: 3 }}>
      <Text style={{ width: 118, color: COLORS.muted }}>{label(name)}</Text>
      <Text style={{ flex: 1, fontWeight: 700 }}>{frTypo(value)}</Text>
    </View>
  );
}

export function VerificationBlock({ seal, compact = false }: Readonly<{ seal: PageProps["seal"]; compact?: boolean }>) {
  if (!seal.code || !seal.qrDataUrl) return null;
  const size = compact ? 78 : 96;
  return (
    <View
      style={[
        s.box,
        { flexDirection: "row", alignItems: "center", borderColor: COLORS.blue, backgroundColor: COLORS.blueLight },
      ]}
      wrap={false}
    >
      <PdfImage src={seal.qrDataUrl} style={{ width: size, height: size, marginRight: 14 }} />
      <View style={{ flex: 1 }}>
        <Text style={[s.small, s.muted]}>{label("Code de vérification")}</Text>
        <Text
          style={{
            fontSize: compact ? 16 : 20,
            lineHeight: 1.25,
            fontWeight: 700,
            letterSpacing: 2,
            color: COLORS.blueDark,
            marginVertical: 3,
          }}
        >
          {seal.code}
        </Text>
        <Text style={s.small}>
          {frTypo(
            `Pour vérifier que ce dossier a bien été émis par Socle et n'a pas été modifié : scannez ce code, ou ouvrez ${verifyBase(seal)} et saisissez le code ou déposez le fichier PDF reçu.`,
          )}
        </Text>
      </View>
    </View>
  );
}

function contents(payload: PageProps["payload"]): string[] {
  const requirements = payload.domains.reduce((n, d) => n + d.requirements.length, 0);
  const plural = (n: number, one: string, many: string) => `${formatInteger(n)} ${n > 1 ? many : one}`;
  return [
    "1. Synthèse : verdict et score par domaine",
    `2. Exigences par domaine : ${plural(payload.domains.length, "domaine", "domaines")}, ${plural(requirements, "exigence", "exigences")}`,
    payload.actions.length
      ? `3. Écarts et plan d'actions : ${plural(payload.gaps.length, "écart", "écarts")}, ${plural(payload.actions.length, "action", "actions")}`
      : `3. Écarts : ${plural(payload.gaps.length, "écart", "écarts")}`,
    "4. Attestation de la direction",
    `Annexe : ${plural(payload.annexes.length, "pièce justificative", "pièces justificatives")}`,
  ];
}

/** The first page's content (the page itself is drawn by the document). */
export function Cover({ payload, seal }: PageProps) {
  const { establishment, verdict } = payload;
  const tone = verdictTone(payload);
  return (
    <>
      <View style={{ flexDirection: "row", alignItems: "center", marginTop: 6, marginBottom: 34 }}>
        <View
          style={{
            width: 26,
            height: 26,
            borderRadius: 5,
            backgroundColor: COLORS.blue,
            alignItems: "center",
            justifyContent: "center",
            marginRight: 8,
          }}
        >
          <Text style={{ color: "#fff", fontWeight: 700, fontSize: 14, lineHeight: 1 }}>S</Text>
        </View>
        <Text style={{ fontSize: 14, lineHeight: 1.25, fontWeight: 700 }}>Socle</Text>
        <Text style={[s.muted, { marginLeft: 8 }]}>Prérequis du numérique en santé</Text>
      </View>

      <Text
        style={{ fontSize: 10, lineHeight: 1.25, color: COLORS.muted, textTransform: "uppercase", letterSpacing: 1.2 }}
      >
        {payload.isDraft ? "Dossier de conformité — brouillon" : "Dossier de conformité transmis à l'ARS"}
      </Text>
      <Text
        style={{
          fontSize: 22,
          lineHeight: 1.25,
          fontWeight: 700,
          color: COLORS.blueDark,
          marginTop: 6,
          marginBottom: 4,
        }}
      >
        {frTypo(payload.referential.title)}
      </Text>
      <Text style={{ fontSize: 11, lineHeight: 1.25, color: COLORS.muted, marginBottom: 26 }}>
        {frTypo(
          `Programme ${payload.programme.label} · référentiel version ${payload.referential.version} · ${payload.campaign.name}`,
        )}
      </Text>

      <View style={[s.box, { padding: 14 }]}>
        <Text style={{ fontSize: 16, lineHeight: 1.25, fontWeight: 700, marginBottom: 8 }}>
          {frTypo(establishment.name)}
        </Text>
        <Fact name="FINESS juridique" value={establishment.finess} />
        <Fact name="GHT" value={establishment.ght ?? "Aucun"} />
        <Fact name="Région" value={establishment.region} />
        <Fact name="Campagne" value={`${payload.campaign.name} (révision ${payload.revision})`} />
        <Fact name="Soumis le" value={payload.submittedAt ? formatDateTime(payload.submittedAt) : "Non soumis"} />
        <Fact name="Dossier généré le" value={formatDateTime(seal.generatedAt)} />
      </View>

      <View style={[s.box, { borderLeftWidth: 4, borderLeftColor: tone, padding: 14 }]}>
        <Text style={[s.small, s.muted, { marginBottom: 2 }]}>
          {payload.isDraft ? label("Verdict provisoire") : label("Verdict")}
        </Text>
        <Text style={{ fontSize: 13, lineHeight: 1.25, fontWeight: 700, color: tone, marginBottom: 6 }}>
          {frTypo(verdict.headline)}
        </Text>
        <Text style={{ marginBottom: 6 }}>
          {label("Score global")} <Text style={s.bold}>{formatScore(payload.overall)}</Text>
          {verdict.blockingMissing.length > 0
            ? ` · ${verdict.blockingMissing.length} prérequis bloquant(s) non atteint(s)`
            : ""}
        </Text>
        <View style={{ flexDirection: "row", flexWrap: "wrap" }}>
          {STATUS_ORDER.map((status) => (
            <Text
              key={status}
              style={[
                s.badge,
                {
                  color: STATUS_COLORS[status].fg,
                  backgroundColor: STATUS_COLORS[status].bg,
                  marginRight: 6,
                  marginBottom: 3,
                },
              ]}
            >
              {label(STATUS_LABELS[status])} {formatInteger(payload.counts[status])}
            </Text>
          ))}
        </View>
      </View>

      <View style={[s.box, { paddingVertical: 8 }]}>
        <Text style={[s.small, s.muted, { marginBottom: 3 }]}>{label("Contenu du dossier")}</Text>
        {contents(payload).map((line) => (
          <Text key={line}>{frTypo(line)}</Text>
        ))}
      </View>

      {payload.isDraft ? (
        <View style={[s.box, { borderColor: COLORS.red, backgroundColor: COLORS.redLight }]}>
          <Text style={[s.bold, { color: COLORS.red, marginBottom: 3 }]}>
            {frTypo("Brouillon : document de travail")}
          </Text>
          <Text>
            {frTypo(
              `Cette évaluation n'a pas été soumise. Ce document n'a pas de code de vérification, n'est pas conservé par Socle et ne peut pas être présenté à l'ARS. Il est à jour au ${formatDate(seal.generatedAt)}.`,
            )}
          </Text>
        </View>
      ) : (
        <VerificationBlock seal={seal} />
      )}
    </>
  );
}
