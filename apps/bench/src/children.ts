import { type ChildProcess, fork } from 'node:child_process';
import type { ChildConfig, ChildMessage, WindowReport } from './ipc.js';
import { CHILD_SCRIPT } from './paths.js';

/** How long a child may take to start listening, to answer a window message, or to exit. */
const READY_TIMEOUT_MS = 30_000;
const MESSAGE_TIMEOUT_MS = 10_000;
const EXIT_TIMEOUT_MS = 10_000;

/** A contender's server process, started and measured from the parent. */
export interface ServerProcess {
  readonly kind: ChildConfig['kind'];
  readonly port: number;
  readonly url: string;
  readonly pid: number;
  /** Starts a measurement window inside the server (CPU baseline, RSS sampling). */
  windowStart(): Promise<void>;
  /** Ends the window and returns what the server measured. */
  windowStop(): Promise<WindowReport>;
  /** Asks the process to exit (writing any --cpu-prof profile); kills it if it does not. */
  stop(): Promise<void>;
}

const live = new Set<ChildProcess>();

/** Kills every child still running: called on exit, on signals and on failure. */
export function killAllChildren(): void {
  for (const child of live) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  live.clear();
}

let hooksInstalled = false;
function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', killAllChildren);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      killAllChildren();
      process.exit(130);
    });
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Waits for the first message from a child that satisfies `match`, or its exit. */
function nextMessage<T extends ChildMessage>(
  child: ChildProcess,
  match: (message: ChildMessage) => message is T,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ChildMessage) => {
      if (message.type === 'failed') {
        cleanup();
        reject(new Error(`server process failed: ${message.message}`));
      } else if (match(message)) {
        cleanup();
        resolve(message);
      }
    };
    const onExit = (code: number | null, signal: string | null) => {
      cleanup();
      reject(new Error(`server process exited (code ${code}, signal ${signal})`));
    };
    const cleanup = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** Forks a server process of the given kind and resolves once it listens on loopback. */
export async function startServerProcess(
  config: ChildConfig,
  options: { readonly cpuProfileDir?: string } = {},
): Promise<ServerProcess> {
  installExitHooks();
  // The peers use APIs Node deprecates; their warnings would only clutter the table.
  const execArgv = ['--no-deprecation'];
  if (options.cpuProfileDir) execArgv.push('--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`);
  const child = fork(CHILD_SCRIPT, [JSON.stringify(config)], {
    execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  live.add(child);
  child.once('exit', () => live.delete(child));
  let seq = 0;
  try {
    const ready = await withTimeout(
      nextMessage(child, (m): m is Extract<ChildMessage, { type: 'ready' }> => m.type === 'ready'),
      READY_TIMEOUT_MS,
      `${config.kind} server start`,
    );
    const url = `http://127.0.0.1:${ready.port}`;
    return {
      kind: config.kind,
      port: ready.port,
      url,
      pid: child.pid ?? -1,
      async windowStart() {
        const mine = ++seq;
        const answer = nextMessage(
          child,
          (m): m is Extract<ChildMessage, { type: 'window-started' }> =>
            m.type === 'window-started' && m.seq === mine,
        );
        child.send({ type: 'window-start', seq: mine });
        await withTimeout(answer, MESSAGE_TIMEOUT_MS, `${config.kind} window-start`);
      },
      async windowStop() {
        const mine = ++seq;
        const answer = nextMessage(
          child,
          (m): m is Extract<ChildMessage, { type: 'window' }> => m.type === 'window' && m.seq === mine,
        );
        child.send({ type: 'window-stop', seq: mine });
        const { cpuUs, peakRssBytes, lifetimeMaxRssBytes } = await withTimeout(
          answer,
          MESSAGE_TIMEOUT_MS,
          `${config.kind} window-stop`,
        );
        return { cpuUs, peakRssBytes, lifetimeMaxRssBytes };
      },
      async stop() {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        if (child.connected) child.send({ type: 'shutdown' });
        else child.kill('SIGKILL');
        await withTimeout(exited, EXIT_TIMEOUT_MS, `${config.kind} exit`).catch(() => {
          child.kill('SIGKILL');
        });
      },
    };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}
