import type { IncomingMessage } from 'node:http';
import { limitProblem, malformedJsonProblem, PROBLEM_TYPES, type Problem } from '@batchwire/schema';

/** The outer body as JSON, or the problem that refuses it. */
export type EnvelopeRead =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly problem: Problem };

const decoder = new TextDecoder('utf-8', { fatal: true });

function tooLarge(maxBodyBytes: number, size?: number): EnvelopeRead {
  return {
    ok: false,
    problem: limitProblem('maxBodyBytes', maxBodyBytes, 413, [
      {
        pointer: '',
        rule: 'limit.maxBodyBytes',
        detail:
          size === undefined
            ? `the body exceeds maxBodyBytes (${maxBodyBytes} bytes)`
            : `the body is ${size} bytes; at most ${maxBodyBytes} are accepted`,
      },
    ]),
  };
}

function parseText(text: string): EnvelopeRead {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return {
      ok: false,
      problem: malformedJsonProblem(error instanceof Error ? error.message : 'unparseable'),
    };
  }
}

function parseBytes(bytes: Uint8Array, maxBodyBytes: number): EnvelopeRead {
  if (bytes.byteLength > maxBodyBytes) return tooLarge(maxBodyBytes, bytes.byteLength);
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { ok: false, problem: malformedJsonProblem('the body is not valid UTF-8') };
  }
  return parseText(text);
}

/**
 * Reads the outer body as JSON with a byte limit: 413 naming `maxBodyBytes` as soon as the limit is
 * passed (by Content-Length or while reading), 400 for invalid UTF-8 or JSON, 415 for a content
 * encoding. A body a host app already parsed (express.json, express.text, express.raw) is used as is.
 */
export function readEnvelope(
  req: IncomingMessage & { body?: unknown },
  maxBodyBytes: number,
): Promise<EnvelopeRead> {
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
    return Promise.resolve({
      ok: false,
      problem: {
        type: PROBLEM_TYPES.unsupportedMediaType,
        title: 'Unsupported media type',
        status: 415,
        detail: `Content-Encoding "${encoding}" is not supported; send the envelope unencoded.`,
      },
    });
  }
  if (req.readableEnded) {
    // A host app's body parser (express.json, express.text, express.raw) consumed the stream already.
    const body = req.body;
    if (typeof body === 'string') return Promise.resolve(parseBytes(Buffer.from(body, 'utf8'), maxBodyBytes));
    if (body instanceof Uint8Array) return Promise.resolve(parseBytes(body, maxBodyBytes));
    return Promise.resolve({ ok: true, value: body });
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBodyBytes)
    return Promise.resolve(tooLarge(maxBodyBytes, declared));
  return new Promise<EnvelopeRead>((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: EnvelopeRead) => {
      if (done) return;
      done = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        req.pause();
        finish(tooLarge(maxBodyBytes));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish(parseBytes(Buffer.concat(chunks, size), maxBodyBytes));
    const onError = () => finish({ ok: false, problem: malformedJsonProblem('the body could not be read') });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    // A client that goes away mid-body leaves no 'end': settle anyway, so nothing waits forever.
    req.once('close', () => {
      if (!req.readableEnded) onError();
    });
  });
}
