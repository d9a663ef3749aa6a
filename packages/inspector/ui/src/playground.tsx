import { useMemo, useRef, useState } from 'preact/hooks';
import { lineAndColumn, pointerRanges, type TextRange } from './json-positions.js';
import { checkEditor, curlCommand, type OuterHeaders, PRESETS, requestHeaders } from './playground-model.js';

const first = PRESETS[0];

/** An envelope as editor text: one line per inner request, like the rows of the timeline. */
function textOf(envelope: unknown): string {
  const value = envelope as { requests?: unknown; options?: unknown };
  if (!Array.isArray(value.requests)) return JSON.stringify(envelope, null, 2);
  const members = [
    `  "requests": [\n${value.requests.map((r) => `    ${JSON.stringify(r)}`).join(',\n')}\n  ]`,
  ];
  if (value.options !== undefined) members.push(`  "options": ${JSON.stringify(value.options)}`);
  return `{\n${members.join(',\n')}\n}`;
}

/** The range of a pointer's value, or of its nearest ancestor when the member is missing. */
function rangeOf(ranges: Map<string, TextRange>, pointer: string): TextRange | undefined {
  for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
    const range = ranges.get(p);
    if (range !== undefined || p === '') return range;
  }
}

/** Compose a batch, validated as you type, send it with chosen outer headers, copy it as curl. */
export function Playground({
  batchPath,
  onOpenNewest,
}: {
  readonly batchPath: string;
  /** Opens the newest batch of the journal (the one just sent, unless another client was quicker). */
  readonly onOpenNewest: () => void;
}) {
  const [presetKey, setPresetKey] = useState(first?.key ?? '');
  const [text, setText] = useState(textOf(first?.envelope ?? { requests: [] }));
  const [headers, setHeaders] = useState<OuterHeaders>({
    authorization: first?.authorization ?? '',
    idempotencyKey: first?.idempotencyKey ?? '',
    ndjson: first?.ndjson ?? false,
  });
  const [answer, setAnswer] = useState<{ status: number; text: string } | undefined>(undefined);
  const [copied, setCopied] = useState('');
  const check = useMemo(() => checkEditor(text), [text]);
  const ranges = useMemo(
    () => (check.kind === 'invalid' ? pointerRanges(text) : new Map<string, TextRange>()),
    [check, text],
  );
  const editor = useRef<HTMLTextAreaElement>(null);
  const show = (range: TextRange) => {
    editor.current?.focus();
    editor.current?.setSelectionRange(range.start, range.end);
  };
  const url = new URL(batchPath, window.location.origin).href;
  const curl = curlCommand(url, headers, text);

  const load = (key: string) => {
    const preset = PRESETS.find((p) => p.key === key);
    if (preset === undefined) return;
    setPresetKey(key);
    setText(textOf(preset.envelope));
    setHeaders({
      authorization: preset.authorization,
      idempotencyKey: preset.idempotencyKey,
      ndjson: preset.ndjson,
    });
    setAnswer(undefined);
  };

  const send = async () => {
    setAnswer(undefined);
    try {
      const response = await fetch(batchPath, {
        method: 'POST',
        headers: requestHeaders(headers),
        body: text,
      });
      setAnswer({ status: response.status, text: await response.text() });
    } catch (error) {
      setAnswer({ status: 0, text: error instanceof Error ? error.message : String(error) });
    }
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(curl);
      setCopied('Copied the curl command.');
    } catch {
      setCopied('The browser refused the clipboard: select the command below and copy it.');
    }
  };

  return (
    <section class="playground" aria-labelledby="playground-title">
      <h2 id="playground-title">Playground</h2>
      <label for="preset">Start from</label>
      <select id="preset" value={presetKey} onChange={(event) => load(event.currentTarget.value)}>
        {PRESETS.map((preset) => (
          <option key={preset.key} value={preset.key}>
            {preset.label}
          </option>
        ))}
      </select>
      <label for="envelope">Batch envelope (JSON)</label>
      <textarea
        id="envelope"
        spellcheck={false}
        rows={18}
        ref={editor}
        value={text}
        aria-describedby="envelope-check"
        aria-invalid={check.kind !== 'ok'}
        onInput={(event) => setText(event.currentTarget.value)}
      />
      <div id="envelope-check" role="status" data-testid="envelope-check" class={`check ${check.kind}`}>
        {check.kind === 'ok' ? (
          <p>Valid envelope: {check.count} inner requests.</p>
        ) : check.kind === 'malformed' ? (
          <p>Not JSON: {check.detail}</p>
        ) : (
          <>
            <p>{check.title}</p>
            <ul>
              {check.errors.map((error) => {
                const range = rangeOf(ranges, error.pointer);
                const where = range === undefined ? undefined : lineAndColumn(text, range.start);
                return (
                  <li key={`${error.pointer} ${error.rule ?? ''}`} data-testid="envelope-error">
                    <code>{error.pointer || '(root)'}</code>{' '}
                    {error.rule === undefined ? null : <code>{error.rule}</code>} {error.detail}
                    {range === undefined || where === undefined ? null : (
                      <>
                        {' '}
                        <button type="button" class="link" onClick={() => show(range)}>
                          line {where.line}, column {where.column}
                        </button>
                      </>
                    )}
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </div>
      <fieldset>
        <legend>Outer request</legend>
        <label for="authorization">Authorization</label>
        <input
          id="authorization"
          value={headers.authorization}
          placeholder="Bearer demo-token"
          onInput={(event) => setHeaders({ ...headers, authorization: event.currentTarget.value })}
        />
        <label for="idempotency-key">Idempotency-Key</label>
        <input
          id="idempotency-key"
          value={headers.idempotencyKey}
          onInput={(event) => setHeaders({ ...headers, idempotencyKey: event.currentTarget.value })}
        />
        <label class="inline">
          <input
            type="checkbox"
            checked={headers.ndjson}
            onChange={(event) => setHeaders({ ...headers, ndjson: event.currentTarget.checked })}
          />{' '}
          Accept: application/x-ndjson (streamed answer)
        </label>
      </fieldset>
      <div class="actions">
        <button type="button" class="primary" onClick={() => void send()}>
          Send batch
        </button>
        <button type="button" onClick={() => void copy()}>
          Copy as curl
        </button>
        <span role="status">{copied}</span>
      </div>
      <details>
        <summary>curl command</summary>
        <pre class="code" data-testid="curl">
          {curl}
        </pre>
      </details>
      {answer === undefined ? null : (
        <div class="answer" data-testid="answer">
          <h3>
            Answer: <span data-testid="answer-status">{answer.status}</span>
          </h3>
          <p>
            It is also in the journal:{' '}
            <button type="button" class="link" onClick={onOpenNewest}>
              open the newest batch
            </button>{' '}
            to see its timeline.
          </p>
          <pre class="code">
            {answer.text.length > 20_000 ? `${answer.text.slice(0, 20_000)}…` : answer.text}
          </pre>
        </div>
      )}
    </section>
  );
}
