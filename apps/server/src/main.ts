#!/usr/bin/env node
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ConfigError, loadConfig, type ServerConfig } from './config.js';
import { isEmptyDatabase, openDatabase, type Database } from './db/client.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { migrateDatabase } from './db/migrate.js';
import { buildApp } from './app.js';
import { hasDemoTenant, printWelcome, startDemoServices } from './demo/demo-services.js';
import { startAnomalyScheduler } from './jobs/anomaly-scheduler.js';
import { smtpTransport, startEmailWorker } from './jobs/email-outbox-worker.js';
import { startExportWorker } from './jobs/export-worker.js';
import { startNotificationScheduler } from './jobs/notification-scheduler.js';
import { startOnssWorker } from './jobs/onss-outbox-worker.js';
import { startRetentionJob } from './jobs/retention-job.js';
import { startWebhookJobs } from './jobs/webhook-jobs.js';
import { createSecretBox } from './security/secret-box.js';
import { resolveSecretKey } from './security/secret-key.js';

function fail(message: string): never {
  console.error(`\nciao could not start:\n${message}\n`);
  process.exit(1);
}

async function openAndMigrate(config: ServerConfig): Promise<Database> {
  let database: Database;
  try {
    database = await openDatabase(config.database);
  } catch (error) {
    if (error instanceof DataDirLockedError) fail(error.message);
    fail(`The database could not be opened: ${(error as Error).message}`);
  }
  try {
    await migrateDatabase(database);
  } catch (error) {
    await database.close().catch(() => {});
    const where = config.database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : config.database.dataDir;
    fail(`The database migrations could not be applied on ${where}: ${(error as Error).message}`);
  }
  return database;
}

async function main() {
  let config: ServerConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }

  const startedAt = performance.now();
  const secretBox = createSecretBox(resolveSecretKey(config.secretKeyHex, config.dataDir).key);
  const database = await openAndMigrate(config);

  // auto: the demo company on a fresh embedded database (npm start); on: whenever it is missing.
  const seedDemo =
    (config.demoData === 'on' && !(await hasDemoTenant(database.db))) ||
    (config.demoData === 'auto' && database.kind === 'pglite' && (await isEmptyDatabase(database.db)));

  let app: FastifyInstance | undefined;
  let demo: Awaited<ReturnType<typeof startDemoServices>> | undefined;
  let stopAnomalyScheduler: (() => Promise<void>) | undefined;
  let stopOnssWorker: (() => Promise<void>) | undefined;
  let stopEmailWorker: (() => Promise<void>) | undefined;
  let stopWebhookJobs: (() => Promise<void>) | undefined;
  let stopExportWorker: (() => Promise<void>) | undefined;
  let stopNotificationScheduler: (() => Promise<void>) | undefined;
  let stopRetentionJob: (() => Promise<void>) | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const allowedMs = config.shutdownDrainDelayMs + config.shutdownTimeoutMs;
    const timer = setTimeout(() => {
      console.error(`ciao did not stop within ${allowedMs} ms after ${signal}; exiting.`);
      process.exit(1);
    }, allowedMs);
    timer.unref();
    // Readiness turns 503 at once. A load balancer only stops sending new requests once its next
    // probe sees that, so the process keeps serving for the drain delay; then the listener closes
    // (new connections are refused), the live board's streams end, in-flight requests finish, and
    // meanwhile the jobs finish the item in hand and stop. The database closes last.
    app?.beginDraining();
    if (config.shutdownDrainDelayMs > 0)
      await new Promise((resolve) => setTimeout(resolve, config.shutdownDrainDelayMs));
    await Promise.all([
      app?.close().catch((error: unknown) => console.error('closing the HTTP server failed', error)),
      ...[
        stopAnomalyScheduler,
        stopNotificationScheduler,
        stopOnssWorker,
        stopEmailWorker,
        stopWebhookJobs,
        stopExportWorker,
        stopRetentionJob,
      ].map((stopJob) => stopJob?.().catch(() => {})),
    ]);
    await demo?.close().catch(() => {});
    await database.close().catch(() => {});
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  try {
    demo = await startDemoServices({ config, database, seedDemo, secretBox });
    app = await buildApp({
      config,
      database,
      secretBox,
      onssSimulatorUrl: demo.simulatorUrl ?? config.onssSimulator.url,
      metricsToken: config.metricsToken,
      exportsDir: path.join(config.dataDir, 'exports'),
      clockWriteConcurrency: config.clockWriteConcurrency,
    });
    await app.listen({ port: config.port, host: config.host });
    stopAnomalyScheduler = startAnomalyScheduler(app.ctx, { logger: app.log });
    stopOnssWorker = startOnssWorker(app.ctx, { logger: app.log, claimTtlMs: config.onssClaimTtlMs });
    stopWebhookJobs = startWebhookJobs(app.ctx, { logger: app.log });
    stopNotificationScheduler = startNotificationScheduler(app.ctx, { logger: app.log });
    const { smtpUrl, from } = config.mail;
    stopEmailWorker = startEmailWorker(app.ctx, {
      logger: app.log,
      transport: smtpUrl && from ? smtpTransport(smtpUrl, from) : null,
    });
    stopExportWorker = startExportWorker(app.ctx, { logger: app.log });
    if (config.retention.enabled)
      stopRetentionJob = startRetentionJob(app.ctx, { ...config.retention, logger: app.log });
  } catch (error) {
    await app?.close().catch(() => {});
    await demo?.close().catch(() => {});
    await database.close().catch(() => {});
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      fail(
        `Port ${(error as { port?: number }).port ?? config.port} is already in use: stop the program using it, or set PORT (ONSS_SIMULATOR_PORT for the simulator) to a free port.`,
      );
    }
    if (code === 'EACCES')
      fail(`Not allowed to listen on port ${config.port}: choose a port above 1024 with PORT.`);
    throw error;
  }

  const showDemoLogins = seedDemo || (await hasDemoTenant(database.db));
  printWelcome({
    config,
    database,
    seeded: seedDemo,
    showDemoLogins,
    demo,
    readyInMs: performance.now() - startedAt,
  });
}

await main();
