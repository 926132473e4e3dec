import { z } from "zod";
import { ZChoice, ZKey, ZText } from "./field-schemas";

// Options the establishment chooses once per assessment, before answering: which HOP'EN usage
// domains it applies for, which HospiConnect year it targets. Stored in Assessment.options by key.

const ZMultiChoiceOption = z
  .object({
    type: z.literal("multi_choice"),
    key: ZKey,
    label: ZText,
    help: ZText.optional(),
    choices: z.array(ZChoice).min(1, "Une option demande au moins un choix."),
    minSelected: z.number().int().min(0).default(1),
  })
  .strict();

const ZSingleChoiceOption = z
  .object({
    type: z.literal("single_choice"),
    key: ZKey,
    label: ZText,
    help: ZText.optional(),
    choices: z.array(ZChoice).min(1, "Une option demande au moins un choix."),
  })
  .strict();

export const ZAssessmentOption = z.discriminatedUnion("type", [ZMultiChoiceOption, ZSingleChoiceOption]);

export type TAssessmentOption = z.output<typeof ZAssessmentOption>;
