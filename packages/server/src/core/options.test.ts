import { DEFAULT_LIMITS, MIN_MAX_REQUESTS } from '@batchwire/schema';
import { Agent } from 'undici';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from './options.js';

// A host's options are checked once, at startup: a wrong value throws a TypeError naming it,
// rather than a batch misbehaving later. No request can reach these checks, so they are tested here.

describe('resolveConfig: limits', () => {
  it('applies the protocol defaults to every limit left out', () => {
    expect(resolveConfig({}).limits).toEqual(DEFAULT_LIMITS);
    expect(resolveConfig({ limits: { maxRequests: 40 } }).limits).toEqual({
      ...DEFAULT_LIMITS,
      maxRequests: 40,
    });
  });

  const LIMIT_NAMES = Object.keys(DEFAULT_LIMITS) as (keyof typeof DEFAULT_LIMITS)[];
  it.each(LIMIT_NAMES)('refuses %s that is not a positive integer, naming it', (name) => {
    for (const value of [0, -1, 1.5, Number.NaN]) {
      expect(() => resolveConfig({ limits: { [name]: value } })).toThrow(
        new TypeError(
          `batchwire: limits.${name} must be an integer >= ${name === 'maxRequests' ? MIN_MAX_REQUESTS : 1}, got ${value}`,
        ),
      );
    }
  });

  it('accepts the smallest values allowed: maxRequests 20, the others 1', () => {
    const limits = resolveConfig({
      limits: {
        maxRequests: MIN_MAX_REQUESTS,
        maxBodyBytes: 1,
        maxJsonDepth: 1,
        maxConcurrency: 1,
        requestTimeoutMs: 1,
        batchTimeoutMs: 1,
        maxItemResponseBytes: 1,
        maxResponseBytes: 1,
      },
    }).limits;
    expect(limits.maxRequests).toBe(20);
    expect(() => resolveConfig({ limits: { maxRequests: MIN_MAX_REQUESTS - 1 } })).toThrow(TypeError);
  });

  it('refuses a maxResponseBytes below maxItemResponseBytes, and accepts them equal', () => {
    expect(() => resolveConfig({ limits: { maxItemResponseBytes: 2048, maxResponseBytes: 2047 } })).toThrow(
      'batchwire: limits.maxResponseBytes (2047) must be at least limits.maxItemResponseBytes (2048)',
    );
    expect(
      resolveConfig({ limits: { maxItemResponseBytes: 2048, maxResponseBytes: 2048 } }).limits,
    ).toMatchObject({
      maxItemResponseBytes: 2048,
      maxResponseBytes: 2048,
    });
  });
});

describe('resolveConfig: inherited headers', () => {
  it('inherits the spec headers, plus the ones asked for in lower case', () => {
    const config = resolveConfig({ inheritHeaders: ['X-Tenant', 'Authorization'] });
    expect(config.inherited).toEqual([
      'authorization',
      'cookie',
      'accept-language',
      'x-request-id',
      'x-tenant',
    ]);
  });

  it.each([
    'Host',
    'Content-Length',
    'Transfer-Encoding',
    'Connection',
    'Content-Type',
    'Content-Encoding',
    'Accept',
    'Batchwire-Inner-Request',
    'Idempotency-Key',
    'Proxy-Authorization',
    'proxy-anything',
  ])('never lets an inner request inherit %s', (name) => {
    expect(() => resolveConfig({ inheritHeaders: [name] })).toThrow(
      new TypeError(`batchwire: "${name}" can never be inherited by inner requests`),
    );
  });

  it('scopes idempotent replays by the inherited headers that may identify the caller', () => {
    const config = resolveConfig({ inheritHeaders: ['x-tenant'] });
    // A retry carries a new request id and may change its language: neither is a credential.
    expect(config.credentialHeaders).toEqual(['authorization', 'cookie', 'x-tenant']);
  });
});

describe('resolveConfig: servicePath', () => {
  it('defaults to the app root and drops trailing slashes', () => {
    expect(resolveConfig({}).servicePath).toBe('');
    expect(resolveConfig({ servicePath: '/v1.0//' }).servicePath).toBe('/v1.0');
    expect(resolveConfig({ servicePath: '/' }).servicePath).toBe('');
    expect(resolveConfig({ servicePath: "/api/v2;x=1/a~b/%20/@:!$&'()*+,=" }).servicePath).toBe(
      "/api/v2;x=1/a~b/%20/@:!$&'()*+,=",
    );
  });

  it.each(['v1.0', '/v1 0', '/v1?x', '/v1#x', '/é'])('refuses %j, which is not a path', (servicePath) => {
    expect(() => resolveConfig({ servicePath })).toThrow(
      new TypeError(`batchwire: servicePath must be a path beginning with "/", got "${servicePath}"`),
    );
  });
});

describe('resolveConfig: idempotency, streaming and the rest', () => {
  it('turns idempotency on by default with its defaults, and off with false', () => {
    expect(resolveConfig({}).idempotency).toEqual({
      ttlMs: 86_400_000,
      maxEntries: 10_000,
      maxBytes: 64 * 1_048_576,
      store: undefined,
    });
    expect(resolveConfig({ idempotency: false }).idempotency).toBeUndefined();
    expect(resolveConfig({ idempotency: { ttlMs: 5, maxEntries: 6, maxBytes: 7 } }).idempotency).toEqual({
      ttlMs: 5,
      maxEntries: 6,
      maxBytes: 7,
      store: undefined,
    });
  });

  it.each(['ttlMs', 'maxEntries', 'maxBytes'])(
    'refuses idempotency.%s that is not a positive integer',
    (name) => {
      expect(() => resolveConfig({ idempotency: { [name]: 0 } })).toThrow(
        new TypeError(`batchwire: limits.idempotency.${name} must be an integer >= 1, got 0`),
      );
    },
  );

  it('streams unless told not to, and keeps observers, scheduler and logger as given', () => {
    expect(resolveConfig({}).streaming).toBe(true);
    expect(resolveConfig({ streaming: false }).streaming).toBe(false);
    expect(resolveConfig({}).observers).toEqual([]);
    const observer = {};
    expect(resolveConfig({ observers: [observer] }).observers).toEqual([observer]);
  });
});

describe('resolveConfig: mode', () => {
  it('is in-process without an upstream and gateway with one', () => {
    expect(resolveConfig({}).mode).toEqual({ kind: 'in-process' });
    expect(resolveConfig({ upstream: 'http://127.0.0.1:9', limits: { maxConcurrency: 3 } }).mode).toEqual({
      kind: 'gateway',
      upstream: 'http://127.0.0.1:9',
      dispatcher: undefined,
      connections: 12,
    });
  });

  it('passes a caller-owned dispatcher through to the gateway', async () => {
    const dispatcher = new Agent();
    const mode = resolveConfig({ mode: 'gateway', upstream: 'http://127.0.0.1:9', dispatcher }).mode;
    expect(mode).toMatchObject({ kind: 'gateway', dispatcher });
    await dispatcher.close();
  });

  it('refuses gateway options in in-process mode, a gateway without upstream, and an unknown mode', () => {
    const dispatcher = new Agent();
    expect(() => resolveConfig({ mode: 'in-process', upstream: 'http://127.0.0.1:9' })).toThrow(
      'batchwire: upstream and dispatcher apply to gateway mode only',
    );
    expect(() => resolveConfig({ dispatcher })).toThrow(
      'batchwire: upstream and dispatcher apply to gateway mode only',
    );
    expect(() => resolveConfig({ mode: 'gateway' })).toThrow('batchwire: gateway mode needs an upstream');
    expect(() => resolveConfig({ mode: 'proxy' as 'gateway', upstream: 'http://127.0.0.1:9' })).toThrow(
      'batchwire: mode must be "in-process" or "gateway", got "proxy"',
    );
    return dispatcher.close();
  });
});
