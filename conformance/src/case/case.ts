import { type Static, Type } from '@sinclair/typebox';
import { CheckRef } from './check-ref.js';
import { Feature } from './feature.js';
import { Level } from './level.js';
import { Step } from './step.js';

/** Pattern of a case id: dot-separated kebab-case words, e.g. `envelope.requests-empty`. */
export const CASE_ID_PATTERN = '^[a-z][a-z0-9]*(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)+$';

/** Pattern of a spec requirement id, e.g. `req-order-1`. */
export const REQUIREMENT_ID_PATTERN = '^req-[a-z0-9]+(-[a-z0-9]+)*-[0-9]+$';

const meta = {
  $schema: Type.Optional(Type.String()),
  id: Type.String({ pattern: CASE_ID_PATTERN, description: 'Stable id, never reused or renumbered' }),
  title: Type.String({ minLength: 1, description: 'What the case checks, in one line' }),
  description: Type.Optional(Type.String({ description: 'Why, and how a failure usually looks' })),
  requirements: Type.Array(Type.String({ pattern: REQUIREMENT_ID_PATTERN }), {
    minItems: 1,
    description: 'Spec requirement ids this case checks',
  }),
  level: Level,
  feature: Type.Union([Feature, Type.Null()], {
    description: 'Optional feature the server must advertise for the case to run, or null',
  }),
  unlessFeature: Type.Optional(Feature),
  skipForGateway: Type.Optional(
    Type.Boolean({
      description:
        'Needs inner urls to reach this server itself (its batch endpoint included); skipped when the run declares a gateway (--gateway)',
    }),
  ),
  minLimits: Type.Optional(
    Type.Object(
      { maxConcurrency: Type.Optional(Type.Integer({ minimum: 1 })) },
      {
        additionalProperties: false,
        description:
          'Advertised limits the case needs (skipped below them), e.g. { "maxConcurrency": 2 } for a rule only observable when two requests can run side by side',
      },
    ),
  ),
  canary: Type.Optional(
    Type.Boolean({ description: "Fail if the server contacts the runner's loopback canary ({{canary}})" }),
  ),
};

/** A case made of request/response steps. */
export const StepCase = Type.Object(
  { ...meta, steps: Type.Array(Step, { minItems: 1 }) },
  { additionalProperties: false, description: 'A Batchwire conformance case made of steps' },
);
/** A case made of request/response steps. */
export type StepCase = Static<typeof StepCase>;

/** A case run by a named built-in check. */
export const CheckCase = Type.Object(
  { ...meta, check: CheckRef },
  { additionalProperties: false, description: 'A Batchwire conformance case run by a named check' },
);
/** A case run by a named built-in check. */
export type CheckCase = Static<typeof CheckCase>;

/** One conformance case file: steps (data) or a named check (code), with its spec requirements and level. */
export const Case = Type.Union([StepCase, CheckCase], {
  title: 'Batchwire conformance case',
  description: 'One conformance case of the Batchwire v1 suite',
});
/** One conformance case file. */
export type Case = Static<typeof Case>;
