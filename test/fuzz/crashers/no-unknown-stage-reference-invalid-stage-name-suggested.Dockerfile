FROM e AS "exit-arm64
FROM
COPY --from=exit-arm64 t 6