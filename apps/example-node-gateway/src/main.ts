import { createGateway, createUpstream } from './app.js';

const upstream = createUpstream().listen(0, '127.0.0.1', () => {
  const address = upstream.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const gatewayPort = Number(process.env.PORT ?? 3000);
  createGateway({ upstream: `http://127.0.0.1:${port}` }).server.listen(gatewayPort, '127.0.0.1', () => {
    console.log(`Batchwire gateway on node:http: http://127.0.0.1:${gatewayPort}/batch -> upstream :${port}`);
  });
});
