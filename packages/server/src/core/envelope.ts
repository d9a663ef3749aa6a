import { limitProblem, malformedJsonProblem, PROBLEM_TYPES, type Problem } from '@batchwire/schema';
import type { BatchHttpRequest } from './types.js';

/** The outer body as JSON, or the problem that refuses it. */
export type EnvelopeRead =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly problem: Problem };

const decoder = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

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
    // Stryker disable next-line StringLiteral: the problem detail is free prose; the answer is 400 malformed-json either way
    return { ok: false, problem: malformedJsonProblem('the body is not valid UTF-8') };
  }
  return parseText(text);
}

function headerValue(value: string | readonly string[] | undefined): string | undefined {
  return typeof value === 'string' || value === undefined ? value : value.join(', ');
}

/**
 * Reads the outer body as JSON with a byte limit: 413 naming `maxBodyBytes` when Content-Length or
 * the bytes read pass it, 400 for invalid UTF-8 or JSON or a body that could not be read, 415 for a
 * content encoding. A value a host body parser already produced is used as is.
 */
export async function readEnvelope(request: BatchHttpRequest, maxBodyBytes: number): Promise<EnvelopeRead> {
  const encoding = headerValue(request.headers['content-encoding']);
  if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
    return {
      ok: false,
      problem: {
        type: PROBLEM_TYPES.unsupportedMediaType,
        title: 'Unsupported media type',
        status: 415,
        detail: `Content-Encoding "${encoding}" is not supported; send the envelope unencoded.`,
      },
    };
  }
  // Stryker disable next-line StringLiteral: the bytes read are measured anyway: skipping the early refusal from Content-Length answers the same 413 after reading
  const declared = Number(headerValue(request.headers['content-length']));
  if (Number.isFinite(declared) && declared > maxBodyBytes) return tooLarge(maxBodyBytes, declared);
  let body: unknown;
  try {
    body = await request.body(maxBodyBytes);
  } catch {
    return { ok: false, problem: malformedJsonProblem('the body could not be read') };
  }
  if (typeof body === 'string') {
    // Text a host parser decoded: its UTF-8 size is what the limit counts.
    return body.length > maxBodyBytes / 3 && encoder.encode(body).byteLength > maxBodyBytes
      ? tooLarge(maxBodyBytes)
      : parseText(body);
  }
  if (body instanceof Uint8Array) return parseBytes(body, maxBodyBytes);
  return { ok: true, value: body };
}
