import { expressFixtures } from '@batchwire/conformance/fixtures';
import { type BatchwireOptions, batchwire } from '@batchwire/server';
import express, { type Express } from 'express';

/** An Express 5 app with the conformance fixtures at `/_conformance` and the batch endpoint at `/batch`. */
export function createApp(options: BatchwireOptions = {}): Express {
  const app = express();
  app.use(expressFixtures());
  app.use('/batch', batchwire(options));
  return app;
}
