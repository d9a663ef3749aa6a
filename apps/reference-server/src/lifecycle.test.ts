import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { formatOrigin, listeningLine, startServer } from './lifecycle.js';

describe('server lifecycle', () => {
  it('formats origins and the listening line', () => {
    expect(formatOrigin('127.0.0.1', 3000)).toBe('http://127.0.0.1:3000');
    expect(formatOrigin('::1', 3000)).toBe('http://[::1]:3000');
    expect(listeningLine('http://127.0.0.1:1')).toBe(
      'Batchwire reference server listening on http://127.0.0.1:1 (batch endpoint: http://127.0.0.1:1/batch)',
    );
    expect(listeningLine('http://127.0.0.1:1', '/batch', '/_batchwire/')).toBe(
      'Batchwire reference server listening on http://127.0.0.1:1 (batch endpoint: http://127.0.0.1:1/batch), inspector: http://127.0.0.1:1/_batchwire/',
    );
  });

  it('lets a running request finish on shutdown, then refuses new connections', async () => {
    const running = await startServer(
      (_req, res) => {
        setTimeout(() => res.end('done'), 300);
      },
      '127.0.0.1',
      0,
    );
    const pending = request(`${running.origin}/slow`, { headersTimeout: 5000, bodyTimeout: 5000 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closed = running.shutdown(5000);
    const res = await pending;
    expect(await res.body.text()).toBe('done');
    await closed;
    await expect(request(`${running.origin}/again`, { headersTimeout: 2000 })).rejects.toThrow();
  });

  it('closes connections that outlive the grace period', async () => {
    const running = await startServer(() => undefined, '127.0.0.1', 0);
    const pending = request(`${running.origin}/hang`, { headersTimeout: 5000 }).catch(
      (error: unknown) => error,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    await running.shutdown(200);
    expect(await pending).toBeInstanceOf(Error);
  });

  it('rejects when the port is taken', async () => {
    const first = await startServer(() => undefined, '127.0.0.1', 0);
    const port = Number(new URL(first.origin).port);
    await expect(startServer(() => undefined, '127.0.0.1', port)).rejects.toThrow(/EADDRINUSE/);
    await first.shutdown(100);
  });
});
