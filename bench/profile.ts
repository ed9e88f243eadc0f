/**
 * Sums up V8 CPU profiles written by `npm run bench -- --cpu-prof DIR`: self time per function and per package
 * (node_modules/<name>, our own source, Node internals), so a change can be judged by where the time went.
 *
 *   npm run bench:profile -- DIR [--top 40]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from './targets.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The package a frame belongs to: node_modules/<name>, src/<area>, node: internals, or the VM itself. */
export function ownerOf(url: string): string {
  if (!url) return '(vm)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  if (url.startsWith('node:')) return 'node';
  const src = url.indexOf('/server/');
  if (src >= 0)
    return `ours:${url
      .slice(src + 1)
      .split('/')
      .slice(0, 3)
      .join('/')}`;
  return url;
}

function summarise(files: string[], top: number): void {
  const selfByFunction = new Map<string, number>();
  const selfByOwner = new Map<string, number>();
  let total = 0;
  for (const file of files) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    profile.samples.forEach((id, i) => {
      const node = byId.get(id);
      const delta = profile.timeDeltas[i] ?? 0;
      if (!node) return;
      total += delta;
      const frame = node.callFrame;
      if (frame.functionName === '(idle)' || frame.functionName === '(program)') {
        selfByOwner.set(frame.functionName, (selfByOwner.get(frame.functionName) ?? 0) + delta);
        return;
      }
      const key = `${frame.functionName || '(anonymous)'} ${ownerOf(frame.url)}:${frame.lineNumber + 1}`;
      selfByFunction.set(key, (selfByFunction.get(key) ?? 0) + delta);
      const owner = ownerOf(frame.url);
      selfByOwner.set(owner, (selfByOwner.get(owner) ?? 0) + delta);
    });
  }
  const idle = selfByOwner.get('(idle)') ?? 0;
  const busy = total - idle;
  const pct = (v: number) => `${((100 * v) / busy).toFixed(1).padStart(5)} %`;
  console.log(
    `${files.length} profile(s), ${(busy / 1e6).toFixed(1)} s busy of ${(total / 1e6).toFixed(1)} s\n`,
  );
  console.log('self time per package');
  for (const [owner, v] of [...selfByOwner]
    .filter(([o]) => o !== '(idle)')
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25))
    console.log(`  ${pct(v)}  ${owner}`);
  console.log('\nself time per function');
  for (const [name, v] of [...selfByFunction].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`  ${pct(v)}  ${name}`);
}

const args = parseArgs(process.argv.slice(2));
const dir = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (!dir) throw new Error('usage: npm run bench:profile -- DIR [--top 40]');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.cpuprofile'))
  .map((f) => join(dir, f));
if (files.length === 0) throw new Error(`no .cpuprofile in ${dir}`);
summarise(files, Number(args.get('top') ?? 40));
