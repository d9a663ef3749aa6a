import { describe, expect, it } from 'vitest';
import { concurrencySteps, peakOverlap } from '../../src/journal/overlap.js';
import type { JournalBatch, JournalItem } from '../../src/journal/types.js';
import { statusClassOf, timelineModel } from './timeline-model.js';

function item(index: number, fields: Partial<JournalItem>): JournalItem {
  return {
    index,
    id: `i${index}`,
    method: 'GET',
    url: '/x',
    dependsOn: [],
    references: [],
    dispatched: undefined,
    response: { status: 200, headers: {}, body: { kind: 'none' }, executed: true },
    startMs: 0,
    durationMs: 10,
    ...fields,
  };
}

const batch = (items: JournalItem[]): JournalBatch => ({
  batchId: 'b',
  receivedAt: 0,
  state: 'done',
  status: 200,
  itemCount: items.length,
  durationMs: 30,
  summary: undefined,
  streaming: false,
  replayed: false,
  disconnected: false,
  maxConcurrency: 2,
  problemTitle: undefined,
  headers: {},
  onError: undefined,
  items,
  problem: undefined,
});

describe('timelineModel', () => {
  it('counts overlap at one instant, back-to-back intervals not overlapping', () => {
    expect(
      peakOverlap([
        { start: 0, end: 10 },
        { start: 10, end: 20 },
      ]),
    ).toBe(1);
    expect(
      peakOverlap([
        { start: 0, end: 10 },
        { start: 5, end: 20 },
        { start: 6, end: 7 },
      ]),
    ).toBe(3);
    expect(peakOverlap([])).toBe(0);
    expect(
      concurrencySteps([
        { start: 0, end: 10 },
        { start: 5, end: 20 },
        { start: 10, end: 12 },
      ]),
    ).toEqual([
      { at: 0, open: 1 },
      { at: 5, open: 2 },
      { at: 10, open: 2 },
      { at: 12, open: 1 },
      { at: 20, open: 0 },
    ]);
  });

  it('classes statuses and marks never-ran items with the reason from their problem', () => {
    expect([200, 302, 404, 503].map(statusClassOf)).toEqual(['ok', 'redirect', 'client', 'server']);
    const model = timelineModel(
      batch([
        item(0, { response: { status: 500, headers: {}, body: { kind: 'none' }, executed: true } }),
        item(1, {
          dependsOn: ['i0'],
          startMs: undefined,
          durationMs: 0,
          response: {
            status: 424,
            headers: {},
            body: {
              kind: 'json',
              text: '{"title":"Dependency failed","detail":"Not executed: it depends on i0"}',
            },
            executed: false,
          },
        }),
      ]),
    );
    expect(model.rows.map((row) => row.statusClass)).toEqual(['server', 'never']);
    expect(model.rows[1]?.reason).toBe('Not executed: it depends on i0');
    expect(model.edges).toEqual([{ from: 0, to: 1, kind: 'dependsOn' }]);
  });

  it('draws reference edges, axis and peak concurrency', () => {
    const model = timelineModel(
      batch([
        item(0, { startMs: 0, durationMs: 10 }),
        item(1, { startMs: 1, durationMs: 10 }),
        item(2, { startMs: 12, durationMs: 25, references: ['i0'] }),
      ]),
    );
    expect(model.edges).toEqual([{ from: 0, to: 2, kind: 'reference' }]);
    expect(model.axisMs).toBe(37);
    expect(model.peakConcurrency).toBe(2);
    expect(model.maxConcurrency).toBe(2);
  });
});
