import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the schema and committed; the server applies them at start on both
// drivers (PGlite and node-postgres). Keep the SQL accepted by PostgreSQL 15 and PGlite (PG 18).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: './drizzle',
  casing: 'snake_case',
});
