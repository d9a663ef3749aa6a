// Entry of every contender's server process: starts one server on 127.0.0.1 port 0, tells the parent its
// port over IPC, and measures its own CPU and memory between window-start and window-stop messages.
import type { ChildConfig, ChildMessage, ParentMessage } from './ipc.js';
import { startServer } from './servers/start-server.js';

// Reading RSS costs ~100 µs on these VMs: sampled at 50 ms it stays well under 1% of the server's CPU.
const RSS_SAMPLE_MS = 50;

function send(message: ChildMessage): void {
  process.send?.(message);
}

/** Samples RSS while a window is open; CPU comes from process.cpuUsage deltas. */
function createWindowMeter() {
  let cpuAtStart = process.cpuUsage();
  let peakRss = 0;
  let timer: NodeJS.Timeout | undefined;
  const sample = () => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  };
  return {
    start(): void {
      peakRss = 0;
      sample();
      clearInterval(timer);
      timer = setInterval(sample, RSS_SAMPLE_MS);
      cpuAtStart = process.cpuUsage();
    },
    stop() {
      const cpu = process.cpuUsage(cpuAtStart);
      clearInterval(timer);
      sample();
      return {
        cpuUs: cpu.user + cpu.system,
        peakRssBytes: peakRss,
        lifetimeMaxRssBytes: process.resourceUsage().maxRSS * 1024,
      };
    },
  };
}

async function main(): Promise<void> {
  if (!process.send) throw new Error('child.js must be started with an IPC channel (child_process.fork)');
  const config = JSON.parse(process.argv[2] ?? '{}') as ChildConfig;
  // The parent going away (even by SIGKILL) closes the channel: never outlive it.
  process.on('disconnect', () => process.exit(0));
  const { port, close } = await startServer(config);
  const meter = createWindowMeter();
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'window-start') {
      // No forced GC here: a full collection's background sweeping and recompiling would be billed to
      // the window (it tripled the single-batch CPU figures), so garbage is left to V8 as in production.
      meter.start();
      send({ type: 'window-started', seq: message.seq });
    } else if (message.type === 'window-stop') {
      send({ type: 'window', seq: message.seq, ...meter.stop() });
    } else if (message.type === 'shutdown') {
      close();
      // exit() (not a signal) so that --cpu-prof writes its profile.
      process.exit(0);
    }
  });
  send({ type: 'ready', port });
}

main().catch((error: unknown) => {
  send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
