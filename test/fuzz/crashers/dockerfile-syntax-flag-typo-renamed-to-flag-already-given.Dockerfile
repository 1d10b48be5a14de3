le:1
FROM ${BASE}
COPY --from=${STAGE} --link --form=build []
COPY --mou . /app
RUN  <<EOF
yarn install --frdate
EOF
