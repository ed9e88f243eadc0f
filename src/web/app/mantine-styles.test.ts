import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const core = join(repo, 'node_modules/@mantine/core');

function filesUnder(dir: string, suffixes: string[]): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path, suffixes);
    return suffixes.some((s) => entry.name.endsWith(s)) ? [path] : [];
  });
}

/** The names a set of files imports from `@mantine/core`. */
function coreImports(files: string[]): Set<string> {
  const names = new Set<string>();
  for (const file of files)
    for (const match of readFileSync(file, 'utf8').matchAll(
      /import\s*\{([^}]*)\}\s*from\s*['"]@mantine\/core['"]/g,
    ))
      for (const part of (match[1] ?? '').split(',')) {
        const name =
          part
            .trim()
            .replace(/^type\s+/, '')
            .split(/\s+as\s+/)[0] ?? '';
        if (/^[A-Z]/.test(name) && !part.trim().startsWith('type ')) names.add(name);
      }
  return names;
}

/** The CSS class names of every component the given exports are built from (Mantine's `*.module.mjs` maps). */
function classesOf(names: Set<string>): Set<string> {
  const esm = join(core, 'esm');
  const fileOf = new Map<string, string>();
  for (const match of readFileSync(join(esm, 'index.mjs'), 'utf8').matchAll(
    /import\s*\{([^}]*)\}\s*from\s*['"](\.\/[^'"]+)['"]/g,
  ))
    for (const part of (match[1] ?? '').split(','))
      fileOf.set(
        part
          .trim()
          .split(/\s+as\s+/)
          .pop() ?? '',
        resolve(esm, match[2] ?? ''),
      );
  const seen = new Set<string>();
  const classes = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    if (file.endsWith('.module.mjs')) for (const m of source.matchAll(/m_[0-9a-f]{8}/g)) classes.add(m[0]);
    for (const m of source.matchAll(/from\s*['"](\.[^'"]+)['"]/g)) visit(resolve(dirname(file), m[1] ?? ''));
  };
  for (const name of names) {
    const file = fileOf.get(name);
    if (file) visit(file);
  }
  return classes;
}

describe('the Mantine styles the app loads (app/mantine-styles.ts)', () => {
  const listed = [
    ...readFileSync(join(repo, 'src/web/app/mantine-styles.ts'), 'utf8').matchAll(
      /import '@mantine\/core\/styles\/([A-Za-z-]+\.css)';/g,
    ),
  ].map((m) => m[1] ?? '');
  const all = readFileSync(join(core, 'styles.css'), 'utf8');
  const base = ['baseline.css', 'default-css-variables.css', 'global.css'];

  it('has the styles of every component the app and the Mantine packages it uses render', () => {
    const used = coreImports([
      ...filesUnder(join(repo, 'src/web'), ['.ts', '.tsx']),
      ...['dates', 'notifications', 'charts'].flatMap((p) =>
        filesUnder(join(repo, 'node_modules/@mantine', p, 'esm'), ['.mjs']),
      ),
    ]);
    expect(used.has('Button')).toBe(true);
    const classes = classesOf(used);
    const needed = readdirSync(join(core, 'styles'))
      .filter((f) => f.endsWith('.css') && !f.endsWith('.layer.css') && !base.includes(f))
      .filter((f) =>
        [...readFileSync(join(core, 'styles', f), 'utf8').matchAll(/m_[0-9a-f]{8}/g)].some((m) =>
          classes.has(m[0]),
        ),
      );
    expect(needed.length).toBeGreaterThan(20);
    expect(needed.filter((f) => !listed.includes(f))).toEqual([]);
  });

  it('loads the base first, then the components in the order of styles.css', () => {
    expect(listed.slice(0, 3)).toEqual(base);
    const positions = listed.slice(3).map((f) =>
      all.indexOf(
        readFileSync(join(core, 'styles', f), 'utf8')
          .trim()
          .slice(0, 300),
      ),
    );
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });
});
