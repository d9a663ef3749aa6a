import { DEFAULT_LIMITS } from '@batchwire/schema';
import { describe, expect, it } from 'vitest';
import { parseCliArgs, USAGE_EXIT_CODE, VERSION } from './cli-options.js';

describe('CLI flags', () => {
  it('defaults to 127.0.0.1:3000 with fixtures, the inspector and info logs', () => {
    expect(parseCliArgs([])).toEqual({
      kind: 'run',
      options: {
        port: 3000,
        host: '127.0.0.1',
        limits: {},
        fixtures: true,
        paths: ['/batch'],
        inspector: true,
        logLevel: 'info',
      },
    });
  });

  it('reads every flag', () => {
    const parsed = parseCliArgs([
      '--port',
      '0',
      '--host',
      '::1',
      '--upstream',
      'http://127.0.0.1:8080/',
      '--max-requests',
      '50',
      '--max-concurrency',
      '4',
      '--request-timeout',
      '2500',
      '--batch-timeout',
      '9000',
      '--no-fixtures',
      '--path',
      '/$batch',
      '--path',
      '/v1.0/$batch',
      '--service-path',
      '/v1.0',
      '--no-inspector',
      '--log-level',
      'silent',
    ]);
    expect(parsed).toEqual({
      kind: 'run',
      options: {
        port: 0,
        host: '::1',
        upstream: 'http://127.0.0.1:8080',
        limits: { maxRequests: 50, maxConcurrency: 4, requestTimeoutMs: 2500, batchTimeoutMs: 9000 },
        fixtures: false,
        paths: ['/$batch', '/v1.0/$batch'],
        servicePath: '/v1.0',
        inspector: false,
        logLevel: 'silent',
      },
    });
  });

  it.each([
    [['--port', '70000'], '--port'],
    [['--port', 'abc'], '--port'],
    [['--port', '-1'], '--port'],
    [['--max-requests', '19'], '--max-requests'],
    [['--max-concurrency', '0'], '--max-concurrency'],
    [['--request-timeout', '1.5'], '--request-timeout'],
    [['--upstream', 'ftp://example.test'], '--upstream'],
    [['--upstream', 'http://127.0.0.1:8080/api'], '--upstream'],
    [['--upstream', 'http://user:pw@127.0.0.1:8080'], '--upstream'],
    [['--upstream', 'not a url'], '--upstream'],
    [['--log-level', 'loud'], '--log-level'],
    [['--bogus'], '--bogus'],
    [['extra'], 'too many arguments'],
  ])('refuses %j with exit code 2 and a message naming "%s"', (args, name) => {
    const parsed = parseCliArgs(args);
    expect(parsed.kind).toBe('exit');
    if (parsed.kind !== 'exit') return;
    expect(parsed.code).toBe(USAGE_EXIT_CODE);
    expect(parsed.stderr).toContain(name);
  });

  it('reads --cors as * or a list of origins', () => {
    expect(parseCliArgs(['--cors', '*'])).toMatchObject({ kind: 'run', options: { cors: '*' } });
    expect(parseCliArgs(['--cors', 'http://127.0.0.1:5173, https://app.example.test'])).toMatchObject({
      kind: 'run',
      options: { cors: ['http://127.0.0.1:5173', 'https://app.example.test'] },
    });
  });

  it.each([['ftp://a.test'], ['http://a.test/app'], ['http://a.test/'], ['http://a.test,,http://b.test']])(
    'refuses --cors %j with exit code 2',
    (value) => {
      const parsed = parseCliArgs(['--cors', value]);
      expect(parsed).toMatchObject({ kind: 'exit', code: USAGE_EXIT_CODE });
      if (parsed.kind === 'exit') expect(parsed.stderr).toContain('--cors');
    },
  );

  it('reads --redis with its lease (15 s by default) and refuses other url schemes', () => {
    expect(parseCliArgs(['--redis', 'redis://127.0.0.1:6379'])).toMatchObject({
      kind: 'run',
      options: { redis: { url: 'redis://127.0.0.1:6379', leaseMs: 15_000 } },
    });
    expect(parseCliArgs(['--redis', 'rediss://cache.test:6380', '--redis-lease', '2000'])).toMatchObject({
      kind: 'run',
      options: { redis: { url: 'rediss://cache.test:6380', leaseMs: 2000 } },
    });
    for (const args of [
      ['--redis', 'http://127.0.0.1:6379'],
      ['--redis', 'nope'],
      ['--redis-lease', '5'],
    ]) {
      const parsed = parseCliArgs(args);
      expect(parsed).toMatchObject({ kind: 'exit', code: USAGE_EXIT_CODE });
      if (parsed.kind === 'exit') expect(parsed.stderr).toContain(args[0]);
    }
  });

  it('prints help and exits 0 for --help', () => {
    const parsed = parseCliArgs(['--help']);
    expect(parsed).toMatchObject({ kind: 'exit', code: 0 });
    if (parsed.kind === 'exit') expect(parsed.stdout).toContain('--upstream <origin>');
  });

  it('shows every default in --help', () => {
    const parsed = parseCliArgs(['--help']);
    const help = parsed.kind === 'exit' ? parsed.stdout.replace(/\s+/g, ' ') : '';
    const flagged = [
      'maxRequests',
      'maxConcurrency',
      'requestTimeoutMs',
      'batchTimeoutMs',
      'maxItemResponseBytes',
      'maxResponseBytes',
    ] as const;
    for (const name of flagged) expect(help).toContain(`default: ${DEFAULT_LIMITS[name]})`);
    for (const value of ['3000', '"127.0.0.1"', '"info"', 'none'])
      expect(help).toContain(`default: ${value}`);
  });

  it('prints the version and exits 0 for --version', () => {
    expect(parseCliArgs(['--version'])).toEqual({
      kind: 'exit',
      code: 0,
      stdout: `${VERSION}\n`,
      stderr: '',
    });
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('reads the answer-size limits', () => {
    expect(parseCliArgs(['--max-item-response-bytes', '1000', '--max-response-bytes', '5000'])).toMatchObject(
      { kind: 'run', options: { limits: { maxItemResponseBytes: 1000, maxResponseBytes: 5000 } } },
    );
  });
});
