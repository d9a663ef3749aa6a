import type { Contender } from '../contenders/types.js';
import { batchRunner } from './batch-runner.js';
import { h2Runner } from './h2-runner.js';
import { separateH1Runner } from './separate-h1-runner.js';
import type { Runner } from './types.js';

/** The client-side driver for a contender whose server listens at `origin`. */
export function runnerFor(contender: Contender, origin: string): Runner {
  if (contender.style === 'batch') return batchRunner(contender, origin);
  return contender.style === 'separate-h1' ? separateH1Runner(origin) : h2Runner(origin);
}

export type { OnceResult, Runner, ThroughputResult } from './types.js';
