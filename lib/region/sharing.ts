import "server-only";
import type { RegionSharing } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/core/db";
import { getAssessmentOrThrow } from "@/lib/assessments/access";
import { detailRows } from "./aggregates";
import { categoryLabel } from "./campaign-view";
import { heatmapRowView, memberRowView } from "./member-views";
import { loadMembers } from "./members";
import { freezeMissingResults } from "./results";
import { loadSettings } from "./settings-query";

// The director's preview of what the region will see, level by level. It goes through the same
// member facts (lib/region/members.ts) and the same view builders (member-views.ts) as the
// delegate's page, with the sharing level forced to the one previewed; components/region draws both.

export async function getSharingPreview(db: Db, actor: Actor, establishmentId: string, assessmentId: string) {
  const assessment = await getAssessmentOrThrow(db, actor, assessmentId, "assessment.manage", establishmentId);
  await freezeMissingResults(db, [assessment.campaignId]);
  const settings = await loadSettings(db);
  const content = assessment.referential;
  const domains = content.domains.filter((d) => content.requirements.some((r) => r.domain === d.code));
  const requirements = content.requirements.map((r) => ({ code: r.code, label: r.label, domain: r.domain }));
  const levels: RegionSharing[] = ["participation", "detail"];
  const previews = await Promise.all(
    levels.map(async (level) => {
      const [fact] = await loadMembers(
        db,
        actor,
        "comparison.peers",
        assessment.campaignId,
        { establishmentIds: [establishmentId] },
        settings,
        level,
      );
      if (!fact) return { level, row: null, heat: null };
      const detail = await detailRows(db, fact.detailId ? [fact.detailId] : []);
      return {
        level,
        row: memberRowView(
          fact,
          domains.map((d) => d.code),
          detail,
          categoryLabel,
        ),
        heat: heatmapRowView(
          fact,
          requirements.map((r) => r.code),
          detail,
          false,
        ),
      };
    }),
  );
  return {
    assessment: {
      id: assessment.id,
      status: assessment.status,
      sharing: assessment.sharing,
      campaignName: assessment.campaign.name,
      establishmentName: assessment.establishment.name,
    },
    domains: domains.map((d) => ({ code: d.code, title: d.title })),
    requirements,
    previews,
  };
}

export type SharingPreview = Awaited<ReturnType<typeof getSharingPreview>>;
