import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { compression } from 'vite-plugin-compression2';

/**
 * Mantine's `useId` (@mantine/hooks 9) starts from React's `useId` and then, in a layout effect of every component
 * that has one, swaps it for a random id: a synchronous second render of each such component right after the first
 * render or hydration of a page, kept for React versions without `useId`. React 19 gives ids that are unique and the
 * same on the server and in the browser, so this module keeps React's id (with Mantine's prefix and shape) and skips
 * the swap. On the plan page it took a quarter of the main thread's blocking time on a mobile profile
 * (docs/decisions/0011-server-rendered-pages.md).
 */
function mantineReactId(): Plugin {
  return {
    name: 'groeipad:mantine-react-id',
    enforce: 'pre',
    load(id) {
      if (!id.replace(/\\/g, '/').endsWith('/@mantine/hooks/esm/use-id/use-id.mjs')) return null;
      return [
        "import { useId as useReactId } from 'react';",
        'export function useId(staticId) {',
        '  const reactId = useReactId();',
        "  return typeof staticId === 'string' ? staticId : 'mantine-' + reactId.replace(/:/g, '');",
        '}',
      ].join('\n');
    },
  };
}

export default defineConfig(({ isSsrBuild, mode }) => ({
  root: 'src/web',
  plugins: [
    mantineReactId(),
    react(),
    // Every built asset also as .gz and .br beside it: the server sends these to browsers that accept them.
    ...(isSsrBuild ? [] : [compression({ algorithms: ['gzip', 'brotliCompress'] })]),
  ],
  build: isSsrBuild
    ? // The server build of the web app (entry-server.tsx): one self-contained module set the server loads, with
      // React, Mantine and the rest bundled in, so a production install needs none of the web app's packages.
      { outDir: '../../dist/ssr', emptyOutDir: true, sourcemap: false, target: 'node20' }
    : {
        outDir: '../../dist/web',
        emptyOutDir: true,
        sourcemap: false,
        chunkSizeWarningLimit: 600,
        // .vite/manifest.json: which chunks each module needs, for the server to name them in a rendered page.
        manifest: true,
      },
  ssr: { noExternal: true },
  // The server build decides React's production or development code when it is built, not by the server's
  // NODE_ENV when it runs (which a production start need not set): development React renders several times slower.
  ...(isSsrBuild ? { define: { 'process.env.NODE_ENV': JSON.stringify(mode) } } : {}),
  server: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
}));
