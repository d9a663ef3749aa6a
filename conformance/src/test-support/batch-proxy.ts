import express, { type Request } from 'express';
import { type Forwarded, forward, forwardHeaders } from './forward.js';
import { type Listening, listen } from './listen.js';

/** An inner request as a broken layer sees it. */
export type Inner = {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
};
/** An inner response as a broken layer produces it. */
export type Entry = { id: string; status: number; headers: Record<string, string>; body?: unknown };
/** A consolidated response as a broken layer rewrites it. */
export type Consolidated = { responses: Entry[]; summary: Record<string, number> };

/** The ways a test layer in front of a real batch endpoint breaks the protocol. */
export interface BreakingHooks {
  /** Answers the raw request itself, or returns undefined to go on. */
  readonly intercept?: (raw: Buffer, req: Request) => Forwarded | undefined;
  /** Rewrites a parsed envelope before it is forwarded. */
  readonly rewriteEnvelope?: (envelope: { requests: Inner[] }) => { requests: Inner[] };
  /** Executes an inner request itself (the entry), or returns undefined to leave it to the server. */
  readonly hijack?: (inner: Inner, req: Request) => Promise<Entry | undefined>;
  /** Rewrites a 200 consolidated response. */
  readonly rewriteResponse?: (body: Consolidated) => Consolidated;
  /** Rewrites the problem body of a refused POST (status 4xx). */
  readonly rewriteProblem?: (problem: Record<string, unknown>) => Record<string, unknown>;
  /** Rewrites the capabilities document a GET answers. */
  readonly rewriteCapabilities?: (document: Record<string, unknown>) => Record<string, unknown>;
}

/** Applies `rewrite` to a JSON object answer, leaving anything else as it is. */
function rewriteJson(
  answer: Forwarded,
  rewrite: ((value: Record<string, unknown>) => Record<string, unknown>) | undefined,
): Forwarded {
  if (!rewrite) return answer;
  let value: unknown;
  try {
    value = JSON.parse(answer.body.toString());
  } catch {
    return answer;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return answer;
  return { ...answer, body: Buffer.from(JSON.stringify(rewrite(value as Record<string, unknown>))) };
}

/** The hooks' rewrite of a refusal (POST, 4xx) or a capabilities document (GET); other answers pass. */
function rewriteAnswer(answer: Forwarded, method: string, hooks: BreakingHooks): Forwarded {
  if (method === 'GET' && answer.status === 200) return rewriteJson(answer, hooks.rewriteCapabilities);
  if (method === 'POST' && answer.status >= 400 && answer.status < 500)
    return rewriteJson(answer, hooks.rewriteProblem);
  return answer;
}

function send(res: express.Response, answer: Forwarded): void {
  res.status(answer.status);
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  res.end(answer.body);
}

function summaryOf(responses: Entry[]): Record<string, number> {
  const ok = responses.filter((r) => r.status >= 200 && r.status < 300).length;
  const skipped = responses.filter((r) => r.status === 424).length;
  return { total: responses.length, succeeded: ok, failed: responses.length - ok - skipped, skipped };
}

/** Runs the inner requests the hook does not hijack through the real endpoint and merges the entries back in order. */
async function runEnvelope(
  target: string,
  req: Request,
  envelope: { requests: Inner[] },
  hooks: BreakingHooks,
): Promise<Forwarded> {
  const hijacked = new Map<number, Entry>();
  for (const [i, inner] of envelope.requests.entries()) {
    const entry = await hooks.hijack?.(inner, req);
    if (entry) hijacked.set(i, entry);
  }
  const rest = envelope.requests.filter((_, i) => !hijacked.has(i));
  const taken = new Set([...hijacked.values()].map((e) => e.id));
  const cleaned = rest.map((inner) => ({
    ...inner,
    ...(inner.dependsOn ? { dependsOn: inner.dependsOn.filter((d) => !taken.has(d)) } : {}),
  }));
  let forwarded: Consolidated = { responses: [], summary: {} };
  if (cleaned.length > 0) {
    const answer = await forward(
      target,
      'POST',
      forwardHeaders(req),
      JSON.stringify({ ...envelope, requests: cleaned }),
    );
    if (answer.status !== 200) return rewriteAnswer(answer, 'POST', hooks);
    forwarded = JSON.parse(answer.body.toString()) as Consolidated;
  }
  const queue = [...forwarded.responses];
  const responses = envelope.requests.map((_, i) => hijacked.get(i) ?? queue.shift()!);
  let body: Consolidated = {
    responses,
    summary: hijacked.size > 0 ? summaryOf(responses) : forwarded.summary,
  };
  if (hooks.rewriteResponse) body = hooks.rewriteResponse(body);
  return {
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: Buffer.from(JSON.stringify(body)),
  };
}

/**
 * Starts a deliberately broken batch endpoint at `{origin}/batch`: a layer in front of a real one
 * (`target`, e.g. the reference server's /batch) that breaks one rule through the hooks.
 */
export async function startBrokenBatch(
  target: string,
  hooks: BreakingHooks,
): Promise<Listening & { url: string }> {
  const app = express();
  app.all('/batch', express.raw({ type: () => true, limit: '50mb' }), async (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const answered = hooks.intercept?.(raw, req);
    if (answered) return send(res, answered);
    const plain = async () =>
      rewriteAnswer(await forward(target, req.method, forwardHeaders(req), raw), req.method, hooks);
    const streaming = (req.headers.accept ?? '').includes('ndjson');
    if (req.method !== 'POST' || streaming) return send(res, await plain());
    let envelope: unknown;
    try {
      envelope = JSON.parse(raw.toString());
    } catch {
      return send(res, await plain());
    }
    const valid =
      envelope !== null &&
      typeof envelope === 'object' &&
      Array.isArray((envelope as { requests?: unknown }).requests);
    if (!valid) return send(res, await plain());
    let typed = envelope as { requests: Inner[] };
    if (hooks.rewriteEnvelope) typed = hooks.rewriteEnvelope(typed);
    if (!hooks.hijack && !hooks.rewriteResponse) {
      const answer = await forward(target, 'POST', forwardHeaders(req), JSON.stringify(typed));
      return send(res, rewriteAnswer(answer, 'POST', hooks));
    }
    return send(res, await runEnvelope(target, req, typed, hooks));
  });
  const listening = await listen(app);
  return { ...listening, url: `${listening.origin}/batch` };
}
