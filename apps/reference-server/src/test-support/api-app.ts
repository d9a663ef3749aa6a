import express, { type Express } from 'express';
import { type ApiRouteOptions, mountApiRoutes } from '../api.js';
import { errorHandler, notFound } from '../http/fallbacks.js';

/** An app with the demo API and fixtures but no batch endpoint, for testing the routes alone. */
export function apiOnlyApp(options: ApiRouteOptions = {}): Express {
  const app = express();
  mountApiRoutes(app, options);
  app.use(notFound());
  app.use(errorHandler());
  return app;
}
