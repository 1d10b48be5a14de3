ac
FROM s"

RUN ho "es" && apt-get update \
  && apt install --yls"

