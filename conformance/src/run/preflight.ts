import { type Capabilities, validateCapabilities } from '@batchwire/schema';
import { isObject } from '../match/json.js';
import { getCapabilities } from './capabilities.js';
import { type Exchange, type ExchangeContext, send } from './exchange.js';
import { harnessError } from './harness-error.js';

function got(exchange: Exchange & { ok: true }): string {
  const type = exchange.headers['content-type'];
  return `${exchange.status} ${type ? type.split(';', 1)[0]!.trim() : 'without a Content-Type'}`;
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Reads the capabilities document, or throws one line saying what came back instead. */
async function capabilitiesOf(context: ExchangeContext): Promise<Capabilities> {
  const exchange = await getCapabilities(context);
  const result = exchange.status === 200 ? validateCapabilities(parsed(exchange.text)) : undefined;
  if (result?.ok) return result.value;
  const why = result ? ` (${result.errors[0]?.pointer || '/'}: ${result.errors[0]?.detail})` : '';
  throw harnessError(
    `--url ${context.batchUrl} is not a Batchwire batch endpoint: GET answered ${got(exchange)}${why}, expected 200 application/json with a capabilities document (spec section 11.2)`,
  );
}

/** Sends a one-request batch to `{fixtures}/echo`, or throws one line saying what came back instead. */
async function checkFixtures(context: ExchangeContext, fixtures: string): Promise<void> {
  const url = `${fixtures}/echo`;
  const exchange = await send(
    {
      method: 'POST',
      url: context.batchUrl,
      headers: { ...context.extraHeaders, 'content-type': 'application/json' },
      body: JSON.stringify({ requests: [{ id: 'preflight', method: 'GET', url }] }),
    },
    context,
  );
  if (!exchange.ok) throw harnessError(`cannot send a batch to ${context.batchUrl}: ${exchange.error}`);
  const body = parsed(exchange.text);
  const entry = isObject(body) && Array.isArray(body.responses) ? body.responses[0] : undefined;
  if (exchange.status !== 200 || !isObject(entry)) {
    throw harnessError(
      `a one-request batch (GET ${url}) to ${context.batchUrl} answered ${got(exchange)}, expected 200 application/json with responses`,
    );
  }
  if (entry.status !== 200 || !isObject(entry.body) || entry.body.method !== 'GET') {
    throw harnessError(
      `the fixtures do not answer at --fixtures ${fixtures}: GET ${url} answered ${String(entry.status)} inside a batch, expected 200 with the echo of spec Appendix A (mount the fixtures there, or pass --fixtures <prefix>)`,
    );
  }
}

/**
 * Checks, before any case runs, that the url is a batch endpoint (a valid capabilities document)
 * and that the fixture routes answer through it, so a wrong `--url` or `--fixtures` is one harness
 * error rather than a run of failures. Returns the capabilities.
 */
export async function preflight(context: ExchangeContext, fixtures: string): Promise<Capabilities> {
  const capabilities = await capabilitiesOf(context);
  await checkFixtures(context, fixtures);
  return capabilities;
}
