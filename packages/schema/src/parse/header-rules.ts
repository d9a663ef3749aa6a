import { isForbiddenInnerHeader } from '../constants/headers.js';
import type { RuleBreak } from './url-rules.js';

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Field values may hold visible characters, spaces, tabs and obs-text; never CR, LF, NUL or other controls. */
function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09) || code === 0x7f) return true;
  }
  return false;
}

/** Checks one inner header name: an RFC 9110 token that is not forbidden in inner requests. */
export function checkHeaderName(name: string): RuleBreak | undefined {
  if (!TOKEN.test(name))
    return { rule: 'header.name', detail: `"${name.replace(/[\r\n\0]/g, '?')}" is not a valid header name` };
  if (isForbiddenInnerHeader(name)) {
    return {
      rule: 'header.forbidden',
      detail: `"${name}" must not be set on an inner request (credentials and framing come from the outer request)`,
    };
  }
  return undefined;
}

/** Checks one header value: no CR, LF, NUL or other control character but tab. */
export function checkHeaderValue(value: string): RuleBreak | undefined {
  if (hasControlCharacter(value))
    return { rule: 'header.value', detail: 'must not contain CR, LF, NUL or other control characters' };
  return undefined;
}
