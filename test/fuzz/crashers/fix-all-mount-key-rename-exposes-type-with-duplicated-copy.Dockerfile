1
FROM a
COPY --plat / /app
RUN expo=1;  yarn install --app
RUN --mount=typo=x ae