import http from "node:http";

// Route handlers never see the socket: Next hands them a web Request. Next copies the socket
// address into X-Forwarded-For only when the client sent none, so that header alone cannot tell a
// client's own claim from the address it connects from. This stamps the connecting address on every
// request under a header of our own, overwriting whatever the client sent, before Next reads it.
// Installed once per server process by instrumentation.ts (next start and the standalone server alike).

export const PEER_HEADER = "x-socle-peer";

const INSTALLED = Symbol.for("socle.peerAddress");

export function stampPeerAddress(): void {
  const proto = http.Server.prototype as http.Server & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: [unknown, ...unknown[]]) {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      request.headers[PEER_HEADER] = request.socket?.remoteAddress ?? "";
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof proto.emit;
}
