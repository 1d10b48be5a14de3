# syntax=docker/dockerfile:1
ARG GO_VERSION=1.22

FROM golang:${GO_VERSION} AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build CGO_ENABLED=0 go build -o /out/server ./cmd/server


FROM alpine:latest AS runtime
RUN apk add --no-cache ca-certificates
# the app folder
WORKDIR /app
COPY --from=build /out/server /app/server
USER nobody
ENTRYPOINT ["/app/server"]
