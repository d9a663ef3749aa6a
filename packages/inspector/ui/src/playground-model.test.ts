import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { checkEditor, curlCommand, PRESETS } from './playground-model.js';

describe('playground model', () => {
  it('offers the demo batches and the spec examples, each of the accepted ones valid', () => {
    expect(PRESETS[0]?.key).toBe('demo-concurrency');
    expect(PRESETS.length).toBeGreaterThan(10);
    const demo = checkEditor(JSON.stringify(PRESETS[0]?.envelope));
    expect(demo).toEqual({ kind: 'ok', count: 11 });
  });

  it('reports malformed JSON and every violation at its JSON Pointer with its rule', () => {
    expect(checkEditor('{"requests": [').kind).toBe('malformed');
    const check = checkEditor(
      JSON.stringify({
        requests: [
          { id: 'a', method: 'GET', url: '/x' },
          { id: 'a', method: 'GET', url: 'http://evil/' },
        ],
      }),
    );
    expect(check.kind).toBe('invalid');
    const pointers = check.kind === 'invalid' ? check.errors.map((e) => `${e.pointer} ${e.rule}`) : [];
    expect(pointers).toContain('/requests/1/id id.duplicate');
    expect(pointers.some((p) => p.startsWith('/requests/1/url'))).toBe(true);
  });

  it('copies as a curl command a shell runs with the exact body and headers', () => {
    const body = `{"requests":[{"id":"it's","method":"GET","url":"/x"}]}`;
    const command = curlCommand(
      'http://127.0.0.1:1/batch',
      { authorization: 'Bearer t', idempotencyKey: 'k1', ndjson: true },
      body,
    );
    // The shell's own parse of the command, with curl replaced by printf, shows the arguments it gets.
    const args = execFileSync('sh', ['-c', `printf '%s\\n' ${command.slice('curl '.length)}`], {
      encoding: 'utf8',
    });
    expect(args.split('\n')).toEqual([
      '-sS',
      'http://127.0.0.1:1/batch',
      '-H',
      'content-type: application/json',
      '-H',
      'authorization: Bearer t',
      '-H',
      'idempotency-key: k1',
      '-H',
      'accept: application/x-ndjson',
      '--data-binary',
      body,
      '',
    ]);
  });
});
