import express, { type Express } from 'express';
import { addItemRoutes } from './item-routes.js';

/** A fresh Express 5 app with the settings every contender's app shares (no ETag, no X-Powered-By). */
export function express5App(): Express {
  const app = express();
  app.set('etag', false);
  app.disable('x-powered-by');
  return app;
}

/** The plain Express 5 app with the item routes: the target of separate requests and the gateway's upstream. */
export function upstreamApp(): Express {
  const app = express5App();
  addItemRoutes(app, express.json());
  return app;
}
