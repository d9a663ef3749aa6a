import { evaluatePointer } from '@batchwire/schema';
import type { StepCase } from '../case/case.js';
import type { Expectation } from '../case/expectation.js';
import { describeMismatches } from '../match/mismatch.js';
import { checkExpectation } from './check-expectation.js';
import { buildRequest, type ExchangeContext, send } from './exchange.js';
import { substitute, type Variables } from './template.js';
import { failVerdict, PASS, type Verdict } from './verdict.js';

/** Runs the steps of a data case in order; the first step whose response misses its expectation fails the case. */
export async function runSteps(
  testCase: StepCase,
  baseVars: Variables,
  context: ExchangeContext,
): Promise<Verdict> {
  const vars = new Map(baseVars);
  for (const [index, step] of testCase.steps.entries()) {
    const label = `step ${index + 1}${step.name ? ` (${step.name})` : ''}`;
    const exchange = await send(buildRequest(step.request, vars, context), context);
    if (!exchange.ok) return failVerdict(`${label}: ${exchange.error}`, exchange.evidence);
    const expectations = (step.expectAnyOf ?? (step.expect ? [step.expect] : [])).map(
      (e) => substitute(e, vars) as Expectation,
    );
    let body: unknown;
    if (expectations.length === 0) {
      body = checkExpectation(exchange, {}).body;
    } else {
      const outcomes = expectations.map((e) => checkExpectation(exchange, e));
      // The closest answer has the right status first, then the fewest mismatches.
      const best = [...outcomes].sort(
        (a, b) => Number(b.statusOk) - Number(a.statusOk) || a.mismatches.length - b.mismatches.length,
      )[0]!;
      if (best.mismatches.length > 0) {
        const prefix =
          outcomes.length > 1
            ? `${label} matches none of ${outcomes.length} allowed answers; closest: `
            : `${label}: `;
        return failVerdict(prefix + describeMismatches(best.mismatches), exchange.evidence);
      }
      body = best.body;
    }
    for (const [name, pointer] of Object.entries(step.capture ?? {})) {
      const found = evaluatePointer(body, pointer);
      if (!found.found)
        return failVerdict(`${label}: nothing at ${pointer} to capture as {{${name}}}`, exchange.evidence);
      vars.set(name, found.value);
    }
  }
  return PASS;
}
