/** Where the page's files are served (GraphiqlController). */
export const GRAPHIQL_ASSET_PATH = '/graphiql/assets';

/**
 * Headers of the page: never cached or stored (it holds an access token), never framed, scripts
 * only from this origin (no inline script: the token travels in a meta tag), and requests only to
 * this origin. GraphiQL sets inline styles, hence 'unsafe-inline' for styles only.
 */
export const GRAPHIQL_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  pragma: 'no-cache',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page for an authenticated admin, carrying the access token its GraphiQL sends. */
export function graphiqlPage(accessToken: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="cdtt-access-token" content="${escapeHtml(accessToken)}">
<title>CDTT Registry · GraphiQL (admin)</title>
<link rel="stylesheet" href="${GRAPHIQL_ASSET_PATH}/graphiql.min.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="${GRAPHIQL_ASSET_PATH}/react.production.min.js"></script>
<script src="${GRAPHIQL_ASSET_PATH}/react-dom.production.min.js"></script>
<script src="${GRAPHIQL_ASSET_PATH}/graphiql.min.js"></script>
<script src="${GRAPHIQL_ASSET_PATH}/graphiql-boot.js"></script>
</body>
</html>
`;
}

/**
 * Starts GraphiQL with the token from the page: read once, then removed from the DOM and kept only
 * in this closure (never in localStorage, where GraphiQL keeps queries). Every request carries it
 * as a bearer token, so /graphql applies the admin's own limits. When it expires (15 min) /graphql
 * answers UNAUTHENTICATED; reloading the page signs in again.
 */
export const GRAPHIQL_BOOT_SCRIPT = `(function () {
  'use strict';
  var meta = document.querySelector('meta[name="cdtt-access-token"]');
  var token = meta ? meta.getAttribute('content') : '';
  if (meta && meta.parentNode) meta.parentNode.removeChild(meta);
  var fetcher = GraphiQL.createFetcher({ url: '/graphql', headers: { authorization: 'Bearer ' + token } });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, { fetcher: fetcher, shouldPersistHeaders: false, defaultEditorToolsVisibility: true }));
})();
`;
