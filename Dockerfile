# Zaakstroom in one image: the server (web application, API, embedded engine, in-process
# workers) by default; `node workers/dist/main.js` as the command runs the job workers alone.
# Build: docker build -t zaakstroom .    Run: docker run -p 8080:8080 -v zaakstroom:/data zaakstroom

FROM node:20-bookworm-slim AS build
WORKDIR /app
# Dependencies first, so a code change does not reinstall them.
COPY package.json package-lock.json ./
COPY server/package.json server/
COPY workers/package.json workers/
COPY modeler-ui/package.json modeler-ui/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080 DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/server/package.json server/
COPY --from=build /app/server/dist server/dist
COPY --from=build /app/workers/package.json workers/
COPY --from=build /app/workers/dist workers/dist
COPY --from=build /app/modeler-ui/dist modeler-ui/dist
COPY --from=build /app/migrations migrations
COPY --from=build /app/processes processes
# The code belongs to root and is read-only for the process; only /data is writable.
RUN mkdir /data && chown node:node /data
USER node
VOLUME /data
# 8080: web application, /api and REST v2. 26500: the embedded engine's gRPC gateway.
EXPOSE 8080 26500
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "server/dist/main.js"]
