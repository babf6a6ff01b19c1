// Integration and e2e tests run many real round trips (HTTP, PostgreSQL, a projector catching up):
// on a loaded two-core machine jest's default 5 s per test was exceeded by correct tests (seen in
// a clean-clone run beside a national catch-up: hostile-input, teams-real-units). Unit tests keep
// the default; a file or a test may still set its own.
jest.setTimeout(30_000);
