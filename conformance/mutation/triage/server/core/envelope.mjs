// Verdicts on the surviving mutants of packages/server/src/core/envelope.ts, read by triage.mjs (format there).
/** @type {readonly import('../../../triage.mjs').Rule[]} */
export const RULES = [
  {
    file: 'core/envelope.ts',
    texts: ["return typeof value === 'string' || value === undefined ? value : value.join(', ');"],
    verdict: 'gap',
    reason:
      'joined without the separator, a Content-Encoding list whose members spell identity ("iden, tity", 415 under req-media-4) would be taken for no coding, and a Content-Length list ("42, 42", which RFC 9110 section 8.6 lets a recipient accept) would read as 4242; no case sends either',
  },
  {
    file: 'core/envelope.ts',
    texts: ['if (body instanceof Uint8Array) return parseBytes(body, maxBodyBytes);'],
    verdict: 'harness',
    reason:
      'the fetch host hands bytes and the custom host text; a value that a host JSON parser already produced (express.json) comes only from such hosts',
  },
  {
    file: 'core/envelope.ts',
    texts: ['} catch {'],
    verdict: 'equivalent',
    reason: 'still 400 malformed-json; only the detail text changes',
  },
  {
    file: 'core/envelope.ts',
    texts: ["if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {"],
    mutators: ['MethodExpression'],
    verdict: 'equivalent',
    reason: 'HTTP parsers already trim header values',
  },
  {
    file: 'core/envelope.ts',
    texts: [
      'if (Number.isFinite(declared) && declared > maxBodyBytes) return tooLarge(maxBodyBytes, declared);',
    ],
    verdict: 'equivalent',
    reason:
      'the bytes read are measured anyway: skipping the early refusal from Content-Length answers the same 413 after reading',
  },
  {
    file: 'core/envelope.ts',
    texts: ["const decoder = new TextDecoder('utf-8', { fatal: true });"],
    verdict: 'harness',
    reason:
      "static mutant: the decoder is made at module load, before Stryker switches the mutant on, so the run never executes it (TextDecoder('') throws at load, which every case would show)",
  },
  {
    file: 'core/envelope.ts',
    texts: ['return body.length > maxBodyBytes / 3 && encoder.encode(body).byteLength > maxBodyBytes'],
    mutators: ['ConditionalExpression', 'EqualityOperator'],
    verdict: 'equivalent',
    reason:
      'the length test only spares encoding a short text: a UTF-16 unit is at most 3 UTF-8 bytes, so the encoded size alone gives the same answer',
  },
];
