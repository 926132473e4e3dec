import { Page, Text, View } from "./primitives";
import type { ReactNode } from "react";
import { label } from "../format";
import type { DossierPayload, DossierSeal } from "../types";
import { s } from "./theme";

export type PageProps = Readonly<{ payload: DossierPayload; seal: DossierSeal }>;

/** Where a reader checks a dossier: the QR target without the code, for the footer. */
export function verifyBase(seal: DossierSeal): string {
  return seal.verifyUrl.replace(/\/verifier\/.*$/, "/verifier").replace(/^https?:\/\//, "");
}

/**
 * One A4 page (or a run of pages when the content wraps) with the fixed header, the footer
 * "page X / Y" and the verification code, and on a draft the diagonal watermark, drawn last so
 * that table backgrounds do not hide it.
 */
export function DossierPage({
  payload,
  seal,
  children,
  bookmark,
  pageLabel,
}: PageProps &
  Readonly<{
    children: ReactNode;
    bookmark?: string;
    /** "page 3 / 12" when the pages were cut beforehand; else react-pdf counts. */ pageLabel?: string;
  }>) {
  const { establishment, programme, campaign } = payload;
  // A page cut beforehand (pageLabel set) holds exactly one page of content: wrap={false} skips
  // react-pdf's pagination, which otherwise lays each page out a second time to split it.
  // render.ts checks from the layout that the content fitted (see overflowingPages).
  return (
    <Page size="A4" style={s.page} bookmark={bookmark} wrap={pageLabel === undefined}>
      {payload.isDemo ? (
        <Text style={s.demoMark} fixed>
          {"DÉMONSTRATION — établissement, personnes et données fictifs, sans valeur auprès de l’ARS"}
        </Text>
      ) : null}
      <Text style={s.header} fixed>{`${establishment.name} · FINESS ${establishment.finess}`}</Text>
      <Text style={s.headerRight} fixed>
        {campaign.name.includes(programme.label) ? campaign.name : `${programme.label} · ${campaign.name}`}
      </Text>
      <View style={pageLabel === undefined ? s.body : [s.body, s.bodyFullPage]}>{children}</View>
      <Text style={s.footer} fixed>
        {seal.code
          ? `${label("Code de vérification")} ${seal.code} · vérifiable sur ${verifyBase(seal)}`
          : `${label("Code de vérification")} BROUILLON · document non soumis, non vérifiable`}
      </Text>
      {pageLabel ? (
        <Text style={s.footerRight} fixed>
          {pageLabel}
        </Text>
      ) : (
        <Text
          style={s.footerRight}
          fixed
          render={({ pageNumber, totalPages }) => `page ${pageNumber} / ${totalPages}`}
        />
      )}
      {payload.isDraft ? (
        <Text style={s.watermark} fixed>
          BROUILLON — non soumis
        </Text>
      ) : null}
    </Page>
  );
}
