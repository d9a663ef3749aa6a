import { isUtf8 } from 'node:buffer';
import { isJsonMediaType } from '@batchwire/schema';
import type { ResponseBody } from '../engine/types.js';

const TEXT_TYPES = new Set([
  'application/xml',
  'application/javascript',
  'application/ecmascript',
  'application/x-www-form-urlencoded',
  'application/yaml',
  'application/graphql',
  'image/svg+xml',
]);

/** Whether a media type carries text: `text/*`, XML, a few textual application types, or a charset. */
export function isTextMediaType(contentType: string): boolean {
  const [essenceRaw, ...params] = contentType.split(';');
  const essence = essenceRaw!.trim().toLowerCase();
  return (
    essence.startsWith('text/') ||
    essence.endsWith('+xml') ||
    TEXT_TYPES.has(essence) ||
    params.some((p) => p.trim().toLowerCase().startsWith('charset='))
  );
}

/**
 * Classifies the bytes of an inner response for embedding: JSON (a JSON media type that parses) as a
 * value, text (a textual media type, valid UTF-8) as a string, anything else as base64.
 */
export function classifyBody(contentType: string | undefined, bytes: Buffer): ResponseBody {
  if (bytes.length === 0) return { kind: 'none' };
  const utf8 = isUtf8(bytes);
  if (utf8 && contentType !== undefined) {
    const text = bytes.toString('utf8');
    if (isJsonMediaType(contentType)) {
      try {
        return { kind: 'json', value: JSON.parse(text) };
      } catch {
        return { kind: 'text', text };
      }
    }
    if (isTextMediaType(contentType)) return { kind: 'text', text };
  }
  return { kind: 'base64', data: bytes.toString('base64') };
}
