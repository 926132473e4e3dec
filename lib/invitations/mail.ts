import "server-only";
import nodemailer from "nodemailer";
import { env } from "@/lib/core/env";

export type MailOutcome = "sent" | "failed" | "off";

const DATE = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });

/** The invitation mail, plain text: it must read the same in every client and carry nothing but the link. */
export function invitationMailText(p: { name: string; inviter: string; link: string; expiresAt: Date }): string {
  return [
    `Bonjour ${p.name},`,
    "",
    `${p.inviter} vous invite à rejoindre Socle, l'outil de preuve des prérequis du numérique en santé.`,
    "",
    "Pour activer votre compte, ouvrez ce lien et choisissez un mot de passe ou liez votre identité ProConnect / Pro Santé Connect :",
    p.link,
    "",
    `Ce lien ne sert qu'une fois et expire le ${DATE.format(p.expiresAt)}.`,
    "Si vous n'attendiez pas cette invitation, ignorez ce message : aucun compte ne sera activé.",
  ].join("\n");
}

/**
 * Sends the invitation when SMTP_URL is set. A failure is reported, never thrown: the invitation
 * exists and its link is shown to the sender, who can pass it on another way.
 */
export async function mailInvitation(p: {
  to: string;
  name: string;
  inviter: string;
  link: string;
  expiresAt: Date;
}): Promise<MailOutcome> {
  if (!env.smtpUrl) return "off";
  try {
    const transport = nodemailer.createTransport(env.smtpUrl);
    await transport.sendMail({
      from: env.smtpFrom,
      to: p.to,
      subject: "Votre invitation à Socle",
      text: invitationMailText(p),
    });
    return "sent";
  } catch (error) {
    console.error("[socle] invitation mail failed", (error as Error).message);
    return "failed";
  }
}
