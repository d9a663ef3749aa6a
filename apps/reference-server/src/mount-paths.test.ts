import { describe, expect, it } from 'vitest';
import { parseCliArgs, USAGE_EXIT_CODE } from './cli-options.js';

describe('--path and --service-path', () => {
  it('serve the batch endpoint at every --path given (trailing slash dropped) and resolve under --service-path', () => {
    const parsed = parseCliArgs(['--path', '/$batch', '--path', '/v1.0/$batch/', '--service-path', '/v1.0']);
    expect(parsed).toMatchObject({
      kind: 'run',
      options: { paths: ['/$batch', '/v1.0/$batch'], servicePath: '/v1.0' },
    });
  });

  it('default to /batch at the root', () => {
    const parsed = parseCliArgs([]);
    expect(parsed.kind === 'run' && parsed.options.paths).toEqual(['/batch']);
    expect(parsed.kind === 'run' && parsed.options.servicePath).toBeUndefined();
  });

  it.each([
    ['--path', '/items/:id'],
    ['--path', 'batch'],
    ['--path', '/'],
    ['--path', '/a b'],
    ['--service-path', 'v1.0'],
    ['--service-path', '/v1.0/(x)'],
  ])('refuse %s %s (route syntax, relative or empty paths) with exit 2', (flag, value) => {
    const parsed = parseCliArgs([flag, value]);
    expect(parsed).toMatchObject({ kind: 'exit', code: USAGE_EXIT_CODE });
    expect(parsed.kind === 'exit' && parsed.stderr).toMatch(/plain segments/);
  });
});
