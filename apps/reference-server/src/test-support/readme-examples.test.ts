import { describe, expect, it } from 'vitest';
import { parseCurl, readmeExamples, shellWords } from './readme-examples.js';

describe('README example extraction', () => {
  it('splits shell words with quotes and continuations', () => {
    expect(shellWords('curl -H \'A: b c\' \\\n  -d \'{"x": 1}\' "u v"')).toEqual([
      'curl',
      '-H',
      'A: b c',
      '-d',
      '{"x": 1}',
      'u v',
    ]);
  });

  it('reads method, url, headers and body of a curl command', () => {
    expect(parseCurl("curl -s http://h/batch -H 'Content-Type: application/json' -d '{}'")).toEqual({
      method: 'POST',
      url: 'http://h/batch',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(parseCurl('curl -X DELETE http://h/x').method).toBe('DELETE');
    expect(() => parseCurl('curl --insecure http://h')).toThrow(/not understood/);
  });

  it('pairs each sh curl block with the json block after it', () => {
    const markdown =
      'x\n```sh\ncurl -s http://h -d \'{}\'\n```\nanswer:\n```json\n{"ok": true}\n```\n```sh\nnpm start\n```\n';
    expect(readmeExamples(markdown)).toEqual([
      { curl: { method: 'POST', url: 'http://h', headers: {}, body: '{}' }, expected: { ok: true } },
    ]);
  });
});
