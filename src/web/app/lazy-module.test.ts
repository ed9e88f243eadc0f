import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const web = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every `lazyModule('key', () => import('./file.js')...)` of the web app: its key and the file it loads. */
const modules = sources(web).flatMap((file) =>
  [
    ...readFileSync(file, 'utf8').matchAll(/lazyModule\(\s*'([^']+)',\s*\(\)\s*=>\s*import\('([^']+)'\)/g),
  ].map(([, key, specifier]) => ({
    file: relative(web, file),
    key: key ?? '',
    loads: relative(web, resolve(dirname(file), (specifier ?? '').replace(/\.js$/, ''))),
  })),
);

describe('lazy modules', () => {
  it('are found in the app (the router and the plan page)', () => {
    expect(modules.length).toBeGreaterThan(30);
  });

  // The server finds a rendered module's chunks in the build's manifest by its key (src/server/http/page-render.ts).
  it.each(modules)('$key, in $file, is named after the file it loads', ({ key, loads }) => {
    expect(key).toBe(loads);
  });

  it('have keys of their own', () => {
    expect(new Set(modules.map((m) => m.key)).size).toBe(modules.length);
  });
});
