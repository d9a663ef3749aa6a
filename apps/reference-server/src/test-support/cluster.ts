import { type RedisServer, startRedisServer } from '@batchwire/idempotency-redis/testing';
import { type Nginx, startNginx } from './nginx.js';
import { killIfRunning, listeningUrl, type SpawnedCli, spawnCli, within } from './spawn-cli.js';

/** One reference server process of the cluster. */
export interface Instance {
  readonly origin: string;
  /** `127.0.0.1:<port>`, as nginx names it in `X-Upstream`. */
  readonly address: string;
  readonly cli: SpawnedCli;
}

/** Two reference servers sharing one real redis-server, behind one real nginx. */
export interface Cluster {
  readonly front: string;
  readonly instances: readonly Instance[];
  readonly redis: RedisServer;
  /** The instance nginx names in an answer's `X-Upstream` header. */
  readonly instanceAt: (upstream: string | null) => Instance;
  /** A fixture counter summed over every instance still alive (read directly, never through nginx). */
  readonly counter: (name: string) => Promise<number>;
  /** Kills an instance with SIGKILL and waits (bounded) until it is gone. */
  readonly kill: (instance: Instance) => Promise<void>;
  readonly close: () => Promise<void>;
}

/** A fixture counter of one instance, read directly. */
export async function readCounter(origin: string, name: string): Promise<number> {
  const res = await fetch(`${origin}/_conformance/counters/${name}`, { signal: AbortSignal.timeout(5_000) });
  return ((await res.json()) as { value: number }).value;
}

/** Starts redis-server, two `batchwire-server --redis` processes and nginx, all on free loopback ports. */
export async function startCluster(options: { readonly leaseMs: number }): Promise<Cluster> {
  const redis = await startRedisServer();
  const clis: SpawnedCli[] = [];
  let nginx: Nginx | undefined;
  const close = async () => {
    await nginx?.stop();
    for (const cli of clis) killIfRunning(cli);
    await Promise.all(clis.map((cli) => within(cli.exited, 5_000, 'an instance exiting')));
    await redis.stop();
  };
  try {
    const args = ['--port', '0', '--redis', redis.url, '--redis-lease', String(options.leaseMs)];
    for (let i = 0; i < 2; i++) clis.push(spawnCli([...args, '--log-level', 'warn']));
    const instances = await Promise.all(
      clis.map(async (cli) => {
        const { origin } = await listeningUrl(cli);
        return { origin, address: new URL(origin).host, cli };
      }),
    );
    nginx = await startNginx(instances.map((instance) => Number(new URL(instance.origin).port)));
    const alive = (instance: Instance) =>
      instance.cli.child.exitCode === null && instance.cli.child.signalCode === null;
    return {
      front: nginx.origin,
      instances,
      redis,
      instanceAt: (upstream) => {
        const found = instances.find((instance) => instance.address === upstream);
        if (found === undefined) throw new Error(`no instance at ${upstream}`);
        return found;
      },
      counter: async (name) => {
        const values = await Promise.all(
          instances.filter(alive).map((instance) => readCounter(instance.origin, name)),
        );
        return values.reduce((sum, value) => sum + value, 0);
      },
      kill: async (instance) => {
        instance.cli.child.kill('SIGKILL');
        await within(instance.cli.exited, 5_000, 'the killed instance exiting');
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
