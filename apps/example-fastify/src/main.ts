import { createApp } from './app.js';

const origin = await createApp().listen({ port: Number(process.env.PORT ?? 3000), host: '127.0.0.1' });
console.log(`Batchwire on Fastify 5: ${origin}/batch`);
