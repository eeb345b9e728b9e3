// Loads a function app the way the Functions host does: package.json "main" from the app root,
// host.json for the route prefix. Returns the registrations it made.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { registeredFunctions, type RegisteredFunction } from './core-api-shim.js';

export interface LoadedFunctionApp {
  functions: readonly RegisteredFunction[];
  routePrefix: string;
  hostJson: Record<string, unknown>;
}

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
}

export async function loadFunctionApp(appRoot: string): Promise<LoadedFunctionApp> {
  const pkg = readJson(path.join(appRoot, 'package.json'));
  if (typeof pkg.main !== 'string') throw new Error('package.json has no "main": the host would find no functions');
  const hostJson = readJson(path.join(appRoot, 'host.json'));
  const extensions = hostJson.extensions as { http?: { routePrefix?: unknown } } | undefined;
  const prefix = extensions?.http?.routePrefix;
  await import(pathToFileURL(path.resolve(appRoot, pkg.main)).href);
  return { functions: [...registeredFunctions], routePrefix: typeof prefix === 'string' ? prefix : 'api', hostJson };
}
