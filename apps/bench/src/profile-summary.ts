import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
  readonly columnNumber: number;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}

/** The parts of a V8 .cpuprofile (written by `node --cpu-prof`) the summary reads. */
export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** One function's share of a profile, located in its TypeScript source when a source map says where. */
export interface ProfileEntry {
  readonly name: string;
  readonly location: string;
  readonly selfMs: number;
  readonly totalMs: number;
  /** Share of the busy (non-idle) samples. */
  readonly selfPercent: number;
}

const maps = new Map<string, SourceMap | null>();

function sourceMapFor(url: string): SourceMap | null {
  if (!maps.has(url)) {
    let map: SourceMap | null = null;
    try {
      const mapFile = `${fileURLToPath(url)}.map`;
      if (existsSync(mapFile)) map = new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8')));
    } catch {
      map = null;
    }
    maps.set(url, map);
  }
  return maps.get(url) ?? null;
}

/** `file:line` of a call frame, mapped from dist/*.js back to src/*.ts when its source map exists. */
function locate(frame: CallFrame): string {
  if (!frame.url) return '(native)';
  const map = frame.url.startsWith('file:') ? sourceMapFor(frame.url) : null;
  const entry = map?.findEntry(frame.lineNumber, frame.columnNumber);
  if (entry && 'originalSource' in entry && entry.originalSource) {
    // Sources are relative to the compiled file (e.g. ../../src/engine/run-batch.ts).
    const source = fileURLToPath(new URL(entry.originalSource, frame.url));
    return `${source}:${entry.originalLine + 1}`;
  }
  const path = frame.url.startsWith('file:') ? fileURLToPath(frame.url) : frame.url;
  return `${path}:${frame.lineNumber + 1}`;
}

/** Self and total (inclusive) time per function, heaviest self time first. */
export function summarizeProfile(profile: CpuProfile): ProfileEntry[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  // Percentages are of the busy time: an idle server's waiting says nothing about its cost.
  let totalUs = 0;
  for (const [id, us] of selfUs) if (byId.get(id)?.callFrame.functionName !== '(idle)') totalUs += us;
  totalUs ||= 1;
  const entries = new Map<string, { name: string; location: string; self: number; total: number }>();
  const keyOf = (frame: CallFrame) =>
    `${frame.functionName}@${frame.url}:${frame.lineNumber}:${frame.columnNumber}`;
  const entryOf = (frame: CallFrame) => {
    const key = keyOf(frame);
    let entry = entries.get(key);
    if (!entry) {
      entry = { name: frame.functionName || '(anonymous)', location: locate(frame), self: 0, total: 0 };
      entries.set(key, entry);
    }
    return entry;
  };
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    entryOf(node.callFrame).self += us;
    // Inclusive time: count each function once per sample even when it recurses.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame || seen.has(keyOf(frame))) continue;
      seen.add(keyOf(frame));
      entryOf(frame).total += us;
    }
  }
  return [...entries.values()]
    .map((e) => ({
      name: e.name,
      location: e.location,
      selfMs: e.self / 1000,
      totalMs: e.total / 1000,
      selfPercent: (e.self / totalUs) * 100,
    }))
    .sort((a, b) => b.selfMs - a.selfMs);
}
