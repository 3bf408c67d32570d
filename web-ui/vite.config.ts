/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import tailwindcss from '@tailwindcss/vite';

// `npm run dev` serves the UI on :5173 (`npx vite preview` the built one on :4173) and forwards /api to the
// backend (make run: :8000, or ANKIRAG_API).
// The browser sees one origin, so the API's CORS check has nothing to do: the Origin header is dropped.
const proxy = {
  '/api': {
    target: process.env.ANKIRAG_API ?? 'http://localhost:8000',
    changeOrigin: true,
    configure: (server: { on: (event: 'proxyReq', listener: (request: { removeHeader(name: string): void }) => void) => void }) => {
      server.on('proxyReq', (request) => request.removeHeader('origin'));
    },
  },
};

export default defineConfig({
  plugins: [vue(), tailwindcss()],
  resolve: {
    alias: { '@': new URL('./src', import.meta.url).pathname },
  },
  server: { port: 5173, proxy },
  preview: { port: 4173, proxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
  },
  test: {
    environment: 'happy-dom',
    environmentOptions: { happyDOM: { url: 'http://localhost:8000' } },
    include: ['src/**/*.spec.ts'],
    restoreMocks: true,
  },
});
