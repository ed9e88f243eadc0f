import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/harness.js';

/**
 * The built web app as the production server sends it: the build writes `.br` and `.gz` beside every asset
 * (vite.config.ts), and the server answers them to browsers that accept them. A fake build in a temp folder.
 */
const webRoot = mkdtempSync(join(tmpdir(), 'groeipad-web-'));
const script = `export const rows = [${Array.from({ length: 400 }, (_, i) => `"row ${i}"`).join(',')}];\n`;
const shell = '<!doctype html><html lang="nl-BE"><head><title>Groeipad</title></head><body></body></html>\n';
mkdirSync(join(webRoot, 'assets'));
for (const [path, text] of [
  ['assets/app-Bx12.js', script],
  ['index.html', shell],
] as const) {
  writeFileSync(join(webRoot, path), text);
  writeFileSync(join(webRoot, `${path}.gz`), gzipSync(text));
  writeFileSync(join(webRoot, `${path}.br`), brotliCompressSync(text));
}

const varies = (header: unknown) =>
  String(header ?? '')
    .toLowerCase()
    .split(',')
    .map((s) => s.trim())
    .includes('accept-encoding');

describeEachDatabase(
  'static assets, pre-compressed',
  (h) => {
    const get = (url: string, acceptEncoding?: string) =>
      h.app.inject({
        method: 'GET',
        url,
        headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
      });

    it('answers a script as brotli or gzip when asked, and plain otherwise', async () => {
      const br = await get('/assets/app-Bx12.js', 'gzip, deflate, br');
      expect(br.statusCode).toBe(200);
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['content-type']).toMatch(/^(text|application)\/javascript/);
      expect(varies(br.headers.vary)).toBe(true);
      expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(br.rawPayload.length).toBeLessThan(script.length / 3);
      expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);

      const gzip = await get('/assets/app-Bx12.js', 'gzip');
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(gzip.headers['content-type']).toMatch(/^(text|application)\/javascript/);
      expect(varies(gzip.headers.vary)).toBe(true);
      expect(gunzipSync(gzip.rawPayload).toString()).toBe(script);

      for (const plain of [await get('/assets/app-Bx12.js'), await get('/assets/app-Bx12.js', 'identity')]) {
        expect(plain.statusCode).toBe(200);
        expect(plain.headers['content-encoding']).toBeUndefined();
        expect(plain.headers['content-type']).toMatch(/^(text|application)\/javascript/);
        // A shared cache must not hand this plain answer to a browser that accepts a compressed one.
        expect(varies(plain.headers.vary)).toBe(true);
        expect(plain.body).toBe(script);
      }
    });

    it('keeps the shell uncached, compressed or not', async () => {
      for (const url of ['/', '/plans/some-plan', '/index.html']) {
        const br = await get(url, 'br');
        expect(br.statusCode, url).toBe(200);
        expect(br.headers['content-encoding'], url).toBe('br');
        expect(br.headers['content-type'], url).toMatch(/^text\/html/);
        expect(br.headers['cache-control'], url).toBe('no-cache');
        expect(brotliDecompressSync(br.rawPayload).toString(), url).toBe(shell);

        const plain = await get(url);
        expect(plain.headers['content-encoding'], url).toBeUndefined();
        expect(plain.headers['cache-control'], url).toBe('no-cache');
        expect(plain.body, url).toBe(shell);
      }
    });

    it('still answers API misses as JSON, not with the shell', async () => {
      const response = await get('/api/nothing-here', 'br');
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toMatch(/json/);
    });
  },
  { webRoot },
);
