FROM R AS docker-cli
FROM
COPY --from=docker-c\\
l