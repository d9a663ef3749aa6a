import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import type { ConnectionInfo } from '../dispatch/in-process/socket.js';

/** The request getters Express 4 and 5 resolve through the app's `trust proxy` setting. */
type ResolvedRequest = IncomingMessage & { readonly ip?: unknown; readonly protocol?: unknown };

/**
 * What inner requests see of the outer connection: the client's address and protocol exactly as
 * the host app resolved them for the outer request (`req.ip`, `req.protocol`, which honour
 * `trust proxy` and the outer `X-Forwarded-*`), so per-client rate limits and `req.secure` behave
 * as for the same request sent alone. The forwarded headers themselves never reach inner requests.
 */
export function expressConnection(req: IncomingMessage): ConnectionInfo {
  const socket = req.socket;
  const resolved = req as ResolvedRequest;
  const ip = typeof resolved.ip === 'string' && resolved.ip !== '' ? resolved.ip : socket.remoteAddress;
  const encrypted = (socket as { encrypted?: boolean }).encrypted === true;
  const family = ip === socket.remoteAddress ? socket.remoteFamily : isIP(ip ?? '') === 6 ? 'IPv6' : 'IPv4';
  return {
    remoteAddress: ip,
    remotePort: socket.remotePort,
    remoteFamily: family,
    localAddress: socket.localAddress,
    localPort: socket.localPort,
    encrypted: typeof resolved.protocol === 'string' ? resolved.protocol === 'https' : encrypted,
  };
}
