import { PROBLEM_REQUIREMENTS } from '../../src/generated/spec-data.js';
import type { JournalItem } from '../../src/journal/types.js';
import { BodyView, HeadersView } from './body-view.js';

const SPEC_BASE = 'https://github.com/batchwire/batchwire/blob/main/spec/';

function problemType(item: JournalItem): string | undefined {
  const body = item.response?.body;
  if (body?.kind !== 'json') return undefined;
  try {
    const value = JSON.parse(body.text) as { type?: unknown };
    const type = typeof value.type === 'string' ? value.type : '';
    return type.startsWith('https://batchwire.dev/problems/')
      ? type.slice('https://batchwire.dev/problems/'.length)
      : undefined;
  } catch {
    return undefined;
  }
}

const ms = (value: number | undefined) => (value === undefined ? '–' : `${value.toFixed(1)} ms`);

/** One inner request: as written, as dispatched, its answer, timings and the spec rule a problem cites. */
export function ItemDetail({ item }: { readonly item: JournalItem }) {
  const type = problemType(item);
  const requirements = type === undefined ? [] : (PROBLEM_REQUIREMENTS[type] ?? []);
  const response = item.response;
  return (
    <section class="detail" aria-labelledby="detail-title">
      <h3 id="detail-title">
        Item <code>{item.id}</code>
      </h3>
      <p>
        As written:{' '}
        <code>
          {item.method} {item.url}
        </code>
      </p>
      <h4>Request as dispatched</h4>
      {item.dispatched === undefined ? (
        <p class="muted">Never dispatched.</p>
      ) : (
        <>
          <p>
            <code data-testid="dispatched-url">
              {item.dispatched.method} {item.dispatched.url}
            </code>
          </p>
          <HeadersView headers={item.dispatched.headers} />
          <BodyView body={item.dispatched.body} />
        </>
      )}
      <h4>Response</h4>
      {response === undefined ? (
        <p class="muted">Still running.</p>
      ) : (
        <>
          <p>
            Status <strong data-testid="item-status">{response.status}</strong>
            {response.executed ? '' : ' (never ran: answered by the batch engine)'}
          </p>
          {type === undefined ? null : (
            <p>
              Problem <code>{type}</code>
              {requirements.length === 0 ? null : ', defined by '}
              {requirements.map((requirement, i) => (
                <>
                  {i > 0 ? ', ' : ''}
                  <a
                    key={requirement.id}
                    href={`${SPEC_BASE}${requirement.anchor}`}
                    target="_blank"
                    rel="noreferrer"
                  >
                    {requirement.id}
                  </a>
                </>
              ))}
            </p>
          )}
          <HeadersView headers={response.headers} />
          <BodyView body={response.body} />
        </>
      )}
      <h4>Timings</h4>
      <p>
        Started at {ms(item.startMs)} after the batch start, ran {ms(item.durationMs)}.
      </p>
    </section>
  );
}
