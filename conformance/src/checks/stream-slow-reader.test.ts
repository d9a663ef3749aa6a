import { describe, expect, it } from 'vitest';
import { slowStreamProblem } from './stream-slow-reader.js';

const item = (i: number, status = 200) => JSON.stringify({ id: `r${i}`, status, headers: {}, index: i });
const summary = (total: number, succeeded = total) =>
  JSON.stringify({ summary: { total, succeeded, failed: total - succeeded, skipped: 0 } });

describe('slowStreamProblem', () => {
  it('accepts one 2xx line per request in any order, then the summary', () => {
    expect(slowStreamProblem([item(1), item(0, 204), item(2), summary(3)], 3)).toBeUndefined();
  });

  it.each([
    ['a missing line', 2, [item(0), summary(2)], '1 item lines for 2 requests'],
    ['a line twice', 2, [item(0), item(0), summary(2)], 'two lines for "r0"'],
    ['a failed request', 2, [item(0), item(1, 424), summary(2, 1)], '"r1" answered 424, not 2xx'],
    [
      'a wrong index',
      1,
      [JSON.stringify({ id: 'r0', status: 200, headers: {}, index: 1 }), summary(1)],
      'index',
    ],
    ['no summary at the end', 1, [summary(1), item(0)], 'the last line is not the summary'],
    ['a summary that does not count them', 1, [item(0), summary(1, 0)], 'the summary counts 0 of 1'],
    ['a line that is not JSON', 1, ['{', summary(1)], 'line 1 is not JSON'],
    ['a line that is not a record', 1, ['{"id":1}', summary(1)], 'line 1 is not a stream record'],
  ])('reports %s', (_name, total, lines, problem) => {
    expect(slowStreamProblem(lines, total)).toContain(problem);
  });
});
