import { isObject } from '../match/json.js';
import { harnessError } from './harness-error.js';

/** Values a case may name as `{{name}}` in its strings. */
export type Variables = ReadonlyMap<string, unknown>;

const WHOLE = /^\{\{([A-Za-z0-9_.]+)\}\}$/;
const ANY = /\{\{([A-Za-z0-9_.]+)\}\}/g;

function lookup(vars: Variables, name: string): unknown {
  if (!vars.has(name)) throw harnessError(`unknown variable {{${name}}}`);
  return vars.get(name);
}

/** Replaces `{{name}}` in one string; a string that is exactly one variable takes the value's JSON type. */
export function substituteString(text: string, vars: Variables): unknown {
  const whole = WHOLE.exec(text);
  if (whole) return lookup(vars, whole[1]!);
  return text.replace(ANY, (_m, name: string) => {
    const value = lookup(vars, name);
    return typeof value === 'string' ? value : JSON.stringify(value);
  });
}

/** Replaces `{{name}}` in every string (and object key) of a JSON value, returning a new value. */
export function substitute(value: unknown, vars: Variables): unknown {
  if (typeof value === 'string') return substituteString(value, vars);
  if (Array.isArray(value)) return value.map((item) => substitute(item, vars));
  if (isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value))
      out[String(substituteString(key, vars))] = substitute(item, vars);
    return out;
  }
  return value;
}
