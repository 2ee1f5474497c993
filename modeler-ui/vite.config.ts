import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': 'http://localhost:8080', '/v2': 'http://localhost:8080', '/health': 'http://localhost:8080' } },
  test: { name: 'modeler-ui', include: ['src/**/*.test.{ts,tsx}'], passWithNoTests: true },
});
