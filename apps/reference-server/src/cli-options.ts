import { createRequire } from 'node:module';
import { type BatchLimits, DEFAULT_LIMITS, MIN_MAX_REQUESTS } from '@batchwire/schema';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { CorsOrigins } from './http/cors.js';

/** Log levels the CLI accepts (pino's). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** One of the accepted log levels. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** What the command line asked for. */
export interface CliOptions {
  readonly port: number;
  readonly host: string;
  readonly upstream?: string;
  readonly limits: Partial<BatchLimits>;
  readonly fixtures: boolean;
  /** Paths the batch endpoint is served at (`--path`, repeatable; default `/batch`). */
  readonly paths: readonly string[];
  /** Path prefix inner urls resolve under (`--service-path`); absent = the root. */
  readonly servicePath?: string;
  readonly logLevel: LogLevel;
  /** Whether the batch inspector is served at `/_batchwire/` (on unless `--no-inspector`). */
  readonly inspector: boolean;
  /** Origins granted cross-origin access to the batch endpoint; absent = none. */
  readonly cors?: CorsOrigins;
  /** A shared idempotency store on this Redis (`redis://` or `rediss://` url); absent = in memory. */
  readonly redis?: { readonly url: string; readonly leaseMs: number };
}

/** The outcome of parsing the command line: options to run with, or an exit code and text to print. */
export type CliParse =
  | { readonly kind: 'run'; readonly options: CliOptions }
  | { readonly kind: 'exit'; readonly code: number; readonly stdout: string; readonly stderr: string };

/** Exit code for invalid flags (as for most Unix tools). */
export const USAGE_EXIT_CODE = 2;

function integer(min: number, max: number): (value: string) => number {
  return (value) => {
    if (!/^[0-9]+$/.test(value)) throw new InvalidArgumentError(`expected an integer from ${min} to ${max}.`);
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`expected an integer from ${min} to ${max}.`);
    }
    return n;
  };
}

/** Accepts an http(s) origin only (no path, query, fragment or credentials); returns it normalised. */
export function parseUpstream(value: string): string {
  return parseOrigin(value, 'the upstream');
}

/** Accepts `*` or a comma-separated list of http(s) origins (browsers send them without a path). */
export function parseCorsOrigins(value: string): CorsOrigins {
  if (value.trim() === '*') return '*';
  const origins = value.split(',').map((part) => part.trim());
  if (origins.some((origin) => origin === '')) {
    throw new InvalidArgumentError(
      'expected * or origins separated by commas, such as http://127.0.0.1:5173.',
    );
  }
  return origins.map((origin) => {
    // Browsers compare the Origin header byte for byte, so a trailing slash would never match.
    if (origin.endsWith('/')) throw new InvalidArgumentError(`${origin}: an origin has no trailing slash.`);
    return parseOrigin(origin, 'a CORS origin');
  });
}

function parseOrigin(value: string, what: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError('expected an origin such as http://127.0.0.1:8080.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidArgumentError(`${what} must use http: or https:.`);
  }
  if (
    url.username !== '' ||
    url.password !== '' ||
    url.pathname !== '/' ||
    url.search !== '' ||
    url.hash !== ''
  ) {
    throw new InvalidArgumentError(
      'expected an origin only (scheme, host and port), without path, query or credentials.',
    );
  }
  return url.origin;
}

const MAX_MS = 24 * 60 * 60 * 1000;
const MAX_BYTES = 1024 * 1024 * 1024;

/** The reference server's version (its package.json, read at startup: src and dist sit side by side). */
export const VERSION = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

/** Accepts a `redis://` or `rediss://` url (credentials allowed: Redis AUTH). */
export function parseRedisUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError('expected a url such as redis://127.0.0.1:6379.');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:')
    throw new InvalidArgumentError('the Redis url must use redis: or rediss:.');
  return value;
}

// Plain segments only: Express route syntax (":", "*", "(", "?", "+", "{") would change what matches.
const MOUNT_PATH = /^(\/[A-Za-z0-9\-._~$]+)+$/;

/** Accepts a mount path such as `/v1.0/$batch` (no trailing slash, no route syntax). */
export function parseMountPath(value: string): string {
  const path = value.replace(/\/+$/, '');
  if (!MOUNT_PATH.test(path)) {
    throw new InvalidArgumentError(
      'expected a path of plain segments such as /batch or /v1.0/$batch (letters, digits, - . _ ~ $).',
    );
  }
  return path;
}

function collectPaths(value: string, previous: string[]): string[] {
  return [...previous, parseMountPath(value)];
}

function program(): Command {
  return new Command()
    .name('batchwire-server')
    .description('The Batchwire reference server: demo blogs API, conformance fixtures and POST /batch.')
    .option('--port <n>', 'port to listen on (0 = any free port)', integer(0, 65_535), 3000)
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--upstream <origin>', 'gateway mode: forward inner requests to this origin', parseUpstream)
    .option(
      '--path <path>',
      'serve the batch endpoint at this path (repeatable, e.g. --path /$batch --path /v1.0/$batch; default /batch)',
      collectPaths,
      [],
    )
    .option(
      '--service-path <path>',
      'resolve inner urls under this path prefix, where the demo API and fixtures are mounted (e.g. /v1.0)',
      parseMountPath,
    )
    .option(
      '--max-requests <n>',
      `most inner requests per batch (at least ${MIN_MAX_REQUESTS}; default: ${DEFAULT_LIMITS.maxRequests})`,
      integer(MIN_MAX_REQUESTS, 1_000_000),
    )
    .option(
      '--max-concurrency <n>',
      `most inner requests running at once per batch (default: ${DEFAULT_LIMITS.maxConcurrency})`,
      integer(1, 10_000),
    )
    .option(
      '--request-timeout <ms>',
      `time one inner request may take before it answers 504 (default: ${DEFAULT_LIMITS.requestTimeoutMs})`,
      integer(1, MAX_MS),
    )
    .option(
      '--batch-timeout <ms>',
      `time a whole batch may take (default: ${DEFAULT_LIMITS.batchTimeoutMs})`,
      integer(1, MAX_MS),
    )
    .option(
      '--max-item-response-bytes <n>',
      `most bytes of one inner response body relayed; more answers 502 (default: ${DEFAULT_LIMITS.maxItemResponseBytes})`,
      integer(1, MAX_BYTES),
    )
    .option(
      '--max-response-bytes <n>',
      `most bytes of the consolidated answer; entries past it answer 502 (default: ${DEFAULT_LIMITS.maxResponseBytes})`,
      integer(1, MAX_BYTES),
    )
    .option('--no-fixtures', 'do not mount the conformance fixtures at /_conformance')
    .option(
      '--no-inspector',
      'do not serve the batch inspector (journal, timeline, playground) at /_batchwire/',
    )
    .option(
      '--cors <origins>',
      'grant these browser origins (comma-separated, or * for any) cross-origin access to /batch (default: none)',
      parseCorsOrigins,
    )
    .option(
      '--redis <url>',
      'share idempotent answers with other instances through this Redis',
      parseRedisUrl,
    )
    .option(
      '--redis-lease <ms>',
      'how long a claim on an Idempotency-Key outlives a dead instance',
      integer(100, MAX_MS),
      15_000,
    )
    .addOption(
      new Option('--log-level <level>', 'log level (logs go to stderr)').choices(LOG_LEVELS).default('info'),
    )
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .allowExcessArguments(false)
    .exitOverride();
}

interface RawOptions {
  port: number;
  host: string;
  upstream?: string;
  path: string[];
  servicePath?: string;
  maxRequests?: number;
  maxConcurrency?: number;
  requestTimeout?: number;
  batchTimeout?: number;
  maxItemResponseBytes?: number;
  maxResponseBytes?: number;
  fixtures: boolean;
  inspector: boolean;
  logLevel: LogLevel;
  cors?: CorsOrigins;
  redis?: string;
  redisLease: number;
}

function toOptions(raw: RawOptions): CliOptions {
  const limits: { -readonly [K in keyof BatchLimits]?: BatchLimits[K] } = {};
  if (raw.maxRequests !== undefined) limits.maxRequests = raw.maxRequests;
  if (raw.maxConcurrency !== undefined) limits.maxConcurrency = raw.maxConcurrency;
  if (raw.requestTimeout !== undefined) limits.requestTimeoutMs = raw.requestTimeout;
  if (raw.batchTimeout !== undefined) limits.batchTimeoutMs = raw.batchTimeout;
  if (raw.maxItemResponseBytes !== undefined) limits.maxItemResponseBytes = raw.maxItemResponseBytes;
  if (raw.maxResponseBytes !== undefined) limits.maxResponseBytes = raw.maxResponseBytes;
  return {
    port: raw.port,
    host: raw.host,
    ...(raw.upstream === undefined ? {} : { upstream: raw.upstream }),
    limits,
    fixtures: raw.fixtures,
    paths: raw.path.length > 0 ? [...new Set(raw.path)] : ['/batch'],
    ...(raw.servicePath === undefined ? {} : { servicePath: raw.servicePath }),
    inspector: raw.inspector,
    logLevel: raw.logLevel,
    ...(raw.cors === undefined ? {} : { cors: raw.cors }),
    ...(raw.redis === undefined ? {} : { redis: { url: raw.redis, leaseMs: raw.redisLease } }),
  };
}

/** Parses the CLI arguments (without `node` and the script); never exits the process itself. */
export function parseCliArgs(args: readonly string[]): CliParse {
  let stdout = '';
  let stderr = '';
  const command = program().configureOutput({
    writeOut: (text) => {
      stdout += text;
    },
    writeErr: (text) => {
      stderr += text;
    },
  });
  try {
    command.parse([...args], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      const code = error.exitCode === 0 ? 0 : USAGE_EXIT_CODE;
      if (code !== 0 && !stderr.includes('--help'))
        stderr += "Run 'batchwire-server --help' for the flags.\n";
      return { kind: 'exit', code, stdout, stderr };
    }
    throw error;
  }
  return { kind: 'run', options: toOptions(command.opts<RawOptions>()) };
}
