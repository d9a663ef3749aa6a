import express, { type Request } from 'express';
import { forward, forwardHeaders } from './forward.js';
import { type Listening, listen } from './listen.js';

/** How a broken upstream layer mistreats the inner requests a gateway sends it. */
export interface UpstreamFault {
  /** Header names (lower case) removed before the request reaches the fixtures. */
  readonly dropHeaders?: readonly string[];
  /** Serialise every request: the gateway's inner requests then run one after another. */
  readonly oneAtATime?: boolean;
}

/**
 * Starts a layer between a gateway and its upstream (the reference server's fixtures) whose fault
 * can be changed per test; `setFault({})` makes it a transparent proxy.
 */
export async function startUpstreamProxy(
  target: string,
): Promise<Listening & { setFault: (fault: UpstreamFault) => void }> {
  let fault: UpstreamFault = {};
  let queue: Promise<unknown> = Promise.resolve();
  const app = express();
  app.use(express.raw({ type: () => true, limit: '50mb' }), async (req: Request, res) => {
    const run = async () => {
      const raw = Buffer.isBuffer(req.body) ? req.body : undefined;
      const answer = await forward(
        `${target}${req.originalUrl}`,
        req.method,
        forwardHeaders(req, fault.dropHeaders ?? []),
        raw,
      );
      res.status(answer.status);
      for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
      res.end(answer.body);
    };
    if (!fault.oneAtATime) return run();
    const turn = queue.then(run, run);
    queue = turn.catch(() => undefined);
    await turn;
  });
  const listening = await listen(app);
  return {
    ...listening,
    setFault: (next) => {
      fault = next;
    },
  };
}
