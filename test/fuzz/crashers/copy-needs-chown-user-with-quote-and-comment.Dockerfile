FROM
USER root"# syntax=docker/dockerfile:
COPY - /app