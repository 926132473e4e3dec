// Started by playwright.config.ts beside the app: a real SMTP server the app mails invitations to
// (SMTP_URL), and a small HTTP endpoint where specs read what arrived.
import http from "node:http";
import { decodeBody, startSmtpSink } from "../../test/mail/smtp-sink";

const smtpPort = Number(process.env.SMTP_PORT);
const mailboxPort = Number(process.env.MAILBOX_PORT);

void startSmtpSink(smtpPort).then((sink) =>
  http
    .createServer((req, res) => {
      const to = new URL(req.url ?? "/", "http://x").searchParams.get("to");
      const mails = sink.received
        .filter((m) => !to || m.to.includes(to))
        .map((m) => ({ to: m.to, from: m.from, text: decodeBody(m.raw), raw: m.raw }));
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(mails));
    })
    .listen(mailboxPort, "127.0.0.1", () => console.log(`mail sink: smtp ${smtpPort}, mailbox ${mailboxPort}`)),
);
