import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** An axe-core violation as the test reports it. */
export interface AxeFinding {
  readonly id: string;
  readonly impact: string | null | undefined;
  readonly help: string;
  readonly targets: string[];
}

/**
 * Runs axe-core (WCAG 2 A and AA rules) in the page and returns its serious and critical
 * violations. axe's own source is evaluated in the page, so nothing is fetched.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeFinding[]> {
  // Evaluated through the DevTools protocol, so the page's CSP (no inline scripts) does not block it.
  await page.evaluate(axe.source);
  // A string, so the page's DOM types stay out of this Node module.
  const findings = (await page.evaluate(`axe
    .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    .then(({ violations }) =>
      violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((node) => String(node.target)),
      })),
    )`)) as AxeFinding[];
  return findings.filter((finding) => finding.impact === 'serious' || finding.impact === 'critical');
}
