#!/usr/bin/env node
import { buildSimulator } from './simulator.js';

const port = Number.parseInt(process.env.PORT ?? '3900', 10);
const host = process.env.HOST ?? '127.0.0.1';
const app = await buildSimulator({ logLevel: process.env.LOG_LEVEL ?? 'info' });
try {
  await app.listen({ port, host });
} catch (error) {
  console.error(`The ONSS simulator could not listen on ${host}:${port}: ${(error as Error).message}`);
  process.exit(1);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}
