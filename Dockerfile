# syntax=docker/dockerfile:1
# Stagedoor's production image: the same image runs the web instances (`npm start`) and the job worker
# (`npm run worker`); see docker-compose.yml. Node.js as package.json's "engines" asks (>= 20.11; CI runs 20).
ARG NODE_VERSION=20

# Dependencies, with the Prisma client generated (postinstall) from the schema.
FROM node:${NODE_VERSION}-slim AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund --loglevel=error

# The production build (Next.js and the scanner's service worker). No secrets are needed to build.
FROM deps AS build
COPY . .
RUN npm run build

# What runs: the build, the sources the launcher and the worker load through tsx, and node_modules.
FROM node:${NODE_VERSION}-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 DATA_DIR=/app/.data
COPY --from=build --chown=node:node /app ./
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
# 200 when the instance answers and reaches the database; 503 (unhealthy) otherwise.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/api/tickets/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["npm", "start"]
