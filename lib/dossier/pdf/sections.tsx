import {
  ACTION_STATUS_LABELS,
  CONFIDENCE_LABELS,
  EFFORT_LABELS,
  formatFileSize,
  formatInteger,
  formatScore,
  formatShortDate,
  frTypo,
  GAP_KIND_LABELS,
  label,
  mimeLabel,
  STATUS_LABELS,
  STATUS_ORDER,
} from "../format";
import type { ReactNode } from "react";
import { formatRange } from "@/lib/funding/format";
import type { DossierDomain, DossierFunding, DossierPayload, DossierRequirement, DossierUsageFunding } from "../types";
import type { Block } from "./blocks";
import type { TextMetrics } from "./metrics";
import { type Styles, Text, View } from "./primitives";
import { type Cell, type Column, tableBlocks, textWidths } from "./table";
import { CONTENT_WIDTH, COLORS, s, STATUS_COLORS, TYPE, verdictTone } from "./theme";

// The flowing sections of the dossier as blocks with their heights (see blocks.ts): the summary,
// one table per domain, the gaps and the action plan, the annex of evidence files.

type Ctx = { payload: DossierPayload; m: TextMetrics };
type TypeName = keyof typeof TYPE;

/** Height of `text` set in `type` within `width`. */
const tall = (m: TextMetrics, text: string, type: TypeName, width: number, bold = false) =>
  m.lines(text, TYPE[type].size, width, bold) * TYPE[type].line;

function heading(key: string, text: string, level: "h1" | "h2", m: TextMetrics, extraTop = 0): Block {
  const style = level === "h1" ? s.h1 : s.h2;
  const margins = level === "h1" ? 10 : 4 + 6 + extraTop;
  return {
    key,
    keepWithNext: true,
    height: tall(m, text, level, CONTENT_WIDTH, true) + margins,
    node: (
      <Text key={key} style={extraTop ? [style, { marginTop: 4 + extraTop }] : style}>
        {frTypo(text)}
      </Text>
    ),
  };
}

function paragraph(
  key: string,
  text: string,
  m: TextMetrics,
  options: { small?: boolean; muted?: boolean; keepWithNext?: boolean } = {},
): Block {
  const type = options.small ? "small" : "body";
  const typo = frTypo(text);
  return {
    key,
    keepWithNext: options.keepWithNext,
    height: tall(m, typo, type, CONTENT_WIDTH) + 6,
    node: (
      <Text key={key} style={[s.p, options.small ? s.small : {}, options.muted ? s.muted : {}]}>
        {typo}
      </Text>
    ),
  };
}

/** A funding box's height before its lines: border, padding, the title and its margin. */
const FUNDING_BOX_CHROME = 1.5 + 20 + 10 + TYPE.h3.line + 4;

const GAPS_INTRO =
  "« Manquant » : l'exigence n'est pas ou pas entièrement atteinte. « À instruire » : la réponse est inconnue ou reste à confirmer. Les prérequis bloquants sont listés en premier.";
const ANNEX_INTRO =
  "Les pièces sont jointes par référence : elles sont conservées par Socle et remises avec le dossier dans le lot complet (dossier, pièces et manifeste). L'empreinte SHA-256 de chaque fichier permet de vérifier que la pièce reçue est celle qui a été déposée.";

/** The muted lines that explain the table below them, kept on its page. */
function tableIntro(key: string, text: string, m: TextMetrics): Block {
  return paragraph(key, text, m, { muted: true, keepWithNext: true });
}

/** Very long free text is cut in the PDF (the full text stays in Socle), so one row never outgrows a page. */
function clip(text: string, max: number): string {
  return text.length <= max
    ? text
    : `${text.slice(0, max).replace(/\s+\S*$/, "")}… [texte tronqué : version intégrale dans Socle]`;
}

const textCell = (m: TextMetrics, text: string, width: number, type: TypeName = "body", bold = false): Cell => ({
  content: text,
  height: tall(m, text, type, width, bold),
});

/** A span of a cell's text: its style (none: the cell's own), measured in `type` (its paragraph's by default). */
type Piece = { text: string; style?: Styles[string] | Styles[string][]; type?: TypeName; bold?: boolean };
/** Left out when falsy (`cond && {…}`). */
type Maybe<T> = T | null | undefined | false | "";
/** Spans on the same lines; the lines are as tall as `type`'s. */
type Para = { type: TypeName; spans: Maybe<Piece>[] };

/**
 * A cell of paragraphs one under the other, all spans of its one Text. Each paragraph ends with its
 * "\n" (rather than the next one starting with it: a "\n" in the next span's style would make one
 * more run on the line it ends).
 */
function cell(m: TextMetrics, width: number, paragraphs: Maybe<Para>[]): Cell {
  const list = paragraphs
    .filter((p): p is Para => !!p)
    .map((p) => ({ ...p, spans: p.spans.filter((piece): piece is Piece => !!piece) }));
  const content: ReactNode[] = [];
  let height = 0;
  list.forEach((p, i) => {
    const end = i < list.length - 1 ? "\n" : "";
    p.spans.forEach((piece, k) => {
      const text = k === p.spans.length - 1 ? piece.text + end : piece.text;
      content.push(
        piece.style ? (
          <Text key={`${i}-${k}`} style={piece.style}>
            {text}
          </Text>
        ) : (
          text
        ),
      );
    });
    const spans = p.spans.map((piece) => ({
      text: piece.text,
      size: TYPE[piece.type ?? p.type].size,
      bold: piece.bold,
    }));
    height += m.spanLines(spans, width) * TYPE[p.type].line;
  });
  return { content, height };
}

// ─── 1. Summary ─────────────────────────────────────────────────────────────

/** "Inconnu" is every answer that is not a firm one, not only "je ne sais pas". */
export const STATUS_LEGEND =
  "Statuts : « Atteint » la réponse satisfait la cible ; « Partiel » elle la satisfait en partie ; « Non atteint » elle ne la satisfait pas ; « Inconnu » sans réponse, réponse « je ne sais pas » ou réponse reprise de l'an passé pas encore confirmée ; « Sans objet » l'exigence ne s'applique pas, avec une justification.";

/** The weights are Socle's own: the score helps to prioritise, the programme does not use it. */
export const SCORE_NOTE =
  "Score pondéré : indicateur interne à Socle, calculé avec des pondérations propres à Socle pour aider à prioriser ; ce n'est pas un critère du programme.";

const MARKS: [keyof DossierRequirement["marks"], string][] = [
  ["wording", "libellé"],
  ["code", "code"],
  ["target", "cible"],
];

const PROVISIONAL_NOTES: [keyof NonNullable<DossierRequirement["provisional"]>, string][] = [
  ["target", "Cible provisoire"],
  ["proofs", "Pièces proposées par Socle"],
  ["blocking", "Caractère bloquant provisoire"],
];

export function summaryBlocks({ payload, m }: Ctx): Block[] {
  const { verdict } = payload;
  const tone = verdictTone(payload);
  const inner = CONTENT_WIDTH - 4 - 0.75 - 20;
  const headline = frTypo(verdict.headline);
  // HOP'EN usage: each domain applied for has its own verdict, listed first.
  const reasons = [
    ...verdict.domains.flatMap((d) => [`${d.code} — ${d.title} : ${d.headline}.`, ...d.reasons]),
    ...verdict.reasons,
  ].map(frTypo);
  const blocking = verdict.blockingMissing.map((r) => ({ code: r.code, label: frTypo(r.label) }));
  const verdictHeight =
    1.5 +
    20 +
    10 +
    m.lines(headline, 11, inner, true) * 11 * 1.25 +
    4 +
    reasons.reduce((h, r) => h + tall(m, r, "body", inner - 10) + 2, 0) +
    (blocking.length
      ? 4 + TYPE.body.line + 2 + blocking.reduce((h, r) => h + tall(m, r.label, "body", inner - 36) + 1, 0)
      : 0);
  const blocks: Block[] = [
    heading("summary-title", "1. Synthèse", "h1", m),
    {
      key: "verdict",
      height: verdictHeight,
      node: (
        <View key="verdict" style={[s.box, { borderLeftWidth: 4, borderLeftColor: tone }]} wrap={false}>
          <Text style={{ fontSize: 11, lineHeight: 1.25, fontWeight: 700, color: tone, marginBottom: 4 }}>
            {headline}
          </Text>
          {reasons.map((reason, i) => (
            <View key={i} style={{ flexDirection: "row", marginBottom: 2 }}>
              <Text style={{ width: 10 }}>•</Text>
              <Text style={{ flex: 1 }}>{reason}</Text>
            </View>
          ))}
          {blocking.length > 0 ? (
            <View style={{ marginTop: 4 }}>
              <Text style={[s.bold, { marginBottom: 2 }]}>{label("Prérequis bloquants non atteints")}</Text>
              {blocking.map((r) => (
                <View key={r.code} style={{ flexDirection: "row", marginBottom: 1 }}>
                  <Text style={{ width: 36, fontWeight: 700, color: COLORS.red }}>{r.code}</Text>
                  <Text style={{ flex: 1 }}>{r.label}</Text>
                </View>
              ))}
            </View>
          ) : null}
        </View>
      ),
    },
    heading("scores-title", "Score par domaine", "h2", m),
    paragraph("scores-note", SCORE_NOTE, m, { small: true, muted: true, keepWithNext: true }),
  ];

  const columns: Column[] = [
    { title: "Domaine", flex: 1 },
    { title: "Score", width: 46, align: "right" },
    ...STATUS_ORDER.map((st): Column => ({
      title: STATUS_LABELS[st],
      width: 54,
      align: "right",
      color: STATUS_COLORS[st].fg,
    })),
  ];
  const widths = textWidths(columns);
  const countCells = (counts: DossierDomain["counts"], bold = false): Cell[] =>
    STATUS_ORDER.map((st) => ({
      content: formatInteger(counts[st]),
      height: TYPE.body.line,
      style: bold ? s.bold : undefined,
    }));
  const scoreRows = [
    ...payload.domains.map((d) => {
      const title = frTypo(d.title);
      return {
        key: d.code,
        cells: [
          {
            content: [
              <Text key="c" style={s.bold}>
                {d.code}
              </Text>,
              ` — ${title}`,
            ],
            height: tall(m, `${d.code} — ${title}`, "body", widths[0]!),
          },
          { content: formatScore(d.score), height: TYPE.body.line, style: s.bold },
          ...countCells(d.counts),
        ],
      };
    }),
    {
      key: "total",
      cells: [
        { content: "Ensemble", height: TYPE.body.line, style: s.bold },
        { content: formatScore(payload.overall), height: TYPE.body.line, style: s.bold },
        ...countCells(payload.counts, true),
      ],
    },
  ];
  const table = tableBlocks({ key: "scores", columns, rows: scoreRows, caption: "Score par domaine", m });
  const parts = [table.head, ...table.rows];
  blocks.push({
    key: "scores",
    height: parts.reduce((h, b) => h + b.height, 0) + 10,
    node: (
      <View key="scores" style={[s.table, { marginBottom: 10 }]} wrap={false}>
        {parts.map((b) => b.node)}
      </View>
    ),
  });

  if (payload.funding) blocks.push(fundingBlock(payload.funding, m, inner));

  blocks.push(heading("reading-title", "Lire ce dossier", "h2", m));
  const legend = [
    STATUS_LEGEND,
    `Fiabilité, sous le libellé de chaque exigence, en trois marques : « libellé » (la formulation), « code » (le code de l'exigence) et « cible » (ce qui compte comme atteint). H ${CONFIDENCE_LABELS.H} ; M ${CONFIDENCE_LABELS.M} ; L ${CONFIDENCE_LABELS.L}, signalée en orange.`,
    "« Provisoire » : une cible, une liste de pièces ou un caractère bloquant que Socle propose faute de source, avec sa raison. Un élément provisoire ne décide jamais seul du verdict : le verdict est alors « sous réserve » et nomme ces éléments.",
    "Pièces : références des pièces justificatives listées en annexe (A1, A2…), avec leur empreinte SHA-256.",
  ];
  legend.forEach((text, i) => blocks.push(paragraph(`legend-${i}`, text, m, { small: true, muted: true })));
  return blocks;
}

/** What the missing blocking prerequisites hold back, with the assumption and the rule in words. */
function fundingBlock(funding: DossierFunding, m: TextMetrics, inner: number): Block {
  if (funding.usage) return usageFundingBlock(funding.usage, m, inner);
  const held = Object.keys(funding.perRequirement ?? {}).length;
  const status = held
    ? `Ce montant reste bloqué tant que ${held === 1 ? "le prérequis bloquant manquant n'est pas atteint" : `les ${held} prérequis bloquants manquants ne sont pas atteints`} (détail par prérequis en partie 3).`
    : "Aucun prérequis bloquant ne manque : rien n'est retenu au titre des prérequis.";
  const lines = [
    frTypo(status),
    frTypo(`Hypothèse${funding.isExample ? " (exemple de démonstration)" : ""} : ${funding.assumption}`),
    ...(funding.rule ? [frTypo(funding.rule)] : []),
  ];
  const note = frTypo(
    "Ordre de grandeur établi à partir des hypothèses de la campagne (arrondi, fourchette si l'hypothèse en donne une) : ce n'est pas un engagement de financement.",
  );
  return {
    key: "funding",
    // the box and its title, lines 3 pt apart, then the note
    height:
      FUNDING_BOX_CHROME +
      lines.reduce((h, text, i) => h + (i ? 3 : 0) + tall(m, text, "body", inner), 0) +
      3 +
      tall(m, note, "small", inner),
    node: (
      <View key="funding" style={[s.box, { backgroundColor: COLORS.blueLight, borderColor: COLORS.blue }]} wrap={false}>
        <Text style={s.h3}>
          {label(held ? "Financement à débloquer" : "Financement en jeu")} {frTypo(formatRange(funding.amount))}
        </Text>
        {lines.map((text, i) => (
          <Text key={i} style={{ marginTop: i ? 3 : 0 }}>
            {text}
          </Text>
        ))}
        <Text style={[s.small, s.muted, { marginTop: 3 }]}>{note}</Text>
      </View>
    ),
  };
}

const USAGE_STATUS_WORDS: Record<DossierUsageFunding["domains"][number]["status"], string> = {
  eligible: "éligible",
  reserved: "sous réserve",
  not_eligible: "pas encore éligible",
};

/** HOP'EN usage is paid per domain: each domain applied for, its verdict and its own figure, then the total. */
function usageFundingBlock(usage: DossierUsageFunding, m: TextMetrics, inner: number): Block {
  const rows = usage.domains.map((d) =>
    frTypo(
      `${d.code} — ${d.title} (${USAGE_STATUS_WORDS[d.status]}) : ${
        d.amount
          ? `${formatRange(d.amount)} ${d.status === "eligible" ? "en jeu" : "à débloquer"}${d.isExample ? " (exemple)" : ""}`
          : "aucune hypothèse pour ce domaine"
      }`,
    ),
  );
  const total = frTypo(
    `Total des domaines choisis : ${formatRange(usage.total)}${usage.held.high > 0 ? `, dont ${formatRange(usage.held)} à débloquer` : ""}.`,
  );
  const assumptions = [
    ...usage.domains
      .filter((d) => d.assumption)
      .map((d) => frTypo(`Hypothèse${d.isExample ? " (exemple de démonstration)" : ""} — ${d.assumption}`)),
    ...(usage.unassigned
      ? [
          frTypo(
            `Montant sans domaine (${formatRange(usage.unassigned.amount)}) : ${usage.unassigned.assumption} Le financement d'usage est versé par domaine : ce montant n'est ni réparti ni compté dans le total.`,
          ),
        ]
      : []),
  ];
  const note = frTypo(
    "Chaque domaine est financé seul, quand son propre verdict est « éligible » (prérequis du socle compris). Ordre de grandeur établi à partir des hypothèses de la campagne (arrondi, fourchette si l'hypothèse en donne une, population et plafond qu'elle nomme) : ce n'est pas un engagement de financement.",
  );
  return {
    key: "funding",
    height:
      FUNDING_BOX_CHROME +
      rows.reduce((h, text) => h + 2 + tall(m, text, "body", inner), 0) +
      2 +
      tall(m, total, "body", inner, true) +
      assumptions.reduce((h, text) => h + 3 + tall(m, text, "small", inner), 0) +
      3 +
      tall(m, note, "small", inner),
    node: (
      <View key="funding" style={[s.box, { backgroundColor: COLORS.blueLight, borderColor: COLORS.blue }]} wrap={false}>
        <Text style={s.h3}>{frTypo("Financement en jeu par domaine d'usage")}</Text>
        {rows.map((text, i) => (
          <Text key={`d${i}`} style={{ marginTop: 2 }}>
            {text}
          </Text>
        ))}
        <Text style={[s.bold, { marginTop: 2 }]}>{total}</Text>
        {assumptions.map((text, i) => (
          <Text key={`h${i}`} style={[s.small, { marginTop: 3 }]}>
            {text}
          </Text>
        ))}
        <Text style={[s.small, s.muted, { marginTop: 3 }]}>{note}</Text>
      </View>
    ),
  };
}

// ─── 2. Requirements, one table per domain ──────────────────────────────────

/** A status as a tinted tag before the answer (one style object each: nothing to merge per row). */
const STATUS_TAGS = Object.fromEntries(
  Object.entries(STATUS_COLORS).map(([status, tone]) => [
    status,
    { ...s.status, color: tone.fg, backgroundColor: tone.bg },
  ]),
) as Record<keyof typeof STATUS_COLORS, Styles[string]>;

const DOMAIN_COLUMNS: Column[] = [
  { title: "Exigence, cible et fiabilité", flex: 1.2 },
  { title: "Statut, réponse de l'établissement et pièces", flex: 1 },
];

export function domainBlocks({ payload, m }: Ctx): Block[] {
  const widths = textWidths(DOMAIN_COLUMNS);
  const blocks: Block[] = [heading("domains-title", "2. Exigences par domaine", "h1", m)];
  payload.domains.forEach((domain, index) => {
    const title = `2.${index + 1} ${domain.code} — ${domain.title}`;
    blocks.push(heading(`domain-${domain.code}`, title, "h2", m));
    const parts = STATUS_ORDER.filter((st) => domain.counts[st] > 0).map(
      (st) => `${formatInteger(domain.counts[st])} ${STATUS_LABELS[st].toLowerCase()}`,
    );
    const summary = `${label("Score du domaine")} ${formatScore(domain.score)}${parts.length ? ` · ${parts.join(" · ")}` : ""}`;
    blocks.push({
      key: `domain-${domain.code}-summary`,
      keepWithNext: domain.requirements.length > 0,
      height: tall(m, summary, "body", CONTENT_WIDTH) + 8,
      node: (
        <Text key={`domain-${domain.code}-summary`} style={[s.muted, { marginBottom: 8 }]}>
          {label("Score du domaine")} <Text style={[s.bold, { color: COLORS.ink }]}>{formatScore(domain.score)}</Text>
          {parts.length ? ` · ${parts.join(" · ")}` : ""}
        </Text>
      ),
    });
    if (domain.requirements.length === 0) {
      blocks.push(
        paragraph(`domain-${domain.code}-empty`, "Aucune exigence de ce domaine ne s'applique à cette évaluation.", m, {
          muted: true,
        }),
      );
      return;
    }
    const rows = domain.requirements.map((r) => {
      const labelText = frTypo(r.label);
      // The code in bold, then the label; under it, one small line: the target, the wording's
      // reliability (a low one in orange) and the blocking tag. All spans of the cell's one Text.
      const target = r.target
        ? frTypo(`Cible : ${r.target}${r.provisional?.target ? " (provisoire)" : ""}`) + " · "
        : "";
      // The three marks, "libellé H · code L · cible L": an L in orange.
      const marks = MARKS.flatMap(([key, word], k): Piece[] => {
        const mark = r.marks[key];
        const text = `${k ? " · " : ""}${word} ${mark}`;
        return [{ text, style: mark === "L" ? s.lowConfidence : s.smallMuted, bold: mark === "L" }];
      });
      const blocking = r.blocking ? ` · PRÉREQUIS BLOQUANT${r.provisional?.blocking ? " (PROVISOIRE)" : ""}` : "";
      const notes = PROVISIONAL_NOTES.filter(([key]) => r.provisional?.[key]).map(([key, word]): Para => ({
        type: "small",
        spans: [{ text: frTypo(`${word} : ${r.provisional![key]}`), style: s.toConfirm }],
      }));
      const evidence = r.evidence.length
        ? ` · ${r.evidence.length > 1 ? "pièces" : "pièce"} ${r.evidence.map((e) => e.annex).join(", ")}`
        : "";
      const cells: Cell[] = [
        cell(m, widths[0]!, [
          { type: "body", spans: [{ text: r.code, style: s.code, bold: true }, { text: ` ${labelText}` }] },
          {
            type: "small",
            spans: [
              { text: `${target}fiab. `, style: s.smallMuted },
              ...marks,
              blocking && { text: blocking, style: s.tag, type: "tag", bold: true },
            ],
          },
          ...notes,
        ]),
        // The status, the answer and the evidence it rests on by annex reference, its comment, and
        // "to confirm" when carried over from last year.
        cell(m, widths[1]!, [
          {
            type: "body",
            spans: [
              { text: `\u00a0${STATUS_LABELS[r.status]}\u00a0`, style: STATUS_TAGS[r.status], bold: true },
              { text: ` ${frTypo(clip(r.answerText || "—", 900))}${evidence}` },
            ],
          },
          r.comment && { type: "small", spans: [{ text: frTypo(clip(r.comment, 1200)), style: s.smallMuted }] },
          r.needsConfirmation && {
            type: "small",
            spans: [{ text: "Reprise de l'an passé, à confirmer", style: s.toConfirm }],
          },
        ]),
      ];
      return { key: r.code, cells };
    });
    const table = tableBlocks({ key: `domain-${domain.code}`, columns: DOMAIN_COLUMNS, rows, caption: title, m });
    blocks.push(table.head, ...table.rows, table.after);
  });
  return blocks;
}

// ─── 3. Gaps and action plan ────────────────────────────────────────────────

export function gapBlocks({ payload, m }: Ctx): Block[] {
  const perRequirement = payload.funding?.perRequirement;
  const { gaps, actions } = payload;
  const blocks: Block[] = [
    heading("gaps-title", actions.length ? "3. Écarts et plan d'actions" : "3. Écarts", "h1", m),
  ];
  if (gaps.length === 0) {
    blocks.push(paragraph("gaps-none", "Aucun écart : toutes les exigences applicables sont atteintes.", m));
  } else {
    blocks.push(tableIntro("gaps-intro", GAPS_INTRO, m));
    const columns: Column[] = [
      { title: "Exigence", flex: 1.1 },
      { title: "Nature de l'écart et action recommandée", flex: 1 },
    ];
    const widths = textWidths(columns);
    const rows = gaps.map((g) => {
      const labelText = frTypo(g.label);
      const kind = GAP_KIND_LABELS[g.kind];
      const effort = g.effort ? ` Effort ${EFFORT_LABELS[g.effort].toLowerCase()}.` : "";
      const amount = perRequirement?.[g.code];
      const cells: Cell[] = [
        cell(m, widths[0]!, [
          { type: "body", spans: [{ text: g.code, style: s.code, bold: true }, { text: ` ${labelText}` }] },
          g.blocking && { type: "tag", spans: [{ text: "PRÉREQUIS BLOQUANT", style: s.tag, bold: true }] },
        ]),
        cell(m, widths[1]!, [
          {
            type: "body",
            spans: [
              { text: kind, style: g.kind === "missing" ? s.missing : s.toInvestigate, bold: true },
              { text: ` — ${frTypo(g.recommendedAction)}${effort}` },
              amount !== undefined && { text: frTypo(` En jeu : ${formatRange(amount)}.`), style: s.bold, bold: true },
            ],
          },
        ]),
      ];
      return { key: g.code, cells };
    });
    const table = tableBlocks({ key: "gaps", columns, rows, caption: "Écarts", m });
    blocks.push(table.head, ...table.rows, table.after);
  }
  if (actions.length > 0) {
    blocks.push(heading("actions-title", "Plan d'actions", "h2", m, 6));
    const columns: Column[] = [
      { title: "Exigence et action", flex: 1 },
      { title: "Responsable", width: 120 },
      { title: "Échéance et statut", width: 110 },
    ];
    const widths = textWidths(columns);
    const rows = actions.map((a, i) => ({
      key: String(i),
      cells: [
        cell(m, widths[0]!, [
          {
            type: "body",
            spans: [
              a.requirementCode && { text: `${a.requirementCode} `, style: s.code, bold: true },
              { text: frTypo(a.title) },
            ],
          },
        ]),
        textCell(m, a.owner ? frTypo(a.owner) : "—", widths[1]!),
        textCell(m, `${formatShortDate(a.dueOn)} · ${ACTION_STATUS_LABELS[a.status]}`, widths[2]!),
      ],
    }));
    const table = tableBlocks({ key: "actions", columns, rows, caption: "Plan d'actions", m });
    blocks.push(table.head, ...table.rows, table.after);
  }
  return blocks;
}

// ─── Annex: the evidence files ──────────────────────────────────────────────

export function annexBlocks({ payload, m }: Ctx): Block[] {
  const blocks: Block[] = [heading("annex-title", "Annexe — Pièces justificatives", "h1", m)];
  if (payload.annexes.length === 0) {
    blocks.push(paragraph("annex-none", "Aucune pièce justificative n'est liée à cette évaluation.", m));
    return blocks;
  }
  blocks.push(tableIntro("annex-intro", ANNEX_INTRO, m));
  const columns: Column[] = [
    { title: "Réf.", width: 34 },
    { title: "Fichier, type, taille, date de dépôt, exigences et empreinte SHA-256", flex: 1 },
  ];
  const widths = textWidths(columns);
  const rows = payload.annexes.map((a) => {
    const meta = frTypo(
      `${mimeLabel(a.mimeType)} · ${formatFileSize(a.size)} · déposé le ${formatShortDate(a.uploadedAt)} · ${a.requirementCodes.length > 1 ? "exigences" : "exigence"} ${a.requirementCodes.join(", ")}`,
    );
    const sha = `${label("SHA-256")} ${a.sha256}`;
    return {
      key: a.ref,
      cells: [
        {
          content: a.ref,
          height: TYPE.h3.line,
          style: { fontWeight: 700, fontSize: TYPE.h3.size, lineHeight: 1.25, color: COLORS.blue },
        },
        cell(m, widths[1]!, [
          { type: "body", spans: [{ text: a.fileName, style: s.bold, bold: true }] },
          { type: "small", spans: [{ text: meta, style: s.smallMuted }] },
          { type: "small", spans: [{ text: sha, style: s.small }] },
        ]),
      ],
    };
  });
  const table = tableBlocks({ key: "annex", columns, rows, caption: "Pièces justificatives", m });
  blocks.push(table.head, ...table.rows, table.after);
  return blocks;
}
