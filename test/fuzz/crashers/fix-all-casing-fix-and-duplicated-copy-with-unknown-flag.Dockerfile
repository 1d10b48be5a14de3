le:1
FROM ${BASE}
COPY --mount=typo=none . /app
RUN --from=build <<EOF
yarn install --frozen-lockfile
apt-get update
EOF
