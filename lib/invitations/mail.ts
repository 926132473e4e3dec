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
  return sendMail(p.to, "Votre invitation à Socle", invitationMailText(p), "invitation");
}

/** The password-reset mail: same link mechanism as an invitation (single use, time-limited). */
export function passwordResetMailText(p: { name: string; sender: string; link: string; expiresAt: Date }): string {
  return [
    `Bonjour ${p.name},`,
    "",
    `${p.sender}, administrateur de Socle, vous envoie un lien pour choisir un nouveau mot de passe.`,
    "",
    "Ouvrez ce lien et choisissez votre nouveau mot de passe :",
    p.link,
    "",
    `Ce lien ne sert qu'une fois et expire le ${DATE.format(p.expiresAt)}. Votre mot de passe actuel reste valable tant que vous ne l'avez pas remplacé.`,
    "Si vous n'avez rien demandé, ignorez ce message et prévenez l'administrateur de votre établissement.",
  ].join("\n");
}

export async function mailPasswordReset(p: {
  to: string;
  name: string;
  sender: string;
  link: string;
  expiresAt: Date;
}): Promise<MailOutcome> {
  return sendMail(p.to, "Choisir un nouveau mot de passe Socle", passwordResetMailText(p), "password reset");
}

/** The sign-in code mail: the code alone, its validity, and what to do if it was not asked for. */
export function signInCodeMailText(p: { name: string; code: string; expiresAt: Date }): string {
  return [
    `Bonjour ${p.name},`,
    "",
    `Votre code de connexion à Socle : ${p.code}`,
    "",
    `Il ne sert qu'une fois et expire le ${DATE.format(p.expiresAt)}.`,
    "Si vous n'êtes pas en train de vous connecter, quelqu'un connaît votre mot de passe : changez-le et prévenez votre direction.",
  ].join("\n");
}

export async function mailSignInCode(p: {
  to: string;
  name: string;
  code: string;
  expiresAt: Date;
}): Promise<MailOutcome> {
  return sendMail(p.to, "Votre code de connexion à Socle", signInCodeMailText(p), "sign-in code");
}

async function sendMail(to: string, subject: string, text: string, label: string): Promise<MailOutcome> {
  if (!env.smtpUrl) return "off";
  try {
    const transport = nodemailer.createTransport(env.smtpUrl);
    await transport.sendMail({ from: env.smtpFrom, to, subject, text });
    return "sent";
  } catch (error) {
    console.error(`[socle] ${label} mail failed`, (error as Error).message);
    return "failed";
  }
}
