import { pino } from 'pino';
import { BATCH_PATH, createReferenceApp } from './app.js';
import { parseCliArgs } from './cli-options.js';
import { INSPECTOR_PATH, SHUTDOWN_EVENT } from './inspector-mount.js';
import { DEFAULT_SHUTDOWN_GRACE_MS, listeningLine, type RunningServer, startServer } from './lifecycle.js';
import { connectRedisStore } from './redis-store.js';

/** Exit code when the server cannot start (port taken, host unknown). */
export const START_FAILURE_EXIT_CODE = 1;

function describeListenError(error: unknown, host: string, port: number): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'EADDRINUSE')
    return `port ${port} on ${host} is already in use (try --port 0 for any free port)`;
  if (code === 'EACCES') return `not allowed to listen on ${host}:${port}`;
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return `cannot listen on host ${host}`;
  return error instanceof Error ? error.message : String(error);
}

function onShutdownSignal(
  running: RunningServer,
  logger: pino.Logger,
  release: () => Promise<void>,
  beforeShutdown: () => void,
): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    beforeShutdown();
    logger.info({ signal }, 'shutting down: no new connections, letting running batches finish');
    void running
      .shutdown(DEFAULT_SHUTDOWN_GRACE_MS)
      .then(release)
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** Runs the CLI: parses flags, starts the server, prints one line once listening, stops on signals. */
export async function main(args: readonly string[]): Promise<void> {
  const parsed = parseCliArgs(args);
  if (parsed.kind === 'exit') {
    process.stdout.write(parsed.stdout);
    process.stderr.write(parsed.stderr);
    process.exit(parsed.code);
  }
  const { options } = parsed;
  const logger = pino({ level: options.logLevel }, pino.destination({ dest: 2, sync: true }));
  const shared = options.redis && connectRedisStore(options.redis.url, options.redis.leaseMs, logger);
  const app = createReferenceApp({
    limits: options.limits,
    fixtures: options.fixtures,
    paths: options.paths,
    ...(options.servicePath === undefined ? {} : { servicePath: options.servicePath }),
    inspector: options.inspector,
    logger,
    ...(options.upstream === undefined ? {} : { upstream: options.upstream }),
    ...(options.cors === undefined ? {} : { cors: options.cors }),
    ...(shared ? { batch: { idempotency: { store: shared.store } } } : {}),
  });
  let running: RunningServer;
  try {
    running = await startServer(app, options.host, options.port);
  } catch (error) {
    process.stderr.write(`batchwire-server: ${describeListenError(error, options.host, options.port)}\n`);
    process.exit(START_FAILURE_EXIT_CODE);
  }
  onShutdownSignal(
    running,
    logger,
    async () => shared?.close(),
    () => app.emit(SHUTDOWN_EVENT),
  );
  process.stdout.write(
    `${listeningLine(running.origin, options.paths[0] ?? BATCH_PATH, options.inspector ? INSPECTOR_PATH : undefined)}\n`,
  );
  if (options.upstream !== undefined) logger.info({ upstream: options.upstream }, 'gateway mode');
}
