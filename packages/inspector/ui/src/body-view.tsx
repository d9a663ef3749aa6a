import type { JournalBody, JournalHeaders } from '../../src/journal/types.js';

function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** A body as recorded: pretty JSON, text, base64 labelled as such, or why it is not there. */
export function BodyView({ body }: { readonly body: JournalBody }) {
  switch (body.kind) {
    case 'none':
      return <p class="muted">No body.</p>;
    case 'omitted':
      return (
        <p class="muted">
          Body of {body.length} characters not kept (the journal's byte budget for this batch was used up).
        </p>
      );
    case 'base64':
      return (
        <>
          <p class="tag">base64, {Math.floor((body.data.length * 3) / 4)} bytes decoded</p>
          <pre class="code">{body.data}</pre>
          {body.truncatedFrom === undefined ? null : (
            <p class="muted">
              Cut at {body.data.length} of {body.truncatedFrom} characters.
            </p>
          )}
        </>
      );
    default:
      return (
        <>
          <p class="tag">{body.kind === 'json' ? 'JSON' : 'text'}</p>
          <pre class="code">{body.kind === 'json' ? pretty(body.text) : body.text}</pre>
          {body.truncatedFrom === undefined ? null : (
            <p class="muted">
              Cut at {body.text.length} of {body.truncatedFrom} characters.
            </p>
          )}
        </>
      );
  }
}

/** Header names and values as a definition list. */
export function HeadersView({ headers }: { readonly headers: JournalHeaders }) {
  const entries = Object.entries(headers);
  if (entries.length === 0) return <p class="muted">No headers.</p>;
  return (
    <dl class="headers">
      {entries.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
