import { PROBLEM_TYPES, validateCapabilities } from '@batchwire/schema';
import { describe, expect, it } from 'vitest';
import { bodyText, echoDispatch, postJson, postValue } from '../test-support/core.js';
import { createBatchHandler } from './handler.js';

const one = { requests: [{ id: 'a', method: 'GET', url: '/items/1' }] };

describe('createBatchHandler: methods, media types and limits without a socket', () => {
  it('serves capabilities on GET and HEAD, 405 with Allow otherwise, 400 for an inner request', async () => {
    const handle = createBatchHandler({ limits: { maxRequests: 50 } });
    const caps = await handle({ ...postValue(one, undefined), method: 'GET' });
    expect(caps.status).toBe(200);
    const doc = JSON.parse(await bodyText(caps));
    expect(validateCapabilities(doc).ok).toBe(true);
    expect(doc.limits.maxRequests).toBe(50);
    expect((await handle({ ...postValue(one, undefined), method: 'HEAD' })).status).toBe(200);
    const put = await handle({ ...postValue(one, undefined), method: 'PUT' });
    expect(put.status).toBe(405);
    expect(put.headers.Allow).toBe('GET, HEAD, POST');
    expect(put.headers['Content-Type']).toMatch(/^application\/problem\+json/);
    const inner = await postJson(handle, one, echoDispatch().dispatch, {
      headers: { 'content-type': 'application/json', 'batchwire-inner-request': '1' },
    });
    expect(inner.status).toBe(400);
    expect(inner.json.type).toBe(PROBLEM_TYPES.recursion);
  });

  it('takes headers given as lists of values (headersDistinct): one Content-Type is its value, two are 415', async () => {
    const handle = createBatchHandler({});
    const { dispatch } = echoDispatch();
    const once = await postJson(handle, one, dispatch, {
      headers: { 'content-type': ['application/json'], accept: ['application/json'] },
    });
    expect(once.status).toBe(200);
    expect(once.json).toMatchObject({ responses: [{ status: 200 }] });
    const twice = await postJson(handle, one, dispatch, {
      headers: { 'content-type': ['application/json', 'text/plain'] },
    });
    expect(twice.status).toBe(415);
    expect(twice.json.detail).toContain('application/json, text/plain');
  });

  it('answers 415, 413 (declared and read), 400 for bad JSON and bad UTF-8, naming the rule', async () => {
    const handle = createBatchHandler({ limits: { maxBodyBytes: 100 } });
    const { dispatch, started } = echoDispatch();
    const text = await postJson(handle, one, dispatch, { headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(415);
    const gz = await postJson(handle, one, dispatch, {
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    });
    expect(gz.status).toBe(415);
    const declared = await postJson(handle, one, dispatch, {
      headers: { 'content-type': 'application/json', 'content-length': '101' },
    });
    expect(declared.status).toBe(413);
    expect(declared.headers.Connection).toBe('close');
    expect(declared.json).toMatchObject({
      limit: { name: 'maxBodyBytes', value: 100 },
      errors: [{ rule: 'limit.maxBodyBytes' }],
    });
    const big = { requests: [{ id: 'a', method: 'POST', url: '/x', body: 'y'.repeat(200) }] };
    expect((await postJson(handle, big, dispatch)).status).toBe(413);
    const parsedText = await postJson(handle, one, dispatch, { body: async () => JSON.stringify(big) });
    expect(parsedText.status).toBe(413);
    const bad = await postJson(handle, '{"requests": [', dispatch);
    expect(bad.status).toBe(400);
    expect(bad.json.type).toBe(PROBLEM_TYPES.malformedJson);
    const utf8 = await postJson(handle, one, dispatch, { body: async () => new Uint8Array([0x7b, 0xff]) });
    expect(utf8.json.detail).toMatch(/UTF-8/);
    const gone = await postJson(handle, one, dispatch, {
      body: () => Promise.reject(new Error('reset')),
    });
    expect(gone.status).toBe(400);
    expect(started).toEqual([]);
  });

  it('runs a batch through the dispatch it is given, and takes a body a host parser produced', async () => {
    const handle = createBatchHandler();
    const { dispatch } = echoDispatch();
    const res = await postJson(handle, one, dispatch, { body: async () => one });
    expect(res.status).toBe(200);
    expect(res.headers['Content-Type']).toBe('application/json; charset=utf-8');
    expect(res.json).toMatchObject({
      responses: [{ id: 'a', status: 200, body: { url: '/items/1' } }],
      summary: { total: 1, succeeded: 1 },
    });
  });

  it('refuses up front an inner url that names the endpoint, and needs a dispatch in-process', async () => {
    const handle = createBatchHandler();
    const { dispatch, started } = echoDispatch();
    const loop = await postJson(
      handle,
      { requests: [{ id: 'a', method: 'POST', url: '/BATCH/' }] },
      dispatch,
    );
    expect(loop.status).toBe(400);
    expect(loop.json).toMatchObject({ errors: [{ pointer: '/requests/0/url', rule: 'url.recursion' }] });
    expect(started).toEqual([]);
    const missing = await postJson(handle, one, undefined);
    expect(missing.status).toBe(500);
    expect(missing.json.type).toBe(PROBLEM_TYPES.handlerError);
  });

  it('checks options at once: mode, upstream and limits', () => {
    expect(() => createBatchHandler({ mode: 'gateway' })).toThrow(/upstream/);
    expect(() => createBatchHandler({ mode: 'in-process', upstream: 'http://127.0.0.1:1' })).toThrow(
      /gateway mode only/,
    );
    expect(() => createBatchHandler({ limits: { maxConcurrency: 0 } })).toThrow(/maxConcurrency/);
    expect(createBatchHandler().mode).toBe('in-process');
  });
});
