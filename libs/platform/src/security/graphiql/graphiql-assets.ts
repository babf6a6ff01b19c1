import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GRAPHIQL_BOOT_SCRIPT } from './graphiql-page';

export interface GraphiqlAsset {
  readonly contentType: string;
  readonly body: Buffer;
}

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/**
 * The browser files of the GraphiQL page, from npm packages installed with the API (graphiql 4's
 * UMD build on React 18's: the last GraphiQL that ships one, so no bundler and no CDN is needed).
 * Government networks often have no internet access: nothing here is fetched from elsewhere, and
 * the stylesheet embeds its fonts and images as data URLs.
 */
const SOURCES: Readonly<Record<string, { readonly file: () => string; readonly contentType: string }>> = {
  'react.production.min.js': { file: () => join(dirname(require.resolve('react')), 'umd/react.production.min.js'), contentType: JS },
  'react-dom.production.min.js': { file: () => join(dirname(require.resolve('react-dom')), 'umd/react-dom.production.min.js'), contentType: JS },
  'graphiql.min.js': { file: () => join(dirname(require.resolve('graphiql/package.json')), 'graphiql.min.js'), contentType: JS },
  'graphiql.min.css': { file: () => join(dirname(require.resolve('graphiql/package.json')), 'graphiql.min.css'), contentType: CSS },
};

export const GRAPHIQL_ASSET_NAMES = [...Object.keys(SOURCES), 'graphiql-boot.js'] as const;

const loaded = new Map<string, GraphiqlAsset>();

/** One of the page's files by name (a fixed list: no path from the request reaches the file system), or null. */
export function graphiqlAsset(name: string): GraphiqlAsset | null {
  const cached = loaded.get(name);
  if (cached) return cached;
  let asset: GraphiqlAsset | null = null;
  if (name === 'graphiql-boot.js') asset = { contentType: JS, body: Buffer.from(GRAPHIQL_BOOT_SCRIPT, 'utf8') };
  else if (Object.hasOwn(SOURCES, name)) {
    const source = SOURCES[name];
    if (source) asset = { contentType: source.contentType, body: readFileSync(source.file()) };
  }
  if (asset) loaded.set(name, asset);
  return asset;
}
