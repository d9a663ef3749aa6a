import { fastifyFixtures } from '@batchwire/conformance/fixtures';
import { type BatchwireFastifyOptions, batchwire } from '@batchwire/server/fastify';
import Fastify, { type FastifyInstance } from 'fastify';

/** A Fastify 5 app with the conformance fixtures at `/_conformance` and the batch endpoint at `/batch`. */
export function createApp(options: Omit<BatchwireFastifyOptions, 'prefix'> = {}): FastifyInstance {
  const app = Fastify();
  app.register(fastifyFixtures());
  app.register(batchwire, { ...options, prefix: '/batch' });
  return app;
}
