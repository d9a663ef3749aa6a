import type { ChildProcess } from 'node:child_process';

/** Resolves true once the child has exited, false if it has not within `ms`. */
export function exitedWithin(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Stops a child by its PID: SIGTERM, then SIGKILL if it is still there after `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (await exitedWithin(child, 0)) return;
  child.kill('SIGTERM');
  if (await exitedWithin(child, graceMs)) return;
  child.kill('SIGKILL');
  await exitedWithin(child, graceMs);
}
