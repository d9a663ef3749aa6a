import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiOnlyApp } from '../test-support/api-app.js';
import { type Listening, listen } from '../test-support/listen.js';

let server: Listening;
beforeEach(async () => {
  server = await listen(apiOnlyApp());
});
afterEach(() => server.close());

const api = () => request(server.url);
const auth = { Authorization: 'Bearer demo-token' };
const entry = { groupId: 1, title: 'Hello', content: 'First post.' };

describe('demo blogs API', () => {
  it('lists the 20 seeded entries, or one group of them', async () => {
    const all = await api().get('/blogs/entries');
    expect(all.status).toBe(200);
    expect(all.body).toHaveLength(20);
    const group = await api().get('/blogs/entries?groupId=2');
    expect(group.body).toHaveLength(10);
    expect(group.body.every((e: { groupId: number }) => e.groupId === 2)).toBe(true);
  });

  it('refuses a malformed groupId with a problem naming it', async () => {
    const res = await api().get('/blogs/entries?groupId=two');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors[0].pointer).toBe('/groupId');
  });

  it('reads one entry openly; 404 problem for an unknown one; 400 for a malformed id', async () => {
    expect((await api().get('/blogs/entries/7')).body).toMatchObject({ id: 7, groupId: 1 });
    const missing = await api().get('/blogs/entries/9999');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await api().get('/blogs/entries/abc')).status).toBe(400);
  });

  it('refuses every write without the demo token (401 problem) and changes nothing', async () => {
    const writes = [
      api().post('/blogs/entries').send(entry),
      api().put('/blogs/entries/1').send(entry),
      api().delete('/blogs/entries/1'),
      api().delete('/blogs/entries/1').set('Authorization', 'Bearer wrong'),
    ];
    for (const res of await Promise.all(writes)) {
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    }
    expect((await api().get('/blogs/entries')).body).toHaveLength(20);
    expect((await api().get('/blogs/entries/1')).body.title).toBe('Entry 1');
  });

  it('creates, replaces and deletes with the demo token', async () => {
    const created = await api().post('/blogs/entries').set(auth).send(entry);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: 21, ...entry });
    expect(created.headers.location).toBe('/blogs/entries/21');
    const replaced = await api()
      .put('/blogs/entries/21')
      .set(auth)
      .send({ ...entry, title: 'Changed' });
    expect(replaced.body).toEqual({ id: 21, ...entry, title: 'Changed' });
    expect((await api().delete('/blogs/entries/21').set(auth)).status).toBe(204);
    expect((await api().get('/blogs/entries/21')).status).toBe(404);
    expect((await api().delete('/blogs/entries/21').set(auth)).status).toBe(404);
    expect((await api().put('/blogs/entries/21').set(auth).send(entry)).status).toBe(404);
  });

  it('lists every validation error by JSON Pointer', async () => {
    const res = await api().post('/blogs/entries').set(auth).send({ groupId: 0, title: '', content: 5 });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      '/groupId',
      '/title',
      '/content',
    ]);
    const notObject = await api().post('/blogs/entries').set(auth).send([entry]);
    expect(notObject.body.errors[0].pointer).toBe('');
  });

  it('answers 415 for a non-JSON entry and 400 for malformed JSON', async () => {
    const text = await api().post('/blogs/entries').set(auth).set('Content-Type', 'text/plain').send('hi');
    expect(text.status).toBe(415);
    const broken = await api()
      .post('/blogs/entries')
      .set(auth)
      .set('Content-Type', 'application/json')
      .send('{');
    expect(broken.status).toBe(400);
    expect(broken.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('ignores an inherited "__proto__" member', async () => {
    const res = await api()
      .post('/blogs/entries')
      .set(auth)
      .set('Content-Type', 'application/json')
      .send('{"__proto__":{"groupId":1,"title":"x","content":"y"}}');
    expect(res.status).toBe(400);
    expect(({} as Record<string, unknown>).groupId).toBeUndefined();
  });

  it('answers 404 problems for unknown routes', async () => {
    const res = await api().get('/nowhere');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
