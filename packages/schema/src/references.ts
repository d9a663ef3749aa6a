import { REQUEST_ID_PATTERN } from './request-id.js';

/** A `${ID#POINTER}` token found in a url, header value or body string. */
export interface ReferenceToken {
  /** Id of the earlier request whose response is read. */
  readonly id: string;
  /** JSON Pointer into that response's `{ status, headers, body }`; `""` is the whole response. */
  readonly pointer: string;
}

/** A string split into literal text and reference tokens, in order. */
export type TemplatePart = string | ReferenceToken;

/** Result of scanning a string for reference tokens. */
export type TemplateScan =
  | {
      readonly ok: true;
      readonly parts: readonly TemplatePart[];
      readonly references: readonly ReferenceToken[];
    }
  | { readonly ok: false; readonly detail: string };

const ID = new RegExp(REQUEST_ID_PATTERN);

/** Whether a string could hold a token or an escape at all (cheap pre-check for hot paths). */
export function mayHoldReferences(text: string): boolean {
  return text.includes('${');
}

/**
 * Splits a string into literal parts and `${ID#POINTER}` tokens. `$${` is a literal `${`;
 * any other `${` that is not a well-formed token makes the scan fail with a reason.
 */
export function scanTemplate(text: string): TemplateScan {
  const parts: TemplatePart[] = [];
  const references: ReferenceToken[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    const start = text.indexOf('${', i);
    if (start === -1) {
      literal += text.slice(i);
      break;
    }
    if (start > i && text[start - 1] === '$') {
      // `$${` escapes the token opener: keep one `$` and the `{`.
      literal += `${text.slice(i, start - 1)}\${`;
      i = start + 2;
      continue;
    }
    literal += text.slice(i, start);
    const end = text.indexOf('}', start + 2);
    if (end === -1)
      return { ok: false, detail: `unterminated reference at offset ${start}: "\${" needs a closing "}"` };
    const inner = text.slice(start + 2, end);
    const hash = inner.indexOf('#');
    if (hash === -1) {
      return {
        ok: false,
        detail: `malformed reference "\${${inner}}": expected \${ID#POINTER} (write $\${ for a literal)`,
      };
    }
    const id = inner.slice(0, hash);
    const pointer = inner.slice(hash + 1);
    if (!ID.test(id))
      return { ok: false, detail: `malformed reference "\${${inner}}": "${id}" is not a valid request id` };
    if (pointer !== '' && (pointer[0] !== '/' || /~(?![01])/.test(pointer))) {
      return { ok: false, detail: `malformed reference "\${${inner}}": "${pointer}" is not a JSON Pointer` };
    }
    if (literal !== '') parts.push(literal);
    literal = '';
    const token = { id, pointer };
    parts.push(token);
    references.push(token);
    i = end + 1;
  }
  if (literal !== '' || parts.length === 0) parts.push(literal);
  return { ok: true, parts, references };
}

/** Writes the spec's reference token for a request id and a JSON Pointer: `${id#pointer}`. */
export function referenceToken(id: string, pointer: string): string {
  return `\${${id}#${pointer}}`;
}

/** Escapes literal `${` in a string so the server does not read it as a reference. */
export function escapeTemplateLiteral(text: string): string {
  return text.replace(/\$\{/g, '$$${');
}
