# The dutygraph API for Docker users. Neo4j runs in its own container (docker-compose.yml);
# the local launcher in neo4j/ is for machines without Docker and is not part of this image.
# test/integration/docker-image.int.test.ts lays out what this file copies and runs it: keep the
# COPY lines of the final stage listing everything the server reads at run time.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY seed ./seed
COPY web ./web
COPY scripts/build-web.mjs ./scripts/build-web.mjs
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
# The server listens on all interfaces here, so it needs an API token: set DUTYGRAPH_TOKEN_HASHES
# (docker-compose.yml reads it from .env; README, "Docker").
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 DUTYGRAPH_DATA_DIR=/app/.data
WORKDIR /app
COPY package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY bin ./bin
COPY cypher ./cypher
COPY schema ./schema
COPY lexicon ./lexicon
COPY seed/fixtures/demo ./seed/fixtures/demo
# The data folder (token file, import folder) belongs to the user the server runs as.
RUN mkdir -p /app/.data/imports && chown -R node:node /app/.data
USER node
VOLUME /app/.data
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --retries=6 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:4000/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/src/cli/main.js", "serve", "--demo"]
