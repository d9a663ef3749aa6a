import { createServer, type Server } from 'node:http';
import { nodeFixtures } from '@batchwire/conformance/fixtures';
import { batchwireNode, type NodeGatewayOptions } from '@batchwire/server/node';

/** The upstream API the gateway fronts: here the conformance fixtures on plain node:http. */
export function createUpstream(): Server {
  return createServer(nodeFixtures());
}

/** A plain node:http server whose only route is the batch endpoint, forwarding to `upstream`. */
export function createGateway(options: NodeGatewayOptions): { server: Server; close: () => Promise<void> } {
  const handler = batchwireNode(options);
  const server = createServer(handler);
  return {
    server,
    close: async () => {
      await new Promise((done) => server.close(done));
      await handler.close();
    },
  };
}
