import type { Express, Request, Response } from 'express';

/** The small JSON body every POST-capable contender sends to POST /echo. */
export interface EchoBody {
  readonly n: number;
  readonly name: string;
}

/** The trivial handlers every contender serves: GET /item/:id returns { id }, POST /echo returns its body. */
export function addItemRoutes(app: Express, jsonParser: ReturnType<typeof import('express').json>): void {
  app.get('/item/:id', (req: Request<{ id: string }>, res: Response) => {
    res.json({ id: req.params.id });
  });
  app.post('/echo', jsonParser, (req: Request, res: Response) => {
    res.json({ echo: req.body as unknown });
  });
}
