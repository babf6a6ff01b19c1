// Provides DATABASE_URL to every test worker: the server given in the environment, or an
// embedded PostgreSQL (PGlite behind pglite-socket) when none is set. Tests that need two truly
// concurrent server transactions check EMBEDDED_POSTGRES and say why they are skipped.
module.exports = async function globalSetup() {
  if (process.env.DATABASE_URL) return;
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const db = await PGlite.create();
  const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1', maxConnections: 16 });
  await server.start();
  const address = server.getServerConn();
  process.env.DATABASE_URL = `postgres://postgres@${address}/postgres`;
  process.env.EMBEDDED_POSTGRES = '1';
  // PGlite has one backend: a pool larger than one interleaves the wire protocol of its clients.
  process.env.DATABASE_POOL_SIZE = '1';
  globalThis.__embeddedPostgres = { db, server };
  console.log(`\n[test] no DATABASE_URL: using embedded PostgreSQL (PGlite) at ${address}`);
};
