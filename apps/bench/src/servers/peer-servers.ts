import batchRequest from 'batch-request';
import type { Express } from 'express';
import expressBatch from 'express-batch';
import express4 from 'express4';
import multifetch from 'multifetch';
import { addItemRoutes } from './item-routes.js';

/** Concurrency given to multifetch: without it multifetch runs inner requests one at a time. */
export const MULTIFETCH_CONCURRENCY = 1000;

/** A fresh Express 4 app with the item routes: the peers are written for Express 4. */
export function express4App(): Express {
  const app = express4();
  app.set('etag', false);
  addItemRoutes(app, express4.json());
  return app;
}

/** express-batch 0.2.1 at GET /batch?key=/path&... (GET inner requests only). */
export function expressBatchApp(): Express {
  const app = express4App();
  app.use('/batch', expressBatch(app));
  return app;
}

/** batch-request 0.1.4 at POST /batch: each inner request is a real loopback HTTP call. */
export function batchRequestApp(): Express {
  const app = express4App();
  app.post('/batch', express4.json({ limit: '64mb' }), batchRequest({ max: 100_000 }));
  return app;
}

/** multifetch 1.1.1 at GET /multifetch?key=/path&..., with its concurrency option raised. */
export function multifetchApp(): Express {
  const app = express4App();
  app.get('/multifetch', multifetch({ concurrency: MULTIFETCH_CONCURRENCY }));
  return app;
}
