import { isForbiddenInnerHeader } from '../constants/headers.js';
import type { RuleBreak } from './url-rules.js';

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// Field values may hold visible characters, spaces, tabs and obs-text; never CR, LF, NUL or other controls.
const BAD_VALUE_CHAR = /[\u0000-\u0008\u000a-\u001f\u007f]/;

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
  if (BAD_VALUE_CHAR.test(value))
    return { rule: 'header.value', detail: 'must not contain CR, LF, NUL or other control characters' };
  return undefined;
}
