import type { Express } from 'express';
import type { ChildConfig } from '../ipc.js';
import { upstreamApp } from './express5-app.js';
import { listenHttp2 } from './http2-server.js';
import { listenOnLoopback } from './listen.js';
import { batchRequestApp, expressBatchApp, multifetchApp } from './peer-servers.js';

/** Starts the server a child runs for its kind; resolves with the port and a close function. */
export async function startServer(config: ChildConfig): Promise<{ port: number; close: () => void }> {
  // Loaded only by the host processes, so no other process loads Fastify or Hono.
  if (config.kind === 'batchwire-express4' || config.kind === 'fastify' || config.kind === 'hono') {
    const { startHostServer } = await import('./host-servers.js');
    return startHostServer(config)!;
  }
  if (config.kind === 'http2') {
    const { server, port } = await listenHttp2();
    return { port, close: () => server.close() };
  }
  const { server, port } = await listenOnLoopback(await appFor(config));
  return { port, close: () => server.close() };
}

async function appFor(config: ChildConfig): Promise<Express> {
  switch (config.kind) {
    case 'upstream':
      return upstreamApp();
    case 'express-batch':
      return expressBatchApp();
    case 'batch-request':
      return batchRequestApp();
    case 'multifetch':
      return multifetchApp();
    default: {
      // Loaded only by the Batchwire processes, so the peers' processes never load @batchwire/server.
      const { batchwireAppFor } = await import('./batchwire-servers.js');
      return batchwireAppFor(config);
    }
  }
}
