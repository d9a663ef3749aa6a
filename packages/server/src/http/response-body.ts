import { isJsonMediaType } from '@batchwire/schema';
import type { ResponseBody } from '../engine/types.js';
import { base64Of, strictUtf8Text } from './bytes.js';

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
export function classifyBody(contentType: string | undefined, bytes: Uint8Array): ResponseBody {
  if (bytes.length === 0) return { kind: 'none' };
  if (contentType !== undefined) {
    const json = isJsonMediaType(contentType);
    const text = json || isTextMediaType(contentType) ? strictUtf8Text(bytes) : undefined;
    if (text !== undefined) {
      if (!json) return { kind: 'text', text };
      try {
        return { kind: 'json', value: JSON.parse(text) };
      } catch {
        return { kind: 'text', text };
      }
    }
  }
  return { kind: 'base64', data: base64Of(bytes) };
}
