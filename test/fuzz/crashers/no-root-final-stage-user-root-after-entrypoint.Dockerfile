FROM alpine:3.20
ENTRYPOINT me.
USER root

