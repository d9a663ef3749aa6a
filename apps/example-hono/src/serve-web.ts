// Serves the example on a Web-standard runtime (Bun or Deno), on 127.0.0.1 port 0, and prints
// the batch endpoint's URL: `bun dist/serve-web.js`, `deno run -A dist/serve-web.js`.
import { createApp } from './app.js';

interface WebServer {
  readonly port?: number;
  readonly addr?: { readonly port: number };
}
interface Runtimes {
  readonly Bun?: { serve(options: { port: number; hostname: string; fetch: unknown }): WebServer };
  readonly Deno?: {
    serve(options: { port: number; hostname: string; onListen?: () => void }, fetch: unknown): WebServer;
  };
}

const limits = { batchTimeoutMs: 2500, requestTimeoutMs: 2000 };
const app = createApp({ limits });
const runtimes = globalThis as Runtimes;
const server = runtimes.Bun
  ? runtimes.Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: app.fetch })
  : runtimes.Deno?.serve({ port: 0, hostname: '127.0.0.1', onListen: () => undefined }, app.fetch);
const port = server?.port ?? server?.addr?.port;
if (port === undefined) throw new Error('serve-web runs on Bun or Deno');
console.log(`listening on http://127.0.0.1:${port}/batch`);
