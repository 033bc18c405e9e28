import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './src/build/precompress';

export default defineConfig({
  root: 'src/web',
  // The built files get .br and .gz twins, served as they are by the server (src/server.ts).
  plugins: [react(), precompress()],
  build: { outDir: '../../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
